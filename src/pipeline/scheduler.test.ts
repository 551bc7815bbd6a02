import { beforeEach, describe, expect, it } from 'vitest';
import { createNodeEngine } from '../sql/node-engine';
import type { SqlEngine } from '../sql/types';
import { engineRunner } from '../notebook/pipeline-runner';
import { parsePipelineSpec } from './spec';
import { Scheduler } from './scheduler';
import { simulate } from './simulate';
import { gridLetters, partitionsOf, partitionsText } from './partitions';
import type { PipelineSpec } from './types';

let engine: SqlEngine;

async function setUp(): Promise<SqlEngine> {
  const engine = await createNodeEngine();
  await engine.exec(`
    CREATE TABLE raw (day TEXT, v INTEGER);
    INSERT INTO raw VALUES ('2024-04-15', 1), ('2024-04-15', 2), ('2024-04-16', 3), ('2024-04-17', 4), ('2024-04-18', 5), ('2024-04-19', 6);
    CREATE TABLE arrivals (day TEXT, arrived_at TEXT);
    INSERT INTO arrivals VALUES ('2024-04-15', '2024-04-16T01:00:00'), ('2024-04-16', '2024-04-17T03:30:00'), ('2024-04-17', '2024-04-20T00:00:00');
    CREATE TABLE clean (day TEXT, v INTEGER);
    CREATE TABLE log (day TEXT, task TEXT);
  `);
  return engine;
}

beforeEach(async () => {
  engine = await setUp();
});

function spec(text: string): PipelineSpec {
  const r = parsePipelineSpec(text);
  if (!r.ok) throw new Error(r.errors.map((e) => `${e.line}: ${e.message}`).join('\n'));
  return r.spec;
}

const IDEMPOTENT = `DELETE FROM clean WHERE day = :ds;
      INSERT INTO clean SELECT day, v FROM raw WHERE day = :ds;`;

const pipeline = (extra = '', opts: { start?: string; end?: string; top?: string; clean?: string } = {}) => `schedule: daily at 02:00
start: ${opts.start ?? '2024-04-15'}
end: ${opts.end ?? '2024-04-17'}
${opts.top ?? ''}
tasks:
  - id: extract
    sql: INSERT INTO log VALUES (:ds, 'extract')
  - id: clean
    after: [extract]
    writes: [clean]
    sql: |
      ${opts.clean ?? IDEMPOTENT}
  - id: report
    after: [clean]
    sql: INSERT INTO log VALUES (:ds, 'report')
${extra}`;

const rows = async (sql: string) => (await engine.exec(sql)).result.rows;

