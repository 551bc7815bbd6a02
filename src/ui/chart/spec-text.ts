// A chart spec as the text an author would paste into a ```chart cell.
import { stringify } from 'yaml';
import type { ChartSpec } from '../../charts';

const FIELD_ORDER: (keyof ChartSpec)[] = ['type', 'from', 'query', 'x', 'y', 'color', 'bins', 'title', 'xLabel', 'yLabel', 'width', 'height'];

export function specText(spec: ChartSpec): string {
  const ordered: Record<string, unknown> = {};
  for (const key of FIELD_ORDER) if (spec[key] !== undefined) ordered[key] = spec[key];
  return stringify(ordered, { lineWidth: 0 }).trimEnd();
}
