// The runtime's bookkeeping beyond single runs: lineage and stale inputs,
// the schema, exercises and JavaScript cells, each against the Node engine.
import { describe, expect, it } from 'vitest';
import { lessonFromBody } from '../lesson/testing';
import type { Lesson } from '../lesson/types';
import { JsSandbox } from '../sandbox/host';
import { InProcessSandboxWorker } from '../sandbox/in-process-worker';
import { createNodeEngine } from '../sql/node-engine';
import { defaultExecutors, exerciseExecutor, jsExecutor } from './executors';
import { NotebookRuntime } from './runtime';

const lesson = (body: string): Lesson => lessonFromBody(body, { file: 'lessons/01-t.md' });
const fence = (info: string, code: string) => `\n\`\`\`${info}\n${code}\n\`\`\`\n`;

async function runtimeFor(body: string) {
  const engine = await createNodeEngine();
  const sandbox = new JsSandbox({ engine, readText: async () => '', createWorker: () => new InProcessSandboxWorker() });
  const js = jsExecutor((code, options) => sandbox.run(code, options));
  const runtime = new NotebookRuntime(lesson(body), {
    engine,
    loadDatasets: async () => [{ name: 'trips', tables: ['trips'] }],
    executors: { ...defaultExecutors, js, exercise: exerciseExecutor(js) },
  });
  return { engine, runtime };
}

describe('lineage and stale inputs', () => {
  const body =
    fence('sql id=raw', 'CREATE TABLE raw_trips(city TEXT, fare REAL); INSERT INTO raw_trips VALUES (\'Seoul\', 10), (\'Busan\', -3);') +
    fence('sql id=clean', 'CREATE TABLE clean_trips AS SELECT * FROM raw_trips WHERE fare > 0;') +
    fence('sql id=mart', 'SELECT city, sum(fare) AS total FROM clean_trips GROUP BY city;');

  it('records what each cell read and wrote, as SQLite reports it', async () => {
    const { runtime } = await runtimeFor(body);
    await runtime.runAll();
    const { lineage } = runtime.state;
    expect(lineage.get('raw')).toMatchObject({ read: [], written: ['raw_trips'] });
    expect(lineage.get('clean')).toMatchObject({ read: ['raw_trips'], written: ['clean_trips'] });
    expect(lineage.get('mart')).toMatchObject({ read: ['clean_trips'], written: [] });
  });

  it('marks the cells downstream of a rerun as stale, and runs them again on request', async () => {
    const { runtime } = await runtimeFor(body);
    await runtime.runAll();
    expect(runtime.state.staleInputs).toEqual([]);
    runtime.edit('raw', 'DROP TABLE raw_trips; CREATE TABLE raw_trips(city TEXT, fare REAL); INSERT INTO raw_trips VALUES (\'Daegu\', 4);');
    await runtime.run('raw');
    expect(runtime.state.staleInputs).toEqual(['clean', 'mart']);
    runtime.edit('clean', 'DROP TABLE clean_trips; CREATE TABLE clean_trips AS SELECT * FROM raw_trips WHERE fare > 0;');
    await runtime.runStale();
    expect(runtime.state.staleInputs).toEqual([]);
    expect(runtime.cell('mart')!.output).toMatchObject({ result: { rows: [['Daegu', 4]] } });
  });

  it('reads the schema after the data loads and after a cell writes a table', async () => {
    const { runtime } = await runtimeFor(body);
    await runtime.prepare();
    expect(runtime.state.schema?.tables).toEqual([]);
    expect(runtime.state.datasetTables).toEqual([{ name: 'trips', tables: ['trips'] }]);
    await runtime.run('raw');
    expect(runtime.state.schema?.tables.map((t) => [t.name, t.rowCount])).toEqual([['raw_trips', 2]]);
  });
});

describe('exercise cells', () => {
  const body =
    fence('sql id=setup', "CREATE TABLE trips(city TEXT, fare REAL); INSERT INTO trips VALUES ('Seoul', 10), ('Busan', 7), ('Seoul', 5);") +
    fence('sql exercise id=totals', '-- Make city_totals(city, total)') +
    fence('sql solution for=totals', 'CREATE TABLE city_totals AS SELECT city, sum(fare) AS total FROM trips GROUP BY city;') +
    fence('yaml checks for=totals', '- table: city_totals') +
    fence('hint for=totals', 'Use GROUP BY.') +
    fence('sql id=after', 'SELECT count(*) AS n FROM city_totals;');

  it('explains a wrong attempt and leaves the database as it was', async () => {
    const { runtime } = await runtimeFor(body);
    await runtime.run('setup');
    runtime.edit('totals', "CREATE TABLE city_totals AS SELECT city, sum(fare) AS total FROM trips WHERE city = 'Seoul' GROUP BY city;");
    await runtime.run('totals');
    const output = runtime.cell('totals')!.output;
    expect(output).toMatchObject({ kind: 'exercise', pass: false });
    if (output?.kind !== 'exercise') throw new Error('expected an exercise output');
    expect(output.feedback.map((f) => f.message).join('\n')).toBe("1 of the 2 expected rows is missing from table 'city_totals'.");
    await runtime.run('after');
    expect(runtime.cell('after')!.output).toMatchObject({ kind: 'error', message: 'no such table: city_totals' });
  });

  it('passes a right attempt and keeps what it made for the cells after it', async () => {
    const { runtime } = await runtimeFor(body);
    await runtime.run('setup');
    runtime.edit('totals', 'CREATE TABLE city_totals AS SELECT city, sum(fare) AS total FROM trips GROUP BY city;');
    await runtime.run('totals');
    expect(runtime.cell('totals')).toMatchObject({ status: 'done', output: { kind: 'exercise', pass: true, feedback: [] } });
    // Its table is in the lineage, and the cell says what it wrote.
    expect(runtime.state.lineage.get('totals')).toMatchObject({ read: ['trips'], written: ['city_totals'] });
    await runtime.run('after');
    expect(runtime.cell('after')!.output).toMatchObject({ result: { rows: [[2]] } });
  });
});

