// The core simulation, one local day at a time, so that a browser can make
// millions of trips in chunks without holding them all. Both the lesson set
// and the larger on-demand sizes come from here.

import { CITIES, demandWeight, type City } from './cities';
import { EXPERIMENTS } from './experiments';
import { IdSource, idWidth, sequentialId } from './ids';
import type { GeneratorOptions } from './options';
import {
  driverStateAt, makeChanges, makeDrivers, makeRiders, riderTables, windowOf,
  type DriverSim, type RiderSim, type Window,
} from './people';
import { CumulativeTable, Rng, hash32 } from './random';
import { Telemetry } from './telemetry';
import { DAY, HOUR, localWeekday } from './time';
import { simulateTrip, type DriverPool, type TripContext, type TripFacts } from './trips';
import type { AppEvent, Assignment, ProfileChange, ServerRecord, Trip } from './types';

export interface World {
  options: GeneratorOptions;
  win: Window;
  rng: Rng;
  riders: RiderSim[];
  drivers: DriverSim[];
  changes: ProfileChange[];
  /** Filled in by simulateDays: rider index + experiment -> first exposure. */
  exposures?: Map<string, number>;
}

export interface DayChunk {
  day: number;
  trips: Trip[];
  facts: TripFacts[];
  events: AppEvent[];
  server: ServerRecord[];
}

export function createWorld(options: GeneratorOptions): World {
  const rng = new Rng(options.seed, 'uber-like');
  const win = windowOf(options);
  const riders = makeRiders(options, win, rng.fork('riders'));
  const drivers = makeDrivers(options, win, rng.fork('drivers'));
  const changes = makeChanges(riders, drivers, win, rng.fork('changes'), options.edgeCases === true);
  const variants = rng.fork('variants');
  for (const r of riders) {
    for (const e of EXPERIMENTS) r.variants[e.name] = variants.chance(0.5) ? 'treatment' : 'control';
  }
  return { options, win, rng, riders, drivers, changes };
}

/**
 * How many trips start in each (day, city, hour) cell: exactly options.trips
 * in total, spread by the demand curve with slow growth over the weeks.
 */
function cellCounts(world: World, rng: Rng): Uint32Array {
  const { days } = world.win;
  const weights = new Float64Array(days * CITIES.length * 24);
  for (let d = 0; d < days; d++) {
    const weekday = localWeekday(world.win.start + d * DAY + 12 * HOUR);
    const growth = 1 + 0.004 * d;
    CITIES.forEach((city, c) => {
      for (let h = 0; h < 24; h++) weights[(d * CITIES.length + c) * 24 + h] = demandWeight(city, weekday, h) * growth;
    });
  }
  const table = new CumulativeTable(weights);
  const counts = new Uint32Array(weights.length);
  for (let i = 0; i < world.options.trips; i++) counts[table.draw(rng)]!++;
  return counts;
}

/** Drivers who can take trips on a day: active, joined before it, and not changing anything that day. */
function driverPools(drivers: readonly DriverSim[], dayIndex: number, dayStart: number): Map<City, DriverPool> {
  const byCity = new Map<City, DriverSim[]>(CITIES.map((c) => [c, []]));
  for (const d of drivers) {
    if (d.changeDays.has(dayIndex) || d.row.joined_at >= dayStart) continue;
    const state = driverStateAt(d, dayStart + 12 * HOUR);
    if (state?.status === 'active') byCity.get(state.city)!.push(d);
  }
  const pools = new Map<City, DriverPool>();
  for (const [city, list] of byCity) pools.set(city, { drivers: list, table: new CumulativeTable(list.map((d) => d.activity)) });
  return pools;
}

export function* simulateDays(world: World): Generator<DayChunk> {
  const { options, win, riders } = world;
  const rng = world.rng.fork('days');
  const counts = cellCounts(world, rng.fork('demand'));
  const tripRng = rng.fork('trips');
  const tableByCity = riderTables(riders);
  const allRiders = { riders, table: new CumulativeTable(riders.map((r) => r.activity)) };
  const seed = options.seed;
  const telemetry = new Telemetry(rng.fork('telemetry'), win.start, {
    event: new IdSource('ev_', hash32('event', seed)),
    session: new IdSource('s_', hash32('session', seed)),
    request: new IdSource('req_', hash32('request', seed)),
  });
  const tripWidth = idWidth(options.trips, 6);
  let tripNo = 0;

  for (let d = 0; d < win.days; d++) {
    const dayStart = win.start + d * DAY;
    const requests: { t: number; c: number }[] = [];
    for (let c = 0; c < CITIES.length; c++) {
      for (let h = 0; h < 24; h++) {
        const n = counts[(d * CITIES.length + c) * 24 + h]!;
        for (let k = 0; k < n; k++) requests.push({ t: dayStart + h * HOUR + tripRng.int(0, 3599) * 1000, c });
      }
    }
    requests.sort((a, b) => a.t - b.t || a.c - b.c);
    const ctx: TripContext = {
      rng: tripRng,
      windowStart: win.start,
      riderTables: tableByCity,
      allRiders,
      pools: driverPools(world.drivers, d, dayStart),
    };
    const facts: TripFacts[] = [];
    for (const req of requests) {
      const f = simulateTrip(ctx, CITIES[req.c]!, req.t, sequentialId('t_', ++tripNo, tripWidth));
      facts.push(f);
      if (options.events) telemetry.trip(f);
    }
    if (options.events) telemetry.healthChecks(dayStart);
    const { events, server } = telemetry.drain();
    yield { day: d, trips: facts.map((f) => f.trip), facts, events, server };
  }
  world.exposures = telemetry.exposures;
}

/** Experiment assignments: each rider is assigned at their first app_open after the experiment starts. */
export function assignments(world: World): Assignment[] {
  const out: Assignment[] = [];
  const exposures = world.exposures ?? new Map<string, number>();
  for (const r of world.riders) {
    if (r.deleted) continue;
    for (const e of EXPERIMENTS) {
      const at = exposures.get(`${r.index}|${e.name}`);
      if (at !== undefined) out.push({ user_id: r.row.rider_id, experiment: e.name, variant: r.variants[e.name]!, assigned_at: at });
    }
  }
  out.sort((a, b) => a.assigned_at - b.assigned_at || (a.experiment < b.experiment ? -1 : 1));
  return out;
}
