import { beforeEach, describe, expect, it } from 'vitest';
import { lessonFromBody } from '../lesson/testing';
import type { Lesson } from '../lesson/types';
import { createNodeEngine } from '../sql/node-engine';
import { SqlCancelledError, type SqlEngine } from '../sql/types';
import { KEPT_ROWS, runSql } from './executors';
import { NotebookRuntime, type RuntimeOptions } from './runtime';

const lesson = (body: string, datasets: string[] = []): Lesson => lessonFromBody(body, { datasets });

const fence = (id: string, code: string, lang = 'sql') => `\n\`\`\`${lang} id=${id}\n${code}\n\`\`\`\n`;

/** Loads a tiny table the way a dataset loader would, and counts how often it was asked. */
function datasetLoader() {
  const calls: string[][] = [];
  const load: RuntimeOptions['loadDatasets'] = async (names, engine) => {
    calls.push(names);
    await engine.exec('CREATE TABLE trips (trip_id INTEGER, city TEXT, fare REAL); INSERT INTO trips VALUES (1, \'Seoul\', 12.5), (2, \'Busan\', 8.0), (3, \'Seoul\', 20.0);');
  };
  return { calls, load };
}

/** Wraps an engine so statements containing 'hang' wait until cancel(), as a runaway query would. */
function withRunawayQueries(engine: SqlEngine): SqlEngine & { started: Promise<void> } {
  let cancel: (() => void) | undefined;
  let markStarted!: () => void;
  const started = new Promise<void>((resolve) => (markStarted = resolve));
  return {
    ...engine,
    started,
    exec: (sql, params) => {
      if (!sql.includes('hang')) return engine.exec(sql, params);
      markStarted();
      return new Promise((_, reject) => (cancel = () => reject(new SqlCancelledError())));
    },
    cancel: async () => cancel?.(),
    insert: (r) => engine.insert(r),
    reset: () => engine.reset(),
    snapshot: () => engine.snapshot(),
    restore: (b) => engine.restore(b),
    close: () => engine.close(),
  };
}