describe('javascript cells', () => {
  it('loads rows from JavaScript that a SQL cell then reads, and records the write', async () => {
    const { runtime } = await runtimeFor(
      fence('js id=etl', "const rows = [{ city: 'Seoul', fare: 10 }, { city: 'Busan', fare: 7 }];\nawait load('fares', rows);\nconsole.log(`loaded ${rows.length}`);") +
        fence('sql id=read', 'SELECT city, fare FROM fares ORDER BY fare DESC;'),
    );
    await runtime.runAll();
    expect(runtime.cell('etl')!.output).toMatchObject({ kind: 'js', failed: false, outputs: [{ kind: 'log', text: 'loaded 2' }] });
    expect(runtime.state.lineage.get('etl')).toMatchObject({ written: ['fares'] });
    expect(runtime.cell('read')!.output).toMatchObject({ result: { rows: [['Seoul', 10], ['Busan', 7]] } });
  });

  it('shows a thrown error at the learner’s line and stops a run-all there', async () => {
    const { runtime } = await runtimeFor(fence('js id=bad', 'const a = 1;\nthrow new Error("boom");') + fence('sql id=next', 'SELECT 1;'));
    await runtime.runAll();
    const output = runtime.cell('bad')!.output;
    expect(output).toMatchObject({ kind: 'js', failed: true });
    if (output?.kind !== 'js') throw new Error('expected a js output');
    expect(output.outputs.at(-1)).toMatchObject({ kind: 'error', line: 2, message: expect.stringContaining('boom') });
    expect(runtime.cell('next')!.status).toBe('idle');
  });

  it('stops a js cell that waits forever when the learner presses Stop', async () => {
    const { runtime } = await runtimeFor(fence('js id=wait', 'await new Promise(() => {});'));
    const run = runtime.run('wait');
    await expect.poll(() => runtime.state.running).toBe('wait');
    await runtime.stop();
    await run;
    expect(runtime.cell('wait')!.output).toMatchObject({ kind: 'stopped' });
  });
});

describe('javascript exercises', () => {
  const body =
    fence('js exercise id=count-cities', "// display one row per city with its number of trips\ndisplay([{ city: 'Seoul', trips: 0 }]);") +
    fence('js solution for=count-cities', "display(await sql('SELECT city, count(*) AS trips FROM trips GROUP BY city'));") +
    fence('yaml checks for=count-cities', '- result: {order: any}') +
    fence('hint for=count-cities', 'sql() returns rows you can display.');

  async function withTrips() {
    const setup = await runtimeFor(body);
    await setup.engine.exec("CREATE TABLE trips(city TEXT); INSERT INTO trips VALUES ('Seoul'), ('Busan'), ('Seoul');");
    return setup;
  }

  it('compares the last table a js cell displayed with the solution’s', async () => {
    const { runtime } = await withTrips();
    await runtime.run('count-cities');
    expect(runtime.cell('count-cities')!.output).toMatchObject({ kind: 'exercise', pass: false });
    runtime.edit('count-cities', "const rows = await sql('SELECT city, count(*) AS trips FROM trips GROUP BY city ORDER BY city DESC');\ndisplay(rows);");
    await runtime.run('count-cities');
    expect(runtime.cell('count-cities')!.output).toMatchObject({ kind: 'exercise', pass: true });
  });

  it('reports a js attempt that throws as the learner’s error, with its line', async () => {
    const { runtime } = await withTrips();
    runtime.edit('count-cities', 'const a = 1;\nnope();');
    await runtime.run('count-cities');
    const output = runtime.cell('count-cities')!.output;
    if (output?.kind !== 'exercise') throw new Error('expected an exercise output');
    expect(output.pass).toBe(false);
    expect(output.feedback[0]!.message).toMatch(/line 2.*nope is not defined/);
  });
});

describe('javascript time limits', () => {
  it('stops a js cell after the timeout its lesson gives it', async () => {
    const { runtime } = await runtimeFor(fence('js id=slow timeout=1', 'await new Promise(() => {});'));
    await runtime.run('slow');
    const output = runtime.cell('slow')!.output;
    expect(output).toMatchObject({ kind: 'js', failed: true });
    if (output?.kind !== 'js') throw new Error('expected a js output');
    expect(output.outputs.at(-1)).toMatchObject({ kind: 'error', stopped: true, message: expect.stringMatching(/1 s/) });
  });
});
