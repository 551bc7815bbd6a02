// Readable numbers and times for ticks and tooltips.
import { format, precisionFixed, precisionRound, utcDay, utcFormat, utcHour, utcMinute, utcMonth, utcSecond, utcYear } from 'd3';

const integer = format(',');
const fixed2 = format(',.2~f');
const significant = format('.4~r');
const si = format('.3~s');

/** A single value, e.g. in a tooltip: 1,234 · 1,234.57 · 0.01234 · 12.3M. */
export function formatNumber(value: number): string {
  const abs = Math.abs(value);
  if (abs >= 1e9) return siText(value);
  if (Number.isInteger(value)) return integer(value);
  if (abs >= 1) return fixed2(value);
  return significant(value);
}

/** SI prefixes, with B (billion) rather than G (giga) for money and counts. */
function siText(value: number): string {
  return si(value).replace(/G$/, 'B');
}

/**
 * Tick labels for a numeric axis. Plain with thousands separators while that stays
 * short (1,200 · 0.25), SI prefixes from a million (1.5M · 2B).
 */
export function numberTickFormat(ticks: readonly number[]): (value: number) => string {
  const max = Math.max(0, ...ticks.map((t) => Math.abs(t)));
  const step = ticks.length > 1 ? Math.abs(ticks[1]! - ticks[0]!) : 0;
  if (step === 0) return formatNumber;
  if (max >= 1e6) {
    const digits = Math.max(3, precisionRound(step, max));
    const f = format(`.${Math.min(21, digits)}~s`);
    return (value) => f(value).replace(/G$/, 'B');
  }
  const f = format(`,.${Math.min(20, precisionFixed(step))}f`);
  return (value) => f(value === 0 ? 0 : value);
}

const formatMillisecond = utcFormat('.%L');
const formatSecond = utcFormat(':%S');
const formatMinute = utcFormat('%H:%M');
const formatDay = utcFormat('%b %-d');
const formatMonth = utcFormat('%b');
const formatYear = utcFormat('%Y');

/**
 * Multi-scale time format (as d3's, but with a 24-hour clock): each tick shows the
 * largest unit that changed — 2026 · Mar · Mar 2 · 18:00 · 18:05 · :30.
 */
export function formatTimeTick(ms: number): string {
  const date = new Date(ms);
  if (utcSecond(date) < date) return formatMillisecond(date);
  if (utcMinute(date) < date) return formatSecond(date);
  if (utcHour(date) < date || utcDay(date) < date) return formatMinute(date);
  if (utcMonth(date) < date) return formatDay(date);
  if (utcYear(date) < date) return formatMonth(date);
  return formatYear(date);
}

const DAY = 86_400_000;

/**
 * Labels for a row of time ticks. Ticks a day to a few weeks apart all read
 * "Mar 1", "Mar 8" (not "Mar" on the first of the month); otherwise each tick
 * uses formatTimeTick.
 */
export function timeTickLabels(ticks: readonly number[]): string[] {
  const step = ticks.length > 1 ? ticks[1]! - ticks[0]! : 0;
  if (step >= DAY && step < 28 * DAY) return ticks.map((t) => formatDay(new Date(t)));
  return ticks.map(formatTimeTick);
}

const formatIsoDay = utcFormat('%Y-%m-%d');
const formatIsoMinute = utcFormat('%Y-%m-%d %H:%M');
const formatIsoSecond = utcFormat('%Y-%m-%d %H:%M:%S');

/** An instant as short ISO-like UTC text: 2026-03-02 · 2026-03-02 18:30 · 2026-03-02 18:30:05. */
export function formatInstant(ms: number): string {
  const date = new Date(ms);
  if (ms % 86_400_000 === 0) return formatIsoDay(date);
  if (ms % 60_000 === 0) return formatIsoMinute(date);
  return formatIsoSecond(date);
}
