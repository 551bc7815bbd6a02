// JsSandbox on the page side, with the runner in an in-process fake worker
// (InProcessSandboxWorker) and the Node SQL engine. Code that never yields
// cannot be stopped in-process; thread.test.ts covers that with a real thread.
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { createNodeEngine } from '../sql/node-engine';
import { SqlCancelledError, type SqlEngine } from '../sql/types';
import { JsSandbox, runJs, type SandboxWorkerLike } from './host';
import { InProcessSandboxWorker } from './in-process-worker';
import type { SandboxOutput } from './protocol';
import { DATASET_FILES, readDataset } from './test-fixtures/datasets';

let engine: SqlEngine;
let workers: InProcessSandboxWorker[];

beforeEach(async () => {
  engine = await createNodeEngine();
  workers = [];
});

function sandbox(options: { engine?: SqlEngine; timeoutMs?: number; createWorker?: () => SandboxWorkerLike } = {}) {
  return new JsSandbox({
    engine: options.engine ?? engine,
    readText: readDataset,
    files: DATASET_FILES,
    timeoutMs: options.timeoutMs,
    createWorker:
      options.createWorker ??
      (() => {
        const worker = new InProcessSandboxWorker();
        workers.push(worker);
        return worker;
      }),
  });
}

async function count(table: string): Promise<unknown> {
  return (await engine.exec(`SELECT count(*) FROM "${table}"`)).result.rows[0][0];
}

describe('a run', () => {
  it('collects outputs in order, streams them, and records tables written and read', async () => {
    const streamed: SandboxOutput[] = [];
    const result = await sandbox().run(
      `const trips = await extract('trips.csv');
console.log('trips:', trips.length);
await load('raw_trips', trips);
display(await sql('SELECT city, count(*) AS n FROM raw_trips GROUP BY city ORDER BY city'));`,
      { onOutput: (o) => streamed.push(o) },
    );
    expect(result.status).toBe('done');
    expect(result.outputs).toEqual([
      { kind: 'log', level: 'log', text: 'trips: 4' },
      { kind: 'table', totalRows: 2, result: { columns: ['city', 'n'], rows: [['Busan', 1], ['Seoul', 3]], kinds: ['ti', 'ti'] } },
    ]);
    expect(streamed).toEqual(result.outputs);
    expect(result.tablesWritten).toEqual(['raw_trips']);
    expect(result.tablesRead).toEqual(['raw_trips']);
    expect(result.elapsedMs).toBeGreaterThanOrEqual(0);
    expect(workers).toHaveLength(1);
    expect(workers[0].isTerminated).toBe(true);
  });

  it('ends with the error, as "line N: message", when the code throws', async () => {
    const result = await runJs('console.log("before");\n\nthrow new RangeError("fare out of range");', {
      engine,
      readText: readDataset,
      createWorker: () => new InProcessSandboxWorker(),
    });
    expect(result.status).toBe('error');
    expect(result.error).toMatchObject({ name: 'RangeError', line: 3 });
    expect(result.outputs).toEqual([
      { kind: 'log', level: 'log', text: 'before' },
      { kind: 'error', message: 'line 3: RangeError: fare out of range', line: 3, column: 7 },
    ]);
  });

  it('ignores messages that are not part of the protocol', async () => {
    const fake = new InProcessSandboxWorker();
    const result = sandbox({ createWorker: () => fake }).run('await new Promise((r) => setTimeout(r, 20));');
    fake.dispatchEvent(new MessageEvent('message', { data: { type: 'done-ish' } }));
    fake.dispatchEvent(new MessageEvent('message', { data: 'done' }));
    expect((await result).status).toBe('done');
  });

  it('reports a worker that fails to start', async () => {
    const broken = new InProcessSandboxWorker();
    const result = sandbox({ createWorker: () => broken }).run('1');
    broken.terminate();
    broken.dispatchEvent(Object.assign(new Event('error'), { message: 'Failed to fetch worker.js' }));
    expect(await result).toMatchObject({
      status: 'error',
      error: { message: 'The JavaScript sandbox stopped unexpectedly: Failed to fetch worker.js' },
    });
  });
});

