// load(table, rows, { mode }): turns the learner's array of objects into the
// columns and SqlValue rows of one engine.insert() call, or explains in the
// learner's terms (row number, column name) why it cannot.
import type { ColumnDef, ColumnType, SqlValue } from '../sql/types';
import { SandboxApiError } from './errors';
import type { LoadMode } from './protocol';

/** What kind of JavaScript value a column holds; mixing kinds in one column is an error. */
type ValueKind = 'number' | 'boolean' | 'string' | 'Date' | 'object' | 'bytes';

const KIND_WORDS: Record<ValueKind, string> = {
  number: 'a number',
  boolean: 'a boolean',
  string: 'a string',
  Date: 'a Date',
  object: 'an object or array (stored as JSON text)',
  bytes: 'a Uint8Array',
};

export const LOAD_MODES: readonly LoadMode[] = ['replace', 'append'];

export interface PreparedLoad {
  columns: ColumnDef[];
  rows: SqlValue[][];
}

/** Checks the arguments of load() before anything is sent to the host. */
export function checkLoadArguments(table: unknown, rows: unknown, options: unknown): { table: string; rows: unknown[]; mode: LoadMode } {
  if (typeof table !== 'string' || table.trim() === '') {
    throw new SandboxApiError(`load() needs a table name as its first argument, e.g. load('clean_trips', rows).`);
  }
  if (!Array.isArray(rows)) {
    throw new SandboxApiError(
      `load("${table}", rows): rows must be an array of objects, got ${describeValue(rows)}.`,
    );
  }
  let mode: LoadMode = 'replace';
  if (options !== undefined && options !== null) {
    if (typeof options !== 'object') {
      throw new SandboxApiError(`load("${table}", rows, options): options must be an object like { mode: 'append' }.`);
    }
    const given = (options as { mode?: unknown }).mode;
    if (given !== undefined) {
      if (!LOAD_MODES.includes(given as LoadMode)) {
        throw new SandboxApiError(`load("${table}"): mode must be 'replace' or 'append', got ${describeValue(given)}.`);
      }
      mode = given as LoadMode;
    }
  }
  return { table, rows, mode };
}

/**
 * Columns and values for load(). `existing` is the table's columns, or null
 * when the table does not exist (or is about to be replaced).
 *
 * - replace: columns are the keys of all rows, in order of first appearance;
 *   each column's type comes from its values (integer / real / text / blob,
 *   untyped when every value is null). A row without a key stores NULL there.
 * - append: the rows' keys must be exactly the table's columns (either set
 *   may not have a name the other lacks), and each value must suit the
 *   column's declared type.
 */
export function prepareLoad(table: string, rows: readonly unknown[], mode: LoadMode, existing: ColumnDef[] | null): PreparedLoad {
  const objects = rows.map((row, r) => {
    if (!isRecord(row)) {
      throw new SandboxApiError(
        `load("${table}"): ${rowName(r)} is ${describeValue(row)}; every row must be a plain object like { id: 1, city: 'Seoul' }.`,
      );
    }
    return row;
  });
  const keys = keysOf(objects);

  if (mode === 'append') {
    if (existing === null || existing.length === 0) {
      throw new SandboxApiError(
        `load("${table}", rows, { mode: 'append' }): there is no table "${table}" to append to. Use mode 'replace' to create it.`,
      );
    }
    return prepareAppend(table, objects, keys, existing);
  }

  if (keys.length === 0) {
    if (existing && existing.length > 0 && objects.length === 0) {
      // Replacing with no rows keeps the columns: the table is emptied.
      return { columns: existing, rows: [] };
    }
    throw new SandboxApiError(
      objects.length === 0
        ? `load("${table}", []): there are no rows, so there are no columns to create the table with.`
        : `load("${table}"): the rows have no keys, so there are no columns to create the table with.`,
    );
  }

  const columns: ColumnDef[] = keys.map((key) => ({ name: key, type: inferType(table, objects, key) }));
  return { columns, rows: objects.map((row, r) => keys.map((key, c) => toSqlValue(row[key], table, r, columns[c].name))) };
}

