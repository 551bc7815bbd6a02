// Scatter plots: one dot per row, coloured by series; big results are sampled evenly.
import type { ResultSet } from '../sql/types';
import type { Prepared, XDomain } from './frame';
import { formatNumber } from './format';
import { seriesColor } from './palette';
import { display, readPoints } from './points';
import { MAX_POINTS, count, sampleEvenly } from './sample';
import { allWholeDays } from './scales';
import { el, tooltip } from './svg';
import type { ChartSpec } from './types';

export function prepareScatter(spec: ChartSpec, result: ResultSet): Prepared {
  const read = readPoints(spec, result);
  const notes = [...read.skipped];
  const total = read.points.length;
  const points = sampleEvenly(read.points, MAX_POINTS);
  if (points.length < total) notes.push(`Showing ${count(points.length)} of ${count(total)} points, sampled evenly`);

  let ylo = Infinity;
  let yhi = -Infinity;
  let xlo = Infinity;
  let xhi = -Infinity;
  for (const p of points) {
    ylo = Math.min(ylo, p.y);
    yhi = Math.max(yhi, p.y);
    if (typeof p.x === 'number') {
      xlo = Math.min(xlo, p.x);
      xhi = Math.max(xhi, p.x);
    }
  }
  if (!Number.isFinite(ylo)) [ylo, yhi] = [0, 1];
  if (!Number.isFinite(xlo)) [xlo, xhi] = [0, 1];
  const x: XDomain = read.xKind === 'category'
    ? { kind: 'category', categories: [...new Set(points.map((p) => p.x as string))], mode: 'point' }
    : { kind: read.xKind, domain: [xlo, xhi], nice: true, wholeDays: read.xKind === 'time' && allWholeDays(points.map((p) => p.x as number)) };
  const seriesIndex = new Map(read.series.map((name, i) => [name, i]));

  return {
    x,
    y: [ylo, yhi],
    series: spec.color !== undefined ? read.series : [],
    notes,
    pointCount: total,
    markCount: points.length,
    xLabel: spec.xLabel ?? spec.x,
    yLabel: spec.yLabel ?? spec.y ?? '',
    marks: (xs, ys) => points.map((p) => {
      const lines = [`${spec.x}: ${display(p.raw)}`, `${spec.y}: ${formatNumber(p.y)}`];
      if (spec.color !== undefined) lines.unshift(`${spec.color}: ${p.series}`);
      const cx = xs.kind === 'category' ? xs.pos(p.x as string) : xs.pos(p.x as number);
      return el('circle', {
        class: 'chart-mark chart-dot', cx, cy: ys.pos(p.y), r: 3.5,
        style: `fill: ${seriesColor(seriesIndex.get(p.series) ?? 0)}`, 'fill-opacity': '0.75',
      }, tooltip(lines));
    }).join(''),
  };
}
