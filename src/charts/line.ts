// Line and area charts: one path per series, vertices in x order, a tooltip per vertex.
import { area, extent, line } from 'd3';
import type { ResultSet, SqlValue } from '../sql/types';
import type { Prepared, XDomain } from './frame';
import { formatInstant, formatNumber } from './format';
import { seriesColor } from './palette';
import { display, readPoints, type Point } from './points';
import { MAX_POINTS, averageByInterval, count, sampleEvenly } from './sample';
import { allWholeDays } from './scales';
import { el, esc, tooltip } from './svg';
import type { ChartSpec } from './types';

/** Up to this many vertices get their own tooltip target. */
export const VERTEX_TOOLTIP_LIMIT = 1000;
/** Up to this many vertices per series, the targets are drawn as visible dots. */
const VISIBLE_DOTS = 60;
const MAX_INTERVALS = 1000;

interface Vertex {
  x: number | string;
  y: number;
  raw?: SqlValue;
  /** Points averaged into this vertex, when the series was binned. */
  n?: number;
}

interface Series {
  name: string;
  index: number;
  vertices: Vertex[];
}

function group(points: readonly Point[], names: readonly string[], sort: boolean): Series[] {
  const byName = new Map(names.map((name, index): [string, Series] => [name, { name, index, vertices: [] }]));
  for (const p of points) byName.get(p.series)!.vertices.push({ x: p.x, y: p.y, raw: p.raw });
  const all = [...byName.values()];
  if (sort) for (const s of all) s.vertices.sort((a, b) => (a.x as number) - (b.x as number));
  return all;
}

function vertexTip(spec: ChartSpec, s: Series, v: Vertex, time: boolean): string {
  const lines: string[] = [];
  if (spec.color !== undefined) lines.push(`${spec.color}: ${s.name}`);
  if (v.n !== undefined) {
    const x = time ? formatInstant(v.x as number) : formatNumber(v.x as number);
    lines.push(`${spec.x}: ≈ ${x}`, `${spec.y}: ${formatNumber(v.y)} (average of ${count(v.n)})`);
  } else {
    lines.push(`${spec.x}: ${display(v.raw ?? null)}`, `${spec.y}: ${formatNumber(v.y)}`);
  }
  return tooltip(lines);
}

export function prepareLines(spec: ChartSpec, result: ResultSet): Prepared {
  const isArea = spec.type === 'area';
  const read = readPoints(spec, result);
  const continuous = read.xKind !== 'category';
  let series = group(read.points, read.series, continuous);
  const total = read.points.length;
  const notes = [...read.skipped];

  const [xlo, xhi] = continuous ? extent(read.points, (p) => p.x as number) : [undefined, undefined];
  if (total > MAX_POINTS) {
    if (continuous && xlo !== undefined && xhi !== undefined) {
      const intervals = Math.max(2, Math.min(MAX_INTERVALS, Math.floor(MAX_POINTS / series.length)));
      series = series.map((s) => ({ ...s, vertices: averageByInterval(s.vertices as { x: number; y: number }[], [xlo, xhi], intervals) }));
      const per = series.length > 1 ? ' per series' : '';
      notes.push(`${count(total)} points binned into ${count(intervals)} intervals of ${spec.x}${per}; each point is the average ${spec.y}`);
    } else {
      const per = Math.max(2, Math.floor(MAX_POINTS / series.length));
      series = series.map((s) => ({ ...s, vertices: sampleEvenly(s.vertices, per) }));
      const drawn = series.reduce((n, s) => n + s.vertices.length, 0);
      notes.push(`Showing ${count(drawn)} of ${count(total)} points, sampled evenly`);
    }
  }
  const vertexCount = series.reduce((n, s) => n + s.vertices.length, 0);

  let ylo = isArea ? 0 : Infinity;
  let yhi = isArea ? 0 : -Infinity;
  for (const s of series) for (const v of s.vertices) {
    ylo = Math.min(ylo, v.y);
    yhi = Math.max(yhi, v.y);
  }
  if (!Number.isFinite(ylo)) [ylo, yhi] = [0, 1];

  let x: XDomain;
  if (continuous) {
    const time = read.xKind === 'time';
    const wholeDays = time && allWholeDays(read.points.map((p) => p.x as number));
    x = { kind: time ? 'time' : 'number', domain: [xlo ?? 0, xhi ?? 1], wholeDays };
  } else {
    const categories = [...new Set(series.flatMap((s) => s.vertices.map((v) => v.x as string)))];
    x = { kind: 'category', categories, mode: 'point' };
  }

  return {
    x,
    y: [ylo, yhi],
    series: spec.color !== undefined ? read.series : [],
    notes,
    pointCount: total,
    markCount: vertexCount,
    xLabel: spec.xLabel ?? spec.x,
    yLabel: spec.yLabel ?? spec.y ?? '',
    marks: (xs, ys) => {
      const px = (v: Vertex): number => (xs.kind === 'category' ? xs.pos(v.x as string) : xs.pos(v.x as number));
      const path = line<Vertex>().x(px).y((v) => ys.pos(v.y)).digits(2);
      const fill = area<Vertex>().x(px).y0(ys.pos(0)).y1((v) => ys.pos(v.y)).digits(2);
      const withDots = vertexCount <= VERTEX_TOOLTIP_LIMIT;
      return series.map((s) => {
        const color = seriesColor(s.index);
        const name = s.name === '' ? (spec.y ?? '') : s.name;
        const title = `<title>${esc(`${name}: ${count(s.vertices.length)} ${s.vertices.length === 1 ? 'point' : 'points'}`)}</title>`;
        let out = '';
        if (isArea) out += el('path', { class: 'chart-mark chart-area', d: fill(s.vertices) ?? '', style: `fill: ${color}`, 'fill-opacity': '0.25' }, title);
        out += el('path', {
          class: 'chart-mark chart-line', d: path(s.vertices) ?? '', fill: 'none', 'stroke-width': 2,
          'stroke-linejoin': 'round', 'stroke-linecap': 'round', style: `stroke: ${color}`,
        }, title);
        if (withDots) {
          const opacity = s.vertices.length <= VISIBLE_DOTS ? '1' : '0';
          out += s.vertices.map((v) => el('circle', {
            class: 'chart-point', cx: px(v), cy: ys.pos(v.y), r: 3, style: `fill: ${color}`, 'fill-opacity': opacity,
          }, vertexTip(spec, s, v, xs.kind === 'time'))).join('');
        }
        return el('g', { class: 'chart-series', 'data-series': s.name }, out);
      }).join('');
    },
  };
}
