// Scales with their ticks: where a value goes, and what the axis says there.
import { max, scaleBand, scaleLinear, scalePoint, scaleUtc, utcDay, utcFormat, type ScaleTime } from 'd3';
import { numberTickFormat, timeTickLabels } from './format';

export interface Tick {
  pos: number;
  label: string;
  /** The whole label when `label` was shortened. */
  full?: string;
}

export interface ContinuousScale {
  kind: 'number' | 'time';
  /** Position of a number (for time: milliseconds since the epoch). */
  pos: (value: number) => number;
  domain: [number, number];
  ticks: Tick[];
}

export interface CategoryScale {
  kind: 'category';
  /** Start of the band (band mode) or centre of the point (point mode). */
  pos: (value: string) => number;
  bandwidth: number;
  ticks: Tick[];
}

export type XScale = ContinuousScale | CategoryScale;

/** Pixels per character at the 11px tick font; used to keep labels from colliding. */
export const CHAR_WIDTH = 6.5;
const MAX_LABEL_CHARS = 16;

function widen([lo, hi]: [number, number], kind: 'number' | 'time'): [number, number] {
  if (lo < hi) return [lo, hi];
  if (kind === 'time') return [lo - 43_200_000, hi + 43_200_000];
  const pad = lo === 0 ? 1 : Math.abs(lo) * 0.1;
  return [lo - pad, hi + pad];
}

const formatDay = utcFormat('%b %-d, %Y');
export const DAY_MS = 86_400_000;

/**
 * About `count` ticks of a UTC scale. When the data are whole days (dates without a
 * time), the ticks are whole days too: a daily series has no "12:00".
 */
export function timeTicks(scale: ScaleTime<number, number>, count: number, wholeDays: boolean): Date[] {
  const ticks = scale.ticks(count);
  if (!wholeDays || ticks.every((t) => +t % DAY_MS === 0)) return ticks;
  const [a, b] = scale.domain();
  const days = (+b! - +a!) / DAY_MS;
  return scale.ticks(utcDay.every(Math.max(1, Math.ceil(days / count)))!);
}

/** True when every time is midnight UTC, i.e. the column holds dates. */
export function allWholeDays(times: Iterable<number>): boolean {
  for (const t of times) if (t % DAY_MS !== 0) return false;
  return true;
}

/** Linear (numbers) or UTC time (milliseconds) over [0, width]. `nice` rounds the ends to tick values. */
export function continuousScale(
  kind: 'number' | 'time',
  domain: [number, number],
  width: number,
  { nice = false, wholeDays = false }: { nice?: boolean; wholeDays?: boolean } = {},
): ContinuousScale {
  const count = Math.max(2, Math.floor(width / 90));
  const [lo, hi] = widen(domain, kind);
  if (kind === 'time') {
    const scale = scaleUtc().domain([lo, hi]).range([0, width]);
    if (nice) scale.nice(count);
    const values = timeTicks(scale, count, wholeDays);
    const labels = timeTickLabels(values.map(Number));
    // The first tick carries the date when the others only show clock times.
    if (values[0] !== undefined && /^[:.]|^\d\d:\d\d$/.test(labels[0]!)) labels[0] = `${formatDay(values[0])} ${labels[0]}`;
    const ticks = values.map((d, i) => ({ pos: scale(d), label: labels[i]! }));
    const [d0, d1] = scale.domain();
    return { kind, pos: (v) => scale(v), domain: [+d0!, +d1!], ticks };
  }
  const scale = scaleLinear().domain([lo, hi]).range([0, width]);
  if (nice) scale.nice(count);
  const values = scale.ticks(count);
  const label = numberTickFormat(values);
  const [d0, d1] = scale.domain();
  return { kind, pos: (v) => scale(v), domain: [d0!, d1!], ticks: values.map((v) => ({ pos: scale(v), label: label(v) })) };
}

function shorten(label: string): Tick['label'] {
  return label.length > MAX_LABEL_CHARS ? `${label.slice(0, MAX_LABEL_CHARS - 1)}…` : label;
}

/** Categories in the given order: bands (for bars) or points (for lines and scatter). Labels are thinned to fit. */
export function categoryScale(categories: readonly string[], width: number, mode: 'band' | 'point'): CategoryScale {
  const scale = mode === 'band'
    ? scaleBand<string>().domain(categories).range([0, width]).paddingInner(0.2).paddingOuter(0.1)
    : scalePoint<string>().domain(categories).range([0, width]).padding(0.5);
  const bandwidth = scale.bandwidth();
  const center = mode === 'band' ? bandwidth / 2 : 0;
  const longest = Math.min(MAX_LABEL_CHARS, Math.max(1, max(categories, (c) => c.length) ?? 1));
  const fit = Math.max(1, Math.floor(width / (longest * CHAR_WIDTH + 8)));
  const every = Math.ceil(categories.length / fit);
  const ticks: Tick[] = [];
  categories.forEach((c, i) => {
    if (i % every !== 0) return;
    const label = shorten(c);
    ticks.push(label === c ? { pos: scale(c)! + center, label } : { pos: scale(c)! + center, label, full: c });
  });
  return { kind: 'category', pos: (v) => scale(v) ?? 0, bandwidth, ticks };
}

export interface YScale {
  pos: (value: number) => number;
  domain: [number, number];
  ticks: Tick[];
}

/** A linear vertical scale over [height, 0], rounded to nice ends. */
export function linearY(domain: [number, number], height: number): YScale {
  const count = Math.max(2, Math.floor(height / 50));
  const [lo, hi] = widen(domain, 'number');
  const scale = scaleLinear().domain([lo, hi]).range([height, 0]).nice(count);
  const values = scale.ticks(count);
  const label = numberTickFormat(values);
  const [d0, d1] = scale.domain();
  return { pos: (v) => scale(v), domain: [d0!, d1!], ticks: values.map((v) => ({ pos: scale(v), label: label(v) })) };
}
