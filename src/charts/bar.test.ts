import { describe, expect, it } from 'vitest';
import { renderChart } from './render';
import { find, num, resultOf, textOf, tickLabels, tooltipOf } from './test-svg';
import type { ChartSpec } from './types';

const cities = resultOf(['city', 'trips'], [['Seoul', 10], ['Busan', 20], ['Incheon', 40]]);
const bar: ChartSpec = { type: 'bar', from: 'q', x: 'city', y: 'trips' };

describe('bar', () => {
  it('draws one bar per row', () => {
    const { svg, markCount, pointCount } = renderChart(bar, cities);
    expect(find(svg, 'rect', 'chart-bar')).toHaveLength(3);
    expect(markCount).toBe(3);
    expect(pointCount).toBe(3);
  });

  it('makes bar heights proportional to the values, from a shared baseline', () => {
    const bars = find(renderChart(bar, cities).svg, 'rect', 'chart-bar');
    const heights = bars.map((b) => num(b, 'height'));
    expect(heights[1]! / heights[0]!).toBeCloseTo(2, 1);
    expect(heights[2]! / heights[0]!).toBeCloseTo(4, 1);
    const bottoms = bars.map((b) => num(b, 'y') + num(b, 'height'));
    expect(new Set(bottoms).size).toBe(1);
  });

  it('keeps the query order of the categories on the x axis', () => {
    const { svg } = renderChart(bar, cities);
    expect(tickLabels(svg, 'x')).toEqual(['Seoul', 'Busan', 'Incheon']);
    const xs = find(svg, 'rect', 'chart-bar').map((b) => num(b, 'x'));
    expect([...xs].sort((a, b) => a - b)).toEqual(xs);
  });

  it('labels the value axis with readable numbers starting at zero', () => {
    const big = resultOf(['city', 'fare'], [['Seoul', 1_250_000], ['Busan', 3_400_000]]);
    const labels = tickLabels(renderChart({ ...bar, y: 'fare' }, big).svg, 'y');
    expect(labels[0]).toBe('0');
    expect(labels).toContain('1M');
    expect(labels).toContain('3M');
  });

  it('puts the values in each bar’s tooltip', () => {
    const tips = find(renderChart(bar, cities).svg, 'rect', 'chart-bar').map(tooltipOf);
    expect(tips[1]).toBe('city: Busan\ntrips: 20');
  });

  it('adds up rows that share a category, and says so in the tooltip', () => {
    const dup = resultOf(['city', 'trips'], [['Seoul', 10], ['Seoul', 5], ['Busan', 20]]);
    const bars = find(renderChart(bar, dup).svg, 'rect', 'chart-bar');
    expect(bars).toHaveLength(2);
    expect(tooltipOf(bars[0]!)).toBe('city: Seoul\ntrips: 15\n(2 rows added together)');
  });

  it('draws negative values below the zero line', () => {
    const net = resultOf(['day', 'net'], [['Mon', 30], ['Tue', -10]]);
    const [up, down] = find(renderChart({ ...bar, x: 'day', y: 'net' }, net).svg, 'rect', 'chart-bar');
    expect(num(down!, 'y')).toBeCloseTo(num(up!, 'y') + num(up!, 'height'), 1);
    expect(num(down!, 'height') / num(up!, 'height')).toBeCloseTo(1 / 3, 1);
  });

  it('skips rows whose y is NULL and counts them in the note', () => {
    const gaps = resultOf(['city', 'trips'], [['Seoul', 10], ['Busan', null], ['Daegu', null], ['Incheon', 40]]);
    const { svg, note, pointCount } = renderChart(bar, gaps);
    expect(find(svg, 'rect', 'chart-bar')).toHaveLength(2);
    expect(pointCount).toBe(2);
    expect(note).toBe('2 rows with NULL trips skipped.');
    expect(find(svg, 'text', 'chart-note').map(textOf).join(' ')).toContain('2 rows with NULL trips skipped');
  });

  it('shows a NULL category as its own bar', () => {
    const { svg } = renderChart(bar, resultOf(['city', 'trips'], [['Seoul', 10], [null, 3]]));
    expect(tickLabels(svg, 'x')).toEqual(['Seoul', '(null)']);
  });

  it('stacks the series when color is set, with a legend', () => {
    const rows = resultOf(['city', 'status', 'trips'], [
      ['Seoul', 'completed', 30], ['Seoul', 'cancelled', 10], ['Busan', 'completed', 20],
    ]);
    const { svg } = renderChart({ ...bar, color: 'status' }, rows);
    const bars = find(svg, 'rect', 'chart-bar');
    expect(bars).toHaveLength(3);
    const [done, cancelled] = bars;
    expect(num(cancelled!, 'y') + num(cancelled!, 'height')).toBeCloseTo(num(done!, 'y'), 1);
    expect(find(svg, 'text', 'chart-legend-label').map(textOf)).toEqual(['completed', 'cancelled']);
  });
});

describe('grouped-bar', () => {
  const rows = resultOf(['city', 'status', 'trips'], [
    ['Seoul', 'completed', 30], ['Seoul', 'cancelled', 10], ['Seoul', 'no-show', 5],
    ['Busan', 'completed', 20], ['Busan', 'cancelled', 4],
  ]);
  const grouped: ChartSpec = { type: 'grouped-bar', from: 'q', x: 'city', y: 'trips', color: 'status' };

  it('draws one bar per row, side by side within each category', () => {
    const bars = find(renderChart(grouped, rows).svg, 'rect', 'chart-bar');
    expect(bars).toHaveLength(5);
    const [a, b, c] = bars;
    expect(num(b!, 'x')).toBeGreaterThanOrEqual(num(a!, 'x') + num(a!, 'width'));
    expect(num(c!, 'x')).toBeGreaterThanOrEqual(num(b!, 'x') + num(b!, 'width'));
    const bottoms = bars.map((bar) => num(bar, 'y') + num(bar, 'height'));
    expect(new Set(bottoms).size).toBe(1);
  });

  it('lists each series in the legend, in the colour of its bars', () => {
    const { svg } = renderChart(grouped, rows);
    const items = find(svg, 'text', 'chart-legend-label');
    expect(items.map(textOf)).toEqual(['completed', 'cancelled', 'no-show']);
    const swatches = find(svg, 'rect').filter((r) => r.attrs.class === undefined && r.attrs.rx === '2');
    const bars = find(svg, 'rect', 'chart-bar');
    expect(bars[1]!.attrs.style).toBe(swatches[1]!.attrs.style);
    expect(bars[4]!.attrs.style).toBe(swatches[1]!.attrs.style);
    expect(find(svg, 'text', 'chart-legend-title').map(textOf)).toEqual(['status']);
  });

  it('names the series in the tooltip', () => {
    const tips = find(renderChart(grouped, rows).svg, 'rect', 'chart-bar').map(tooltipOf);
    expect(tips[2]).toBe('city: Seoul\nstatus: no-show\ntrips: 5');
  });
});