describe('Scheduler', () => {
  it('runs one run per day, task instances in dependency order, one at a time', async () => {
    const s = await simulate(spec(pipeline()), engineRunner(engine));
    expect(gridLetters(s.spec, s.snapshot)).toBe('extract: S S S\nclean: S S S\nreport: S S S');
    expect(await rows('SELECT day, task FROM log ORDER BY rowid')).toEqual([
      ['2024-04-15', 'extract'], ['2024-04-15', 'report'],
      ['2024-04-16', 'extract'], ['2024-04-16', 'report'],
      ['2024-04-17', 'extract'], ['2024-04-17', 'report'],
    ]);
    // Each run starts at 02:00 the day after its interval, and tries never overlap.
    const attempts = s.snapshot.runs.flatMap((r) => r.instances.flatMap((i) => i.attempts)).sort((a, b) => a.start - b.start);
    for (let i = 1; i < attempts.length; i++) expect(attempts[i]!.start).toBeGreaterThanOrEqual(attempts[i - 1]!.end);
    expect(new Date(s.snapshot.runs[0]!.start! * 60_000).toISOString()).toBe('2024-04-16T02:00:00.000Z');
    expect(await rows("SELECT count(*) FROM clean WHERE day = '2024-04-15'")).toEqual([[2]]);
  });

  it('binds :ds, :ds_start and :ds_end as parameters, never into the text', async () => {
    const s = await simulate(spec(pipeline('', { clean: "INSERT INTO clean SELECT :ds, length(:ds_start) + length(:ds_end) WHERE :ds_start < :ds_end" })), engineRunner(engine));
    const attempt = s.run('2024-04-16')!.instances.find((i) => i.task === 'clean')!.attempts[0]!;
    expect(attempt.statements[0]).toContain(':ds_start');
    expect(attempt.params).toEqual({ ds: '2024-04-16', ds_start: '2024-04-16T00:00:00', ds_end: '2024-04-17T00:00:00' });
    expect(await rows('SELECT * FROM clean ORDER BY day')).toEqual([['2024-04-15', 38], ['2024-04-16', 38], ['2024-04-17', 38]]);
  });

  it('retries after retry_delay until the Nth try succeeds', async () => {
    const text = pipeline(`failures:\n  - {task: clean, dates: [2024-04-16], until_try: 3}\n`).replace('    writes: [clean]', '    writes: [clean]\n    retries: 2\n    retry_delay: 15m');
    const s = await simulate(spec(text), engineRunner(engine));
    expect(gridLetters(s.spec, s.snapshot)).toBe('extract: S S S\nclean: S S3 S\nreport: S S S');
    const tries = s.run('2024-04-16')!.instances.find((i) => i.task === 'clean')!.attempts;
    expect(tries.map((a) => a.ok)).toEqual([false, false, true]);
    expect(tries[0]!.error).toContain('injected');
    expect(tries[1]!.start - tries[0]!.end).toBe(15);
  });

  it('marks everything downstream upstream_failed when the retries run out', async () => {
    const text = pipeline(`failures:\n  - {task: clean, dates: [2024-04-16]}\n`).replace('    writes: [clean]', '    writes: [clean]\n    retries: 1');
    const s = await simulate(spec(text), engineRunner(engine));
    expect(gridLetters(s.spec, s.snapshot)).toBe('extract: S S S\nclean: S F2 S\nreport: S U S');
    expect(s.run('2024-04-16')!.state).toBe('failed');
    expect(partitionsText(s.spec, s.snapshot)).toBe('clean: 04-15 materialized (2 rows), 04-16 failed (0 rows), 04-17 materialized (1 rows)');
  });

  it('with catchup on, a pipeline switched on late runs every missed day in order', async () => {
    const s = new Scheduler(spec(pipeline('', { top: 'catchup: true\nturned_on: 2024-04-18', end: '2024-04-19' })), engineRunner(engine));
    await s.stepRun();
    expect(s.snapshot.runs.map((r) => r.ds)).toEqual(['2024-04-15', '2024-04-16', '2024-04-17']);
    await s.runToEnd();
    expect(s.snapshot.runs.map((r) => [r.ds, r.state])).toEqual([
      ['2024-04-15', 'success'], ['2024-04-16', 'success'], ['2024-04-17', 'success'], ['2024-04-18', 'success'], ['2024-04-19', 'success'],
    ]);
  });

  it('with catchup off, only the latest missed day gets a run; the older ones stay missing', async () => {
    const s = await simulate(spec(pipeline('', { top: 'catchup: false\nturned_on: 2024-04-18', end: '2024-04-19' })), engineRunner(engine));
    expect(s.snapshot.runs.map((r) => r.ds)).toEqual(['2024-04-17', '2024-04-18', '2024-04-19']);
    expect(partitionsOf(s.spec, s.snapshot)[0]!.partitions.map((p) => p.status)).toEqual(['missing', 'missing', 'materialized', 'materialized', 'materialized']);
  });

  it('a backfill of missing days previews and runs only missing and failed ones; with all, every day', async () => {
    const text = pipeline(`failures:\n  - {task: clean, dates: [2024-04-18]}\n`, { top: 'catchup: false\nturned_on: 2024-04-18', end: '2024-04-19' });
    const s = await simulate(spec(text), engineRunner(engine));
    expect(gridLetters(s.spec, s.snapshot)).toBe('extract: S S S\nclean: S F S\nreport: S U S');
    // 04-18 keeps failing (the rule has no until_try), so it is in the plan again and fails again.
    const preview = s.previewBackfill('2024-04-15', '2024-04-19', 'missing');
    expect(preview.map((p) => [p.ds, p.action, p.tasks.join(',')])).toEqual([
      ['2024-04-15', 'create', 'extract,clean,report'],
      ['2024-04-16', 'create', 'extract,clean,report'],
      ['2024-04-17', 'keep', ''],
      ['2024-04-18', 'rerun', 'clean,report'],
      ['2024-04-19', 'keep', ''],
    ]);
    await s.backfill('2024-04-15', '2024-04-19', 'missing');
    expect(s.snapshot.runs.map((r) => `${r.ds} ${r.type} ${r.state}`)).toEqual([
      '2024-04-15 backfill success', '2024-04-16 backfill success', '2024-04-17 scheduled success', '2024-04-18 scheduled failed', '2024-04-19 scheduled success',
    ]);
    const extractsBefore = (await rows("SELECT count(*) FROM log WHERE task = 'extract'"))[0]![0];
    expect(s.previewBackfill('2024-04-15', '2024-04-19', 'all').filter((p) => p.action === 'rerun')).toHaveLength(5);
    await s.backfill('2024-04-15', '2024-04-19', 'all');
    expect((await rows("SELECT count(*) FROM log WHERE task = 'extract'"))[0]![0]).toBe(Number(extractsBefore) + 5);
  });

  it('a sensor pokes every poke_interval and succeeds once its query finds a row', async () => {
    const text = `start: 2024-04-15
end: 2024-04-16
tasks:
  - id: wait
    kind: sensor
    sql: SELECT 1 FROM arrivals WHERE day = :ds AND arrived_at <= :now
    poke_interval: 30m
    timeout: 4h
  - id: clean
    after: [wait]
    writes: [clean]
    sql: |
      ${IDEMPOTENT}
`;
    const s = await simulate(spec(text), engineRunner(engine));
    expect(gridLetters(s.spec, s.snapshot)).toBe('wait: S S\nclean: S S');
    // The runs start at 00:00 the next day: 04-15's trips land at 01:00 (pokes at 00:00, 00:30, 01:00), 04-16's at 03:30.
    expect(s.run('2024-04-15')!.instances[0]!.attempts[0]!.pokes).toBe(3);
    expect(s.run('2024-04-16')!.instances[0]!.attempts[0]!.pokes).toBe(8);
  });

  it('a sensor that finds nothing before its timeout fails, and its downstream is upstream_failed', async () => {
    const text = `start: 2024-04-17
end: 2024-04-17
tasks:
  - id: wait
    kind: sensor
    sql: SELECT 1 FROM arrivals WHERE day = :ds AND arrived_at <= :now
    poke_interval: 1h
    timeout: 6h
  - id: clean
    after: [wait]
    sql: SELECT 1
`;
    const s = await simulate(spec(text), engineRunner(engine));
    const wait = s.run('2024-04-17')!.instances[0]!;
    expect(wait.state).toBe('failed');
    expect(wait.attempts[0]!.pokes).toBe(7);
    expect(wait.attempts[0]!.error).toContain('sensor timed out after 6h 00m');
    expect(s.run('2024-04-17')!.instances[1]!.state).toBe('upstream_failed');
  });

  it('clearing an idempotent task reruns it with no change; a non-idempotent one doubles its partition', async () => {
    const s = await simulate(spec(pipeline()), engineRunner(engine));
    await s.clear('clean', '2024-04-15', false);
    const ti = s.run('2024-04-15')!.instances.find((i) => i.task === 'clean')!;
    expect(ti.attempts.map((a) => a.partitionRows['clean'])).toEqual([2, 2]);
    expect(ti.tryNumber).toBe(2);

    await engine.exec('DELETE FROM clean');
    const appendOnly = await simulate(spec(pipeline('', { clean: 'INSERT INTO clean SELECT day, v FROM raw WHERE day = :ds;' })), engineRunner(engine));
    await appendOnly.clear('clean', '2024-04-15', false);
    await appendOnly.clear('clean', '2024-04-15', false);
    const grown = appendOnly.run('2024-04-15')!.instances.find((i) => i.task === 'clean')!.attempts.map((a) => a.partitionRows['clean']);
    expect(grown).toEqual([2, 4, 6]);
  });

  it('clear with downstream reruns the task and everything after it, not before', async () => {
    const s = await simulate(spec(pipeline()), engineRunner(engine));
    await s.clear('clean', '2024-04-16', true);
    const run = s.run('2024-04-16')!;
    expect(run.instances.map((i) => [i.task, i.tryNumber])).toEqual([['extract', 1], ['clean', 2], ['report', 2]]);
    expect(s.downstreamOf('extract')).toEqual(['clean', 'report']);
  });

  it('a check task runs a data test and fails the run when it fails', async () => {
    const text = `start: 2024-04-15
end: 2024-04-16
tasks:
  - id: load
    sql: INSERT INTO clean SELECT day, v FROM raw WHERE day = :ds
  - id: one_row_per_day
    after: [load]
    test: {unique: {table: clean, columns: [day]}}
`;
    const s = await simulate(spec(text), engineRunner(engine));
    expect(gridLetters(s.spec, s.snapshot)).toBe('load: S S\none_row_per_day: F F');
    expect(s.run('2024-04-15')!.instances[1]!.attempts[0]!.error).toMatch(/clean/);
  });

  it('a try longer than its timeout fails as timed out', async () => {
    const text = pipeline('', { end: '2024-04-15' }).replace('    writes: [clean]', '    writes: [clean]\n    duration: 90m\n    timeout: 1h');
    const s = await simulate(spec(text), engineRunner(engine));
    const clean = s.run('2024-04-15')!.instances[1]!;
    expect(clean.state).toBe('failed');
    expect(clean.attempts[0]!.error).toContain('timed out after 1h 00m');
  });

  it('a seeded probability fails the same tries every time', async () => {
    const text = pipeline(`failures:\n  - {task: extract, probability: 0.5, seed: 3}\n`, { end: '2024-04-21' });
    const a = await simulate(spec(text), engineRunner(engine));
    const b = await simulate(spec(text), engineRunner(await setUp()));
    expect(gridLetters(a.spec, a.snapshot)).toBe(gridLetters(b.spec, b.snapshot));
    expect(gridLetters(a.spec, a.snapshot)).toMatch(/F/);
    expect(gridLetters(a.spec, a.snapshot)).toMatch(/S/);
  });

  it('a manual trigger adds a run for a day without one', async () => {
    const s = await simulate(spec(pipeline('', { top: 'catchup: false\nturned_on: 2024-04-17' })), engineRunner(engine));
    expect(s.snapshot.runs.map((r) => r.ds)).toEqual(['2024-04-16', '2024-04-17']);
    expect(await s.trigger('2024-04-15')).toBe(true);
    expect(await s.trigger('2024-04-15')).toBe(false);
    expect(s.run('2024-04-15')).toMatchObject({ type: 'manual', state: 'success' });
  });
});