function prepareAppend(table: string, objects: Record<string, unknown>[], keys: string[], existing: ColumnDef[]): PreparedLoad {
  const tableNames = new Map(existing.map((c) => [c.name.toLowerCase(), c]));
  const rowNames = new Set(keys.map((k) => k.toLowerCase()));
  const extra = keys.filter((k) => !tableNames.has(k.toLowerCase()));
  const missing = existing.filter((c) => !rowNames.has(c.name.toLowerCase())).map((c) => c.name);
  if (objects.length > 0 && (extra.length > 0 || missing.length > 0)) {
    const parts: string[] = [];
    if (extra.length > 0) parts.push(`the rows have ${plural(extra.length, 'column')} the table lacks: ${quoteList(extra)}`);
    if (missing.length > 0) parts.push(`the table has ${plural(missing.length, 'column')} the rows lack: ${quoteList(missing)}`);
    throw new SandboxApiError(
      `load("${table}", rows, { mode: 'append' }): ${parts.join('; ')}. ` +
        `The table's columns are ${quoteList(existing.map((c) => c.name))}.`,
    );
  }
  // Keys match the table's names up to case; read each row by the key it uses.
  const keyFor = new Map(keys.map((k) => [k.toLowerCase(), k]));
  const rows = objects.map((row, r) =>
    existing.map((column) => {
      const key = keyFor.get(column.name.toLowerCase()) ?? column.name;
      const value = row[key];
      checkAgainstDeclared(table, r, column, value);
      return toSqlValue(value, table, r, column.name);
    }),
  );
  return { columns: existing, rows };
}

/** All own enumerable keys, in order of first appearance. */
function keysOf(objects: Record<string, unknown>[]): string[] {
  const seen = new Map<string, string>();
  for (const row of objects) {
    for (const key of Object.keys(row)) {
      const lower = key.toLowerCase();
      const first = seen.get(lower);
      if (first === undefined) seen.set(lower, key);
      else if (first !== key) {
        throw new SandboxApiError(
          `load(): the rows use both "${first}" and "${key}" as keys; SQLite column names ignore case, so they would be one column.`,
        );
      }
    }
  }
  return [...seen.values()];
}

function inferType(table: string, objects: Record<string, unknown>[], key: string): ColumnType {
  let firstKind: ValueKind | null = null;
  let firstRow = -1;
  let allIntegers = true;
  for (let r = 0; r < objects.length; r += 1) {
    const value = objects[r][key];
    if (value === null || value === undefined) continue;
    const kind = kindOf(value, table, r, key);
    if (firstKind === null) {
      firstKind = kind;
      firstRow = r;
    } else if (kind !== firstKind) {
      throw new SandboxApiError(
        `load("${table}"): ${rowName(r)}, column "${key}": expected ${KIND_WORDS[firstKind]} like ${rowName(firstRow)}, ` +
          `got ${describeValue(value)}. Convert the values so each column holds one kind.`,
      );
    }
    if (kind === 'number' && typeof value === 'number' && !Number.isInteger(value)) allIntegers = false;
  }
  switch (firstKind) {
    case null:
      return '';
    case 'number':
      return allIntegers ? 'INTEGER' : 'REAL';
    case 'boolean':
      return 'INTEGER';
    case 'bytes':
      return 'BLOB';
    case 'string':
    case 'Date':
    case 'object':
      return 'TEXT';
  }
}

/** SQLite's column affinity from a declared type (https://sqlite.org/datatype3.html, 3.1). */
export function affinityOf(declared: string): 'INTEGER' | 'TEXT' | 'BLOB' | 'REAL' | 'NUMERIC' {
  const t = declared.toUpperCase();
  if (t.includes('INT')) return 'INTEGER';
  if (t.includes('CHAR') || t.includes('CLOB') || t.includes('TEXT')) return 'TEXT';
  if (t.includes('BLOB') || t === '') return 'BLOB';
  if (t.includes('REAL') || t.includes('FLOA') || t.includes('DOUB')) return 'REAL';
  return 'NUMERIC';
}

function checkAgainstDeclared(table: string, r: number, column: ColumnDef, value: unknown): void {
  if (value === null || value === undefined || column.type === '') return;
  const kind = kindOf(value, table, r, column.name);
  const affinity = affinityOf(column.type);
  let ok: boolean;
  switch (affinity) {
    case 'INTEGER':
      ok = kind === 'boolean' || (kind === 'number' && (typeof value === 'bigint' || Number.isInteger(value)));
      break;
    case 'REAL':
    case 'NUMERIC':
      ok = kind === 'number' || kind === 'boolean';
      break;
    case 'TEXT':
      ok = kind === 'string' || kind === 'Date' || kind === 'object';
      break;
    case 'BLOB':
      ok = true; // declared BLOB (or no type): SQLite stores any value as given
      break;
  }
  if (!ok) {
    const wanted = affinity === 'INTEGER' ? 'an integer' : affinity === 'TEXT' ? 'text' : 'a number';
    throw new SandboxApiError(
      `load("${table}", rows, { mode: 'append' }): ${rowName(r)}, column "${column.name}" is ${column.type} and needs ${wanted}, ` +
        `got ${describeValue(value)}.`,
    );
  }
}

