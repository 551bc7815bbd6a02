// Everything around the marks: size, margins, title, axes, axis labels, legend, note.
import { xAxis, yAxis } from './axes';
import { legend, legendWidth } from './legend';
import { categoryScale, continuousScale, linearY, type XScale, type YScale } from './scales';
import { FONT, SVG_NS, el, esc } from './svg';
import { levelDepth, textWidth, type Room } from './tick-fit';
import type { ChartRender, ChartSpec, RenderOptions } from './types';

export const DEFAULT_WIDTH = 640;
export const DEFAULT_HEIGHT = 360;

export type XDomain =
  | { kind: 'number' | 'time'; domain: [number, number]; nice?: boolean; wholeDays?: boolean }
  | { kind: 'category'; categories: string[]; mode: 'band' | 'point' };

export interface Plot {
  width: number;
  height: number;
}

/** What a chart type works out from the data before anything is placed. */
export interface Prepared {
  x: XDomain;
  y: [number, number];
  /** Legend entries; empty for a single series. */
  series: string[];
  /** The marks, given the scales and the plot size. */
  marks: (x: XScale, y: YScale, plot: Plot) => string;
  notes: string[];
  pointCount: number;
  markCount: number;
  xLabel: string;
  yLabel: string;
}

function wrap(text: string, chars: number): string[] {
  const lines: string[] = [];
  let line = '';
  for (const word of text.split(' ')) {
    if (line !== '' && line.length + 1 + word.length > chars) {
      lines.push(line);
      line = word;
    } else line = line === '' ? word : `${line} ${word}`;
  }
  if (line !== '') lines.push(line);
  return lines;
}

function xScaleFor(x: XDomain, width: number, room: Room, angle?: 0 | -45): XScale {
  return x.kind === 'category'
    ? categoryScale(x.categories, width, x.mode, { room, angle })
    : continuousScale(x.kind, x.domain, width, { nice: x.nice ?? false, wholeDays: x.wholeDays ?? false, room });
}

interface Layout {
  left: number;
  /** Space below the plot kept for the x labels. */
  depth: number;
  plot: Plot;
  x: XScale;
  y: YScale;
}

/**
 * Margins and scales. The x labels' depth sets the bottom margin, which sets the
 * plot's height, its y ticks, the left margin and so the plot's width, which is
 * what decides how the x labels fit: lay out for one line of level labels, then
 * again with the depth (and, for turned labels, the left margin) they asked for,
 * keeping them turned or level.
 */
function layout(width: number, height: number, top: number, below: number, yDomain: [number, number], right: number, xDomain: XDomain): Layout {
  // A turned first label may widen the left margin, up to a quarter of the chart; beyond that it is cut.
  const maxLeft = width / 4;
  const at = (depth: number, minLeft: number, angle?: 0 | -45): Layout => {
    const plotHeight = Math.max(40, height - top - depth - below);
    const y = linearY(yDomain, plotHeight);
    const left = Math.max(32, 14 + Math.max(...y.ticks.map((t) => textWidth(t.label))), Math.min(maxLeft, minLeft));
    const plot: Plot = { width: Math.max(40, width - left - right), height: plotHeight };
    const x = xScaleFor(xDomain, plot.width, { left, right: X_ROOM_RIGHT }, angle);
    return { left, depth, plot, x, y };
  };
  let result = at(levelDepth(1), 0);
  for (let tries = 0; tries < 2; tries++) {
    const { depth, left, x } = result;
    // Slack for the first tick moving left a little as the plot narrows.
    const wantLeft = x.overhang > 0 ? x.overhang + 4 : 0;
    if (x.labelDepth <= depth && Math.min(maxLeft, wantLeft) <= left) break;
    result = at(Math.max(depth, x.labelDepth), Math.max(left, wantLeft), x.angle);
  }
  return result;
}

/** Space right of the plot that the last x label may use (the legend starts beyond it). */
const X_ROOM_RIGHT = 14;

export function renderFrame(spec: ChartSpec, prepared: Prepared, options: RenderOptions = {}): ChartRender {
  const width = spec.width ?? options.width ?? DEFAULT_WIDTH;
  const height = spec.height ?? options.height ?? DEFAULT_HEIGHT;
  const note = prepared.notes.length > 0 ? prepared.notes.join('. ') + '.' : undefined;
  const noteLines = note === undefined ? [] : wrap(note, Math.floor((width - 20) / 6));

  const top = 12 + (spec.title ? 24 : 0) + 18;
  const below = (prepared.xLabel ? 20 : 0) + noteLines.length * 15 + (noteLines.length > 0 ? 6 : 0);
  const legendW = prepared.series.length > 0 ? legendWidth(prepared.series) : 0;
  const right = 16 + legendW;
  const { left, depth, plot, x, y } = layout(width, height, top, below, prepared.y, right, prepared.x);

  const parts: string[] = [];
  if (spec.title) {
    parts.push(el('text', { class: 'chart-title', x: 10, y: 24, 'font-size': 14, 'font-weight': 600, fill: 'currentColor' }, esc(spec.title)));
  }
  const marks = prepared.pointCount === 0
    ? el('text', { class: 'chart-empty', x: plot.width / 2, y: plot.height / 2, 'text-anchor': 'middle', fill: 'currentColor', 'fill-opacity': '0.7' },
        'No rows to chart')
    : prepared.marks(x, y, plot);
  parts.push(el('g', { class: 'chart-plot', transform: `translate(${Math.round(left)},${top})` },
    yAxis(y, plot.width) + el('g', { class: 'chart-marks' }, marks) + xAxis(x, plot.width, plot.height)));
  if (prepared.yLabel) {
    parts.push(el('text', { class: 'chart-axis-label chart-axis-label-y', x: 10, y: top - 10, 'font-size': 11, fill: 'currentColor' },
      esc(prepared.yLabel)));
  }
  if (prepared.xLabel) {
    parts.push(el('text', {
      class: 'chart-axis-label chart-axis-label-x', x: left + plot.width / 2, y: top + plot.height + depth + 16,
      'text-anchor': 'middle', 'font-size': 11, fill: 'currentColor',
    }, esc(prepared.xLabel)));
  }
  if (prepared.series.length > 0) parts.push(legend(prepared.series, spec.color ?? '', left + plot.width + 16, top, height - top - 8));
  if (note !== undefined) {
    const firstLine = height - 8 - (noteLines.length - 1) * 15;
    const tspans = noteLines.map((line, i) => el('tspan', { x: 10, y: firstLine + i * 15 }, esc(line))).join('');
    parts.push(el('text', { class: 'chart-note', 'font-size': 11, fill: 'currentColor', 'fill-opacity': '0.75' }, tspans));
  }

  const label = spec.title ?? `${spec.type} chart of ${spec.y ?? 'count'} by ${spec.x}`;
  const svg = el('svg', {
    xmlns: SVG_NS, class: `chart chart-${spec.type}`, width, height, viewBox: `0 0 ${width} ${height}`,
    role: 'img', 'aria-label': label, 'data-theme': options.theme ?? 'light', 'font-family': FONT, 'font-size': 12,
  }, parts.join(''));
  const result: ChartRender = { svg, pointCount: prepared.pointCount, markCount: prepared.markCount };
  if (note !== undefined) result.note = note;
  return result;
}
