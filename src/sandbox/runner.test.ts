// The runner called directly (no worker), its requests answered by
// SandboxServices over the Node SQL engine: what a learner's code does.
import { readFileSync } from 'node:fs';
import { beforeEach, describe, expect, it } from 'vitest';
import { createNodeEngine } from '../sql/node-engine';
import type { SqlEngine } from '../sql/types';
import { formatLearnerError } from './compile';
import type { DoneMessage, FailedMessage, SandboxOutput, WorkerMessage } from './protocol';
import { runCell } from './runner';
import { SandboxServices } from './services';
import { DATASET_FILES, readDataset } from './test-fixtures/datasets';

let engine: SqlEngine;

beforeEach(async () => {
  engine = await createNodeEngine();
});

async function run(code: string) {
  const services = new SandboxServices({ engine, readText: readDataset, files: DATASET_FILES });
  const messages: WorkerMessage[] = [];
  let id = 0;
  await runCell(code, {
    send: (message) => messages.push(message),
    request: (body) => {
      id += 1;
      return services.answer({ ...body, id } as Parameters<SandboxServices['answer']>[0]) as never;
    },
  });
  const outputs: SandboxOutput[] = messages.flatMap((m) => (m.type === 'output' ? [m.output] : []));
  const end = messages[messages.length - 1] as DoneMessage | FailedMessage;
  const error = end.type === 'failed' ? formatLearnerError(end.error) : null;
  return { outputs, end, error, services };
}

async function rows(query: string) {
  const { result } = await engine.exec(query);
  return result.rows;
}

describe('load and sql', () => {
  it('round-trips rows: load, then sql returns them as objects', async () => {
    const { outputs, error } = await run(`
      await load('people', [{ id: 1, name: 'Ana', score: 9.5 }, { id: 2, name: 'Bo', score: 7 }]);
      const back = await sql('SELECT * FROM people ORDER BY id');
      console.log(JSON.stringify(back), back.columns.join('|'), back.length);
    `);
    expect(error).toBeNull();
    expect(outputs).toEqual([
      { kind: 'log', level: 'log', text: '[{"id":1,"name":"Ana","score":9.5},{"id":2,"name":"Bo","score":7}] id|name|score 2' },
    ]);
    expect(await rows("SELECT type FROM pragma_table_info('people')")).toEqual([['INTEGER'], ['TEXT'], ['REAL']]);
  });

  it('replaces a table by default and appends with { mode: "append" }', async () => {
    const { error } = await run(`
      await load('t', [{ a: 1 }, { a: 2 }]);
      await load('t', [{ a: 3 }]);
      const r = await load('t', [{ a: 4 }], { mode: 'append' });
      display(r);
    `);
    expect(error).toBeNull();
    expect(await rows('SELECT a FROM t ORDER BY a')).toEqual([[3], [4]]);
  });

  it('reports a column mismatch on append at the line of the load call, and writes nothing', async () => {
    const { error } = await run(`await load('t', [{ a: 1, b: 'x' }]);
const more = [{ a: 2, c: 'y' }];

await load('t', more, { mode: 'append' });`);
    expect(error).toBe(
      `line 4: load("t", rows, { mode: 'append' }): the rows have a column the table lacks: "c"; ` +
        `the table has a column the rows lack: "b". The table's columns are "a", "b".`,
    );
    expect(await rows('SELECT * FROM t')).toEqual([[1, 'x']]);
  });

  it('reports a value of the wrong type with its row number and the learner\'s line', async () => {
    const { error } = await run(`const rows = [{ fare: 1 }, { fare: 2 }, { fare: 'n/a' }];\nawait load('fares', rows);`);
    expect(error).toBe(
      'line 2: load("fares"): row 3 (rows[2]), column "fare": expected a number like row 1 (rows[0]), got the string "n/a". ' +
        'Convert the values so each column holds one kind.',
    );
    expect(await rows("SELECT count(*) FROM sqlite_schema WHERE name = 'fares'")).toEqual([[0]]);
  });

  it('passes SQL errors through with the line of the sql call', async () => {
    const { error } = await run(`const a = 1;\nawait sql('SELECT * FROM nowhere');`);
    expect(error).toBe('line 2: no such table: nowhere');
  });

  it('binds params and reports changes', async () => {
    const { outputs } = await run(`
      await sql('CREATE TABLE t(city TEXT, n INTEGER)');
      const ins = await sql('INSERT INTO t VALUES (:city, :n)', { city: 'Seoul', n: 3 });
      const got = await sql('SELECT n FROM t WHERE city = ?', ['Seoul']);
      console.log(ins.changes, got[0].n);
    `);
    expect(outputs).toEqual([{ kind: 'log', level: 'log', text: '1 3' }]);
  });
});

