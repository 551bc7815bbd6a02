// Text to rows for one dataset: pure, no database. Each line or record either
// becomes a row shaped by the dataset's columns or a rejected line with its
// number and the reason, so a broken line never stops a load.

import type { ColumnDef, SqlValue } from '../sql/types';
import { parseCsv, type LineProblem } from './formats/csv';
import { parseNdjson, splitLines } from './formats/ndjson';
import { parseServerLine } from './formats/server-log';
import type { DatasetDef } from './registry';

export type RejectedLine = LineProblem;

export interface ParsedRows {
  rows: SqlValue[][];
  rejected: RejectedLine[];
}

const INTEGER = /^[+-]?\d+$/;

/** A CSV field as the column's type wants it; undefined when it cannot be. */
function csvValue(field: string, column: ColumnDef): SqlValue | undefined {
  if (field === '') return null;
  switch (column.type) {
    case 'INTEGER': {
      if (!INTEGER.test(field)) return undefined;
      const n = Number(field);
      return Number.isSafeInteger(n) ? n : BigInt(field);
    }
    case 'REAL':
    case 'NUMERIC': {
      const n = Number(field);
      return field.trim() === '' || !Number.isFinite(n) ? undefined : n;
    }
    default:
      return field;
  }
}

export function parseCsvRows(text: string, columns: readonly ColumnDef[]): ParsedRows {
  const { header, records, problems } = parseCsv(text);
  const rejected: RejectedLine[] = [...problems];
  const index = columns.map((c) => header.indexOf(c.name));
  const missing = columns.filter((_, i) => index[i] === -1).map((c) => c.name);
  if (missing.length > 0) {
    rejected.unshift({ line: 1, reason: `header lacks column(s): ${missing.join(', ')}`, text: header.join(',') });
  }
  const rows: SqlValue[][] = [];
  for (const record of records) {
    const row: SqlValue[] = new Array(columns.length);
    let bad: string | null = null;
    for (let c = 0; c < columns.length; c++) {
      const i = index[c]!;
      if (i === -1) {
        row[c] = null;
        continue;
      }
      const value = csvValue(record.fields[i]!, columns[c]!);
      if (value === undefined) {
        bad = `${columns[c]!.name}: expected ${columns[c]!.type === 'INTEGER' ? 'an integer' : 'a number'}, found ${JSON.stringify(record.fields[i])}`;
        break;
      }
      row[c] = value;
    }
    if (bad) rejected.push({ line: record.line, reason: bad, text: text.slice(record.start, record.end) });
    else rows.push(row);
  }
  rejected.sort((a, b) => a.line - b.line);
  return { rows, rejected };
}

/** A JSON value in a column: objects stay JSON text, booleans become 0/1 as SQLite has them. */
function jsonValue(value: unknown, column: ColumnDef): SqlValue {
  if (value === undefined || value === null) return null;
  if (typeof value === 'object') return JSON.stringify(value);
  if (typeof value === 'boolean') return value ? 1 : 0;
  if (typeof value === 'number') return column.type === 'TEXT' ? String(value) : value;
  return String(value);
}

export function parseNdjsonRows(text: string, columns: readonly ColumnDef[]): ParsedRows {
  const { objects, problems } = parseNdjson(text);
  const rows: SqlValue[][] = new Array(objects.length);
  for (let i = 0; i < objects.length; i++) {
    const { line, value } = objects[i]!;
    rows[i] = columns.map((c) => (c.name === 'line_no' ? line : jsonValue(value[c.name], c)));
  }
  return { rows, rejected: problems };
}

export function parseServerLogRows(text: string, columns: readonly ColumnDef[]): ParsedRows {
  const rows: SqlValue[][] = [];
  const rejected: RejectedLine[] = [];
  splitLines(text).forEach((raw, i) => {
    if (raw === '') return;
    const parsed = parseServerLine(raw);
    if (!parsed.ok) {
      rejected.push({ line: i + 1, reason: parsed.reason, text: raw });
      return;
    }
    const row = parsed.row as unknown as Record<string, SqlValue>;
    rows.push(columns.map((c) => (c.name === 'line_no' ? i + 1 : row[c.name] ?? null)));
  });
  return { rows, rejected };
}

export function parseLineRows(text: string): ParsedRows {
  return { rows: splitLines(text).map((line, i) => [i + 1, line]), rejected: [] };
}

export function parseDataset(def: DatasetDef, text: string): ParsedRows {
  switch (def.format) {
    case 'csv':
      return parseCsvRows(text, def.columns);
    case 'ndjson':
      return parseNdjsonRows(text, def.columns);
    case 'server_log':
      return parseServerLogRows(text, def.columns);
    case 'lines':
      return parseLineRows(text);
  }
}
