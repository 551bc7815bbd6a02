// Tick labels on the x axis never overlap, whatever the axis kind, the number of
// ticks or the width: measured in a real font (DejaVu Sans, see test-svg.ts).
import { describe, expect, it } from 'vitest';
import { renderChart } from './render';
import { resultOf, xLabelProblems, xTickLabels } from './test-svg';
import type { ChartSpec } from './types';

const WIDTHS = [200, 320, 480, 640, 960, 1400];
const iso = (ms: number) => new Date(ms).toISOString().slice(0, 19);
const every = (start: string, stepMs: number, n: number) => Array.from({ length: n }, (_, i) => Date.parse(`${start}Z`) + i * stepMs);

/** The rows of lessons/04's batch-night chart: one night at 15-minute intervals. */
const night = resultOf(['window_start', 'requests'], every('2024-03-22T11:00:00', 900_000, 32).map((t, i) => [iso(t), 2 + ((i * 7) % 20)]));
const nightLine: ChartSpec = { type: 'line', query: 'q', x: 'window_start', y: 'requests', xLabel: 'window start (UTC)' };

describe('time axis labels', () => {
  it.each(WIDTHS)('one night at 15-minute intervals, %ipx wide: no overlaps', (width) => {
    const { svg } = renderChart({ ...nightLine, width }, night);
    expect(xLabelProblems(svg)).toEqual([]);
    expect(xTickLabels(svg).length).toBeGreaterThanOrEqual(2);
  });

  it('keeps hourly ticks across one night at the default width, the date under the first', () => {
    const labels = xTickLabels(renderChart(nightLine, night).svg);
    expect(labels.map((l) => l.lines[0])).toEqual(['11:00', '12:00', '13:00', '14:00', '15:00', '16:00', '17:00', '18:00']);
    expect(labels[0]!.lines[1]).toBe('Mar 22, 2024');
  });

  it.each(WIDTHS)('hourly times over three days, %ipx wide: no overlaps', (width) => {
    const rows = resultOf(['at', 'n'], every('2024-03-01T00:00:00', 3_600_000, 72).map((t, i) => [iso(t), i % 9]));
    expect(xLabelProblems(renderChart({ type: 'line', query: 'q', x: 'at', y: 'n', width }, rows).svg)).toEqual([]);
  });

  it.each(WIDTHS)('90 daily dates, %ipx wide: no overlaps', (width) => {
    const rows = resultOf(['day', 'n'], every('2024-01-01T00:00:00', 86_400_000, 90).map((t, i) => [iso(t).slice(0, 10), i % 9]));
    expect(xLabelProblems(renderChart({ type: 'line', query: 'q', x: 'day', y: 'n', color: undefined, width }, rows).svg)).toEqual([]);
  });

  it.each(WIDTHS)('a histogram of times over two years, %ipx wide: no overlaps', (width) => {
    const rows = resultOf(['at'], every('2023-01-01T00:00:00', 7 * 86_400_000, 104).map((t) => [iso(t)]));
    expect(xLabelProblems(renderChart({ type: 'histogram', query: 'q', x: 'at', width }, rows).svg)).toEqual([]);
  });
});

describe('number axis labels', () => {
  it.each(WIDTHS)('large numbers on a narrow range, %ipx wide: no overlaps', (width) => {
    const rows = resultOf(['a', 'b'], [[1_234_567.5, 1], [1_234_999.25, 2], [1_235_100.75, 3]]);
    expect(xLabelProblems(renderChart({ type: 'scatter', query: 'q', x: 'a', y: 'b', width }, rows).svg)).toEqual([]);
  });

  it.each(WIDTHS)('small decimals, %ipx wide: no overlaps', (width) => {
    const rows = resultOf(['a', 'b'], Array.from({ length: 40 }, (_, i) => [0.0001 * i + 10, i]));
    expect(xLabelProblems(renderChart({ type: 'line', query: 'q', x: 'a', y: 'b', width }, rows).svg)).toEqual([]);
  });
});

describe('category axis labels', () => {
  const hours = resultOf(['hour', 'requests'], Array.from({ length: 24 }, (_, h) => [String(h), 100 + ((h * 31) % 70)]));
  const bars: ChartSpec = { type: 'bar', query: 'q', x: 'hour', y: 'requests', xLabel: 'hour of day' };

  it.each(WIDTHS)('24 hourly bands, %ipx wide: no overlaps', (width) => {
    expect(xLabelProblems(renderChart({ ...bars, width }, hours).svg)).toEqual([]);
  });

  it('labels every hour at the default width', () => {
    expect(xTickLabels(renderChart(bars, hours).svg)).toHaveLength(24);
  });

  const fifty = resultOf(['c', 'v'], Array.from({ length: 50 }, (_, i) => [`category-${i}`, 10 + ((i * 17) % 40)]));
  it.each(WIDTHS)('50 category bands, %ipx wide: no overlaps', (width) => {
    expect(xLabelProblems(renderChart({ type: 'bar', query: 'q', x: 'c', y: 'v', width }, fifty).svg)).toEqual([]);
  });

  const cities = ['Seoul', 'Busan', 'Incheon', 'Daegu', 'Daejeon', 'Gwangju', 'Suwon', 'Ulsan', 'Changwon', 'Goyang', 'Yongin', 'Seongnam'];
  const long = resultOf(['city', 'trips'], cities.map((c, i) => [`${c} Metropolitan City`, 100 - i * 5]));
  const cityBars: ChartSpec = { type: 'bar', query: 'q', x: 'city', y: 'trips', xLabel: 'city' };

  it.each(WIDTHS)('long city names, %ipx wide: no overlaps', (width) => {
    expect(xLabelProblems(renderChart({ ...cityBars, width }, long).svg)).toEqual([]);
  });

  it('turns long labels rather than leave most bars without a name', () => {
    const labels = xTickLabels(renderChart(cityBars, long).svg);
    expect(labels).toHaveLength(12);
    expect(labels.every((l) => l.angle < 0)).toBe(true);
  });

  it('keeps short labels level', () => {
    const rows = resultOf(['city', 'trips'], cities.slice(0, 6).map((c, i) => [c, i + 1]));
    expect(xTickLabels(renderChart({ ...cityBars, width: 640 }, rows).svg).map((l) => l.angle)).toEqual([0, 0, 0, 0, 0, 0]);
  });

  it.each(WIDTHS)('points of a line over 60 text values, %ipx wide: no overlaps', (width) => {
    const rows = resultOf(['week', 'n'], Array.from({ length: 60 }, (_, i) => [`2024-W${String(i).padStart(2, '0')} (iso)`, i]));
    expect(xLabelProblems(renderChart({ type: 'line', query: 'q', x: 'week', y: 'n', width }, rows).svg)).toEqual([]);
  });
});
