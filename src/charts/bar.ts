// Bar charts: one bar per x category (stacked by color), or bars grouped side by side.
import { scaleBand } from 'd3';
import type { ResultSet } from '../sql/types';
import type { Prepared } from './frame';
import { formatNumber } from './format';
import { seriesColor } from './palette';
import { readPoints } from './points';
import { MAX_POINTS, count } from './sample';
import { el, tooltip } from './svg';
import type { ChartSpec } from './types';

interface Cell {
  category: string;
  series: string;
  seriesIndex: number;
  value: number;
  rows: number;
}

/** Adds up rows that share a category and series, keeping first-appearance order. */
function totals(spec: ChartSpec, result: ResultSet) {
  const { points, series, skipped } = readPoints(spec, result, true);
  const categories: string[] = [];
  const known = new Set<string>();
  const cells = new Map<string, Cell>();
  for (const p of points) {
    const category = p.x as string;
    const key = JSON.stringify([category, p.series]);
    const cell = cells.get(key);
    if (cell) {
      cell.value += p.y;
      cell.rows++;
      continue;
    }
    if (!known.has(category)) {
      known.add(category);
      categories.push(category);
    }
    cells.set(key, { category, series: p.series, seriesIndex: series.indexOf(p.series), value: p.y, rows: 1 });
  }
  return { categories, series, cells: [...cells.values()], skipped, pointCount: points.length };
}

function tip(spec: ChartSpec, cell: Cell): string {
  const lines = [`${spec.x}: ${cell.category}`];
  if (spec.color !== undefined) lines.push(`${spec.color}: ${cell.series}`);
  lines.push(`${spec.y}: ${formatNumber(cell.value)}`);
  if (cell.rows > 1) lines.push(`(${count(cell.rows)} rows added together)`);
  return tooltip(lines);
}

function rect(spec: ChartSpec, cell: Cell, x: number, width: number, y0: number, y1: number): string {
  return el('rect', {
    class: 'chart-mark chart-bar', x, y: Math.min(y0, y1), width: Math.max(0, width), height: Math.abs(y1 - y0),
    style: `fill: ${seriesColor(cell.seriesIndex)}`,
  }, tip(spec, cell));
}

/** bar (stacked when color is set) and grouped-bar. */
export function prepareBars(spec: ChartSpec, result: ResultSet): Prepared {
  const grouped = spec.type === 'grouped-bar';
  const all = totals(spec, result);
  const notes = [...all.skipped];
  let { categories, cells } = all;
  if (categories.length > MAX_POINTS) {
    notes.push(`Showing the first ${count(MAX_POINTS)} of ${count(categories.length)} bars — group or filter in SQL to see fewer`);
    categories = categories.slice(0, MAX_POINTS);
    const kept = new Set(categories);
    cells = cells.filter((c) => kept.has(c.category));
  }

  // Stacks: positive values grow up from 0, negative ones down; grouped bars each start at 0.
  const ends = new Map<Cell, [number, number]>();
  const up = new Map<string, number>();
  const down = new Map<string, number>();
  for (const cell of cells) {
    if (grouped) {
      ends.set(cell, [0, cell.value]);
      continue;
    }
    const stack = cell.value >= 0 ? up : down;
    const base = stack.get(cell.category) ?? 0;
    stack.set(cell.category, base + cell.value);
    ends.set(cell, [base, base + cell.value]);
  }
  let lo = 0;
  let hi = 0;
  for (const [a, b] of ends.values()) {
    lo = Math.min(lo, a, b);
    hi = Math.max(hi, a, b);
  }

  return {
    x: { kind: 'category', categories, mode: 'band' },
    y: [lo, hi === lo ? 1 : hi],
    series: spec.color !== undefined ? all.series : [],
    notes,
    pointCount: all.pointCount,
    markCount: cells.length,
    xLabel: spec.xLabel ?? spec.x,
    yLabel: spec.yLabel ?? spec.y ?? '',
    marks: (x, y) => {
      if (x.kind !== 'category') return '';
      const inner = scaleBand<string>().domain(all.series).range([0, x.bandwidth]).paddingInner(0.05);
      return cells.map((cell) => {
        const [a, b] = ends.get(cell)!;
        const left = x.pos(cell.category) + (grouped ? inner(cell.series)! : 0);
        const width = grouped ? inner.bandwidth() : x.bandwidth;
        return rect(spec, cell, left, width, y.pos(a), y.pos(b));
      }).join('');
    },
  };
}
