import { describe, expect, it, vi } from 'vitest';
import type { WorkerMessage } from './protocol';
import { loadSqlJsInNode } from './sql-js-node';
import { createWorkerHost } from './worker-host';

function host(loadSqlJs = loadSqlJsInNode) {
  const posts: { message: WorkerMessage; transfer: Transferable[] }[] = [];
  const handle = createWorkerHost({ loadSqlJs, post: (message, transfer) => posts.push({ message, transfer }) });
  // Loading sql.js takes real time the first time; wait for the answers to arrive.
  const settled = (count: number) => vi.waitFor(() => expect(posts).toHaveLength(count));
  return { handle, posts, settled };
}

describe('worker host', () => {
  it('answers requests in order, even those that arrive while sql.js is still loading', async () => {
    let finishLoading!: () => void;
    const loaded = new Promise<void>((resolve) => {
      finishLoading = resolve;
    });
    const { handle, posts, settled } = host(async () => {
      await loaded;
      return loadSqlJsInNode();
    });
    handle({ type: 'init', id: 1, restorePoint: null });
    handle({ type: 'exec', id: 2, sql: 'create table t(a)' });
    handle({ type: 'exec', id: 3, sql: 'select count(*) from t' });
    finishLoading();
    await settled(5);
    expect(posts.map(({ message }) => `${message.type}:${message.id}`)).toEqual([
      'ok:1',
      'restore-point:2',
      'ok:2',
      'restore-point:3',
      'ok:3',
    ]);
  });

  it('sends errors as plain data with the statement index and the tables touched before it', async () => {
    const { handle, posts, settled } = host();
    handle({ type: 'init', id: 1, restorePoint: null });
    handle({ type: 'exec', id: 2, sql: 'create table t(a); select nope' });
    await settled(3);
    expect(posts.at(-1)?.message).toEqual({
      type: 'error',
      id: 2,
      error: { name: 'SqlError', message: 'no such column: nope', statement: 2, tables: { read: [], written: ['t'], statements: [{ statement: 1, read: [], written: ['t'] }] } },
    });
  });

  it('transfers restore points and snapshots instead of copying them', async () => {
    const { handle, posts, settled } = host();
    handle({ type: 'init', id: 1, restorePoint: null });
    handle({ type: 'exec', id: 2, sql: 'create table t(a)' });
    handle({ type: 'exec', id: 3, sql: 'select 1' });
    handle({ type: 'snapshot', id: 4 });
    await settled(6);
    const point = posts.find(({ message }) => message.type === 'restore-point' && message.bytes !== null);
    expect(point?.message.type === 'restore-point' && point.transfer[0] === point.message.bytes?.buffer).toBe(true);
    const snapshot = posts.at(-1);
    expect(snapshot?.message.type === 'ok' && snapshot.transfer[0] === (snapshot.message.value as Uint8Array).buffer).toBe(
      true,
    );
  });

  it('answers every request with the load error when sql.js cannot load', async () => {
    const { handle, posts, settled } = host(() => Promise.reject(new Error('wasm 404')));
    handle({ type: 'init', id: 1, restorePoint: null });
    handle({ type: 'reset', id: 2 });
    await settled(2);
    expect(posts.map(({ message }) => message)).toEqual([
      { type: 'error', id: 1, error: { name: 'Error', message: 'wasm 404' } },
      { type: 'error', id: 2, error: { name: 'SqlError', message: 'The database could not be opened: wasm 404' } },
    ]);
  });
});
