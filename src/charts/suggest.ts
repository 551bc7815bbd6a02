// A sensible first chart for any result ("turn this table into a chart").
import type { ResultSet } from '../sql/types';
import { columnValues } from './points';
import type { ChartSpec } from './types';
import { kindOfValues, labelOf, toNumber, type ValueKind } from './values';

/** A colour column with more groups than this would make an unreadable legend. */
const MAX_SUGGESTED_SERIES = 10;

interface Column {
  name: string;
  kind: ValueKind;
  distinct: number;
  increasing: boolean;
}

const ID_LIKE = /(^|_)id$/i;

function describe(result: ResultSet): Column[] {
  const columns: Column[] = [];
  for (const name of result.columns) {
    const values = columnValues(result, name);
    const present = values.filter((v) => v !== null);
    if (present.length === 0 || present.some((v) => v instanceof Uint8Array)) continue;
    const kind = kindOfValues(present);
    const numbers = kind === 'number' ? present.map((v) => toNumber(v)!) : [];
    const increasing = numbers.length > 1 && numbers.every((n, i) => i === 0 || n > numbers[i - 1]!);
    columns.push({ name, kind, distinct: new Set(present.map(labelOf)).size, increasing });
  }
  return columns;
}

/**
 * A default spec for a result, or undefined when nothing in it can be charted.
 * Time x and a number → line; text and a number → bar; an increasing number and
 * another → line; two numbers → scatter; one number (or time) → histogram.
 * A second text column with a few values becomes the colour. The caller adds from/query.
 */
export function suggestChart(result: ResultSet): ChartSpec | undefined {
  if (result.rows.length === 0) return undefined;
  const columns = describe(result);
  const numbers = columns.filter((c) => c.kind === 'number');
  const measures = numbers.filter((c) => !ID_LIKE.test(c.name));
  const times = columns.filter((c) => c.kind === 'time');
  const texts = columns.filter((c) => c.kind === 'category');
  const y = (measures.length > 0 ? measures : numbers)[0];
  const groups = (exclude?: string): string | undefined =>
    texts.find((c) => c.name !== exclude && c.distinct > 1 && c.distinct <= MAX_SUGGESTED_SERIES)?.name;
  const withColor = (spec: ChartSpec, color: string | undefined): ChartSpec => (color === undefined ? spec : { ...spec, color });

  if (times.length > 0 && y !== undefined) return withColor({ type: 'line', x: times[0]!.name, y: y.name }, groups());
  if (texts.length > 0 && y !== undefined) {
    const x = texts[0]!.name;
    const series = groups(x);
    return series === undefined ? { type: 'bar', x, y: y.name } : { type: 'grouped-bar', x, y: y.name, color: series };
  }
  if (numbers.length >= 2) {
    const x = numbers.find((c) => c.increasing) ?? numbers[0]!;
    const other = measures.find((c) => c.name !== x.name) ?? numbers.find((c) => c.name !== x.name)!;
    return { type: x.increasing ? 'line' : 'scatter', x: x.name, y: other.name };
  }
  if (numbers.length === 1) return { type: 'histogram', x: numbers[0]!.name };
  if (times.length > 0) return { type: 'histogram', x: times[0]!.name };
  return undefined;
}
