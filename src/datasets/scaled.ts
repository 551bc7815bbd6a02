// Larger, clean data sets made on demand, in the browser or in Node, for
// lessons about scale: a lesson names `trips@1m` (or app_events@500k, ...) and
// gets a table trips_1m. The generator runs a day at a time and each day goes
// into the engine before the next is made, so memory stays flat.

import type { SqlEngine, SqlValue } from '../sql/types';
import { MAX_SCALED_TRIPS, MIN_SCALED_TRIPS, scaledOptions } from './generator/options';
import { createWorld, simulateDays } from './generator/simulate';
import { DatasetLoadError } from './errors';
import type { LoadReport } from './load';
import { findDataset } from './registry';
import { driverValues, eventValues, riderValues, serverValues, tripValues } from './rows';

/** Tables that can be generated at any size; the others only exist in the lesson set. */
export const SCALABLE = ['riders', 'drivers', 'trips', 'app_events', 'server_log'] as const;
export type ScalableTable = (typeof SCALABLE)[number];

export interface ScaledName {
  name: string;
  base: ScalableTable;
  trips: number;
  table: string;
}

const PATTERN = /^([a-z_]+)@(\d+(?:\.\d+)?)(k|m)?$/;

export function isScaledName(name: string): boolean {
  return name.includes('@');
}

/** "trips@1m" -> 1,000,000 trips into table trips_1m. Throws a learner-readable error otherwise. */
export function parseScaledName(name: string): ScaledName {
  const m = PATTERN.exec(name.trim().toLowerCase());
  if (!m || !(SCALABLE as readonly string[]).includes(m[1]!)) {
    throw new DatasetLoadError(`"${name}" is not a generated dataset: use <table>@<trips>, e.g. trips@1m or app_events@250k, where <table> is one of ${SCALABLE.join(', ')}.`, { kind: 'unknown-dataset' });
  }
  const trips = Math.round(Number(m[2]) * (m[3] === 'm' ? 1e6 : m[3] === 'k' ? 1e3 : 1));
  if (trips < MIN_SCALED_TRIPS || trips > MAX_SCALED_TRIPS) {
    throw new DatasetLoadError(`"${name}": generated sizes go from ${MIN_SCALED_TRIPS.toLocaleString('en')} to ${MAX_SCALED_TRIPS.toLocaleString('en')} trips.`, { kind: 'unknown-dataset' });
  }
  const label = `${m[2]!.replace('.', '_')}${m[3] ?? ''}`;
  return { name, base: m[1] as ScalableTable, trips, table: `${m[1]}_${label}` };
}

export interface ScaledProgress {
  trips: number;
  day: number;
  days: number;
  /** Rows inserted so far, by the name asked for (trips@1m, riders@1m, ...). */
  rows: Record<string, number>;
}

/**
 * Generates and inserts the named tables. Names with the same trip count
 * share one simulation, so trips@1m and app_events@1m match each other.
 */
export async function loadScaled(
  engine: SqlEngine, names: readonly string[], onProgress?: (p: ScaledProgress) => void,
): Promise<LoadReport[]> {
  const parsed = names.map(parseScaledName);
  const bySize = new Map<number, ScaledName[]>();
  for (const p of parsed) bySize.set(p.trips, [...(bySize.get(p.trips) ?? []), p]);
  const reports = new Map<string, LoadReport>();
  for (const [trips, group] of bySize) {
    for (const r of await generateInto(engine, trips, group, onProgress)) reports.set(r.dataset, r);
  }
  return parsed.map((p) => reports.get(p.name)!);
}

async function generateInto(
  engine: SqlEngine, trips: number, wanted: readonly ScaledName[], onProgress?: (p: ScaledProgress) => void,
): Promise<LoadReport[]> {
  const started = performance.now();
  const has = (t: ScalableTable): ScaledName | undefined => wanted.find((w) => w.base === t);
  const needEvents = !!(has('app_events') || has('server_log'));
  const world = createWorld(scaledOptions(trips, undefined, needEvents));
  const counts = new Map<string, number>();
  const put = async (t: ScalableTable, rows: SqlValue[][], first: boolean): Promise<void> => {
    const target = has(t);
    if (!target) return;
    const columns = [...findDataset(t)!.columns];
    await engine.insert({ table: target.table, columns, rows, mode: first ? 'replace' : 'append' });
    counts.set(t, (counts.get(t) ?? 0) + rows.length);
  };

  const report = (day: number): void =>
    onProgress?.({ trips: made, day, days: world.win.days, rows: Object.fromEntries(wanted.map((w) => [w.name, counts.get(w.base) ?? 0])) });
  let made = 0;
  await put('riders', world.riders.map((r) => riderValues(r.row)), true);
  await put('drivers', world.drivers.map((d) => driverValues(d.row)), true);
  report(0);
  let eventNo = 0;
  let serverNo = 0;
  for (const chunk of simulateDays(world)) {
    const first = chunk.day === 0;
    await put('trips', chunk.trips.map(tripValues), first);
    await put('app_events', chunk.events.map((e) => eventValues(e, ++eventNo)), first);
    await put('server_log', chunk.server.map((s) => serverValues(s, ++serverNo)), first);
    made += chunk.trips.length;
    report(chunk.day + 1);
  }
  const elapsedMs = performance.now() - started;
  return wanted.map((w) => ({
    dataset: w.name,
    table: w.table,
    file: null,
    rowsLoaded: counts.get(w.base) ?? 0,
    rejected: [],
    rejectsTable: null,
    bytes: 0,
    elapsedMs,
  }));
}
