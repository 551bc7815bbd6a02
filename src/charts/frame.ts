// Everything around the marks: size, margins, title, axes, axis labels, legend, note.
import { xAxis, yAxis } from './axes';
import { legend, legendWidth } from './legend';
import { CHAR_WIDTH, categoryScale, continuousScale, linearY, type XScale, type YScale } from './scales';
import { FONT, SVG_NS, el, esc } from './svg';
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

function xScaleFor(x: XDomain, width: number): XScale {
  return x.kind === 'category' ? categoryScale(x.categories, width, x.mode) : continuousScale(x.kind, x.domain, width, { nice: x.nice ?? false, wholeDays: x.wholeDays ?? false });
}

export function renderFrame(spec: ChartSpec, prepared: Prepared, options: RenderOptions = {}): ChartRender {
  const width = spec.width ?? options.width ?? DEFAULT_WIDTH;
  const height = spec.height ?? options.height ?? DEFAULT_HEIGHT;
  const note = prepared.notes.length > 0 ? prepared.notes.join('. ') + '.' : undefined;
  const noteLines = note === undefined ? [] : wrap(note, Math.floor((width - 20) / 6));

  const top = 12 + (spec.title ? 24 : 0) + 18;
  const bottom = 28 + (prepared.xLabel ? 20 : 0) + noteLines.length * 15 + (noteLines.length > 0 ? 6 : 0);
  const plotHeight = Math.max(40, height - top - bottom);
  const y = linearY(prepared.y, plotHeight);
  const left = Math.max(32, 14 + Math.max(...y.ticks.map((t) => t.label.length)) * CHAR_WIDTH);
  const legendW = prepared.series.length > 0 ? legendWidth(prepared.series) : 0;
  const right = 16 + legendW;
  const plot: Plot = { width: Math.max(40, width - left - right), height: plotHeight };
  const x = xScaleFor(prepared.x, plot.width);

  const parts: string[] = [];
  if (spec.title) {
    parts.push(el('text', { class: 'chart-title', x: 10, y: 24, 'font-size': 14, 'font-weight': 600, fill: 'currentColor' }, esc(spec.title)));
  }
  const marks = prepared.pointCount === 0
    ? el('text', { class: 'chart-empty', x: plot.width / 2, y: plot.height / 2, 'text-anchor': 'middle', fill: 'currentColor', 'fill-opacity': '0.7' },
        'No rows to chart')
    : prepared.marks(x, y, plot);
  parts.push(el('g', { class: 'chart-plot', transform: `translate(${Math.round(left)},${top})` },
    yAxis(y, plot.width) + el('g', { class: 'chart-marks' }, marks) + xAxis(x, plot.width, plot.height, { left, right: 14 })));
  if (prepared.yLabel) {
    parts.push(el('text', { class: 'chart-axis-label chart-axis-label-y', x: 10, y: top - 10, 'font-size': 11, fill: 'currentColor' },
      esc(prepared.yLabel)));
  }
  if (prepared.xLabel) {
    parts.push(el('text', {
      class: 'chart-axis-label chart-axis-label-x', x: left + plot.width / 2, y: top + plot.height + 44,
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