describe('output', () => {
  it('captures console.log and friends, in order', async () => {
    const { outputs } = await run(`console.log('a', 1, { b: [2] }); console.warn('careful'); console.error(new Error('x'));`);
    expect(outputs).toEqual([
      { kind: 'log', level: 'log', text: 'a 1 {"b":[2]}' },
      { kind: 'log', level: 'warn', text: 'careful' },
      { kind: 'log', level: 'error', text: 'Error: x' },
    ]);
  });

  it('displays arrays of objects as tables, strings as text, other values as JSON', async () => {
    const { outputs } = await run(`
      display([{ city: 'Seoul', n: 2, ok: true }, { city: 'Busan', n: 1.5 }], 'Cities');
      display('hello');
      display({ total: 3, when: new Date(0) });
      display(await sql("SELECT 1 AS one WHERE 0"));
      return 42;
    `);
    expect(outputs).toEqual([
      {
        kind: 'table',
        title: 'Cities',
        totalRows: 2,
        result: { columns: ['city', 'n', 'ok'], rows: [['Seoul', 2, 'true'], ['Busan', 1.5, null]], kinds: ['tit', 'trn'] },
      },
      { kind: 'text', text: 'hello' },
      { kind: 'value', json: '{\n  "total": 3,\n  "when": "1970-01-01T00:00:00.000Z"\n}' },
      { kind: 'table', totalRows: 0, result: { columns: ['one'], rows: [], kinds: [] } },
      { kind: 'value', json: '42' },
    ]);
  });

  it('keeps both columns of a query with a repeated name', async () => {
    const { outputs } = await run(`display(await sql('SELECT 1 AS id, 2 AS id'));`);
    expect(outputs[0]).toMatchObject({ kind: 'table', result: { columns: ['id', 'id_2'], rows: [[1, 2]] } });
  });

  it('stops sending after the output limit and says how many were dropped', async () => {
    const { outputs, end } = await run(`for (let i = 0; i < 600; i++) console.log(i);`);
    expect(outputs).toHaveLength(500);
    expect(end).toEqual({ type: 'done', droppedOutputs: 100 });
  });
});

describe('errors point at the learner\'s line', () => {
  it('a thrown TypeError', async () => {
    const { error, end } = await run(`const trips = await extract('trips.csv');\nconst first = trips.find((t) => t.city === 'Paris');\nconsole.log(first.fare);`);
    expect(error).toBe("line 3: TypeError: Cannot read properties of undefined (reading 'fare')");
    expect(end).toMatchObject({ type: 'failed', error: { line: 3 } });
  });

  it('a syntax error, before anything runs', async () => {
    const { error, outputs } = await run(`console.log('never');\nconst x = {a: 1 b: 2};`);
    expect(error).toMatch(/^line 2: SyntaxError: /);
    expect(outputs).toEqual([]);
  });

  it('a failed extract', async () => {
    const { error } = await run(`\nawait extract('payments.csv');`);
    expect(error).toBe(
      "line 2: extract('payments.csv'): there is no such dataset. The datasets are: trips.csv, app_events.ndjson, server.log.",
    );
  });
});

describe('extract', () => {
  it('reads each format, finds a file by its bare name, and reports malformed lines without throwing', async () => {
    const { outputs, error } = await run(`
      const trips = await extract('trips');
      const events = await extract('app_events.ndjson');
      const log = await extract('server.log');
      console.log(trips.length, typeof trips[0].fare, trips[0].requested_at);
      console.log(events.length, events.problems.map((p) => p.line).join(','));
      console.log(log[1].split(' ')[3]);
    `);
    expect(error).toBeNull();
    expect(outputs.map((o) => (o.kind === 'log' ? o.text : o.kind))).toEqual(['4 number 2024-03-01 08:00', '3 3', '500']);
  });

  it('refuses paths and web addresses', async () => {
    const { error } = await run(`await extract('../secrets.csv');`);
    expect(error).toMatch(/^line 1: extract\('..\/secrets.csv'\): give a dataset's file name/);
  });
});

describe('ETL and ELT, as docs/js-cells.md writes them', () => {
  // The same transformation twice: keep completed trips with a fare >= 0 and
  // add the fare in won. ETL transforms in JavaScript before load(); ELT loads
  // the raw rows and transforms with SQL. The code is the docs' own.
  const docs = readFileSync(new URL('../../docs/js-cells.md', import.meta.url), 'utf8');
  const cell = (id: string) => {
    const match = new RegExp('```js id=' + id + '\\n([\\s\\S]*?)\\n```').exec(docs);
    if (!match) throw new Error(`docs/js-cells.md has no js cell ${id}`);
    return match[1];
  };
  const ETL = cell('clean-trips-etl');
  const ELT = cell('clean-trips-elt');

  it('both produce the same table', async () => {
    const etl = await run(ETL);
    expect(etl.error).toBeNull();
    const etlRows = await rows('SELECT * FROM clean_trips ORDER BY trip_id');
    engine = await createNodeEngine();
    const elt = await run(ELT);
    expect(elt.error).toBeNull();
    expect(await rows('SELECT * FROM clean_trips ORDER BY trip_id')).toEqual(etlRows);
    expect(etlRows).toEqual([
      [1, 'Seoul', 12.5, 16250],
      [4, 'Seoul', 7.25, 9425],
    ]);
  });

  it('records the tables each wrote and read', async () => {
    const etl = await run(ETL);
    expect([...etl.services.tablesWritten]).toEqual(['clean_trips']);
    expect([...etl.services.tablesRead]).toEqual(['clean_trips']);
    engine = await createNodeEngine();
    const elt = await run(ELT);
    expect([...elt.services.tablesWritten].sort()).toEqual(['clean_trips', 'raw_trips']);
    expect([...elt.services.tablesRead].sort()).toEqual(['clean_trips', 'raw_trips']);
  });
});
