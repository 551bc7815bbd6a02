// Loading datasets inside the SQL worker: progress messages, typed failures,
// cancel, and restore points that reload data instead of exporting it.
import { afterEach, describe, expect, it } from 'vitest';
import { DatasetLoadError } from '../datasets/errors';
import { nodeSource } from '../datasets/node-source';
import type { LoadProgress } from '../datasets/progress';
import { InProcessWorker } from './in-process-worker';
import type { WorkerMessage, WorkerRequest } from './protocol';
import { SqlCancelledError } from './types';
import { WorkerSqlEngine } from './worker-client';

const engines: WorkerSqlEngine[] = [];
afterEach(() => {
  for (const engine of engines.splice(0)) engine.close();
});

function setup(hold: (r: WorkerRequest) => boolean = () => false) {
  const posted: WorkerMessage[] = [];
  const inits: WorkerRequest[] = [];
  const engine = new WorkerSqlEngine(
    () =>
      new InProcessWorker({
        readText: () => nodeSource(),
        onPost: (m) => posted.push(m),
        holdResponse: (r) => {
          if (r.type === 'init') inits.push(r);
          return hold(r);
        },
      }),
  );
  engines.push(engine);
  return { engine, posted, inits };
}

const SPEC = { names: ['riders', 'trips'], base: 'unused' };

describe('WorkerSqlEngine.load', { timeout: 30_000 }, () => {
  it('loads files and generated data in the worker and reports progress until done', async () => {
    const { engine } = setup();
    const seen: LoadProgress[] = [];
    const reports = await engine.load(SPEC, (p) => seen.push(p));
    expect(reports.map((r) => [r.dataset, r.table])).toEqual([['riders', 'riders'], ['trips', 'trips']]);
    const count = await engine.exec('select count(*) from trips');
    expect(count.result.rows).toEqual([[reports[1]!.rowsLoaded]]);
    expect(seen.length).toBeGreaterThan(0);
    const last = seen.at(-1)!;
    expect(last.files.map((f) => f.stage)).toEqual(['done', 'done']);
    expect(last.files[0]).toMatchObject({ dataset: 'riders', file: 'riders.csv', rows: reports[0]!.rowsLoaded });
    expect(last.fraction).toBe(1);
  });

  it('fails with a typed DatasetLoadError for an unknown dataset', async () => {
    const { engine } = setup();
    const error = await engine.load({ names: ['nope'], base: 'unused' }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(DatasetLoadError);
    expect((error as DatasetLoadError).failure.kind).toBe('unknown-dataset');
  });

  it('cancel stops a load and leaves the database as it was before it', async () => {
    const { engine } = setup((r) => r.type === 'load');
    await engine.exec('create table mine(a); insert into mine values (1)');
    const loading = engine.load(SPEC).catch((e: unknown) => e);
    await new Promise((r) => setTimeout(r, 50));
    await engine.cancel();
    expect(await loading).toBeInstanceOf(SqlCancelledError);
    const tables = await engine.exec("select group_concat(name) from sqlite_schema where type = 'table'");
    expect(tables.result.rows).toEqual([['mine']]);
  });

  it('does not export loaded data as a restore point: a restart loads it again', async () => {
    const { engine, posted, inits } = setup((r) => r.type === 'exec' && r.sql.includes('/* slow */'));
    await engine.load(SPEC);
    const running = engine.exec('/* slow */ select 1').catch((e: unknown) => e);
    await new Promise((r) => setTimeout(r, 20));
    await engine.cancel();
    await running;
    const restorePoints = posted.filter((m) => m.type === 'restore-point');
    expect(restorePoints.every((m) => m.type === 'restore-point' && m.bytes === null)).toBe(true);
    expect(inits.at(-1)).toMatchObject({ type: 'init', reload: [SPEC] });
    expect(Number((await engine.exec('select count(*) from trips')).result.rows[0]![0])).toBeGreaterThan(1000);
  });
});
