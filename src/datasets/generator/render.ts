// Records to text, with fixed number formats so the same records always give
// the same bytes. The app database writes local time without an offset (its
// DATETIME columns); the logs, the support desk and the experiment platform
// write UTC with a Z, so joining across sources means converting.

import { toCsv, type CsvField } from '../formats/csv';
import { formatServerLine } from '../formats/server-log';
import { isoMs, isoSec, localIsoSec } from './time';
import type {
  AppEvent, Assignment, Driver, ProfileChange, PropertyValue, Rider, ServerRecord, Ticket, Trip,
} from './types';

export const RIDER_COLUMNS = ['rider_id', 'name', 'email', 'phone', 'city', 'platform', 'signup_at', 'acquisition_channel'] as const;
export const DRIVER_COLUMNS = ['driver_id', 'name', 'city', 'vehicle_type', 'joined_at', 'status'] as const;
export const CHANGE_COLUMNS = ['change_id', 'user_id', 'user_type', 'field', 'old_value', 'new_value', 'changed_at'] as const;
export const TRIP_COLUMNS = [
  'trip_id', 'rider_id', 'driver_id', 'city', 'requested_at', 'accepted_at', 'pickup_at', 'dropoff_at', 'cancelled_at',
  'status', 'distance_km', 'duration_min', 'base_fare', 'surge_multiplier', 'fare', 'tip', 'payment_method',
  'rating_by_rider', 'rating_by_driver',
] as const;
export const EVENT_KEYS = [
  'event_id', 'ts', 'user_id', 'user_type', 'session_id', 'event', 'screen', 'properties', 'platform', 'app_version',
] as const;
export const TICKET_COLUMNS = ['ticket_id', 'user_id', 'created_at', 'channel', 'category', 'body', 'satisfaction'] as const;
export const ASSIGNMENT_COLUMNS = ['user_id', 'experiment', 'variant', 'assigned_at'] as const;

const local = (ms: number | null): string | null => (ms === null ? null : localIsoSec(ms));
const fixed = (x: number | null, digits: number): string | null => (x === null ? null : x.toFixed(digits));

export function riderRow(r: Rider): CsvField[] {
  return [r.rider_id, r.name, r.email, r.phone, r.city, r.platform, local(r.signup_at), r.acquisition_channel];
}

export function driverRow(d: Driver): CsvField[] {
  return [d.driver_id, d.name, d.city, d.vehicle_type, local(d.joined_at), d.status];
}

export function changeRow(c: ProfileChange): CsvField[] {
  return [c.change_id, c.user_id, c.user_type, c.field, c.old_value, c.new_value, local(c.changed_at)];
}

export function tripRow(t: Trip): CsvField[] {
  return [
    t.trip_id, t.rider_id, t.driver_id, t.city, local(t.requested_at), local(t.accepted_at), local(t.pickup_at),
    local(t.dropoff_at), local(t.cancelled_at), t.status, fixed(t.distance_km, 2), fixed(t.duration_min, 1),
    t.base_fare, fixed(t.surge_multiplier, 1), t.fare, t.tip, t.payment_method, t.rating_by_rider, t.rating_by_driver,
  ];
}

export function ticketRow(t: Ticket): CsvField[] {
  return [t.ticket_id, t.user_id, isoSec(t.created_at), t.channel, t.category, t.body, t.satisfaction];
}

export function assignmentRow(a: Assignment): CsvField[] {
  return [a.user_id, a.experiment, a.variant, isoMs(a.assigned_at)];
}

export function csvOf<T>(columns: readonly string[], items: readonly T[], row: (item: T) => CsvField[]): string {
  return toCsv(columns, items.map(row));
}

/** How one event is written; defects change the timestamp or drop the user id. */
export interface EventLineOptions {
  ts?: string | number;
  user?: 'null' | 'absent';
}

function sortedProperties(p: Record<string, PropertyValue>): Record<string, PropertyValue> {
  const out: Record<string, PropertyValue> = {};
  for (const k of Object.keys(p).sort()) out[k] = p[k]!;
  return out;
}

export function eventObject(e: AppEvent, options: EventLineOptions = {}): Record<string, unknown> {
  const o: Record<string, unknown> = { event_id: e.event_id, ts: options.ts ?? isoMs(e.ts) };
  if (options.user !== 'absent') o.user_id = options.user === 'null' ? null : e.user_id;
  o.user_type = e.user_type;
  o.session_id = e.session_id;
  o.event = e.event;
  o.screen = e.screen;
  o.properties = sortedProperties(e.properties);
  o.platform = e.platform;
  o.app_version = e.app_version;
  return o;
}

export function eventLine(e: AppEvent, options: EventLineOptions = {}): string {
  return JSON.stringify(eventObject(e, options));
}

export function serverLine(r: ServerRecord): string {
  return formatServerLine({
    ts: isoMs(r.ts),
    level: r.level,
    method: r.method,
    path: r.path,
    status: r.status,
    latency_ms: r.latency_ms,
    user_id: r.user_id,
    request_id: r.request_id,
    message: r.message,
  });
}