describe('NotebookRuntime', () => {
  let engine: SqlEngine;
  beforeEach(async () => {
    engine = await createNodeEngine();
  });

  it('runs a sql cell and keeps the last statement’s result', async () => {
    const runtime = new NotebookRuntime(lesson(fence('q', 'CREATE TABLE t(x); INSERT INTO t VALUES (1),(2); SELECT sum(x) AS total FROM t;')), {
      engine,
      loadDatasets: async () => {},
    });
    await runtime.run('q');
    const cell = runtime.cell('q')!;
    expect(cell.status).toBe('done');
    expect(cell.output).toMatchObject({ kind: 'table', statements: 3, result: { columns: ['total'], rows: [[3]] } });
  });

  it('loads the lesson’s datasets once, before the first run', async () => {
    const data = datasetLoader();
    const runtime = new NotebookRuntime(lesson(fence('a', 'SELECT count(*) FROM trips;') + fence('b', 'SELECT max(fare) FROM trips;'), ['trips']), {
      engine,
      loadDatasets: data.load,
    });
    await runtime.run('a');
    await runtime.run('b');
    expect(data.calls).toEqual([['trips']]);
    expect(runtime.state.datasets).toEqual({ state: 'ready' });
    expect(runtime.cell('b')!.output).toMatchObject({ result: { rows: [[20]] } });
  });

  it('shows a dataset that failed to load on the cell, and tries again on the next run', async () => {
    let attempts = 0;
    const runtime = new NotebookRuntime(lesson(fence('a', 'SELECT 1;'), ['trips']), {
      engine,
      loadDatasets: async () => {
        attempts += 1;
        if (attempts === 1) throw new Error('could not fetch datasets/trips.csv (HTTP 404)');
      },
    });
    await runtime.run('a');
    expect(runtime.cell('a')).toMatchObject({ status: 'error', output: { kind: 'error', message: expect.stringContaining('HTTP 404') } });
    expect(runtime.state.datasets).toMatchObject({ state: 'error' });
    await runtime.run('a');
    expect(runtime.cell('a')!.status).toBe('done');
    expect(attempts).toBe(2);
  });

  it('names the exercise that makes a table a cell found missing', async () => {
    const exercise = [
      '```sql exercise id=make-t\nSELECT 1;\n```',
      '```sql solution for=make-t\nCREATE TABLE t AS SELECT 1 AS x;\n```',
      '```yaml checks for=make-t\n- table: {name: t}\n```',
    ].join('\n\n');
    const runtime = new NotebookRuntime(lesson(`\n${exercise}\n` + fence('reads', 'SELECT x FROM t;') + fence('other', 'SELECT y FROM nowhere;')), {
      engine,
      loadDatasets: async () => {},
    });
    await runtime.run('reads');
    await runtime.run('other');
    expect(runtime.cell('reads')!.output).toEqual({
      kind: 'error',
      message: 'no such table: t',
      statement: 1,
      tables: expect.anything(),
      madeBy: { table: 't', exercise: 'make-t' },
    });
    expect(runtime.cell('other')!.output).not.toHaveProperty('madeBy');
  });

  it('names the unsolved exercise an exercise builds on, when its table is missing', async () => {
    const exercise = (id: string, solution: string, check: string) =>
      [`\`\`\`sql exercise id=${id}\nSELECT 1;\n\`\`\``, `\`\`\`sql solution for=${id}\n${solution}\n\`\`\``, `\`\`\`yaml checks for=${id}\n${check}\n\`\`\``].join('\n\n');
    const runtime = new NotebookRuntime(
      lesson(`\n${exercise('make-t', 'CREATE TABLE t AS SELECT 1 AS x;', '- table: {name: t}')}\n\n${exercise('uses-t', 'SELECT x FROM t;', '- result: {}')}\n`),
      { engine, loadDatasets: async () => {} },
    );
    runtime.edit('uses-t', 'SELECT x FROM t;');
    await runtime.run('uses-t');
    expect(runtime.cell('uses-t')!.output).toMatchObject({ kind: 'exercise', pass: false, madeBy: { table: 't', exercise: 'make-t' } });
  });

  it('adds a tip to an error whose message names only the symptom', async () => {
    const runtime = new NotebookRuntime(lesson(fence('twice', 'CREATE TABLE t(x);') + fence('fine', 'SELECT nope;')), {
      engine,
      loadDatasets: async () => {},
    });
    await runtime.run('twice');
    await runtime.run('twice');
    await runtime.run('fine');
    expect(runtime.cell('twice')!.output).toMatchObject({ kind: 'error', tip: { code: 'already-exists', kind: 'table', name: 't' } });
    expect(runtime.cell('fine')!.output).not.toHaveProperty('tip');
  });

  it('runs all cells top to bottom and withdraws the rest after an error', async () => {
    const runtime = new NotebookRuntime(
      lesson(fence('make', 'CREATE TABLE t(x);') + fence('bad', 'SELECT nope FROM t;') + fence('after', 'SELECT 1;')),
      { engine, loadDatasets: async () => {} },
    );
    await runtime.runAll();
    expect(runtime.state.cells.map((c) => c.status)).toEqual(['done', 'error', 'idle']);
    expect(runtime.cell('bad')!.output).toMatchObject({ kind: 'error', message: 'no such column: nope' });
  });

  it('shows only the newer result when a cell is run again while it runs', async () => {
    const runtime = new NotebookRuntime(lesson(fence('q', 'SELECT 1 AS v;')), { engine, loadDatasets: async () => {} });
    const first = runtime.run('q');
    expect(runtime.cell('q')!.status).toBe('running');
    runtime.edit('q', 'SELECT 2 AS v;');
    const second = runtime.run('q');
    const seen: unknown[] = [];
    runtime.subscribe((s) => seen.push(s.cells[0].output));
    await Promise.all([first, second]);
    expect(runtime.cell('q')).toMatchObject({ status: 'done', output: { result: { rows: [[2]] } } });
    expect(seen).not.toContainEqual(expect.objectContaining({ result: expect.objectContaining({ rows: [[1]] }) }));
  });

  it('stops a runaway cell, withdraws the queued ones and keeps the notebook usable', async () => {
    const runaway = withRunawayQueries(engine);
    const runtime = new NotebookRuntime(
      lesson(fence('make', 'CREATE TABLE t(x); INSERT INTO t VALUES (7);') + fence('loop', 'SELECT hang;') + fence('later', 'SELECT x FROM t;')),
      { engine: runaway, loadDatasets: async () => {} },
    );
    const all = runtime.runAll();
    await runaway.started;
    expect(runtime.state.running).toBe('loop');
    await runtime.stop();
    await all;
    expect(runtime.cell('loop')).toMatchObject({ status: 'error', output: { kind: 'stopped' } });
    expect(runtime.cell('later')!.status).toBe('idle');
    await runtime.run('later');
    expect(runtime.cell('later')!.output).toMatchObject({ result: { rows: [[7]] } });
  });

  it('says plainly that a kind of cell cannot run yet instead of failing silently', async () => {
    const runtime = new NotebookRuntime(lesson(fence('spec', '{"type": "bar"}', 'chart')), {
      engine,
      loadDatasets: async () => {},
      executors: { sql: runSql },
    });
    await runtime.run('spec');
    expect(runtime.cell('spec')!.output).toMatchObject({ kind: 'error', message: expect.stringContaining('cannot run chart cells') });
  });

  it('measures how long a run took with the clock it was given', async () => {
    let t = 100;
    const runtime = new NotebookRuntime(lesson(fence('q', 'SELECT 1;')), { engine, loadDatasets: async () => {}, now: () => (t += 5) });
    await runtime.run('q');
    expect(runtime.cell('q')!.elapsedMs).toBe(5);
  });

  it('refuses to run a cell id the lesson does not have', () => {
    const runtime = new NotebookRuntime(lesson(fence('q', 'SELECT 1;')), { engine, loadDatasets: async () => {} });
    expect(() => runtime.run('nope')).toThrow(/No code cell with id 'nope'/);
  });
});

