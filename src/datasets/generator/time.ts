// Times are epoch milliseconds (UTC) inside the generator. The cities are in
// Korea, which keeps one offset all year (UTC+9, no daylight saving), so local
// time is a fixed shift and every conversion is exact.

export const MINUTE = 60_000;
export const HOUR = 60 * MINUTE;
export const DAY = 24 * HOUR;
export const LOCAL_OFFSET_MS = 9 * HOUR;

/** Epoch ms of local midnight on a YYYY-MM-DD date. */
export function localMidnight(date: string): number {
  const ms = Date.parse(`${date}T00:00:00.000Z`);
  if (Number.isNaN(ms)) throw new Error(`not a date: ${date}`);
  return ms - LOCAL_OFFSET_MS;
}

/** 0-23, local time. */
export function localHour(ms: number): number {
  return new Date(ms + LOCAL_OFFSET_MS).getUTCHours();
}

/** 0 = Monday ... 6 = Sunday, local time. */
export function localWeekday(ms: number): number {
  return (new Date(ms + LOCAL_OFFSET_MS).getUTCDay() + 6) % 7;
}

/** 2024-03-04T14:12:45.123Z */
export function isoMs(ms: number): string {
  return new Date(ms).toISOString();
}

/** 2024-03-04T14:12:45Z: the app database stores whole seconds. */
export function isoSec(ms: number): string {
  return new Date(Math.floor(ms / 1000) * 1000).toISOString().replace('.000Z', 'Z');
}

/** 2024-03-04T23:12:45.123+09:00: same instant, written with the local offset. */
export function isoLocalOffset(ms: number): string {
  return new Date(ms + LOCAL_OFFSET_MS).toISOString().replace('Z', '+09:00');
}

/** 2024-03-04 23:12:45.123: local wall-clock time with no zone at all. */
export function naiveLocal(ms: number): string {
  return new Date(ms + LOCAL_OFFSET_MS).toISOString().replace('T', ' ').replace('Z', '');
}

export function floorToSecond(ms: number): number {
  return Math.floor(ms / 1000) * 1000;
}

/** 2024-03-04T23:12:45: local wall-clock time, as the app database's DATETIME columns hold it. */
export function localIsoSec(ms: number): string {
  return new Date(Math.floor(ms / 1000) * 1000 + LOCAL_OFFSET_MS).toISOString().slice(0, 19);
}
