// display(x) and console.* as outputs: plain data the page can render.
//   array of plain objects (or the result of sql()) -> table
//   string                                          -> text
//   anything else                                   -> pretty JSON value
import type { ResultSet, SqlKind, SqlValue } from '../sql/types';
import { isRecord } from './load-rows';
import { TABLE_ROW_LIMIT, type LogLevel, type SandboxOutput } from './protocol';

/** Longest text an output may carry; longer text is cut with a note. */
export const TEXT_LIMIT = 100_000;

/** Arrays returned by sql() carry their column names here (not enumerable). */
export const COLUMNS = 'columns';

export function displayOutput(value: unknown, title?: string): SandboxOutput {
  const titled = title === undefined ? {} : { title: String(title) };
  if (typeof value === 'string') return { kind: 'text', text: clip(value), ...titled };
  const table = asTable(value);
  if (table) return { kind: 'table', ...table, ...titled };
  return { kind: 'value', json: clip(toJson(value, 2)), ...titled };
}

export function logOutput(level: LogLevel, args: readonly unknown[]): SandboxOutput {
  return { kind: 'log', level, text: clip(args.map(logText).join(' ')) };
}

function logText(value: unknown): string {
  if (typeof value === 'string') return value;
  if (value instanceof Error) return `${value.name}: ${value.message}`;
  return toJson(value, 0);
}

/** console.table(x): a table when x is tabular, else like console.log(x). */
export function consoleTableOutput(value: unknown): SandboxOutput {
  const table = asTable(value);
  return table ? { kind: 'table', ...table } : logOutput('log', [value]);
}

function asTable(value: unknown): { result: ResultSet; totalRows: number } | null {
  if (!Array.isArray(value)) return null;
  const declared: unknown = (value as unknown as Record<string, unknown>)[COLUMNS];
  const hasColumns = Array.isArray(declared) && declared.every((c) => typeof c === 'string');
  if (value.length === 0 && !hasColumns) return null;
  if (!value.every(isRecord)) return null;
  const rows = value as Record<string, unknown>[];
  const columns = hasColumns ? (declared as string[]) : unionOfKeys(rows);
  const shown = rows.slice(0, TABLE_ROW_LIMIT);
  const out: SqlValue[][] = [];
  const kinds: string[] = [];
  for (const row of shown) {
    const values: SqlValue[] = [];
    let rowKinds = '';
    for (const column of columns) {
      const [cell, kind] = cellOf(row[column]);
      values.push(cell);
      rowKinds += kind;
    }
    out.push(values);
    kinds.push(rowKinds);
  }
  return { result: { columns, rows: out, kinds }, totalRows: rows.length };
}

function unionOfKeys(rows: Record<string, unknown>[]): string[] {
  const keys = new Set<string>();
  for (const row of rows) for (const key of Object.keys(row)) keys.add(key);
  return [...keys];
}

/** A value as a table cell: numbers, text and bytes as they are; the rest as text. */
function cellOf(value: unknown): [SqlValue, SqlKind] {
  if (value === null || value === undefined) return [null, 'n'];
  switch (typeof value) {
    case 'number':
      return [value, Number.isInteger(value) ? 'i' : 'r'];
    case 'bigint':
      return [value, 'i'];
    case 'string':
      return [value, 't'];
    case 'boolean':
      return [String(value), 't'];
    default:
      if (value instanceof Uint8Array) return [value, 'b'];
      if (value instanceof Date) return [Number.isNaN(value.getTime()) ? 'Invalid Date' : value.toISOString(), 't'];
      return [toJson(value, 0), 't'];
  }
}

/**
 * JSON that never throws: bigint as 12n, Date as ISO text, Map/Set as
 * arrays, functions and undefined named, cycles marked.
 */
export function toJson(value: unknown, indent: number): string {
  const stack: unknown[] = [];
  const walk = (v: unknown): unknown => {
    switch (typeof v) {
      case 'undefined':
        return '[undefined]';
      case 'bigint':
        return `${v}n`;
      case 'function':
        return `[function ${v.name || '(anonymous)'}]`;
      case 'symbol':
        return v.toString();
      case 'number':
        return Number.isFinite(v) ? v : String(v);
      case 'object': {
        if (v === null) return null;
        if (v instanceof Date) return Number.isNaN(v.getTime()) ? 'Invalid Date' : v.toISOString();
        if (v instanceof Error) return `${v.name}: ${v.message}`;
        if (stack.includes(v)) return '[circular]';
        stack.push(v);
        try {
          if (v instanceof Map) return [...v.entries()].map(([k, x]) => [walk(k), walk(x)]);
          if (v instanceof Set) return [...v].map(walk);
          if (ArrayBuffer.isView(v)) return `[${v.constructor.name} of ${v.byteLength} bytes]`;
          if (Array.isArray(v)) return v.map(walk);
          const out: Record<string, unknown> = {};
          for (const [k, x] of Object.entries(v)) out[k] = walk(x);
          return out;
        } finally {
          stack.pop();
        }
      }
      default:
        return v;
    }
  };
  if (typeof value === 'undefined') return 'undefined';
  return JSON.stringify(walk(value), null, indent) ?? String(value);
}

function clip(text: string): string {
  if (text.length <= TEXT_LIMIT) return text;
  return `${text.slice(0, TEXT_LIMIT)}\n… (${text.length - TEXT_LIMIT} more characters not shown)`;
}
