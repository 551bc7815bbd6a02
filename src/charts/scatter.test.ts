import { describe, expect, it } from 'vitest';
import { renderChart } from './render';
import { find, num, resultOf, textOf, tickLabels, tooltipOf } from './test-svg';
import type { ChartSpec } from './types';

const scatter: ChartSpec = { type: 'scatter', from: 'q', x: 'distance_km', y: 'fare' };
const trips = resultOf(['distance_km', 'fare', 'city'], [[1.2, 4.5, 'Seoul'], [8, 21, 'Busan'], [3.5, 9.75, 'Seoul']]);

describe('scatter', () => {
  it('draws one dot per row, placed by both values', () => {
    const dots = find(renderChart(scatter, trips).svg, 'circle', 'chart-dot');
    expect(dots).toHaveLength(3);
    const [short, long, middle] = dots;
    expect(num(short!, 'cx')).toBeLessThan(num(middle!, 'cx'));
    expect(num(middle!, 'cx')).toBeLessThan(num(long!, 'cx'));
    expect(num(long!, 'cy')).toBeLessThan(num(short!, 'cy'));
  });

  it('puts both values, and the series, in each dot’s tooltip', () => {
    const tips = find(renderChart({ ...scatter, color: 'city' }, trips).svg, 'circle', 'chart-dot').map(tooltipOf);
    expect(tips[2]).toBe('city: Seoul\ndistance_km: 3.5\nfare: 9.75');
  });

  it('colours dots by series and lists each series in the legend', () => {
    const { svg } = renderChart({ ...scatter, color: 'city' }, trips);
    const dots = find(svg, 'circle', 'chart-dot');
    expect(dots[0]!.attrs.style).toBe(dots[2]!.attrs.style);
    expect(dots[0]!.attrs.style).not.toBe(dots[1]!.attrs.style);
    expect(find(svg, 'text', 'chart-legend-label').map(textOf)).toEqual(['Seoul', 'Busan']);
  });

  it('has no legend without a color column', () => {
    expect(renderChart(scatter, trips).svg).not.toContain('chart-legend');
  });

  it('samples more than 10,000 points evenly and says so', () => {
    const rows = Array.from({ length: 25_000 }, (_, i) => [i % 97, (i * 7) % 113]);
    const { svg, note, pointCount, markCount } = renderChart({ ...scatter, x: 'a', y: 'b' }, resultOf(['a', 'b'], rows));
    expect(note).toBe('Showing 10,000 of 25,000 points, sampled evenly.');
    expect(pointCount).toBe(25_000);
    expect(markCount).toBe(10_000);
    expect(find(svg, 'circle', 'chart-dot')).toHaveLength(10_000);
    expect(find(svg, 'text', 'chart-note').map(textOf).join(' ')).toContain('Showing 10,000 of 25,000 points');
  });

  it('reads numeric text as numbers', () => {
    const text = resultOf(['a', 'b'], [['1.5', '10'], ['2.5', '20']]);
    expect(tickLabels(renderChart({ ...scatter, x: 'a', y: 'b' }, text).svg, 'x')).toContain('2.0');
  });
});
