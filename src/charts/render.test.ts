import { describe, expect, it } from 'vitest';
import { checkChart } from './check';
import { ChartError } from './errors';
import { renderChart } from './render';
import { find, resultOf, textOf, xLabelProblems, xTickLabels } from './test-svg';
import type { ChartSpec } from './types';

const bar: ChartSpec = { type: 'bar', from: 'q', x: 'city', y: 'trips' };
const cities = resultOf(['city', 'trips'], [['Seoul', 10], ['Busan', 20]]);

describe('renderChart', () => {
  it('throws a ChartError that names the missing column and the available ones', () => {
    let thrown: unknown;
    try {
      renderChart({ ...bar, y: 'rides' }, cities);
    } catch (error) {
      thrown = error;
    }
    expect(thrown).toBeInstanceOf(ChartError);
    expect((thrown as ChartError).errors).toEqual(["column 'rides' (y) is not in the result; available columns: city, trips"]);
  });

  it('says which columns are numeric when y holds text', () => {
    expect(checkChart({ ...bar, y: 'city' }, cities)).toEqual([
      "column 'city' (y) holds text, not numbers — y needs a numeric column; numeric columns here: trips",
    ]);
  });

  it('draws an empty chart with a message when there are no rows', () => {
    const { svg, pointCount } = renderChart(bar, resultOf(['city', 'trips'], []));
    expect(pointCount).toBe(0);
    expect(find(svg, 'text', 'chart-empty').map(textOf)).toEqual(['No rows to chart']);
  });

  it('draws an empty chart when every y is NULL, and says why', () => {
    const { svg, note } = renderChart(bar, resultOf(['city', 'trips'], [['Seoul', null]]));
    expect(svg).toContain('No rows to chart');
    expect(note).toBe('1 row with NULL trips skipped.');
  });

  it('is a standalone svg element of the requested size', () => {
    const { svg } = renderChart({ ...bar, width: 480 }, cities, { width: 900, height: 300, theme: 'dark' });
    expect(svg).toMatch(/^<svg xmlns="http:\/\/www\.w3\.org\/2000\/svg" /);
    expect(svg).toContain('width="480" height="300" viewBox="0 0 480 300"');
    expect(svg).toContain('data-theme="dark"');
    expect(svg.endsWith('</svg>')).toBe(true);
  });

  it('shows the title, the axis labels, and an accessible name', () => {
    const { svg } = renderChart({ ...bar, title: 'Trips <by> city & day', xLabel: 'City', yLabel: 'Trips' }, cities);
    expect(find(svg, 'text', 'chart-title').map(textOf)).toEqual(['Trips <by> city & day']);
    expect(svg).toContain('aria-label="Trips &lt;by&gt; city &amp; day"');
    expect(find(svg, 'text', 'chart-axis-label').map(textOf)).toEqual(['Trips', 'City']);
  });

  it('escapes values so data cannot inject markup', () => {
    const { svg } = renderChart(bar, resultOf(['city', 'trips'], [['<script>alert(1)</script>', 3]]));
    expect(svg).not.toContain('<script>');
    expect(svg).toContain('&lt;script&gt;');
  });

  it('gives the same svg for the same input', () => {
    expect(renderChart(bar, cities).svg).toBe(renderChart(bar, cities).svg);
  });

  it('themes through CSS: marks use variables, axes use currentColor', () => {
    const { svg } = renderChart(bar, cities);
    expect(find(svg, 'rect', 'chart-bar')[0]!.attrs.style).toBe('fill: var(--chart-series-0, #4e79a7)');
    expect(svg).toContain('stroke="currentColor"');
    expect(svg).not.toMatch(/fill="#(?!fff)/);
  });

  it('lists as many series as fit in the legend, then says how many more', () => {
    const rows = Array.from({ length: 40 }, (_, i) => [i, i * 2, `s${i}`]);
    const { svg } = renderChart({ type: 'scatter', from: 'q', x: 'a', y: 'b', color: 's' }, resultOf(['a', 'b', 's'], rows), { height: 300 });
    const labels = find(svg, 'text', 'chart-legend-label').map(textOf);
    expect(labels.length).toBeLessThan(20);
    expect(labels.slice(0, 3)).toEqual(['s0', 's1', 's2']);
    expect(find(svg, 'text', 'chart-legend-more').map(textOf)).toEqual([`+${40 - labels.length} more`]);
  });

  it('shifts an edge tick label inwards rather than letting it leave the chart', () => {
    const rows = resultOf(['at', 'trips'], [['2026-03-02T06:00:00Z', 4], ['2026-03-02T18:00:00Z', 1]]);
    const { svg } = renderChart({ type: 'line', from: 'q', x: 'at', y: 'trips' }, rows);
    const [first] = xTickLabels(svg);
    expect(first!.pos).toBe(0);
    expect(first!.angle).toBe(0);
    // The clock time stays under its tick; the longer date under it moves right.
    expect(first!.dx[0]).toBe(0);
    expect(first!.dx[1]).toBeGreaterThan(0);
    expect(xLabelProblems(svg)).toEqual([]);
  });

  it('shortens long category labels and keeps the whole label in a tooltip', () => {
    const long = resultOf(['route', 'trips'], [['Gangnam Station → Incheon Airport T2', 4]]);
    const { svg } = renderChart({ ...bar, x: 'route' }, long);
    expect(svg).toContain('>Gangnam Station…</text>');
    expect(svg).toContain('<title>Gangnam Station → Incheon Airport T2</title>');
  });
});
