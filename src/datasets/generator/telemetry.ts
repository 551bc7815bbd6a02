// The app analytics log and the server log around each trip. Every event that
// calls the backend carries the request id the server logs, so the two logs
// join on request_id (and on user id and time).

import { CRASH, MINOR_ERRORS, driverAppVersion, riderAppVersion, sessionErrorRate } from './apps';
import { EXPERIMENTS, conversionProbability } from './experiments';
import type { IdSource } from './ids';
import type { DriverSim, RiderSim } from './people';
import type { Rng } from './random';
import { DAY, HOUR, MINUTE } from './time';
import type { TripFacts } from './trips';
import type {
  AppEvent, EventName, HttpMethod, Platform, PropertyValue, ServerRecord, UserType,
} from './types';

interface Actor {
  user_id: string;
  user_type: UserType;
  session_id: string;
  platform: Platform;
  app_version: string;
}

interface Failure {
  status: number;
  message: string;
}

/** Typical latency in ms per endpoint, before load slows it down. */
const LATENCY: Readonly<Record<string, number>> = {
  rides: 140, accept: 45, cancel: 50, complete: 55, rating: 35, health: 2,
};

export interface TelemetryIds {
  event: IdSource;
  session: IdSource;
  request: IdSource;
}

export class Telemetry {
  events: AppEvent[] = [];
  server: ServerRecord[] = [];
  /** rider index + experiment -> first app_open at or after the experiment's start. */
  readonly exposures = new Map<string, number>();
  private driverSessions = new Map<number, string>();

  constructor(
    private readonly rng: Rng,
    private readonly windowStart: number,
    private readonly ids: TelemetryIds,
  ) {}

  /** Hands over what was made since the last call (one day's worth). */
  drain(): { events: AppEvent[]; server: ServerRecord[] } {
    const out = { events: this.events, server: this.server };
    this.events = [];
    this.server = [];
    this.driverSessions = new Map();
    return out;
  }

  /** A load balancer probing the API once an hour: server lines with no user. */
  healthChecks(dayStart: number): void {
    for (let h = 0; h < 24; h++) {
      const ts = dayStart + h * HOUR + this.rng.int(0, 59_999);
      this.call(ts, null, 'GET', '/v1/health', 200, 'health', 1);
    }
  }

  trip(f: TripFacts): void {
    this.browsingSessions(f);
    this.tripSession(f);
  }

  private event(actor: Actor, ts: number, event: EventName, screen: string, properties: Record<string, PropertyValue>): void {
    this.events.push({
      event_id: this.ids.event.next(),
      ts: Math.round(ts),
      user_id: actor.user_id,
      user_type: actor.user_type,
      session_id: actor.session_id,
      event,
      screen,
      properties,
      platform: actor.platform,
      app_version: actor.app_version,
    });
  }

  /** One API call; returns the request id and when the server logged it. */
  private call(
    clientTs: number, userId: string | null, method: HttpMethod, path: string, okStatus: number,
    endpoint: string, load: number, failure?: Failure,
  ): { requestId: string; serverTs: number } {
    const rng = this.rng;
    const request_id = this.ids.request.next();
    const latency = failure
      ? rng.int(2500, 5000)
      : Math.max(1, Math.round(rng.lognormal(LATENCY[endpoint]! * (1 + 0.8 * Math.max(0, load - 1)), 0.5)));
    const ts = Math.round(clientTs + rng.range(20, 250) + latency);
    const slow = !failure && latency > 1500;
    this.server.push({
      ts,
      level: failure ? 'ERROR' : slow ? 'WARN' : 'INFO',
      method,
      path,
      status: failure ? failure.status : okStatus,
      latency_ms: latency,
      user_id: userId,
      request_id,
      message: failure ? failure.message : slow ? 'slow request' : null,
    });
    return { requestId: request_id, serverTs: ts };
  }

  private riderActor(r: RiderSim, t: number): Actor {
    return {
      user_id: r.row.rider_id,
      user_type: 'rider',
      session_id: this.ids.session.next(),
      platform: r.row.platform,
      app_version: riderAppVersion(r.row.platform, this.windowStart, t, r.updateLag),
    };
  }

  private driverActor(d: DriverSim, t: number): Actor {
    // A driver's shift is one session per day.
    let session = this.driverSessions.get(d.index);
    if (!session) {
      session = this.ids.session.next();
      this.driverSessions.set(d.index, session);
    }
    return {
      user_id: d.row.driver_id,
      user_type: 'driver',
      session_id: session,
      platform: d.platform,
      app_version: driverAppVersion(this.windowStart, t, d.updateLag),
    };
  }

  private appOpen(rider: RiderSim, actor: Actor, ts: number): void {
    this.event(actor, ts, 'app_open', 'home', {});
    for (const e of EXPERIMENTS) {
      if (ts < this.windowStart + e.startDay * DAY) continue;
      const key = `${rider.index}|${e.name}`;
      const seen = this.exposures.get(key);
      if (seen === undefined || ts < seen) this.exposures.set(key, ts);
    }
  }

