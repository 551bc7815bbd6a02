// Reading a chart cell's text into a ChartSpec. The text is YAML (a superset of
// JSON), because lesson authors write it by hand. Every message says how to fix it.
import { parseDocument } from 'yaml';
import { CHART_TYPES, type ChartSpec, type ChartType } from './types';
import { closest, didYouMean } from './did-you-mean';

export type SpecParse = { ok: true; spec: ChartSpec } | { ok: false; errors: string[] };

const KEYS = ['type', 'query', 'from', 'x', 'y', 'color', 'series', 'bins', 'title', 'xLabel', 'yLabel', 'width', 'height'] as const;
type Key = (typeof KEYS)[number];

const EXAMPLE = 'type: bar, x: city, y: trips, from: top-cities';
const TYPE_LIST = CHART_TYPES.join(', ');

export const SIZE_LIMITS = { width: [200, 2000], height: [120, 1200] } as const;
export const MAX_BINS = 500;

function isKey(key: string): key is Key {
  return (KEYS as readonly string[]).includes(key);
}

function isChartType(value: string): value is ChartType {
  return (CHART_TYPES as readonly string[]).includes(value);
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Text fields accept numbers too (`title: 2024`, a column named `2023`). */
function readText(fields: Record<string, unknown>, key: Key, what: string, errors: string[]): string | undefined {
  const value = fields[key];
  if (value === undefined || value === null) return undefined;
  if (typeof value === 'number') return String(value);
  if (typeof value !== 'string') {
    errors.push(`${key} must be ${what} written as plain text, not a ${Array.isArray(value) ? 'list' : typeof value}`);
    return undefined;
  }
  if (value.trim() === '') {
    errors.push(`${key} is empty — write ${what} after '${key}:' or remove the line`);
    return undefined;
  }
  return value.trim();
}

function readSize(fields: Record<string, unknown>, key: 'width' | 'height', errors: string[]): number | undefined {
  const value = fields[key];
  if (value === undefined || value === null) return undefined;
  const [min, max] = SIZE_LIMITS[key];
  if (typeof value !== 'number' || !Number.isFinite(value) || value < min || value > max) {
    errors.push(`${key} must be a number of pixels from ${min} to ${max}, e.g. ${key}: ${key === 'width' ? 640 : 360}`);
    return undefined;
  }
  return Math.round(value);
}

function readBins(fields: Record<string, unknown>, errors: string[]): number | undefined {
  const value = fields.bins;
  if (value === undefined || value === null) return undefined;
  if (typeof value !== 'number' || !Number.isInteger(value) || value < 1 || value > MAX_BINS) {
    errors.push(`bins must be a whole number from 1 to ${MAX_BINS}, e.g. bins: 20`);
    return undefined;
  }
  return value;
}

function readType(fields: Record<string, unknown>, errors: string[]): ChartType | undefined {
  const value = fields.type;
  if (value === undefined || value === null) {
    errors.push(`missing type — add a line such as 'type: bar' (one of ${TYPE_LIST})`);
    return undefined;
  }
  const text = String(value).trim();
  if (isChartType(text)) return text;
  const hint = closest(text, CHART_TYPES);
  errors.push(`unknown chart type '${text}' — ${hint ? `did you mean '${hint}'? Use` : 'use'} one of ${TYPE_LIST}`);
  return undefined;
}

function readYaml(text: string): { ok: true; value: unknown } | { ok: false; errors: string[] } {
  const doc = parseDocument(text, { uniqueKeys: true, prettyErrors: true });
  if (doc.errors.length > 0) {
    return {
      ok: false,
      errors: doc.errors.map((error) => {
        const line = error.linePos?.[0].line;
        const first = error.message.split('\n')[0] ?? error.message;
        const where = line === undefined ? '' : `line ${line}: `;
        if (error.code === 'DUPLICATE_KEY') return `${where}a key appears twice — keep one`;
        return `${where}${first} — write one 'key: value' per line, or a JSON object`;
      }),
    };
  }
  return { ok: true, value: doc.toJS() };
}

/** Parses the text of a chart cell (YAML or JSON) into a spec, or every problem found. */
export function parseChartSpec(text: string): SpecParse {
  if (text.trim() === '') {
    return { ok: false, errors: [`the chart spec is empty — write at least type, x and y, e.g. ${EXAMPLE}`] };
  }
  const read = readYaml(text);
  if (!read.ok) return read;
  const fields = read.value;
  if (!isRecord(fields)) {
    return { ok: false, errors: [`a chart spec is a list of 'key: value' lines (or a JSON object), e.g. ${EXAMPLE}`] };
  }

  const errors: string[] = [];
  for (const key of Object.keys(fields)) {
    if (!isKey(key)) errors.push(`unknown field '${key}'${didYouMean(key, KEYS)} (fields: ${KEYS.join(', ')})`);
  }

  const type = readType(fields, errors);
  const query = readText(fields, 'query', 'a SQL query', errors);
  const from = readText(fields, 'from', 'the id of another cell', errors);
  const x = readText(fields, 'x', 'a column name', errors);
  const y = readText(fields, 'y', 'a column name', errors);
  const color = readText(fields, 'color', 'a column name', errors);
  const series = readText(fields, 'series', 'a column name', errors);
  const bins = readBins(fields, errors);
  const title = readText(fields, 'title', 'a title', errors);
  const xLabel = readText(fields, 'xLabel', 'an axis label', errors);
  const yLabel = readText(fields, 'yLabel', 'an axis label', errors);
  const width = readSize(fields, 'width', errors);
  const height = readSize(fields, 'height', errors);

  if (query !== undefined && from !== undefined) {
    errors.push('use either query or from, not both — query runs SQL, from reuses another cell’s result');
  } else if (query === undefined && from === undefined && !('query' in fields) && !('from' in fields)) {
    errors.push("a chart needs data — add 'from: <cell id>' to chart another cell's result, or 'query: SELECT …'");
  }
  if (x === undefined && !('x' in fields)) {
    errors.push(
      type === 'histogram'
        ? "missing x — add 'x: <column>', the numeric column whose values are binned"
        : "missing x — add 'x: <column>', the column for the horizontal axis",
    );
  }
  if (type === 'histogram') {
    if (y !== undefined) errors.push('a histogram counts rows, so it takes no y — remove y (to chart a computed column, use type: bar)');
    if (color !== undefined || series !== undefined) {
      errors.push('a histogram has one series — remove color/series (to compare groups, bin in SQL and use type: grouped-bar)');
    }
  } else if (type !== undefined) {
    if (y === undefined && !('y' in fields)) errors.push("missing y — add 'y: <column>', the numeric column for the vertical axis");
    if (bins !== undefined) errors.push(`bins is only used by histogram — remove it, or use type: histogram`);
  }
  if (color !== undefined && series !== undefined && color !== series) {
    errors.push(`color and series mean the same thing — keep one (color: ${color} or series: ${series})`);
  }
  const groups = color ?? series;
  if (type === 'grouped-bar' && groups === undefined && !('color' in fields) && !('series' in fields)) {
    errors.push("a grouped-bar needs the column that makes the groups — add 'series: <column>' (or use type: bar)");
  }

  if (errors.length > 0 || type === undefined || x === undefined) return { ok: false, errors };
  const spec: ChartSpec = { type, x };
  if (query !== undefined) spec.query = query;
  if (from !== undefined) spec.from = from;
  if (y !== undefined) spec.y = y;
  if (groups !== undefined) spec.color = groups;
  if (bins !== undefined) spec.bins = bins;
  if (title !== undefined) spec.title = title;
  if (xLabel !== undefined) spec.xLabel = xLabel;
  if (yLabel !== undefined) spec.yLabel = yLabel;
  if (width !== undefined) spec.width = width;
  if (height !== undefined) spec.height = height;
  return { ok: true, spec };
}

/**
 * Checks that every column the spec names is in the result. Returns one message
 * per missing column (naming the available ones); empty when the spec fits.
 */
export function validateSpecAgainst(spec: ChartSpec, columns: readonly string[]): string[] {
  const available = columns.length === 0 ? 'the result has no columns' : `available columns: ${columns.join(', ')}`;
  const roles: [string, string | undefined][] = [
    ['x', spec.x],
    ['y', spec.y],
    ['color', spec.color],
  ];
  const errors: string[] = [];
  for (const [role, column] of roles) {
    if (column === undefined || columns.includes(column)) continue;
    const sameButCase = columns.find((c) => c.toLowerCase() === column.toLowerCase());
    const hint = sameButCase !== undefined ? ` — did you mean '${sameButCase}'? (names are case-sensitive)` : didYouMean(column, columns);
    errors.push(`column '${column}' (${role}) is not in the result${hint}; ${available}`);
  }
  return errors;
}
