import { afterEach, describe, expect, it } from 'vitest';
import { InProcessWorker, type InProcessWorkerOptions } from './in-process-worker';
import type { WorkerMessage, WorkerRequest } from './protocol';
import { SqlCancelledError, SqlError } from './types';
import { WorkerSqlEngine } from './worker-client';

/** An exec whose SQL contains this marker never answers: it looks like a long query. */
const SLOW = '/* slow */';
const holdSlowExecs = (request: WorkerRequest) => request.type === 'exec' && request.sql.includes(SLOW);

const engines: WorkerSqlEngine[] = [];
afterEach(() => {
  for (const engine of engines.splice(0)) engine.close();
});

function setup(options: InProcessWorkerOptions = {}) {
  const workers: InProcessWorker[] = [];
  const posted: WorkerMessage[] = [];
  const engine = new WorkerSqlEngine(() => {
    const worker = new InProcessWorker({ holdResponse: holdSlowExecs, onPost: (m) => posted.push(m), ...options });
    workers.push(worker);
    return worker;
  });
  engines.push(engine);
  return { engine, workers, posted };
}

/** Captures a promise's outcome right away, so a rejection is handled before it happens. */
function outcome<T>(promise: Promise<T>): Promise<{ value: T } | { error: unknown }> {
  return promise.then(
    (value) => ({ value }),
    (error: unknown) => ({ error }),
  );
}

describe('WorkerSqlEngine requests', () => {
  it('resolves exec with the result, bigints and kinds intact across the boundary', async () => {
    const { engine } = setup();
    const out = await engine.exec('select 9007199254740993 as big, 1.0 as r, ? as p', ['x']);
    expect(out.result).toEqual({ columns: ['big', 'r', 'p'], rows: [[9007199254740993n, 1, 'x']], kinds: ['irt'] });
    expect(out.statements).toBe(1);
  });

  it('rejects with SqlError carrying the message and statement index', async () => {
    const { engine } = setup();
    const error = await engine.exec('select 1; select * from nope').catch((e: unknown) => e);
    expect(error).toBeInstanceOf(SqlError);
    expect(error).toMatchObject({ message: 'no such table: nope', statement: 2 });
  });

  it('runs requests one at a time in the order they were made', async () => {
    const { engine } = setup();
    const results = await Promise.all([
      engine.exec('create table t(a)'),
      engine.insert({ table: 't', columns: [{ name: 'a', type: '' }], rows: [[1], [2]], mode: 'append' }),
      engine.exec('insert into t values (3)'),
      engine.exec('select group_concat(a) from t'),
    ]);
    expect(results[1]).toEqual({ inserted: 2 });
    expect(results[3]).toMatchObject({ result: { rows: [['1,2,3']] } });
  });

  it('takes snapshots, restores them and resets', async () => {
    const { engine } = setup();
    await engine.exec("create table t(a); insert into t values ('saved')");
    const bytes = await engine.snapshot();
    await engine.reset();
    expect((await engine.exec('select count(*) from sqlite_schema')).result.rows).toEqual([[0]]);
    await engine.restore(bytes);
    expect((await engine.exec('select a from t')).result.rows).toEqual([['saved']]);
    // The caller's bytes are copied, not transferred away.
    expect(bytes.byteLength).toBeGreaterThan(0);
  });

  it('sends a restore point before an exec only when the database may have changed', async () => {
    const { engine, posted } = setup();
    const restorePoints = () => posted.filter((m) => m.type === 'restore-point').map((m) => m.bytes !== null);
    await engine.exec('create table t(a)');
    await engine.exec('select * from t');
    await engine.exec('insert into t values (1)');
    await engine.exec('select * from t');
    await engine.exec('select * from t');
    // Empty at start; after CREATE; unchanged; after INSERT; unchanged.
    expect(restorePoints()).toEqual([false, true, false, true, false]);
  });
});