  /**
   * A tap that calls the backend: the click event carries the request id the
   * server logs. A rare server fault shows up in both logs.
   */
  private action(
    actor: Actor, ts: number, screen: string, props: Record<string, PropertyValue>,
    method: HttpMethod, path: string, okStatus: number, endpoint: string, load: number, failure?: Failure,
  ): string {
    const fault = failure ?? (this.rng.chance(0.0015) ? { status: 500, message: 'database connection reset' } : undefined);
    const call = this.call(ts, actor.user_id, method, path, okStatus, endpoint, load, fault);
    this.event(actor, ts, 'button_click', screen, { ...props, request_id: call.requestId });
    if (fault) {
      this.event(actor, call.serverTs + this.rng.int(20, 80), 'app_error', screen,
        { code: `HTTP_${fault.status}`, message: fault.message, request_id: call.requestId });
    }
    return call.requestId;
  }

  private clientError(actor: Actor, ts: number, screen: string): void {
    const e = actor.app_version === '5.12.0' ? CRASH : this.rng.pick(MINOR_ERRORS);
    this.event(actor, ts, 'app_error', screen, { code: e.code, message: e.message });
  }

  /**
   * Sessions that end without a request: the rider opens the app, looks at the
   * price and leaves. Their number follows the rider's conversion probability,
   * which is where the experiment's effect lives.
   */
  private browsingSessions(f: TripFacts): void {
    const rng = this.rng;
    const { rider, trip } = f;
    const t = trip.requested_at;
    const n = rng.geometric(conversionProbability(rider.variants, this.windowStart, t));
    if (n === 0) return;
    let lo = Math.max(t - 36 * HOUR, rider.row.signup_at + MINUTE, f.previousRequest + HOUR, this.windowStart);
    let hi = t - 15 * MINUTE;
    // Keep every session on one side of each experiment's start, so each is cleanly in or out.
    for (const e of EXPERIMENTS) {
      const start = this.windowStart + e.startDay * DAY;
      if (t >= start) lo = Math.max(lo, start);
      else hi = Math.min(hi, start - MINUTE);
    }
    if (hi - lo < 30 * MINUTE) return;
    const starts: number[] = [];
    for (let i = 0; i < n; i++) starts.push(Math.floor(lo + rng.next() * (hi - lo)));
    starts.sort((a, b) => a - b);
    for (const start of starts) {
      const actor = this.riderActor(rider, start);
      this.appOpen(rider, actor, start);
      if (rng.chance(sessionErrorRate(actor.app_version, actor.platform))) {
        this.clientError(actor, start + rng.int(1_000, 30_000), 'home');
      }
    }
  }

  private tripSession(f: TripFacts): void {
    const rng = this.rng;
    const { trip, rider } = f;
    const id = trip.trip_id;
    const requested = trip.requested_at;
    const load = f.pressure;
    const actor = this.riderActor(rider, requested);
    const start = requested - rng.int(25_000, 200_000);
    this.appOpen(rider, actor, start);

    // At peak load the dispatcher sometimes times out; the app shows an error and the rider taps again.
    if (rng.chance(0.003 + 0.03 * Math.max(0, load - 1.2))) {
      this.action(actor, requested - rng.int(6_000, 20_000), 'ride_options', { button: 'request_ride', trip_id: null },
        'POST', '/v1/rides', 201, 'rides', load, { status: 503, message: 'dispatch service timeout' });
    }
    this.action(actor, requested - rng.int(50, 400), 'ride_options', { button: 'request_ride', trip_id: id },
      'POST', '/v1/rides', 201, 'rides', load);

    if (f.sessionError) {
      if (trip.accepted_at !== null) this.clientError(actor, trip.accepted_at + rng.int(1_000, 60_000), 'trip_tracking');
      else this.clientError(actor, start + rng.int(1_000, Math.max(2_000, requested - start)), 'home');
    }

    const driver = f.driver ? this.driverActor(f.driver, requested) : null;
    if (driver && trip.accepted_at !== null) {
      const at = trip.accepted_at - rng.int(100, 900);
      if (f.driver!.autoAccept) this.call(at, driver.user_id, 'POST', `/v1/rides/${id}/accept`, 200, 'accept', load);
      else this.action(driver, at, 'offer', { button: 'accept_ride', trip_id: id }, 'POST', `/v1/rides/${id}/accept`, 200, 'accept', load);
    }

    switch (trip.status) {
      case 'no_driver':
        this.event(actor, trip.cancelled_at! + rng.int(200, 1_500), 'screen_view', 'no_driver_found', { trip_id: id });
        break;
      case 'cancelled_by_rider':
        this.action(actor, trip.cancelled_at! - rng.int(100, 900), trip.accepted_at === null ? 'searching' : 'trip_tracking',
          { button: 'cancel_ride', trip_id: id }, 'POST', `/v1/rides/${id}/cancel`, 200, 'cancel', load);
        break;
      case 'cancelled_by_driver':
        this.action(driver!, trip.cancelled_at! - rng.int(100, 900), 'navigation',
          { button: 'cancel_ride', trip_id: id }, 'POST', `/v1/rides/${id}/cancel`, 200, 'cancel', load);
        break;
      case 'completed': {
        // The driver app ends the trip; analytics does not log that tap, the server does.
        this.call(trip.dropoff_at! - rng.int(100, 900), driver!.user_id, 'POST', `/v1/rides/${id}/complete`, 200, 'complete', load);
        if (trip.rating_by_rider !== null) {
          this.action(actor, trip.dropoff_at! + rng.int(20_000, 15 * 60_000), 'rate_trip',
            { button: 'submit_rating', rating: trip.rating_by_rider, tip: trip.tip, trip_id: id },
            'POST', `/v1/rides/${id}/rating`, 201, 'rating', 1);
        }
        break;
      }
    }
  }
}
