// Riders and drivers: the app database's current rows, plus the hidden traits
// that drive behaviour, plus the history of profile changes that makes
// slowly-changing dimensions worth teaching (a driver's city or vehicle at the
// time of a trip is not the one in drivers.csv today).

import { CITIES, CITY_PROFILES, type City } from './cities';
import { emailFor, personName, phoneNumber } from './names';
import { idWidth, sequentialId } from './ids';
import { CumulativeTable, type Rng } from './random';
import { DAY, HOUR, MINUTE, localMidnight } from './time';
import type {
  Channel, Driver, DriverStatus, PaymentMethod, Platform, ProfileChange, Rider, VehicleType,
} from './types';
import type { GeneratorOptions } from './options';
import type { Variants } from './experiments';

export interface Window {
  start: number;
  end: number;
  days: number;
}

export function windowOf(options: GeneratorOptions): Window {
  const start = localMidnight(options.startDate);
  return { start, end: start + options.days * DAY, days: options.days };
}

export interface RiderSim {
  index: number;
  /** Values as of the end of the window: what riders.csv shows. */
  row: Rider;
  initialCity: City;
  /** City moves in time order: none for most riders, one for a few, two only with the edge cases on. */
  moves: Array<{ at: number; to: City }>;
  activity: number;
  /** After this the rider stops using the app (churn). */
  activeUntil: number;
  payment: PaymentMethod;
  /** How long after a release this rider's phone updates the app. */
  updateLag: number;
  deleted: boolean;
  /** How the rider treats drivers: shifts the driver's rating of the rider. */
  manners: number;
  /** Experiment name -> variant, fixed up front; assignment is logged at first exposure. */
  variants: Variants;
  /** Time of the rider's latest trip request so far: sessions never go back before it. */
  lastRequest: number;
}

export interface DriverState {
  from: number;
  city: City;
  vehicle_type: VehicleType;
  status: DriverStatus;
}

export interface DriverSim {
  index: number;
  row: Driver;
  /** States in time order; the first starts at joined_at. */
  states: DriverState[];
  /** Window day indexes on which a change happens; the driver does not drive that day. */
  changeDays: Set<number>;
  activity: number;
  /** Shifts the rider's rating of this driver. */
  quality: number;
  platform: 'ios' | 'android';
  updateLag: number;
  /** Until when the driver is on a trip. */
  busyUntil: number;
  /** Auto-accept on: the app accepts offers itself, so no accept_ride click is logged (the server still logs the call). */
  autoAccept: boolean;
}

const CITY_WEIGHTS = Object.fromEntries(CITIES.map((c) => [c, CITY_PROFILES[c].weight])) as Record<City, number>;
const PLATFORMS: Readonly<Record<Platform, number>> = { ios: 0.44, android: 0.46, web: 0.1 };
const CHANNELS: Readonly<Record<Channel, number>> = {
  organic: 0.34, referral: 0.18, search_ads: 0.16, tiktok: 0.12, youtube: 0.11, instagram: 0.09,
};
/** Channels bring riders of different value: the point of a cohort lesson. */
const CHANNEL_ACTIVITY: Readonly<Record<Channel, number>> = {
  organic: 1.0, referral: 1.3, search_ads: 0.9, tiktok: 0.65, youtube: 0.8, instagram: 0.75,
};
const CHANNEL_CHURN: Readonly<Record<Channel, number>> = {
  organic: 0.12, referral: 0.08, search_ads: 0.22, tiktok: 0.45, youtube: 0.3, instagram: 0.35,
};
const PAYMENTS: Readonly<Record<PaymentMethod, number>> = { card: 0.55, wallet: 0.25, cash: 0.12, corporate: 0.08 };
const VEHICLES: Readonly<Record<VehicleType, number>> = { sedan: 0.52, ev: 0.2, suv: 0.14, van: 0.06, premium: 0.08 };

/** Riders who signed up before the window did so over the previous ~2.5 years. */
const HISTORY_MS = 900 * DAY;

export function makeRiders(options: GeneratorOptions, win: Window, rng: Rng): RiderSim[] {
  const total = options.riders + options.defects.deletedRiders;
  const width = idWidth(total, 4);
  const riders: RiderSim[] = [];
  for (let i = 0; i < total; i++) {
    const name = personName(rng);
    const channel = rng.weighted(CHANNELS);
    // Signups speed up over time (the company grows); 15% join during the window.
    const signup_at = rng.chance(0.15)
      ? win.start + Math.floor(rng.next() * (win.end - win.start - DAY))
      : win.start - Math.floor(HISTORY_MS * Math.sqrt(rng.next())) - HOUR;
    const churns = rng.chance(CHANNEL_CHURN[channel]);
    const activeFrom = Math.max(signup_at, win.start);
    riders.push({
      index: i,
      row: {
        rider_id: sequentialId('r_', i + 1, width),
        name,
        email: emailFor(name, rng),
        phone: phoneNumber(rng),
        city: rng.weighted(CITY_WEIGHTS),
        platform: rng.weighted(PLATFORMS),
        signup_at: Math.floor(signup_at / 1000) * 1000,
        acquisition_channel: channel,
      },
      initialCity: 'Seoul',
      moves: [],
      activity: rng.lognormal(1, 0.9) * CHANNEL_ACTIVITY[channel],
      activeUntil: churns ? activeFrom + rng.exponential(14 * DAY) : Infinity,
      payment: rng.weighted(PAYMENTS),
      updateLag: rng.exponential(4 * DAY),
      deleted: false,
      manners: rng.chance(0.06) ? -rng.range(1, 2.5) : 0,
      variants: {},
      lastRequest: -Infinity,
    });
  }
  for (const r of riders) r.initialCity = r.row.city;
  markDeleted(riders, options.defects.deletedRiders, win, rng);
  return riders;
}

