import { describe, expect, it } from 'vitest';
import { ChartError } from './errors';
import { renderChart } from './render';
import { find, num, resultOf, tickLabels, tooltipOf } from './test-svg';
import type { ChartSpec } from './types';

const histogram: ChartSpec = { type: 'histogram', from: 'q', x: 'fare' };

function fares(n: number): ReturnType<typeof resultOf> {
  // A deterministic spread of fares between 3 and ~60.
  return resultOf(['fare'], Array.from({ length: n }, (_, i) => [3 + ((i * 37) % 570) / 10]));
}

function counts(svg: string): number[] {
  return find(svg, 'rect', 'chart-bin').map((b) => num(b, 'data-count'));
}

describe('histogram', () => {
  it('puts every row in exactly one bin', () => {
    const { svg, pointCount } = renderChart(histogram, fares(1000));
    const bins = counts(svg);
    expect(bins.length).toBeGreaterThan(5);
    expect(bins.reduce((a, b) => a + b, 0)).toBe(1000);
    expect(pointCount).toBe(1000);
  });

  it('makes bar heights proportional to the counts', () => {
    const rows = resultOf(['fare'], [[1], [1], [1], [1], [2], [2], [3.5]]);
    const bins = find(renderChart({ ...histogram, bins: 3 }, rows).svg, 'rect', 'chart-bin').filter((b) => num(b, 'data-count') > 0);
    const perRow = bins.map((b) => num(b, 'height') / num(b, 'data-count'));
    for (const h of perRow) expect(h).toBeCloseTo(perRow[0]!, 1);
  });

  it('uses about the number of bins asked for, with nice edges', () => {
    const { svg } = renderChart({ ...histogram, bins: 6 }, fares(500));
    const bins = find(svg, 'rect', 'chart-bin');
    expect(bins.length).toBeGreaterThanOrEqual(5);
    expect(bins.length).toBeLessThanOrEqual(12);
    expect(tooltipOf(bins[0]!)).toMatch(/^fare: 0 – 10\ncount: \d+$/);
  });

  it('bins ISO dates by whole days and labels the axis with dates', () => {
    const days = ['2026-03-01', '2026-03-01', '2026-03-02', '2026-03-04', '2026-03-04', '2026-03-04'];
    const { svg } = renderChart({ ...histogram, x: 'day' }, resultOf(['day'], days.map((d) => [d])));
    expect(counts(svg).reduce((a, b) => a + b, 0)).toBe(6);
    for (const label of tickLabels(svg, 'x')) expect(label).toMatch(/^(Mar( \d{1,2})?|\d{4})$/);
    expect(find(svg, 'rect', 'chart-bin').map(tooltipOf)[0]).toBe('day: 2026-03-01\ncount: 2');
  });

  it('gives the largest value a bin of its own width rather than widening the last one', () => {
    const rows = resultOf(['n'], Array.from({ length: 11 }, (_, i) => [i]));
    const bins = find(renderChart({ ...histogram, x: 'n', bins: 5 }, rows).svg, 'rect', 'chart-bin');
    expect(bins.map((b) => num(b, 'data-count'))).toEqual([2, 2, 2, 2, 2, 1]);
    expect(tooltipOf(bins[5]!)).toBe('n: 10 – 12\ncount: 1');
    expect(new Set(bins.map((b) => num(b, 'width'))).size).toBe(1);
  });

  it('skips NULLs and counts them in the note', () => {
    const rows = resultOf(['fare'], [[5], [null], [7], [null], [null]]);
    const { svg, note } = renderChart(histogram, rows);
    expect(counts(svg).reduce((a, b) => a + b, 0)).toBe(2);
    expect(note).toBe('3 rows with NULL fare skipped.');
  });

  it('counts big results without sampling them', () => {
    const { svg, note, pointCount } = renderChart(histogram, fares(50_000));
    expect(note).toBeUndefined();
    expect(pointCount).toBe(50_000);
    expect(counts(svg).reduce((a, b) => a + b, 0)).toBe(50_000);
  });

  it('draws one bar when every value is the same', () => {
    const bins = counts(renderChart(histogram, resultOf(['fare'], [[4], [4], [4]])).svg);
    expect(bins.filter((c) => c > 0)).toEqual([3]);
  });

  it('explains that text cannot be binned', () => {
    const cities = resultOf(['city'], [['Seoul'], ['Busan']]);
    expect(() => renderChart({ ...histogram, x: 'city' }, cities)).toThrow(ChartError);
    expect(() => renderChart({ ...histogram, x: 'city' }, cities)).toThrow(/a histogram bins numbers or ISO times.*use type: bar/);
  });
});
