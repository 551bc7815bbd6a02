import { describe, expect, it } from 'vitest';
import { renderChart } from './render';
import { svgSize, toStandaloneSvg } from './svg';
import { resultOf } from './test-svg';

const chart = renderChart(
  { type: 'bar', from: 'q', x: 'city', y: 'trips', color: 'status' },
  resultOf(['city', 'status', 'trips'], [['Seoul', 'done', 3], ['Seoul', 'cancelled', 1]]),
  { width: 500, height: 300 },
).svg;

describe('toStandaloneSvg', () => {
  it('resolves CSS variables and currentColor to plain colours', () => {
    const out = toStandaloneSvg(chart, 'light');
    expect(out).not.toContain('var(');
    expect(out).not.toContain('currentColor');
    expect(out).toContain('fill: #4e79a7');
    expect(out).toContain('fill: #f28e2b');
    expect(out).toContain('fill="#1f2328"');
  });

  it('is a file with an xml declaration, the svg namespace, a background and the font', () => {
    const out = toStandaloneSvg(chart, 'dark');
    expect(out.startsWith('<?xml version="1.0" encoding="UTF-8"?>\n<svg xmlns="http://www.w3.org/2000/svg"')).toBe(true);
    expect(out).toContain('<rect class="chart-background" width="500" height="300" fill="#0d1117"/>');
    expect(out).toMatch(/style="font-family: system-ui[^"]*; color: #e6edf3; background: #0d1117"/);
    expect(out).toContain('data-theme="dark"');
    expect(out.match(/data-theme=/g)).toHaveLength(1);
  });

  it('adds the namespace to an svg without one', () => {
    expect(toStandaloneSvg('<svg width="10" height="20"></svg>')).toContain('<svg xmlns="http://www.w3.org/2000/svg" width="10"');
  });
});

describe('svgSize', () => {
  it('reads width and height', () => {
    expect(svgSize(chart)).toEqual({ width: 500, height: 300 });
    expect(svgSize(toStandaloneSvg(chart))).toEqual({ width: 500, height: 300 });
  });

  it('falls back to the viewBox', () => {
    expect(svgSize('<svg viewBox="0 0 320 180"><g/></svg>')).toEqual({ width: 320, height: 180 });
  });

  it('refuses text without a size', () => {
    expect(() => svgSize('<svg></svg>')).toThrow(/neither width\/height nor a viewBox/);
    expect(() => svgSize('<div/>')).toThrow(/no <svg> element/);
  });
});
