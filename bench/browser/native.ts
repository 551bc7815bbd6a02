// The native side of the browser bench: the same generated data, generated in
// Node and inserted into better-sqlite3 the way the workbench inserts (one
// prepared INSERT per table, a transaction per day), and the same queries.
import Database from 'better-sqlite3';
import { scaledOptions } from '../../src/datasets/generator/options';
import { createWorld, simulateDays } from '../../src/datasets/generator/simulate';
import { findDataset } from '../../src/datasets/registry';
import { riderValues, tripValues } from '../../src/datasets/rows';
import type { SqlValue } from '../../src/sql/types';

const quote = (name: string): string => `"${name.replaceAll('"', '""')}"`;

function createTable(db: Database.Database, table: string, dataset: string): Database.Statement {
  const columns = findDataset(dataset)!.columns;
  db.exec(`CREATE TABLE ${quote(table)} (${columns.map((c) => `${quote(c.name)} ${c.type}`).join(', ')})`);
  return db.prepare(`INSERT INTO ${quote(table)} VALUES (${columns.map(() => '?').join(', ')})`);
}

/** Generates `trips` trips and their riders into a new in-memory database; returns it and the time taken. */
export function nativeGenerateAndLoad(trips: number, suffix: string): { db: Database.Database; ms: number } {
  const started = performance.now();
  const db = new Database(':memory:');
  const world = createWorld(scaledOptions(trips, undefined, false));
  const riders = createTable(db, `riders_${suffix}`, 'riders');
  const insertAll = (stmt: Database.Statement, rows: SqlValue[][]): void => {
    db.transaction(() => {
      for (const row of rows) stmt.run(row as unknown[]);
    })();
  };
  insertAll(riders, world.riders.map((r) => riderValues(r.row)));
  const tripStmt = createTable(db, `trips_${suffix}`, 'trips');
  for (const chunk of simulateDays(world)) insertAll(tripStmt, chunk.trips.map(tripValues));
  return { db, ms: performance.now() - started };
}

/** Fastest of `runs` runs of the query, read in full with .raw().all(). */
export function nativeQuery(db: Database.Database, sql: string, runs: number): { ms: number; rows: number } {
  let best = { ms: Infinity, rows: 0 };
  for (let i = 0; i < runs; i++) {
    const started = performance.now();
    const rows = db.prepare(sql).raw().all().length;
    const ms = performance.now() - started;
    if (ms < best.ms) best = { ms, rows };
  }
  return best;
}