/** Deleted accounts are ordinary, light riders who joined before the window. */
function markDeleted(riders: RiderSim[], n: number, win: Window, rng: Rng): void {
  const candidates = riders.filter((r) => r.row.signup_at < win.start && r.activity < 2.5);
  for (const r of rng.sample(candidates, n)) r.deleted = true;
}

export function makeDrivers(options: GeneratorOptions, win: Window, rng: Rng): DriverSim[] {
  const width = idWidth(options.drivers, 3);
  const drivers: DriverSim[] = [];
  for (let i = 0; i < options.drivers; i++) {
    const joinsDuring = rng.chance(0.1);
    // Onboarding happens in office hours, local time.
    const joined_at = (joinsDuring ? win.start + rng.int(1, win.days - 7) * DAY : win.start - rng.int(30, 1500) * DAY)
      + rng.int(9, 17) * HOUR + rng.int(0, 3599) * 1000;
    const first: DriverState = {
      from: joined_at,
      city: rng.weighted(CITY_WEIGHTS),
      vehicle_type: rng.weighted(VEHICLES),
      // A few drivers stopped driving before the window and never come back.
      status: !joinsDuring && rng.chance(0.05) ? 'inactive' : 'active',
    };
    drivers.push({
      index: i,
      row: {
        driver_id: sequentialId('d_', i + 1, width),
        name: personName(rng),
        city: first.city,
        vehicle_type: first.vehicle_type,
        joined_at,
        status: first.status,
      },
      states: [first],
      changeDays: new Set(),
      activity: rng.lognormal(1, 0.5),
      quality: rng.chance(0.08) ? -rng.range(0.8, 2) : rng.range(-0.3, 0.3),
      platform: rng.chance(0.7) ? 'android' : 'ios',
      updateLag: rng.exponential(2 * DAY),
      busyUntil: -Infinity,
      autoAccept: rng.chance(0.6),
    });
  }
  return drivers;
}

/** Draws the profile changes, applies them to riders and drivers, and returns the change feed. */
export function makeChanges(riders: RiderSim[], drivers: DriverSim[], win: Window, rng: Rng, edgeCases = false): ProfileChange[] {
  const changes: Omit<ProfileChange, 'change_id'>[] = [];
  const when = (from: number): number => {
    const lo = Math.max(from, win.start) + HOUR;
    return Math.floor((lo + rng.next() * (win.end - lo - HOUR)) / 1000) * 1000;
  };
  for (const r of riders) {
    if (r.deleted) continue;
    const row = r.row;
    if (rng.chance(0.08)) {
      const next = emailFor(row.name, rng);
      if (next !== row.email) {
        changes.push({ user_id: row.rider_id, user_type: 'rider', field: 'email', old_value: row.email, new_value: next, changed_at: when(row.signup_at) });
        row.email = next;
      }
    }
    if (rng.chance(0.03)) {
      const next = phoneNumber(rng);
      changes.push({ user_id: row.rider_id, user_type: 'rider', field: 'phone', old_value: row.phone, new_value: next, changed_at: when(row.signup_at) });
      row.phone = next;
    }
    if (rng.chance(0.03)) {
      const to = rng.pick(CITIES.filter((c) => c !== row.city));
      const at = when(row.signup_at);
      changes.push({ user_id: row.rider_id, user_type: 'rider', field: 'city', old_value: row.city, new_value: to, changed_at: at });
      r.moves.push({ at, to });
      row.city = to;
      // Edge case: the first rider who moves moves again, so "the city before the move" is not one row.
      if (edgeCases && !riders.some((o) => o.moves.length > 1) && at < win.end - 2 * DAY) {
        const again = rng.pick(CITIES.filter((c) => c !== to));
        const later = Math.floor((at + DAY + rng.next() * (win.end - at - 2 * DAY)) / 1000) * 1000;
        changes.push({ user_id: row.rider_id, user_type: 'rider', field: 'city', old_value: to, new_value: again, changed_at: later });
        r.moves.push({ at: later, to: again });
        row.city = again;
      }
    }
  }
  let twice = !edgeCases;
  for (const d of drivers) {
    // Edge case: the first driver who can change at all moves city twice.
    if (driverChanges(d, win, rng, changes, !twice)) twice = true;
  }
  changes.sort((a, b) => a.changed_at - b.changed_at || (a.user_id < b.user_id ? -1 : a.user_id > b.user_id ? 1 : 0));
  const width = idWidth(changes.length, 5);
  return changes.map((c, i) => ({ change_id: sequentialId('chg_', i + 1, width), ...c }));
}