function kindOf(value: unknown, table: string, r: number, key: string): ValueKind {
  switch (typeof value) {
    case 'number':
      if (!Number.isFinite(value)) {
        throw new SandboxApiError(
          `load("${table}"): ${rowName(r)}, column "${key}" is ${String(value)}, which SQLite cannot store; use null for a missing number.`,
        );
      }
      return 'number';
    case 'bigint':
      return 'number';
    case 'boolean':
      return 'boolean';
    case 'string':
      return 'string';
    case 'object':
      if (value instanceof Date) {
        if (Number.isNaN(value.getTime())) {
          throw new SandboxApiError(`load("${table}"): ${rowName(r)}, column "${key}" is an Invalid Date.`);
        }
        return 'Date';
      }
      if (value instanceof Uint8Array) return 'bytes';
      return 'object';
    default:
      throw new SandboxApiError(
        `load("${table}"): ${rowName(r)}, column "${key}" is ${describeValue(value)}, which cannot be stored in a table.`,
      );
  }
}

/**
 * A JavaScript value as SQLite will store it: booleans as 1/0, Dates as ISO
 * text, objects and arrays as JSON text, undefined as NULL.
 */
export function toSqlValue(value: unknown, table: string, r: number, key: string): SqlValue {
  if (value === null || value === undefined) return null;
  const kind = kindOf(value, table, r, key);
  switch (kind) {
    case 'number':
    case 'string':
      return value as number | bigint | string;
    case 'boolean':
      return value ? 1 : 0;
    case 'Date':
      return (value as Date).toISOString();
    case 'bytes':
      return value as Uint8Array;
    case 'object':
      try {
        return JSON.stringify(value, (_k, v: unknown) => (typeof v === 'bigint' ? v.toString() : v));
      } catch (error) {
        throw new SandboxApiError(
          `load("${table}"): ${rowName(r)}, column "${key}" cannot be written as JSON (${error instanceof Error ? error.message : String(error)}).`,
        );
      }
  }
}

/** SQL parameters from the learner: the same conversions as load(), checked. */
export function toSqlParams(params: unknown): SqlValue[] | Record<string, SqlValue> | undefined {
  if (params === undefined) return undefined;
  const convert = (value: unknown, name: string): SqlValue => {
    try {
      return toSqlValue(value, '', 0, name);
    } catch {
      throw new SandboxApiError(`sql(query, params): parameter ${name} is ${describeValue(value)}, which SQLite cannot bind.`);
    }
  };
  if (Array.isArray(params)) return params.map((v, i) => convert(v, String(i + 1)));
  if (isRecord(params)) {
    const out: Record<string, SqlValue> = {};
    for (const [key, value] of Object.entries(params)) out[key] = convert(value, `"${key}"`);
    return out;
  }
  throw new SandboxApiError(`sql(query, params): params must be an array like [1, 'Seoul'] or an object like { city: 'Seoul' }.`);
}

export function isRecord(value: unknown): value is Record<string, unknown> {
  if (value === null || typeof value !== 'object' || Array.isArray(value)) return false;
  const proto: unknown = Object.getPrototypeOf(value);
  return proto === Object.prototype || proto === null;
}

/** "row 3 (rows[2])": learners count from 1, their code indexes from 0. */
function rowName(r: number): string {
  return `row ${r + 1} (rows[${r}])`;
}

export function describeValue(value: unknown): string {
  if (value === null) return 'null';
  if (value === undefined) return 'undefined';
  switch (typeof value) {
    case 'string':
      return `the string ${JSON.stringify(value.length > 40 ? `${value.slice(0, 40)}…` : value)}`;
    case 'number':
    case 'bigint':
      return `the number ${String(value)}`;
    case 'boolean':
      return `the boolean ${String(value)}`;
    case 'function':
      return 'a function';
    case 'symbol':
      return 'a symbol';
    default:
      if (Array.isArray(value)) return 'an array';
      if (value instanceof Date) return 'a Date';
      return `an object (${(value as object).constructor?.name ?? 'no prototype'})`;
  }
}

function plural(n: number, word: string): string {
  return n === 1 ? `a ${word}` : `${n} ${word}s`;
}

function quoteList(names: string[]): string {
  return names.map((n) => `"${n}"`).join(', ');
}
