import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseChartSpec } from './spec';
import { CHART_TYPES } from './types';

const doc = readFileSync(new URL('../../docs/charts.md', import.meta.url), 'utf8');
const examples = [...doc.matchAll(/^```chart\n([\s\S]*?)^```$/gm)].map((m) => m[1]!);

describe('docs/charts.md', () => {
  it('has an example of every chart type', () => {
    const types = examples.map((text) => (parseChartSpec(text) as { spec?: { type: string } }).spec?.type);
    expect(new Set(types)).toEqual(new Set(CHART_TYPES));
  });

  it.each(examples.map((text) => [text.split('\n')[0]!, text]))('example "%s" parses', (_first, text) => {
    expect(parseChartSpec(text)).toMatchObject({ ok: true });
  });
});
