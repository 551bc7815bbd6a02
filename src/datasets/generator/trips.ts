// One ride request, from the tap on "request" to the rating: who rides, which
// driver accepts, how long the wait is, whether someone cancels, and what it
// costs. Cancellations rise with the wait; fares follow distance, time and
// surge; late nights are busy, so they surge and run out of drivers.

import { CITY_PROFILES, pressure, type City } from './cities';
import { CANCELLATION_FEE, FREE_CANCEL_MS, baseFare, surgedFare } from './fares';
import { riderAppVersion, sessionErrorRate } from './apps';
import { driverStateAt, riderCityAt, type DriverSim, type RiderSim } from './people';
import { CumulativeTable, type Rng } from './random';
import { MINUTE, localHour, localWeekday } from './time';
import type { Trip, TripStatus, VehicleType } from './types';

/** What the generator knows about a trip beyond its row: the causes behind tickets and events. */
export interface TripFacts {
  trip: Trip;
  rider: RiderSim;
  driver: DriverSim | null;
  vehicle: VehicleType | null;
  pressure: number;
  /** Minutes from accept to pickup as quoted to the rider. */
  waitMin: number | null;
  appVersion: string;
  /** The rider's app hit a client error in this trip's session. */
  sessionError: boolean;
  cancelFee: boolean;
  /** The rider's previous request before this one (-Infinity for a first ride). */
  previousRequest: number;
}

export interface DriverPool {
  drivers: DriverSim[];
  table: CumulativeTable;
}

export interface TripContext {
  rng: Rng;
  windowStart: number;
  riderTables: Map<City, { riders: RiderSim[]; table: CumulativeTable }>;
  allRiders: { riders: RiderSim[]; table: CumulativeTable };
  /** Drivers who can drive today, per city. */
  pools: Map<City, DriverPool>;
}

/** Signed up (a minute ago at least) and not yet churned. */
function usable(r: RiderSim, t: number): boolean {
  return t >= r.row.signup_at + 60_000 && t <= r.activeUntil;
}

export function pickRider(ctx: TripContext, city: City, t: number): RiderSim {
  const { rng } = ctx;
  // A few rides are taken by visitors from another city.
  if (!rng.chance(0.03)) {
    const local = ctx.riderTables.get(city)!;
    for (let i = 0; i < 40; i++) {
      const r = local.riders[local.table.draw(rng)]!;
      if (usable(r, t) && riderCityAt(r, t) === city) return r;
    }
  }
  for (let i = 0; i < 400; i++) {
    const r = ctx.allRiders.riders[ctx.allRiders.table.draw(rng)]!;
    if (usable(r, t)) return r;
  }
  throw new Error(`no rider can ride at ${new Date(t).toISOString()}: too few riders for this many trips`);
}

function pickDriver(ctx: TripContext, city: City, t: number): DriverSim | null {
  const pool = ctx.pools.get(city);
  if (!pool || pool.drivers.length === 0) return null;
  for (let i = 0; i < 8; i++) {
    const d = pool.drivers[pool.table.draw(ctx.rng)]!;
    if (d.busyUntil <= t) return d;
  }
  return null;
}

function roundTo(x: number, decimals: number): number {
  const f = 10 ** decimals;
  return Math.round(x * f) / f;
}

function clamp(x: number, lo: number, hi: number): number {
  return Math.min(hi, Math.max(lo, x));
}

function sigmoid(x: number): number {
  return 1 / (1 + Math.exp(-x));
}

const TIP_AMOUNTS: Readonly<Record<string, number>> = { '1000': 0.45, '2000': 0.3, '3000': 0.15, '5000': 0.1 };

