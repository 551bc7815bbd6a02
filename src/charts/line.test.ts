import { describe, expect, it } from 'vitest';
import { renderChart } from './render';
import { MAX_POINTS } from './sample';
import { find, resultOf, textOf, tickLabels, tooltipOf, vertices, xTickLabels } from './test-svg';
import type { ChartSpec } from './types';

const line: ChartSpec = { type: 'line', from: 'q', x: 'hour', y: 'trips' };

describe('line', () => {
  it('draws one vertex per row, in x order even when the rows are not', () => {
    const rows = resultOf(['hour', 'trips'], [[3, 30], [0, 10], [2, 5], [1, 20]]);
    const [path] = find(renderChart(line, rows).svg, 'path', 'chart-line');
    const points = vertices(path!.attrs.d!);
    expect(points).toHaveLength(4);
    const xs = points.map(([x]) => x);
    expect(xs).toEqual([...xs].sort((a, b) => a - b));
    // hour 2 has the fewest trips, so its vertex is the lowest (largest y in SVG).
    const ys = points.map(([, y]) => y);
    expect(Math.max(...ys)).toBe(ys[2]);
  });

  it('reads ISO text as time, with dates on the x axis', () => {
    const rows = resultOf(['day', 'trips'], [
      ['2026-03-01', 120], ['2026-03-02', 180], ['2026-03-03', 90], ['2026-03-04', 150], ['2026-03-05', 200],
    ]);
    const { svg } = renderChart({ ...line, x: 'day' }, rows);
    const labels = tickLabels(svg, 'x');
    expect(labels.length).toBeGreaterThan(2);
    for (const label of labels) expect(label).toMatch(/^(Mar( \d{1,2})?|\d{4})$/);
    expect(labels).toContain('Mar 2');
    expect(svg).toContain('data-kind="time"');
  });

  it('shows clock times for a day of timestamps, with the date on the first tick', () => {
    const rows = resultOf(['at', 'trips'], [
      ['2026-03-02T06:10:00Z', 5], ['2026-03-02T09:40:00Z', 12], ['2026-03-02T13:05:00Z', 7], ['2026-03-02T18:55:00Z', 14],
    ]);
    const labels = xTickLabels(renderChart({ ...line, x: 'at' }, rows).svg);
    expect(labels[0]!.lines).toEqual([expect.stringMatching(/^\d\d:00$/), 'Mar 2, 2026']);
    for (const label of labels.slice(1)) expect(label.lines).toEqual([expect.stringMatching(/^\d\d:00$/)]);
  });

  it('draws one path per series and lists each series in the legend', () => {
    const rows = resultOf(['hour', 'city', 'trips'], [
      [0, 'Seoul', 10], [0, 'Busan', 4], [1, 'Seoul', 12], [1, 'Busan', 6], [2, 'Seoul', 9], [2, 'Busan', 3],
    ]);
    const { svg } = renderChart({ ...line, color: 'city' }, rows);
    const paths = find(svg, 'path', 'chart-line');
    expect(paths).toHaveLength(2);
    for (const p of paths) expect(vertices(p.attrs.d!)).toHaveLength(3);
    expect(paths[0]!.attrs.style).not.toBe(paths[1]!.attrs.style);
    expect(find(svg, 'text', 'chart-legend-label').map(textOf)).toEqual(['Seoul', 'Busan']);
  });

  it('gives every vertex a tooltip with its values', () => {
    const rows = resultOf(['day', 'fare'], [['2026-03-01', 1234.5], ['2026-03-02', 99]]);
    const tips = find(renderChart({ ...line, x: 'day', y: 'fare' }, rows).svg, 'circle', 'chart-point').map(tooltipOf);
    expect(tips).toEqual(['day: 2026-03-01\nfare: 1,234.5', 'day: 2026-03-02\nfare: 99']);
  });

  it('skips rows whose y is NULL and counts them in the note', () => {
    const rows = resultOf(['hour', 'trips'], [[0, 10], [1, null], [2, 5]]);
    const { svg, note } = renderChart(line, rows);
    expect(vertices(find(svg, 'path', 'chart-line')[0]!.attrs.d!)).toHaveLength(2);
    expect(note).toBe('1 row with NULL trips skipped.');
  });

  it('keeps text x values in query order', () => {
    const rows = resultOf(['weekday', 'trips'], [['Mon', 3], ['Tue', 5], ['Wed', 4]]);
    const { svg } = renderChart({ ...line, x: 'weekday' }, rows);
    expect(tickLabels(svg, 'x')).toEqual(['Mon', 'Tue', 'Wed']);
  });

  it(`bins more than ${MAX_POINTS.toLocaleString('en-US')} points into intervals, with a note`, () => {
    const rows = Array.from({ length: 50_000 }, (_, i) => [i, Math.sin(i / 1000) * 100]);
    const { svg, note, pointCount, markCount } = renderChart({ ...line, x: 'i', y: 'v' }, resultOf(['i', 'v'], rows));
    expect(pointCount).toBe(50_000);
    expect(markCount).toBe(1000);
    expect(note).toBe('50,000 points binned into 1,000 intervals of i; each point is the average v.');
    expect(vertices(find(svg, 'path', 'chart-line')[0]!.attrs.d!)).toHaveLength(1000);
    expect(find(svg, 'circle', 'chart-point')).toHaveLength(1000);
    expect(svg.length).toBeLessThan(500_000);
  });
});

describe('area', () => {
  it('fills down to zero under the line', () => {
    const rows = resultOf(['hour', 'trips'], [[0, 10], [1, 20], [2, 15]]);
    const { svg } = renderChart({ ...line, type: 'area' }, rows);
    const [fill] = find(svg, 'path', 'chart-area');
    const [top] = find(svg, 'path', 'chart-line');
    const area = vertices(fill!.attrs.d!);
    expect(area).toHaveLength(6);
    const baseline = area.slice(3).map(([, y]) => y);
    expect(new Set(baseline).size).toBe(1);
    expect(tickLabels(svg, 'y')[0]).toBe('0');
    expect(vertices(top!.attrs.d!)).toEqual(area.slice(0, 3));
  });
});
