// Scales with their ticks: where a value goes, and what the axis says there.
import { scaleBand, scaleLinear, scalePoint, scaleUtc, utcDay, utcFormat, type ScaleTime } from 'd3';
import { numberTickFormat, timeTickLabels } from './format';
import { levelDepth, placeLevel, placeTurned, textWidth, thin, turnedDepth, turnedReach, type Room } from './tick-fit';

export interface Tick {
  pos: number;
  label: string;
  /** The whole label when `label` was shortened. */
  full?: string;
  /** A second line under the label (the date under the first clock time). */
  sub?: string;
  /** How far the label is moved from its tick to stay inside the chart. */
  dx?: number;
  /** The same for the second line, which may be longer. */
  subDx?: number;
}

/** How the x labels are drawn: level, or turned 45° so that more fit; and the space they take. */
interface XLabels {
  angle: 0 | -45;
  /** Space below the axis. */
  labelDepth: number;
  /** How far left of the plot the first label would reach uncut (turned labels cannot move inwards). */
  overhang: number;
}

export interface ContinuousScale extends XLabels {
  kind: 'number' | 'time';
  /** Position of a number (for time: milliseconds since the epoch). */
  pos: (value: number) => number;
  domain: [number, number];
  ticks: Tick[];
}

export interface CategoryScale extends XLabels {
  kind: 'category';
  /** Start of the band (band mode) or centre of the point (point mode). */
  pos: (value: string) => number;
  bandwidth: number;
  ticks: Tick[];
}

export type XScale = ContinuousScale | CategoryScale;

/** Pixels per character at the 11px font, for sizing the legend (tick labels use tick-fit's textWidth). */
export const CHAR_WIDTH = 6.5;
const MAX_LABEL_CHARS = 16;

function widen([lo, hi]: [number, number], kind: 'number' | 'time'): [number, number] {
  if (lo < hi) return [lo, hi];
  if (kind === 'time') return [lo - 43_200_000, hi + 43_200_000];
  const pad = lo === 0 ? 1 : Math.abs(lo) * 0.1;
  return [lo - pad, hi + pad];
}

const formatDay = utcFormat('%b %-d, %Y');
const formatMinute = utcFormat('%b %-d, %Y %H:%M');
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

const NO_ROOM: Room = { left: 0, right: 0 };

/** Ticks and labels of a UTC scale: when the labels are clock times, the first also gets the date, on a second line. */
function timeTickRow(scale: ScaleTime<number, number>, count: number, wholeDays: boolean): Tick[] {
  const values = timeTicks(scale, count, wholeDays);
  const labels = timeTickLabels(values.map(Number));
  const ticks: Tick[] = values.map((d, i) => ({ pos: scale(d), label: labels[i]! }));
  const first = ticks[0];
  if (first !== undefined && /^\d\d:\d\d$/.test(first.label)) first.sub = formatDay(values[0]!);
  else if (first !== undefined && /^[:.]/.test(first.label)) first.sub = formatMinute(values[0]!);
  return ticks;
}

/**
 * Linear (numbers) or UTC time (milliseconds) over [0, width]. `nice` rounds the
 * ends to tick values. `room` is the space left and right of the plot that labels
 * may use.
 */
export function continuousScale(
  kind: 'number' | 'time',
  domain: [number, number],
  width: number,
  { nice = false, wholeDays = false, room = NO_ROOM }: { nice?: boolean; wholeDays?: boolean; room?: Room } = {},
): ContinuousScale {
  const start = Math.max(2, Math.floor(width / 90));
  const [lo, hi] = widen(domain, kind);
  let pos: (value: number) => number;
  let row: (count: number) => Tick[];
  let ends: [number, number];
  if (kind === 'time') {
    const scale = scaleUtc().domain([lo, hi]).range([0, width]);
    if (nice) scale.nice(start);
    pos = (v) => scale(v);
    row = (count) => timeTickRow(scale, count, wholeDays);
    ends = scale.domain().map(Number) as [number, number];
  } else {
    const scale = scaleLinear().domain([lo, hi]).range([0, width]);
    if (nice) scale.nice(start);
    pos = (v) => scale(v);
    row = (count) => {
      const values = scale.ticks(count);
      const label = numberTickFormat(values);
      return values.map((v) => ({ pos: scale(v), label: label(v) }));
    };
    ends = scale.domain() as [number, number];
  }
  // Fewer ticks rather than every k-th: d3 then picks another nice step (2 hours, not 45 minutes).
  const place = placeLevel(width, room);
  let ticks: Tick[] = [];
  let placed: Tick[] | undefined;
  for (let count = start; count >= 1 && placed === undefined; count--) {
    ticks = row(count);
    placed = place(ticks, 1);
  }
  placed ??= thin(ticks, place);
  const lines = placed.some((t) => t.sub !== undefined) ? 2 : 1;
  return { kind, pos, domain: ends, ticks: placed, angle: 0, labelDepth: levelDepth(lines), overhang: 0 };
}

function shorten(label: string): Tick['label'] {
  return label.length > MAX_LABEL_CHARS ? `${label.slice(0, MAX_LABEL_CHARS - 1)}…` : label;
}

/**
 * Categories in the given order: bands (for bars) or points (for lines and scatter).
 * Labels stay level when they all fit; otherwise they are turned 45° if that shows
 * more of them, and thinned to every k-th when even that is too many. `angle`
 * forces one way (the frame sizes its margins for the first choice).
 */
export function categoryScale(
  categories: readonly string[],
  width: number,
  mode: 'band' | 'point',
  { room = NO_ROOM, angle }: { room?: Room; angle?: 0 | -45 } = {},
): CategoryScale {
  const scale = mode === 'band'
    ? scaleBand<string>().domain(categories).range([0, width]).paddingInner(0.2).paddingOuter(0.1)
    : scalePoint<string>().domain(categories).range([0, width]).padding(0.5);
  const bandwidth = scale.bandwidth();
  const center = mode === 'band' ? bandwidth / 2 : 0;
  const all: Tick[] = categories.map((c) => {
    const label = shorten(c);
    return label === c ? { pos: scale(c)! + center, label } : { pos: scale(c)! + center, label, full: c };
  });
  const base = { kind: 'category' as const, pos: (v: string) => scale(v) ?? 0, bandwidth, overhang: 0 };
  const level = angle === -45 ? [] : thin(all, placeLevel(width, room));
  if (angle === 0 || level.length === all.length) return { ...base, ticks: level, angle: 0, labelDepth: levelDepth(1) };
  const turned = thin(all, placeTurned(room));
  if (angle === undefined && turned.length <= level.length) return { ...base, ticks: level, angle: 0, labelDepth: levelDepth(1) };
  const longest = all.reduce((w, t) => Math.max(w, textWidth(t.label)), 0);
  const first = all[0];
  const overhang = first === undefined ? 0 : Math.max(0, turnedReach(first.label) - first.pos);
  return { ...base, ticks: turned, angle: -45, labelDepth: turnedDepth(longest), overhang };
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