describe('WorkerSqlEngine.cancel', () => {
  it('rejects the running exec with SqlCancelledError and restores the state from before it', async () => {
    const { engine, workers } = setup();
    await engine.exec("create table t(a); insert into t values ('before')");
    const running = outcome(engine.exec(`${SLOW} insert into t values ('during'); drop table t`));
    await engine.cancel();
    expect(await running).toMatchObject({ error: expect.any(SqlCancelledError) });
    expect(workers).toHaveLength(2);
    expect((await engine.exec('select a from t')).result.rows).toEqual([['before']]);
  });

  it('keeps the changes of reset and insert made before the cancelled exec', async () => {
    const { engine } = setup();
    await engine.exec('create table old(a)');
    await engine.reset();
    await engine.insert({ table: 'fresh', columns: [{ name: 'a', type: 'INTEGER' }], rows: [[1]], mode: 'create' });
    const running = outcome(engine.exec(`${SLOW} delete from fresh`));
    await engine.cancel();
    expect('error' in (await running)).toBe(true);
    expect((await engine.exec('select name from sqlite_schema')).result.rows).toEqual([['fresh']]);
    expect((await engine.exec('select a from fresh')).result.rows).toEqual([[1]]);
  });

  it('restores an empty database when nothing had changed before the exec', async () => {
    const { engine } = setup();
    await engine.ready();
    const running = outcome(engine.exec(`${SLOW} create table t(a)`));
    await engine.cancel();
    expect('error' in (await running)).toBe(true);
    expect((await engine.exec('select count(*) from sqlite_schema')).result.rows).toEqual([[0]]);
  });

  it('rejects requests queued before it and runs requests made after it on the new worker', async () => {
    const { engine } = setup();
    await engine.exec('create table t(a)');
    const running = outcome(engine.exec(`${SLOW} insert into t values (1)`));
    const queuedExec = outcome(engine.exec('insert into t values (2)'));
    const queuedInsert = outcome(engine.insert({ table: 't', columns: [{ name: 'a', type: '' }], rows: [[3]], mode: 'append' }));
    const cancelled = engine.cancel();
    const after = engine.exec('insert into t values (4); select a from t');
    await cancelled;
    for (const settled of [await running, await queuedExec, await queuedInsert]) {
      expect(settled).toMatchObject({ error: expect.any(SqlCancelledError) });
    }
    expect((await after).result.rows).toEqual([[4]]);
  });

  it('does nothing when no request is running', async () => {
    const { engine, workers } = setup();
    await engine.exec('create table t(a)');
    await engine.cancel();
    expect(workers).toHaveLength(1);
    expect((await engine.exec('select count(*) from t')).result.rows).toEqual([[0]]);
  });

  it('lets a running request other than exec finish, but drops the requests queued behind it', async () => {
    const { engine, workers } = setup();
    await engine.ready();
    const inserting = engine.insert({ table: 't', columns: [{ name: 'a', type: '' }], rows: [[1]], mode: 'create' });
    const queued = outcome(engine.exec('drop table t'));
    await engine.cancel();
    await expect(inserting).resolves.toEqual({ inserted: 1 });
    expect(await queued).toMatchObject({ error: expect.any(SqlCancelledError) });
    expect(workers).toHaveLength(1);
    expect((await engine.exec('select a from t')).result.rows).toEqual([[1]]);
  });

  it('drops an exec still waiting for the worker to start', async () => {
    const { engine, workers } = setup();
    const waiting = outcome(engine.exec('create table t(a)'));
    await engine.cancel();
    expect(await waiting).toMatchObject({ error: expect.any(SqlCancelledError) });
    expect(workers).toHaveLength(1);
    expect((await engine.exec('select count(*) from sqlite_schema')).result.rows).toEqual([[0]]);
  });

  it('shares one recovery between cancels made while it is under way', async () => {
    const { engine, workers } = setup();
    await engine.ready();
    const running = outcome(engine.exec(`${SLOW} select 1`));
    const first = engine.cancel();
    const second = engine.cancel();
    await Promise.all([first, second]);
    expect('error' in (await running)).toBe(true);
    expect(workers).toHaveLength(2);
  });

  it('restores the latest restore point after several cancels in a row', async () => {
    const { engine } = setup();
    await engine.exec('create table t(a); insert into t values (1)');
    for (const value of [2, 3]) {
      const running = outcome(engine.exec(`${SLOW} insert into t values (${value})`));
      await engine.cancel();
      await running;
    }
    await engine.exec('insert into t values (4)');
    const running = outcome(engine.exec(`${SLOW} delete from t`));
    await engine.cancel();
    await running;
    expect((await engine.exec('select a from t order by a')).result.rows).toEqual([[1], [4]]);
  });
});

describe('WorkerSqlEngine failures', () => {
  it('rejects pending and later requests with SqlError when the worker fails', async () => {
    const { engine, workers } = setup();
    await engine.ready();
    const running = outcome(engine.exec(`${SLOW} select 1`));
    workers[0].fail('wasm aborted');
    expect(await running).toMatchObject({ error: expect.any(SqlError) });
    await expect(engine.exec('select 1')).rejects.toThrow('The SQL worker failed: wasm aborted');
  });

  it('reports a database that could not be opened through every request', async () => {
    const { engine } = setup({ loadSqlJs: () => Promise.reject(new Error('no wasm here')) });
    await expect(engine.ready()).rejects.toThrow('no wasm here');
    await expect(engine.exec('select 1')).rejects.toThrow('The database could not be opened: no wasm here');
  });

  it('rejects pending and later requests once closed', async () => {
    const { engine } = setup();
    const running = outcome(engine.exec(`${SLOW} select 1`));
    engine.close();
    expect(await running).toMatchObject({ error: { message: 'The database is closed.' } });
    await expect(engine.reset()).rejects.toBeInstanceOf(SqlError);
  });
});