describe('stopping', () => {
  const forever = `await load('kept', [{ a: 1 }, { a: 2 }]);\nconsole.log('loaded');\nawait new Promise(() => {});`;

  it('stops a run that never finishes after the time limit, keeping tables written before', async () => {
    const result = await sandbox({ timeoutMs: 500 }).run(forever);
    expect(result.status).toBe('stopped');
    expect(result.outputs).toEqual([
      { kind: 'log', level: 'log', text: 'loaded' },
      {
        kind: 'error',
        stopped: true,
        message: 'Stopped after 0.5 s: the time limit for this cell. Tables written before the stop are kept.',
      },
    ]);
    expect(result.tablesWritten).toEqual(['kept']);
    expect(await count('kept')).toBe(2);
    expect(workers[0].isTerminated).toBe(true);
  });

  it('uses the per-run time limit over the sandbox default', async () => {
    const result = await sandbox({ timeoutMs: 60_000 }).run('await new Promise(() => {});', { timeoutMs: 50 });
    expect(result.outputs.at(-1)).toMatchObject({ message: expect.stringMatching(/^Stopped after 0.1 s: the time limit/) });
  });

  it('stop() ends the run at once; the next run sees the tables', async () => {
    const box = sandbox();
    const outputs: SandboxOutput[] = [];
    const first = box.run(forever, { onOutput: (o) => outputs.push(o) });
    await vi.waitFor(() => expect(outputs).toHaveLength(1));
    expect(box.running).toBe(true);
    box.stop();
    const result = await first;
    expect(result.status).toBe('stopped');
    expect(result.outputs.at(-1)).toMatchObject({ kind: 'error', stopped: true, message: expect.stringMatching(/^Stopped after /) });
    expect(box.running).toBe(false);
    const next = await box.run(`display(await sql('SELECT sum(a) AS total FROM kept'))`);
    expect(next.outputs).toEqual([{ kind: 'table', totalRows: 1, result: { columns: ['total'], rows: [[3]], kinds: ['i'] } }]);
  });

  it('stops when the signal aborts', async () => {
    const controller = new AbortController();
    const result = sandbox().run('await new Promise(() => {});', { signal: controller.signal });
    controller.abort();
    expect((await result).status).toBe('stopped');
  });

  it('running again stops the run under way', async () => {
    const box = sandbox();
    const first = box.run('await new Promise(() => {});');
    const second = box.run('display("second")');
    expect(await first).toMatchObject({ status: 'stopped', outputs: [{ kind: 'error', message: 'Stopped: the cell was run again.' }] });
    expect(await second).toMatchObject({ status: 'done', outputs: [{ kind: 'text', text: 'second' }] });
  });

  it('waits for a load under way to commit, so no table is half-written', async () => {
    let releaseInsert!: () => void;
    const gate = new Promise<void>((resolve) => {
      releaseInsert = resolve;
    });
    let insertStarted = false;
    const slowInsert: SqlEngine = Object.assign(Object.create(engine) as SqlEngine, {
      insert: async (request: Parameters<SqlEngine['insert']>[0]) => {
        insertStarted = true;
        await gate;
        return engine.insert(request);
      },
    });
    const box = sandbox({ engine: slowInsert });
    const run = box.run(`await load('big', Array.from({ length: 1000 }, (_, i) => ({ i })));`);
    await vi.waitFor(() => expect(insertStarted).toBe(true));
    box.stop();
    let settled = false;
    void run.then(() => {
      settled = true;
    });
    await new Promise((r) => setTimeout(r, 20));
    expect(settled).toBe(false);
    releaseInsert();
    const result = await run;
    expect(result.status).toBe('stopped');
    expect(result.tablesWritten).toEqual(['big']);
    expect(await count('big')).toBe(1000);
  });

  it('cancels a sql() call under way in the engine', async () => {
    const SLOW = 'SELECT 1 AS slow';
    let rejectSlow: ((error: Error) => void) | null = null;
    const cancel = vi.fn(async () => {
      rejectSlow?.(new SqlCancelledError());
    });
    const hanging: SqlEngine = Object.assign(Object.create(engine) as SqlEngine, {
      exec: (query: string, params?: Parameters<SqlEngine['exec']>[1]) =>
        query === SLOW
          ? new Promise((_, reject) => {
              rejectSlow = reject;
            })
          : engine.exec(query, params),
      cancel,
    });
    const box = sandbox({ engine: hanging });
    const run = box.run(`await sql('${SLOW}');`);
    await vi.waitFor(() => expect(rejectSlow).not.toBeNull());
    box.stop();
    expect((await run).status).toBe('stopped');
    expect(cancel).toHaveBeenCalledTimes(1);
  });
});
