// The sandbox in a real thread: JsSandbox over NodeThreadSandboxWorker, i.e.
// a worker_threads Worker running node-worker.ts (the same runner and
// lockdown as the browser's worker.ts). Here code that never yields is
// really stopped, and the lockdown really runs on the thread's globals.
import { beforeAll, describe, expect, it } from 'vitest';
import { createNodeEngine } from '../sql/node-engine';
import type { SqlEngine } from '../sql/types';
import { JsSandbox } from './host';
import { NETWORK_AND_STORAGE_GLOBALS } from './lockdown';
import { NodeThreadSandboxWorker } from './node-thread-worker';
import { DATASET_FILES, readDataset } from './test-fixtures/datasets';

// Defines browser-only globals (importScripts, indexedDB, ...) as stand-ins,
// then starts node-worker.ts, so their removal can be seen in Node.
const PLANTED = new URL('./test-fixtures/planted-worker.ts', import.meta.url).href;

let engine: SqlEngine;
let threads: NodeThreadSandboxWorker[];

beforeAll(async () => {
  engine = await createNodeEngine();
});

function sandbox(entry?: string) {
  threads = [];
  return new JsSandbox({
    engine,
    readText: readDataset,
    files: DATASET_FILES,
    createWorker: () => {
      const thread = new NodeThreadSandboxWorker(entry);
      threads.push(thread);
      return thread;
    },
  });
}

describe('in a real thread', () => {
  it('an infinite loop is stopped by the time limit; tables loaded before it survive', async () => {
    const box = sandbox();
    const result = await box.run(`await load('before_loop', [{ a: 1 }]);\nlet i = 0;\nwhile (true) { i++; }`, { timeoutMs: 5000 });
    expect(result).toMatchObject({
      status: 'stopped',
      tablesWritten: ['before_loop'],
      outputs: [{ kind: 'error', stopped: true, message: 'Stopped after 5 s: the time limit for this cell. Tables written before the stop are kept.' }],
    });
    expect(await threads[0].exited).toBe(1);
    const next = await box.run(`display(await sql('SELECT a FROM before_loop'));`);
    expect(next).toMatchObject({ status: 'done', outputs: [{ kind: 'table', result: { rows: [[1]] } }] });
  }, 30_000);

  it('stop() ends a computation that never yields', async () => {
    const box = sandbox();
    const outputs: string[] = [];
    const run = box.run(`console.log('started');\nfor (;;) {}`, { timeoutMs: 60_000, onOutput: (o) => outputs.push(o.kind) });
    while (outputs.length === 0) await new Promise((r) => setTimeout(r, 20));
    box.stop();
    const result = await run;
    expect(result.status).toBe('stopped');
    expect(await threads[0].exited).toBe(1);
  }, 30_000);

  it('the network, storage and the page are gone before the code runs', async () => {
    const names = [...NETWORK_AND_STORAGE_GLOBALS, 'process', 'require', 'Buffer', 'global', 'setImmediate'];
    const result = await sandbox(PLANTED).run(`
      const names = ${JSON.stringify(names)};
      display(Object.fromEntries(names.map((n) => [n, typeof globalThis[n]])), 'globals');
      display(typeof fetch + ' ' + typeof importScripts + ' ' + typeof indexedDB);
      display(Object.keys(navigator).sort().join(','));
    `);
    expect(result.status).toBe('done');
    expect(result.outputs[0]).toEqual({
      kind: 'value',
      title: 'globals',
      json: JSON.stringify(Object.fromEntries(names.map((n) => [n, 'undefined'])), null, 2),
    });
    expect(result.outputs[1]).toEqual({ kind: 'text', text: 'undefined undefined undefined' });
    expect(result.outputs[2]).toEqual({ kind: 'text', text: 'userAgent' });
  }, 30_000);

  it('code cannot be made from strings, so nothing can reach for the removed globals', async () => {
    const attempts = [
      `Function('return fetch')()`,
      `(async () => {}).constructor('return 1')`,
      `(function* () {}).constructor('yield 1')`,
      `Object.getPrototypeOf(function () {}).constructor('return 1')`,
      `eval('1 + 1')`,
      `setTimeout('1 + 1', 0)`,
      `setInterval('1 + 1', 0)`,
    ];
    const code = `for (const attempt of [${attempts.map((a) => `() => ${a}`).join(', ')}]) {
  try { attempt(); console.log('allowed'); } catch (e) { console.log(e.name); }
}
console.log(typeof setTimeout, (() => 1) instanceof Function, typeof structuredClone, typeof crypto.getRandomValues);`;
    const result = await sandbox().run(code);
    expect(result.outputs.map((o) => (o.kind === 'log' ? o.text : o))).toEqual([
      'EvalError',
      'EvalError',
      'EvalError',
      'EvalError',
      'EvalError',
      'TypeError',
      'TypeError',
      'function true function function',
    ]);
  }, 30_000);

  it('import() is refused before anything runs', async () => {
    const result = await sandbox().run(`console.log('never');\nconst fs = await import('node:fs');`);
    expect(result.status).toBe('error');
    expect(result.outputs).toEqual([
      {
        kind: 'error',
        line: 2,
        message: 'line 2: SyntaxError: import() is not available in a js cell: it could load code from the network. Use extract() to read a dataset.',
      },
    ]);
  }, 30_000);

  it('errors point at the learner\'s line, also from a callback that runs later', async () => {
    const box = sandbox();
    const thrown = await box.run(`const rows = await extract('trips.csv');\n\nrows.forEach((r) => r.missing.field);`);
    expect(thrown.outputs.at(-1)).toMatchObject({
      kind: 'error',
      message: "line 3: TypeError: Cannot read properties of undefined (reading 'field')",
    });
    const later = await box.run(`setTimeout(() => {\n  null.x;\n}, 0);\nawait new Promise((r) => setTimeout(r, 1000));`);
    expect(later).toMatchObject({ status: 'error', error: { name: 'TypeError', line: 2 } });
  }, 30_000);
});
