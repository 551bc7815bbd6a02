// Generator records as typed SQL rows, in the registry's column order, for
// loading generated data without writing and re-reading text.

import type { SqlValue } from '../sql/types';
import { isoMs, localIsoSec } from './generator/time';
import type { AppEvent, Driver, PropertyValue, Rider, ServerRecord, Trip } from './generator/types';

const local = (ms: number | null): string | null => (ms === null ? null : localIsoSec(ms));

export function riderValues(r: Rider): SqlValue[] {
  return [r.rider_id, r.name, r.email, r.phone, r.city, r.platform, local(r.signup_at), r.acquisition_channel];
}

export function driverValues(d: Driver): SqlValue[] {
  return [d.driver_id, d.name, d.city, d.vehicle_type, local(d.joined_at), d.status];
}

export function tripValues(t: Trip): SqlValue[] {
  return [
    t.trip_id, t.rider_id, t.driver_id, t.city, local(t.requested_at), local(t.accepted_at), local(t.pickup_at),
    local(t.dropoff_at), local(t.cancelled_at), t.status, t.distance_km, t.duration_min, t.base_fare,
    t.surge_multiplier, t.fare, t.tip, t.payment_method, t.rating_by_rider, t.rating_by_driver,
  ];
}

function propertiesText(p: Record<string, PropertyValue>): string {
  const sorted: Record<string, PropertyValue> = {};
  for (const k of Object.keys(p).sort()) sorted[k] = p[k]!;
  return JSON.stringify(sorted);
}

export function eventValues(e: AppEvent, lineNo: number): SqlValue[] {
  return [
    e.event_id, isoMs(e.ts), e.user_id, e.user_type, e.session_id, e.event, e.screen, propertiesText(e.properties),
    e.platform, e.app_version, lineNo,
  ];
}

export function serverValues(s: ServerRecord, lineNo: number): SqlValue[] {
  return [isoMs(s.ts), s.level, s.method, s.path, s.status, s.latency_ms, s.user_id, s.request_id, s.message, lineNo];
}
