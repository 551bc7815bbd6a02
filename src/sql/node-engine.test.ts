import { describe, expect, it } from 'vitest';
import { createInProcessWorkerEngine, createNodeEngine } from './node-engine';
import { SqlError } from './types';

describe('createNodeEngine', () => {
  it('runs SQL, inserts, snapshots, restores and resets in-process', async () => {
    const engine = await createNodeEngine();
    await engine.insert({ table: 't', columns: [{ name: 'a', type: 'INTEGER' }], rows: [[1], [2]], mode: 'create' });
    const bytes = await engine.snapshot();
    await engine.reset();
    await expect(engine.exec('select * from t')).rejects.toThrow('no such table: t');
    await engine.restore(bytes);
    expect((await engine.exec('select sum(a) from t')).result).toEqual({ columns: ['sum(a)'], rows: [[3]], kinds: ['i'] });
    engine.close();
  });

  it('resolves cancel() without effect, as no exec is ever under way', async () => {
    const engine = await createNodeEngine();
    const running = engine.exec('create table t(a)');
    await engine.cancel();
    await expect(running).resolves.toMatchObject({ statements: 1 });
    engine.close();
  });

  it('rejects with SqlError once closed', async () => {
    const engine = await createNodeEngine();
    engine.close();
    await expect(engine.exec('select 1')).rejects.toBeInstanceOf(SqlError);
  });
});

describe('createInProcessWorkerEngine', () => {
  it('runs the worker client over in-process workers', async () => {
    const engine = createInProcessWorkerEngine();
    expect((await engine.exec('select 1 + 1')).result.rows).toEqual([[2]]);
    engine.close();
  });
});
