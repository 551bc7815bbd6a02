import { format } from 'd3';
// Keeping big results drawable: even sampling, and averaging into x intervals.

/** Above this many points a chart samples or bins, so the page stays responsive. */
export const MAX_POINTS = 10_000;

/** `count` items spread evenly over `items`, first and last included, order kept. */
export function sampleEvenly<T>(items: readonly T[], count: number): T[] {
  if (items.length <= count) return items.slice();
  if (count <= 1) return items.slice(0, Math.max(0, count));
  const out: T[] = [];
  const step = (items.length - 1) / (count - 1);
  for (let i = 0; i < count; i++) out.push(items[Math.round(i * step)]!);
  return out;
}

export interface XY {
  x: number;
  y: number;
}

export interface Averaged extends XY {
  /** How many points were averaged into this one. */
  n: number;
}

/**
 * Splits [lo, hi] into `intervals` equal parts and replaces the points in each by
 * one point at their mean x and mean y. Empty intervals give no point.
 */
export function averageByInterval(points: readonly XY[], [lo, hi]: [number, number], intervals: number): Averaged[] {
  const sums = new Map<number, { x: number; y: number; n: number }>();
  const width = (hi - lo) / intervals || 1;
  for (const p of points) {
    const k = Math.min(intervals - 1, Math.max(0, Math.floor((p.x - lo) / width)));
    const s = sums.get(k);
    if (s) {
      s.x += p.x;
      s.y += p.y;
      s.n++;
    } else sums.set(k, { x: p.x, y: p.y, n: 1 });
  }
  return [...sums.entries()].sort((a, b) => a[0] - b[0]).map(([, s]) => ({ x: s.x / s.n, y: s.y / s.n, n: s.n }));
}

const thousands = format(',');

/** A count with thousands separators: 250,000. */
export function count(n: number): string {
  return thousands(n);
}
