import { describe, expect, it } from 'vitest';
import { parseChartSpec } from '../../charts';
import { specText } from './spec-text';

describe('specText', () => {
  it('writes the fields in the order an author reads them', () => {
    expect(specText({ y: 'trips', x: 'city', type: 'bar', from: 'by-city' })).toBe('type: bar\nfrom: by-city\nx: city\ny: trips');
  });

  it('round-trips through the chart cell parser, multi-line queries included', () => {
    const spec = { type: 'line' as const, query: 'SELECT day, n\nFROM daily', x: 'day', y: 'n', title: 'Trips: per day' };
    const parsed = parseChartSpec(specText(spec));
    expect(parsed).toEqual({ ok: true, spec });
  });
});
