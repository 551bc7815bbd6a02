// Reading the columns a spec names out of a result set, skipping what cannot be drawn.
import type { ResultSet, SqlValue } from '../sql/types';
import type { ChartSpec } from './types';
import { formatNumber } from './format';
import { count } from './sample';
import { kindOfValues, labelOf, parseIsoTime, toNumber, type ValueKind } from './values';

export interface Point {
  /** The x value as stored. */
  raw: SqlValue;
  /** Number (for time: ms since the epoch) or category label, by the column's kind. */
  x: number | string;
  y: number;
  series: string;
}

export interface Points {
  xKind: ValueKind;
  points: Point[];
  /** Series names in order of first appearance; [''] when the spec has no color. */
  series: string[];
  /** Sentences about rows that were left out, for the note. */
  skipped: string[];
}

export function columnIndex(result: ResultSet, column: string): number {
  return result.columns.indexOf(column);
}

export function columnValues(result: ResultSet, column: string): SqlValue[] {
  const i = columnIndex(result, column);
  return result.rows.map((row) => row[i] ?? null);
}

/** How a value reads in a tooltip: numbers with separators, everything else as stored. */
export function display(value: SqlValue): string {
  if (typeof value === 'number') return formatNumber(value);
  return labelOf(value);
}

export function rowCount(n: number): string {
  return `${count(n)} ${n === 1 ? 'row' : 'rows'}`;
}

/** Point x for a value of the given kind, or undefined when it cannot be placed. */
export function placeX(value: SqlValue, kind: ValueKind): number | string | undefined {
  if (kind === 'category') return labelOf(value);
  if (value === null) return undefined;
  return kind === 'time' ? parseIsoTime(value) : toNumber(value);
}

/**
 * The points of an x/y chart. Rows whose y is NULL or not a number, and rows whose
 * x is NULL on a number or time axis, are skipped and counted.
 * `categoryX` forces categories (bars put every x in its own band).
 */
export function readPoints(spec: ChartSpec, result: ResultSet, categoryX = false): Points {
  const xi = columnIndex(result, spec.x);
  const yi = columnIndex(result, spec.y ?? '');
  const ci = spec.color === undefined ? -1 : columnIndex(result, spec.color);
  const xKind: ValueKind = categoryX ? 'category' : kindOfValues(columnValues(result, spec.x));
  const points: Point[] = [];
  const series: string[] = [];
  const seen = new Set<string>();
  let nullY = 0;
  let textY = 0;
  let nullX = 0;
  for (const row of result.rows) {
    const rawY = row[yi] ?? null;
    const y = toNumber(rawY);
    if (y === undefined) {
      if (rawY === null) nullY++;
      else textY++;
      continue;
    }
    const raw = row[xi] ?? null;
    const x = placeX(raw, xKind);
    if (x === undefined) {
      nullX++;
      continue;
    }
    const name = ci === -1 ? '' : labelOf(row[ci] ?? null);
    if (!seen.has(name)) {
      seen.add(name);
      series.push(name);
    }
    points.push({ raw, x, y, series: name });
  }
  const skipped: string[] = [];
  if (nullY > 0) skipped.push(`${rowCount(nullY)} with NULL ${spec.y} skipped`);
  if (textY > 0) skipped.push(`${rowCount(textY)} where ${spec.y} is not a number skipped`);
  if (nullX > 0) skipped.push(`${rowCount(nullX)} with NULL ${spec.x} skipped`);
  return { xKind, points, series: series.length === 0 ? [''] : series, skipped };
}
