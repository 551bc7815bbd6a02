// Dataset benchmarks: how fast the generator makes rows, and how fast rows
// load into SQLite: through the workbench's sql.js engine and through native
// SQLite (better-sqlite3) with the same approach (one prepared INSERT, one
// transaction), so the ratio is the price of running SQLite in WebAssembly.

import Database from 'better-sqlite3';
import { generateLessonSet } from '../src/datasets/generator/lesson-set';
import { scaledOptions } from '../src/datasets/generator/options';
import { createWorld, simulateDays } from '../src/datasets/generator/simulate';
import { loadDataset } from '../src/datasets/load';
import { loadScaled } from '../src/datasets/scaled';
import { nodeSource } from '../src/datasets/node-source';
import { parseDataset } from '../src/datasets/parse';
import { findDataset } from '../src/datasets/registry';
import { tripValues } from '../src/datasets/rows';
import { createNodeEngine } from '../src/sql/node-engine';
import type { ColumnDef, SqlValue } from '../src/sql/types';
import { fastest, printResults, rowsPerSecond, type Result } from './measure';

export interface DatasetBenchOptions {
  /** Trips for the generation and load runs. */
  trips: number;
  /** Runs per step; the fastest counts. */
  runs: number;
}

function quote(name: string): string {
  return `"${name.replaceAll('"', '""')}"`;
}

/** Native SQLite, the same way engine.insert works: CREATE, one prepared INSERT, one transaction. */
function nativeInsert(table: string, columns: readonly ColumnDef[], rows: readonly SqlValue[][]): number {
  const db = new Database(':memory:');
  try {
    db.exec(`CREATE TABLE ${quote(table)} (${columns.map((c) => `${quote(c.name)} ${c.type}`).join(', ')})`);
    const insert = db.prepare(`INSERT INTO ${quote(table)} VALUES (${columns.map(() => '?').join(', ')})`);
    const all = db.transaction((batch: readonly SqlValue[][]) => {
      for (const row of batch) insert.run(row as unknown[]);
    });
    all(rows);
    return (db.prepare(`SELECT count(*) AS n FROM ${quote(table)}`).get() as { n: number }).n;
  } finally {
    db.close();
  }
}

async function engineInsert(table: string, columns: readonly ColumnDef[], rows: SqlValue[][]): Promise<number> {
  const engine = await createNodeEngine();
  try {
    await engine.insert({ table, columns: [...columns], rows, mode: 'replace' });
    return Number((await engine.exec(`SELECT count(*) FROM ${quote(table)}`)).result.rows[0]![0]);
  } finally {
    engine.close();
  }
}

function generateTrips(trips: number): SqlValue[][] {
  const rows: SqlValue[][] = [];
  for (const chunk of simulateDays(createWorld(scaledOptions(trips, undefined, false)))) {
    for (const t of chunk.trips) rows.push(tripValues(t));
  }
  return rows;
}

export async function runDatasetBench(options: DatasetBenchOptions): Promise<Result[]> {
  const results: Result[] = [];
  const add = (r: Result): Result => {
    results.push(r);
    return r;
  };
  const { trips, runs } = options;
  console.log(`\n# datasets: ${trips.toLocaleString('en')} trips, fastest of ${runs} run(s) per step\n`);

  // Generation.
  const lesson = await fastest(runs, () => generateLessonSet());
  const lessonRows = lesson.value.files.reduce((sum, f) => sum + f.rows, 0);
  add({ bench: 'datasets', step: 'generate lesson set (all files, as text)', rows: lessonRows, ms: lesson.ms });
  const simulated = await fastest(runs, () => {
    let rows = 0;
    for (const chunk of simulateDays(createWorld(scaledOptions(trips, undefined, false)))) rows += chunk.trips.length;
    return rows;
  });
  add({ bench: 'datasets', step: 'generate trips', rows: simulated.value, ms: simulated.ms, note: 'records' });
  const full = await fastest(runs, () => {
    let rows = 0;
    for (const chunk of simulateDays(createWorld(scaledOptions(trips)))) rows += chunk.trips.length + chunk.events.length + chunk.server.length;
    return rows;
  });
  add({ bench: 'datasets', step: 'generate trips + app events + server log', rows: full.value, ms: full.ms, note: 'records' });
  const tripOnly = await fastest(1, () => generateTrips(trips));
  add({ bench: 'datasets', step: 'generate trips as SQL rows, all kept in memory', rows: tripOnly.value.length, ms: tripOnly.ms, note: 'GC-heavy' });

  // Loading the same trip rows: sql.js (the workbench's engine) against native SQLite.
  const columns = findDataset('trips')!.columns;
  const wasm = await fastest(runs, () => engineInsert('trips', columns, tripOnly.value));
  const sqljs = add({ bench: 'datasets', step: 'load trips: sql.js engine.insert', rows: wasm.value, ms: wasm.ms });
  const nat = await fastest(runs, () => nativeInsert('trips', columns, tripOnly.value));
  const native = add({ bench: 'datasets', step: 'load trips: better-sqlite3 (native)', rows: nat.value, ms: nat.ms });
  const ratio = rowsPerSecond(native) / rowsPerSecond(sqljs);
  sqljs.note = `native is ${ratio.toFixed(1)}x faster`;

  // What a lesson naming trips@<size> waits for: generate a day, insert it, next day.
  const scaledName = `trips@${trips}`;
  const scaled = await fastest(runs, async () => {
    const engine = await createNodeEngine();
    try {
      return (await loadScaled(engine, [scaledName]))[0]!.rowsLoaded;
    } finally {
      engine.close();
    }
  });
  add({ bench: 'datasets', step: `loadScaled ${scaledName} (generate + sql.js, by day)`, rows: scaled.value, ms: scaled.ms });

  // Loading the committed files as a lesson does: read, parse, insert, rejects.
  const read = nodeSource();
  for (const name of ['trips', 'app_events', 'server_log']) {
    const def = findDataset(name)!;
    const text = await read(def.file);
    const parsed = await fastest(runs, () => parseDataset(def, text));
    add({ bench: 'datasets', step: `parse ${def.file}`, rows: parsed.value.rows.length, ms: parsed.ms, note: `${(text.length / 1e6).toFixed(1)} MB` });
    const engine = await createNodeEngine();
    const loaded = await fastest(runs, () => loadDataset(engine, name, async () => text));
    engine.close();
    add({ bench: 'datasets', step: `loadDataset ${name} (parse + sql.js insert)`, rows: loaded.value.rowsLoaded, ms: loaded.ms });
    const nativeLoad = await fastest(runs, () => nativeInsert(def.table, def.columns, parsed.value.rows));
    add({ bench: 'datasets', step: `  same rows into better-sqlite3`, rows: nativeLoad.value, ms: nativeLoad.ms });
  }

  printResults(results);
  console.log(`\nload ratio for ${trips.toLocaleString('en')} trips: better-sqlite3 ${Math.round(rowsPerSecond(native)).toLocaleString('en')} rows/s, ` +
    `sql.js ${Math.round(rowsPerSecond(sqljs)).toLocaleString('en')} rows/s, native/sql.js = ${ratio.toFixed(2)}`);
  return results;
}
