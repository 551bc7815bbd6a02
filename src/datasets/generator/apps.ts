// App releases and what goes wrong with them. 5.12.0 shipped a map-rendering
// crash; 5.12.1 fixed it ten days later, but riders who update slowly kept
// crashing for a while: app errors cluster by version and by date.

import type { Platform } from './types';
import { DAY } from './time';

interface Release {
  version: string;
  /** Window day (0 = first day) when the release reached the store. */
  day: number;
}

const RIDER_RELEASES: readonly Release[] = [
  { version: '5.11.0', day: -40 },
  { version: '5.12.0', day: 12 },
  { version: '5.12.1', day: 22 },
  { version: '5.13.0', day: 40 },
];

const DRIVER_RELEASES: readonly Release[] = [
  { version: '3.8.2', day: -60 },
  { version: '3.9.0', day: 30 },
];

export const BAD_VERSION = '5.12.0';
export const WEB_VERSION = 'web-2024.03';

function versionAt(releases: readonly Release[], windowStart: number, t: number, lag: number): string {
  let v = releases[0]!.version;
  for (const r of releases) if (windowStart + r.day * DAY + lag <= t) v = r.version;
  return v;
}

export function riderAppVersion(platform: Platform, windowStart: number, t: number, lag: number): string {
  return platform === 'web' ? WEB_VERSION : versionAt(RIDER_RELEASES, windowStart, t, lag);
}

export function driverAppVersion(windowStart: number, t: number, lag: number): string {
  return versionAt(DRIVER_RELEASES, windowStart, t, lag);
}

/** Chance that a session has a client-side error. */
export function sessionErrorRate(version: string, platform: Platform): number {
  if (version === BAD_VERSION) return 0.15;
  return platform === 'web' ? 0.012 : 0.006;
}

export const CRASH = { code: 'MAP_RENDER_CRASH', message: 'Map view failed to render tiles' } as const;

export const MINOR_ERRORS = [
  { code: 'NETWORK_TIMEOUT', message: 'Request timed out after 10000 ms' },
  { code: 'LOCATION_UNAVAILABLE', message: 'Could not read GPS position' },
  { code: 'PAYMENT_SHEET_FAILED', message: 'Payment sheet closed unexpectedly' },
] as const;
