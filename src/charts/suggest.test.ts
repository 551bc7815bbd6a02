import { describe, expect, it } from 'vitest';
import { renderChart } from './render';
import { suggestChart } from './suggest';
import { resultOf } from './test-svg';

describe('suggestChart', () => {
  it.each([
    ['a time and a number → line', resultOf(['day', 'trips'], [['2026-03-01', 3], ['2026-03-02', 5]]),
      { type: 'line', x: 'day', y: 'trips' }],
    ['a time, a few groups and a number → line per group', resultOf(['day', 'city', 'trips'], [['2026-03-01', 'Seoul', 3], ['2026-03-01', 'Busan', 5]]),
      { type: 'line', x: 'day', y: 'trips', color: 'city' }],
    ['text and a number → bar', resultOf(['city', 'trips'], [['Seoul', 3], ['Busan', 5]]),
      { type: 'bar', x: 'city', y: 'trips' }],
    ['two texts and a number → grouped bar', resultOf(['city', 'status', 'n'], [['Seoul', 'done', 3], ['Seoul', 'cancelled', 1]]),
      { type: 'grouped-bar', x: 'city', y: 'n', color: 'status' }],
    ['an id is not the measure', resultOf(['rider_id', 'city', 'fare'], [[1, 'Seoul', 3.5], [2, 'Busan', 9]]),
      { type: 'bar', x: 'city', y: 'fare' }],
    ['two numbers → scatter', resultOf(['distance_km', 'fare'], [[3, 9.5], [1, 4], [7, 20]]),
      { type: 'scatter', x: 'distance_km', y: 'fare' }],
    ['an increasing number and another → line', resultOf(['hour', 'trips'], [[0, 9], [1, 4], [2, 20]]),
      { type: 'line', x: 'hour', y: 'trips' }],
    ['one number → histogram', resultOf(['fare'], [[3], [9], [4]]),
      { type: 'histogram', x: 'fare' }],
    ['one time → histogram', resultOf(['created_at'], [['2026-03-01T10:00:00Z'], ['2026-03-01T11:30:00Z']]),
      { type: 'histogram', x: 'created_at' }],
  ])('%s', (_name, result, expected) => {
    expect(suggestChart(result)).toEqual(expected);
  });

  it('suggests nothing for text only, or no rows', () => {
    expect(suggestChart(resultOf(['city'], [['Seoul']]))).toBeUndefined();
    expect(suggestChart(resultOf(['city', 'trips'], []))).toBeUndefined();
  });

  it('suggests a spec that renders', () => {
    const result = resultOf(['day', 'city', 'trips'], [['2026-03-01', 'Seoul', 3], ['2026-03-02', 'Busan', 5]]);
    const spec = suggestChart(result)!;
    expect(renderChart(spec, result).markCount).toBe(2);
  });
});
