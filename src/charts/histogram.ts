// Histograms: the rows of one numeric or time column counted into bins with nice edges.
import { bin, extent, scaleLinear, scaleUtc, thresholdSturges } from 'd3';
import type { ResultSet } from '../sql/types';
import type { Prepared } from './frame';
import { formatInstant, formatNumber } from './format';
import { columnValues, rowCount } from './points';
import { seriesColor } from './palette';
import { DAY_MS, allWholeDays, timeTicks } from './scales';
import { el, tooltip } from './svg';
import type { ChartSpec } from './types';
import { kindOfValues, parseIsoTime, toNumber } from './values';

/** Bins when the spec does not say: Sturges' rule, kept between these. */
const MIN_DEFAULT_BINS = 10;
const MAX_DEFAULT_BINS = 50;

function edges(kind: 'number' | 'time', [lo, hi]: [number, number], wanted: number, wholeDays: boolean): number[] {
  if (kind === 'time') {
    const scale = scaleUtc().domain(lo === hi ? [lo, hi + DAY_MS] : [lo, hi]).nice(wanted);
    return timeTicks(scale, wanted, wholeDays).map(Number).concat(scale.domain().map(Number)).sort((a, b) => a - b);
  }
  const scale = scaleLinear().domain(lo === hi ? [lo - 0.5, hi + 0.5] : [lo, hi]).nice(wanted);
  return scale.ticks(wanted).concat(scale.domain()).sort((a, b) => a - b);
}

export function prepareHistogram(spec: ChartSpec, result: ResultSet): Prepared {
  const raw = columnValues(result, spec.x);
  const kind = kindOfValues(raw) === 'time' ? 'time' : 'number';
  const values: number[] = [];
  let nulls = 0;
  let others = 0;
  for (const v of raw) {
    const n = kind === 'time' ? parseIsoTime(v) : toNumber(v);
    if (n !== undefined) values.push(n);
    else if (v === null) nulls++;
    else others++;
  }
  const notes: string[] = [];
  if (nulls > 0) notes.push(`${rowCount(nulls)} with NULL ${spec.x} skipped`);
  if (others > 0) notes.push(`${rowCount(others)} where ${spec.x} is not a ${kind === 'time' ? 'time' : 'number'} skipped`);

  const [lo, hi] = extent(values);
  const wholeDays = kind === 'time' && allWholeDays(values);
  const wanted = spec.bins ?? Math.min(MAX_DEFAULT_BINS, Math.max(MIN_DEFAULT_BINS, thresholdSturges(values)));
  const cuts = lo === undefined || hi === undefined ? [0, 1] : [...new Set(edges(kind, [lo, hi], wanted, wholeDays))];
  // Bins hold their lower edge. d3 puts a value on the top edge in the last bin too,
  // which would make that bin one step wider than the others: add a bin instead.
  if (hi !== undefined && cuts.length > 1 && hi === cuts[cuts.length - 1]) {
    cuts.push(hi + (hi - cuts[cuts.length - 2]!));
  }
  const first = cuts[0]!;
  const last = cuts[cuts.length - 1]!;
  const bins = bin().domain([first, last]).thresholds(cuts.slice(1, -1))(values);
  const tallest = Math.max(1, ...bins.map((b) => b.length));
  const show = (v: number): string => (kind === 'time' ? formatInstant(v) : formatNumber(v));
  // Whole days read best as inclusive dates: "2026-03-01 – 2026-03-02" is two days.
  const range = (x0: number, x1: number): string => {
    if (!wholeDays) return `${show(x0)} – ${show(x1)}`;
    const end = x1 - DAY_MS;
    return end <= x0 ? show(x0) : `${show(x0)} – ${show(end)}`;
  };

  return {
    x: { kind, domain: [first, last], wholeDays },
    y: [0, tallest],
    series: [],
    notes,
    pointCount: values.length,
    markCount: bins.length,
    xLabel: spec.xLabel ?? spec.x,
    yLabel: spec.yLabel ?? 'count',
    marks: (xs, ys) => {
      if (xs.kind === 'category') return '';
      return bins.map((b) => {
        const x0 = xs.pos(b.x0 ?? first);
        const x1 = xs.pos(b.x1 ?? last);
        const top = ys.pos(b.length);
        const lines = [`${spec.x}: ${range(b.x0 ?? first, b.x1 ?? last)}`, `count: ${formatNumber(b.length)}`];
        return el('rect', {
          class: 'chart-mark chart-bin', x: x0 + 0.5, y: top, width: Math.max(0, x1 - x0 - 1), height: ys.pos(0) - top,
          style: `fill: ${seriesColor(0)}`, 'data-count': b.length,
        }, tooltip(lines));
      }).join('');
    },
  };
}