export function simulateTrip(ctx: TripContext, city: City, requestedAt: number, tripId: string): TripFacts {
  const { rng } = ctx;
  const rider = pickRider(ctx, city, requestedAt);
  const previousRequest = rider.lastRequest;
  rider.lastRequest = requestedAt;
  const hour = localHour(requestedAt);
  const p = pressure(city, localWeekday(requestedAt), hour) * rng.lognormal(1, 0.15);
  // Surge grows with pressure but flattens out, so only the worst hours reach the 3.0 cap.
  const surge = p > 1.35 ? clamp(roundTo(1 + 1.2 * Math.sqrt(p - 1.35) + rng.normal() * 0.05, 1), 1, 3) : 1;
  const appVersion = riderAppVersion(rider.row.platform, ctx.windowStart, requestedAt, rider.updateLag);
  const sessionError = rng.chance(sessionErrorRate(appVersion, rider.row.platform));

  const trip: Trip = {
    trip_id: tripId,
    rider_id: rider.row.rider_id,
    driver_id: null,
    city,
    requested_at: requestedAt,
    accepted_at: null,
    pickup_at: null,
    dropoff_at: null,
    cancelled_at: null,
    status: 'no_driver',
    distance_km: null,
    duration_min: null,
    base_fare: null,
    surge_multiplier: surge,
    fare: 0,
    tip: null,
    payment_method: rider.payment,
    rating_by_rider: null,
    rating_by_driver: null,
  };
  const facts: TripFacts = {
    trip, rider, driver: null, vehicle: null, pressure: p, waitMin: null, appVersion, sessionError, cancelFee: false,
    previousRequest,
  };
  const seconds = (ms: number): number => Math.round(ms / 1000) * 1000;
  const end = (status: TripStatus, at: number): TripFacts => {
    trip.status = status;
    trip.cancelled_at = seconds(at);
    return facts;
  };

  // Impatient riders give up before anyone accepts.
  if (rng.chance(0.02)) return end('cancelled_by_rider', requestedAt + rng.range(5_000, 50_000));
  const driver = rng.chance(0.008 + 0.1 * Math.max(0, p - 1.1)) ? null : pickDriver(ctx, city, requestedAt);
  if (!driver) return end('no_driver', requestedAt + rng.range(60_000, 180_000));

  const state = driverStateAt(driver, requestedAt)!;
  facts.driver = driver;
  facts.vehicle = state.vehicle_type;
  trip.driver_id = driver.row.driver_id;
  const accepted = seconds(requestedAt + 4_000 + rng.exponential(8_000 + 25_000 * Math.max(0, p - 0.8)));
  trip.accepted_at = accepted;
  const waitMin = rng.lognormal(3 + 5 * Math.max(0, p - 0.7), 0.5);
  facts.waitMin = roundTo(waitMin, 1);
  const waitMs = waitMin * MINUTE;

  const cancelByRider = 0.03 + 0.45 * sigmoid((waitMin - 12) / 2.5) + (sessionError ? 0.06 : 0);
  const roll = rng.next();
  if (roll < cancelByRider) {
    const at = seconds(accepted + rng.range(0.15, 1) * waitMs);
    facts.cancelFee = at - accepted > FREE_CANCEL_MS;
    trip.fare = facts.cancelFee ? CANCELLATION_FEE : 0;
    driver.busyUntil = at;
    return end('cancelled_by_rider', at);
  }
  if (roll < cancelByRider + 0.035) {
    const at = accepted + rng.range(0.1, 0.7) * waitMs;
    driver.busyUntil = at;
    return end('cancelled_by_driver', at);
  }

  const profile = CITY_PROFILES[city];
  const lateNight = hour <= 4;
  let km = rng.chance(0.015)
    ? rng.range(30, 58) // airport runs
    : clamp(rng.lognormal(profile.medianKm * (lateNight ? 1.4 : 1), 0.6), 0.6, 45);
  km = roundTo(km, 2);
  const rush = (hour >= 7 && hour <= 9) || (hour >= 17 && hour <= 19);
  const speed = profile.speedKmh * (rush ? 0.65 : lateNight ? 1.35 : 1) * rng.lognormal(1, 0.15);
  const minutes = roundTo((km / speed) * 60 + 1.5 + rng.exponential(1), 1);
  const pickup = seconds(accepted + waitMs);
  const dropoff = seconds(pickup + minutes * MINUTE);
  const base = baseFare(state.vehicle_type, km, minutes);

  trip.status = 'completed';
  trip.pickup_at = pickup;
  trip.dropoff_at = dropoff;
  trip.distance_km = km;
  trip.duration_min = minutes;
  trip.base_fare = base;
  trip.fare = surgedFare(base, surge);
  driver.busyUntil = dropoff;

  if (rng.chance(0.6)) {
    const score = 4.55 + driver.quality - 0.1 * Math.max(0, waitMin - 8) - (sessionError ? 0.8 : 0) - (surge >= 2 ? 0.3 : 0);
    trip.rating_by_rider = clamp(Math.round(score + rng.normal() * 0.55), 1, 5);
  }
  if (rng.chance(0.9)) trip.rating_by_driver = clamp(Math.round(4.8 + rider.manners + rng.normal() * 0.4), 1, 5);
  if (trip.payment_method !== 'cash') {
    trip.tip = rng.chance(0.06 + (trip.rating_by_rider === 5 ? 0.22 : 0)) ? Number(rng.weighted(TIP_AMOUNTS)) : 0;
  }
  return facts;
}
