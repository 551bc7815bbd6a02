// Turning SQLite values into what a chart can place: numbers, times, categories.
import type { SqlValue } from '../sql/types';

const ISO_TIME = /^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2})(\.\d+)?)?(Z|[+-]\d{2}(?::?\d{2})?)?)?$/;

/**
 * Milliseconds since the epoch for ISO 8601 text (`2026-03-02`, `2026-03-02T23:41:07Z`,
 * `2026-03-02 23:41:07`, `…+09:00`), else undefined. Text without a zone is read as UTC,
 * so a chart looks the same in every time zone.
 */
export function parseIsoTime(value: SqlValue): number | undefined {
  if (typeof value !== 'string') return undefined;
  const m = ISO_TIME.exec(value.trim());
  if (!m) return undefined;
  const [, y, mo, d, h = '00', mi = '00', s = '00', frac = '', zone = 'Z'] = m;
  const month = Number(mo);
  const day = Number(d);
  if (month < 1 || month > 12 || day < 1 || day > 31 || Number(h) > 23 || Number(mi) > 59 || Number(s) > 60) return undefined;
  const ms = frac === '' ? 0 : Math.round(Number(frac) * 1000);
  let offset = 0;
  if (zone !== 'Z') {
    const sign = zone.startsWith('-') ? -1 : 1;
    const digits = zone.slice(1).replace(':', '');
    offset = sign * (Number(digits.slice(0, 2)) * 60 + Number(digits.slice(2) || '0'));
  }
  const utc = Date.UTC(Number(y), month - 1, day, Number(h), Number(mi), Number(s), ms);
  return utc - offset * 60_000;
}

/** A number for integers, reals, bigints and numeric text; undefined otherwise (NULL, blobs, words). */
export function toNumber(value: SqlValue): number | undefined {
  if (typeof value === 'number') return Number.isFinite(value) ? value : undefined;
  if (typeof value === 'bigint') return Number(value);
  if (typeof value === 'string' && value.trim() !== '') {
    const n = Number(value);
    return Number.isFinite(n) ? n : undefined;
  }
  return undefined;
}

/** How a column's values are placed on an axis. */
export type ValueKind = 'number' | 'time' | 'category';

/** time when every non-null value is ISO text; number when every one is numeric; else category. */
export function kindOfValues(values: readonly SqlValue[]): ValueKind {
  let numbers = 0;
  let times = 0;
  let seen = 0;
  for (const value of values) {
    if (value === null) continue;
    seen++;
    if (typeof value === 'number' || typeof value === 'bigint') numbers++;
    else if (parseIsoTime(value) !== undefined) times++;
    else if (toNumber(value) !== undefined) numbers++;
  }
  if (seen === 0) return 'category';
  if (times === seen) return 'time';
  if (numbers === seen) return 'number';
  return 'category';
}

/** The text a category, legend entry or tooltip shows for a value. */
export function labelOf(value: SqlValue): string {
  if (value === null) return '(null)';
  if (value instanceof Uint8Array) return `(blob, ${value.length} bytes)`;
  return String(value);
}