describe('NotebookRuntime with a large result', () => {
  it('keeps the first rows of a huge result and counts all of them', async () => {
    const engine = await createNodeEngine();
    const runtime = new NotebookRuntime(
      lesson(fence('big', 'WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 25000) SELECT i FROM n;')),
      { engine, loadDatasets: async () => {} },
    );
    await runtime.run('big');
    const output = runtime.cell('big')!.output;
    if (output?.kind !== 'table') throw new Error('expected a table');
    expect(output.totalRows).toBe(25000);
    expect(output.result.rows).toHaveLength(KEPT_ROWS);
    expect(output.result.rows.at(-1)).toEqual([KEPT_ROWS]);
  });
});

describe('NotebookRuntime chart cells', () => {
  const setup = 'CREATE TABLE trips(city TEXT, fare REAL); INSERT INTO trips VALUES (\'Seoul\', 10), (\'Busan\', 7), (\'Seoul\', 5);';
  const byCity = 'SELECT city, sum(fare) AS total FROM trips GROUP BY city ORDER BY city;';

  it('draws the rows of its own query', async () => {
    const engine = await createNodeEngine();
    const spec = `type: bar\nquery: "${byCity}"\nx: city\ny: total`;
    const runtime = new NotebookRuntime(lesson(fence('setup', setup) + fence('fares', spec, 'chart')), { engine, loadDatasets: async () => {} });
    await runtime.runAll();
    expect(runtime.cell('fares')).toMatchObject({
      status: 'done',
      output: { kind: 'chart', spec: { type: 'bar', x: 'city', y: 'total' }, result: { rows: [['Busan', 7], ['Seoul', 15]] } },
    });
  });

  it('asks for its source cell to run first, then redraws whenever that cell reruns', async () => {
    const engine = await createNodeEngine();
    const runtime = new NotebookRuntime(
      lesson(fence('setup', setup) + fence('by-city', byCity) + fence('fares', 'type: bar\nfrom: by-city\nx: city\ny: total', 'chart')),
      { engine, loadDatasets: async () => {} },
    );
    await runtime.run('fares');
    expect(runtime.cell('fares')!.output).toMatchObject({ kind: 'error', message: 'Run cell by-city first: this chart draws its result.' });
    await runtime.run('setup');
    await runtime.run('by-city');
    await runtime.run('fares');
    expect(runtime.cell('fares')!.output).toMatchObject({ kind: 'chart', result: { rows: [['Busan', 7], ['Seoul', 15]] } });
    runtime.edit('by-city', "SELECT city, sum(fare) AS total FROM trips WHERE city = 'Seoul' GROUP BY city;");
    await runtime.run('by-city');
    await expect.poll(() => runtime.cell('fares')!.output).toMatchObject({ kind: 'chart', result: { rows: [['Seoul', 15]] } });
  });

  it('shows what is wrong with a spec or with its columns', async () => {
    const engine = await createNodeEngine();
    const runtime = new NotebookRuntime(
      lesson(fence('setup', setup) + fence('typo', 'type: pie\nquery: SELECT 1\nx: a\ny: b', 'chart') + fence('columns', `type: bar\nquery: "${byCity}"\nx: city\ny: totl`, 'chart')),
      { engine, loadDatasets: async () => {} },
    );
    await runtime.run('setup');
    await runtime.run('typo');
    await runtime.run('columns');
    expect(runtime.cell('typo')!.output).toMatchObject({ kind: 'error', message: expect.stringContaining("unknown chart type 'pie'") });
    expect(runtime.cell('columns')!.output).toMatchObject({ kind: 'error', message: expect.stringContaining("did you mean 'total'") });
  });
});
