import { describe, expect, it } from 'vitest';
import { formatNumber, formatTimeTick, numberTickFormat, timeTickLabels } from './format';

describe('number ticks', () => {
  it('use thousands separators and as many decimals as the step needs', () => {
    const ticks = [0, 2000, 4000, 6000];
    expect(ticks.map(numberTickFormat(ticks))).toEqual(['0', '2,000', '4,000', '6,000']);
    const small = [0, 0.05, 0.1];
    expect(small.map(numberTickFormat(small))).toEqual(['0.00', '0.05', '0.10']);
  });

  it('use SI prefixes from a million, with B for billions', () => {
    const ticks = [0, 500_000, 1_000_000, 1_500_000];
    expect(ticks.map(numberTickFormat(ticks))).toEqual(['0', '500k', '1M', '1.5M']);
    const big = [0, 2e9, 4e9];
    expect(big.map(numberTickFormat(big))).toEqual(['0', '2B', '4B']);
  });

  it('stay distinct when the range is narrow but the numbers are large', () => {
    const ticks = [1_000_000, 1_000_020, 1_000_040];
    expect(new Set(ticks.map(numberTickFormat(ticks))).size).toBe(3);
  });
});

describe('time ticks', () => {
  it.each([
    ['2026-01-01T00:00:00Z', '2026'],
    ['2026-03-01T00:00:00Z', 'Mar'],
    ['2026-03-02T00:00:00Z', 'Mar 2'],
    ['2026-03-02T18:00:00Z', '18:00'],
    ['2026-03-02T18:05:00Z', '18:05'],
    ['2026-03-02T18:05:30Z', ':30'],
  ])('%s shows the largest unit that changed: %s', (iso, label) => {
    expect(formatTimeTick(Date.parse(iso))).toBe(label);
  });
});

describe('time tick rows', () => {
  it('label every tick with month and day when they are days apart', () => {
    const ticks = ['2026-02-22', '2026-03-01', '2026-03-08'].map((d) => Date.parse(`${d}T00:00:00Z`));
    expect(timeTickLabels(ticks)).toEqual(['Feb 22', 'Mar 1', 'Mar 8']);
  });

  it('mark the new day among hourly ticks', () => {
    const ticks = ['2026-03-02T18:00:00Z', '2026-03-03T00:00:00Z', '2026-03-03T06:00:00Z'].map(Date.parse);
    expect(timeTickLabels(ticks)).toEqual(['18:00', 'Mar 3', '06:00']);
  });
});

describe('formatNumber', () => {
  it.each([
    [1234, '1,234'],
    [1234.5678, '1,234.57'],
    [0.012345, '0.01235'],
    [-42, '−42'],
    [3_500_000_000, '3.5B'],
  ])('%s → %s', (value, text) => {
    expect(formatNumber(value)).toBe(text);
  });
});
