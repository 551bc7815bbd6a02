// The legend: one swatch and name per series, in a column to the right of the plot.
import { seriesColor } from './palette';
import { CHAR_WIDTH } from './scales';
import { el, esc } from './svg';

/** Series listed by name; more than this and the rest are summarised as "+N more". */
export const MAX_LEGEND_ITEMS = 20;
const ROW = 18;
const MAX_CHARS = 22;

function shorten(name: string): string {
  return name.length > MAX_CHARS ? `${name.slice(0, MAX_CHARS - 1)}…` : name;
}

/** The width the legend needs, or 0 when there is nothing to list. */
export function legendWidth(series: readonly string[]): number {
  if (series.length === 0) return 0;
  const longest = Math.max(...series.slice(0, MAX_LEGEND_ITEMS).map((s) => shorten(s).length), 7);
  return 18 + longest * CHAR_WIDTH + 12;
}

/** The legend at (x, y), at most `height` tall; `title` is the column the series come from. */
export function legend(series: readonly string[], title: string, x: number, y: number, height: number): string {
  const rows = Math.max(1, Math.floor(height / ROW) - 1);
  const fits = series.length <= Math.min(rows, MAX_LEGEND_ITEMS) ? series.length : Math.max(1, Math.min(rows, MAX_LEGEND_ITEMS) - 1);
  const shown = series.slice(0, fits);
  const items = shown.map((name, i) =>
    el('g', { class: 'chart-legend-item', transform: `translate(0,${(i + 1) * ROW})` },
      el('rect', { width: 10, height: 10, y: -9, rx: 2, style: `fill: ${seriesColor(i)}` }) +
      el('text', { class: 'chart-legend-label', x: 16, fill: 'currentColor' }, (name.length > MAX_CHARS ? `<title>${esc(name)}</title>` : '') + esc(shorten(name)))),
  );
  const more = series.length - shown.length;
  if (more > 0) {
    items.push(el('text', { class: 'chart-legend-more', y: (shown.length + 1) * ROW, fill: 'currentColor', 'fill-opacity': '0.7' },
      `+${more} more`));
  }
  const heading = el('text', { class: 'chart-legend-title', 'font-weight': 600, fill: 'currentColor' }, esc(shorten(title)));
  return el('g', { class: 'chart-legend', transform: `translate(${Math.round(x)},${Math.round(y)})`, 'font-size': 11 },
    heading + items.join(''));
}
