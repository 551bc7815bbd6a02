// The Airflow export is pinned by golden files (golden/<name>/…): a missing
// expectation is written for review and fails in CI. The DAG must be valid
// Python: checked with python3 -m py_compile where python3 exists.
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { airflowFiles, checkSql, dagId } from './airflow';
import { parsePipelineSpec } from './spec';
import { crc32, zipFiles } from './zip';

const golden = fileURLToPath(new URL('./golden/', import.meta.url));
const hasPython = spawnSync('python3', ['--version']).status === 0;

const NIGHTLY = `schedule: daily at 02:00
start: 2024-04-15
end: 2024-04-21
catchup: true
tasks:
  - id: wait_for_trips
    kind: sensor
    sql: SELECT 1 FROM trip_arrivals WHERE day = :ds AND arrived_at <= :now
    poke_interval: 30m
    timeout: 6h
  - id: clean_trips
    after: [wait_for_trips]
    retries: 2
    retry_delay: 5m
    timeout: 1h
    writes: [clean_trips]
    sql: |
      DELETE FROM clean_trips WHERE day = :ds;
      INSERT INTO clean_trips
      SELECT date(requested_at) AS day, * FROM trips
      WHERE requested_at >= :ds_start AND requested_at < :ds_end;
  - id: build_mart
    after: [clean_trips]
    writes: [daily_city_metrics]
    sql: |
      DELETE FROM daily_city_metrics WHERE day = :ds;
      INSERT INTO daily_city_metrics SELECT day, city, count(*) FROM clean_trips WHERE day = :ds GROUP BY day, city;
  - id: test_mart
    after: [build_mart]
    test: {unique: {table: daily_city_metrics, columns: [day, city]}}
failures:
  - {task: clean_trips, dates: [2024-04-17], until_try: 2}
`;

function spec(text: string) {
  const r = parsePipelineSpec(text);
  if (!r.ok) throw new Error(JSON.stringify(r.errors));
  return r.spec;
}

describe('Airflow export', () => {
  const files = airflowFiles(spec(NIGHTLY), 'nightly-city-mart');

  it('has a DAG file and one SQL file per task', () => {
    expect(files.map((f) => f.path)).toEqual([
      'nightly_city_mart/nightly_city_mart.py',
      'nightly_city_mart/sql/wait_for_trips.sql',
      'nightly_city_mart/sql/clean_trips.sql',
      'nightly_city_mart/sql/build_mart.sql',
      'nightly_city_mart/sql/test_mart.sql',
    ]);
  });

  it.each(files.map((f) => [f.path, f.text] as const))('%s matches its golden file', (path, text) => {
    const file = join(golden, path);
    if (!existsSync(file)) {
      mkdirSync(dirname(file), { recursive: true });
      writeFileSync(file, text);
      if (process.env['CI']) expect.fail(`no golden file for ${path}; wrote ${file} — review it and commit it`);
      return;
    }
    expect(text).toBe(readFileSync(file, 'utf8'));
  });

  it('schedules, depends and retries as the spec says, without the teaching failures', () => {
    const dag = files[0]!.text;
    expect(dag).toContain('schedule="0 2 * * *"');
    expect(dag).toContain('start_date=datetime(2024, 4, 15)');
    expect(dag).toContain('catchup=True');
    expect(dag).toContain('wait_for_trips >> clean_trips');
    expect(dag).toContain('build_mart >> test_mart');
    expect(dag).toContain('retries=2,\n        retry_delay=timedelta(minutes=5)');
    expect(dag).toContain('execution_timeout=timedelta(minutes=60)');
    expect(dag).toContain('poke_interval=1800');
    expect(dag).not.toContain('2024-04-17');
  });

  it.skipIf(!hasPython)('is valid Python (python3 -m py_compile)', () => {
    const dir = mkdtempSync(join(tmpdir(), 'dag-'));
    const file = join(dir, 'dag.py');
    writeFileSync(file, files[0]!.text);
    const run = spawnSync('python3', ['-m', 'py_compile', file], { encoding: 'utf8' });
    expect(run.stderr).toBe('');
    expect(run.status).toBe(0);
  });

  it('a task id that is a Python keyword gets a variable name that is not', () => {
    const text = airflowFiles(spec('start: 2024-04-15\nend: 2024-04-15\ntasks:\n  - {id: pass, sql: SELECT 1}\n  - {id: import, after: [pass], sql: SELECT 1}\n'), '9 lives')[0]!.text;
    expect(text).toContain('pass_task >> import_task');
    expect(dagId('9 lives')).toBe('dag_9_lives');
  });

  it('writes each data test as a query whose first value is true when it passes', () => {
    expect(checkSql({ kind: 'not_null', table: 't', columns: ['a', 'b'], line: 1 })).toBe('SELECT COUNT(*) = 0 FROM "t"\nWHERE "a" IS NULL OR "b" IS NULL');
    expect(checkSql({ kind: 'row_count', table: 't', min: 1, line: 1 })).toBe('SELECT COUNT(*) >= 1 FROM "t"');
  });
});

describe('zipFiles', () => {
  it('computes the standard CRC-32', () => {
    expect(crc32(new TextEncoder().encode('123456789'))).toBe(0xcbf43926);
  });

  it('writes an archive with each file stored whole', () => {
    const zip = zipFiles([{ path: 'a/b.txt', text: 'hello' }, { path: 'c.sql', text: 'SELECT 1;\n' }]);
    const view = new DataView(zip.buffer);
    expect(view.getUint32(0, true)).toBe(0x04034b50);
    expect(view.getUint32(zip.length - 22, true)).toBe(0x06054b50);
    expect(view.getUint16(zip.length - 22 + 10, true)).toBe(2);
    expect(new TextDecoder().decode(zip.slice(30 + 7, 30 + 7 + 5))).toBe('hello');
  });

  it.skipIf(!hasPython)("is read back whole by Python's zipfile", () => {
    const dir = mkdtempSync(join(tmpdir(), 'zip-'));
    const file = join(dir, 'export.zip');
    writeFileSync(file, zipFiles(airflowFiles(spec(NIGHTLY), 'nightly')));
    const out = execFileSync('python3', ['-c', 'import sys, zipfile; z = zipfile.ZipFile(sys.argv[1]); assert z.testzip() is None; print("\\n".join(z.namelist())); print(z.read("nightly/sql/test_mart.sql").decode())', file], { encoding: 'utf8' });
    expect(out).toContain('nightly/nightly.py\nnightly/sql/wait_for_trips.sql');
    expect(out).toContain('SELECT COUNT(*) = 0');
  });
});