/** Returns whether it planted two city moves (only when `moveTwice` and the driver can change). */
function driverChanges(d: DriverSim, win: Window, rng: Rng, out: Omit<ProfileChange, 'change_id'>[], moveTwice = false): boolean {
  const startDay = Math.max(1, Math.ceil((d.row.joined_at - win.start) / DAY) + 1);
  if (startDay >= win.days - (moveTwice ? 3 : 1) || d.states[0]!.status !== 'active') return false;
  const planned: Array<'city' | 'vehicle_type' | 'inactive' | 'suspended'> = [];
  if (moveTwice) {
    planned.push('city', 'city');
  } else {
    if (rng.chance(0.07)) planned.push('city');
    if (rng.chance(0.14)) planned.push('vehicle_type');
    if (rng.chance(0.07)) planned.push('inactive');
    else if (rng.chance(0.03)) planned.push('suspended');
  }
  // Distinct days in order, so each change starts from the state before it.
  const days = rng.sample(range(startDay, win.days - 1), planned.length).sort((a, b) => a - b);
  rng.shuffle(planned);
  // Leaving (inactive/suspended) comes last: nobody changes car after quitting.
  planned.sort((a, b) => Number(a === 'inactive' || a === 'suspended') - Number(b === 'inactive' || b === 'suspended'));
  planned.forEach((kind, k) => {
    const day = days[k]!;
    // Changes land in the quiet hour before dawn (04:00-05:00 local).
    const at = win.start + day * DAY + 4 * HOUR + rng.int(0, 59) * MINUTE + rng.int(0, 59) * 1000;
    const prev = d.states[d.states.length - 1]!;
    const next: DriverState = { ...prev, from: at };
    let field: ProfileChange['field'];
    let oldValue: string;
    let newValue: string;
    if (kind === 'city') {
      field = 'city';
      oldValue = prev.city;
      next.city = rng.pick(CITIES.filter((c) => c !== prev.city));
      newValue = next.city;
    } else if (kind === 'vehicle_type') {
      field = 'vehicle_type';
      oldValue = prev.vehicle_type;
      next.vehicle_type = rng.pick((['sedan', 'ev', 'suv', 'van', 'premium'] as const).filter((v) => v !== prev.vehicle_type));
      newValue = next.vehicle_type;
    } else {
      field = 'status';
      oldValue = prev.status;
      next.status = kind;
      newValue = kind;
    }
    d.states.push(next);
    d.changeDays.add(day);
    out.push({ user_id: d.row.driver_id, user_type: 'driver', field, old_value: oldValue, new_value: newValue, changed_at: at });
  });
  // A suspension is sometimes lifted a week or two later.
  const last = d.states[d.states.length - 1]!;
  if (last.status === 'suspended' && rng.chance(0.4)) {
    const lastDay = Math.max(...d.changeDays);
    const day = lastDay + rng.int(7, 14);
    if (day < win.days) {
      const at = win.start + day * DAY + 4 * HOUR + rng.int(0, 3599) * 1000;
      d.states.push({ ...last, from: at, status: 'active' });
      d.changeDays.add(day);
      out.push({ user_id: d.row.driver_id, user_type: 'driver', field: 'status', old_value: 'suspended', new_value: 'active', changed_at: at });
    }
  }
  const final = d.states[d.states.length - 1]!;
  d.row.city = final.city;
  d.row.vehicle_type = final.vehicle_type;
  d.row.status = final.status;
  return moveTwice;
}

function range(lo: number, hi: number): number[] {
  const out: number[] = [];
  for (let i = lo; i < hi; i++) out.push(i);
  return out;
}

export function riderCityAt(r: RiderSim, t: number): City {
  let city = r.initialCity;
  for (const m of r.moves) if (t >= m.at) city = m.to;
  return city;
}

export function driverStateAt(d: DriverSim, t: number): DriverState | null {
  if (t < d.row.joined_at) return null;
  let state = d.states[0]!;
  for (const s of d.states) if (s.from <= t) state = s;
  return state;
}

/** Per city, riders weighted by activity; riders who move appear under both cities. */
export function riderTables(riders: RiderSim[]): Map<City, { riders: RiderSim[]; table: CumulativeTable }> {
  const out = new Map<City, { riders: RiderSim[]; table: CumulativeTable }>();
  for (const city of CITIES) {
    const list = riders.filter((r) => r.initialCity === city || r.moves.some((m) => m.to === city));
    out.set(city, { riders: list, table: new CumulativeTable(list.map((r) => r.activity)) });
  }
  return out;
}
