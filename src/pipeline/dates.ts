// Days and simulated time. A day is 'YYYY-MM-DD'; the clock counts minutes
// since the Unix epoch in UTC, so no time zone or DST ever moves a run.

const DAY = /^(\d{4})-(\d{2})-(\d{2})$/;
export const MINUTES_PER_DAY = 24 * 60;

/** Minutes since the epoch at 00:00 of `ds`, or undefined when it is no real date. */
export function dayStart(ds: string): number | undefined {
  const m = DAY.exec(ds);
  if (!m) return undefined;
  const ms = Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3]));
  // Date.UTC rolls 2024-02-30 over to March; a real date prints back the same.
  if (Number.isNaN(ms) || new Date(ms).toISOString().slice(0, 10) !== ds) return undefined;
  return ms / 60_000;
}

export function isDay(ds: string): boolean {
  return dayStart(ds) !== undefined;
}

export function dayOf(minute: number): string {
  return new Date(minute * 60_000).toISOString().slice(0, 10);
}

export function addDays(ds: string, n: number): string {
  return dayOf(dayStart(ds)! + n * MINUTES_PER_DAY);
}

/** Every day from start to end, inclusive. */
export function daysBetween(start: string, end: string): string[] {
  const out: string[] = [];
  for (let d = start; d <= end; d = addDays(d, 1)) out.push(d);
  return out;
}

/** 'YYYY-MM-DDTHH:MM:SS', the shape of the datasets' timestamps. */
export function timestampOf(minute: number): string {
  return new Date(minute * 60_000).toISOString().slice(0, 19);
}

/** 'MM-DD HH:MM' for logs and tooltips. */
export function clockText(minute: number): string {
  return new Date(minute * 60_000).toISOString().slice(5, 16).replace('T', ' ');
}

/** '1h 05m', '3m', '0m'. */
export function durationText(minutes: number): string {
  const h = Math.floor(minutes / 60);
  const m = Math.round(minutes % 60);
  return h > 0 ? `${h}h ${String(m).padStart(2, '0')}m` : `${m}m`;
}

/** The bound parameters of one day's run: Airflow's ds and data interval. */
export function partitionParams(ds: string): { ds: string; ds_start: string; ds_end: string } {
  return { ds, ds_start: `${ds}T00:00:00`, ds_end: `${addDays(ds, 1)}T00:00:00` };
}

/**
 * A duration as an author writes it: a number of minutes, or '30s', '5m',
 * '2h', '1h30m'. Undefined when it is none of those.
 */
export function parseDuration(value: unknown): number | undefined {
  if (typeof value === 'number') return Number.isFinite(value) && value >= 0 ? value : undefined;
  if (typeof value !== 'string') return undefined;
  const m = /^\s*(?:(\d+)\s*h)?\s*(?:(\d+)\s*m)?\s*(?:(\d+)\s*s)?\s*$/.exec(value);
  if (!m || (m[1] === undefined && m[2] === undefined && m[3] === undefined)) return undefined;
  return Number(m[1] ?? 0) * 60 + Number(m[2] ?? 0) + Number(m[3] ?? 0) / 60;
}

/** 'HH:MM' as minutes after midnight. */
export function parseTimeOfDay(value: unknown): number | undefined {
  const m = typeof value === 'string' ? /^(\d{1,2}):(\d{2})$/.exec(value.trim()) : null;
  if (!m) return undefined;
  const h = Number(m[1]);
  const min = Number(m[2]);
  return h < 24 && min < 60 ? h * 60 + min : undefined;
}
