// Bulk insert: one prepared INSERT inside one savepoint, so a bad row leaves
// the database exactly as it was (the created/dropped table included).
import type { Database, Statement } from 'sql.js';
import { SqlError, type ColumnDef, type ColumnType, type InsertRequest, type SqlValue } from './types';
import { isSqlValue } from './values';

const COLUMN_TYPES: readonly ColumnType[] = ['INTEGER', 'REAL', 'TEXT', 'BLOB', 'NUMERIC', ''];
const INT64_MIN = -(2n ** 63n);
const INT64_MAX = 2n ** 63n - 1n;
// A savepoint rather than BEGIN: it also nests inside a transaction a cell left open.
const SAVEPOINT = 'workbench_insert';

/** Quotes an SQLite identifier: wraps it in double quotes and doubles the ones inside. */
export function quoteIdentifier(name: string): string {
  return `"${name.replaceAll('"', '""')}"`;
}

export function insertRows(db: Database, request: InsertRequest): { inserted: number } {
  const { table, columns, rows, mode } = request;
  checkShape(table, columns);
  const existing = tableColumns(db, table);

  switch (mode) {
    case 'create':
      if (existing.length > 0) {
        throw new SqlError(
          `Cannot create table "${table}": it already exists. Use mode "replace" to overwrite it, or "append" to add rows to it.`,
        );
      }
      break;
    case 'append':
      checkAppendColumns(table, columns, existing);
      break;
    case 'replace':
      break;
    default:
      throw new SqlError(`Unknown insert mode "${String(mode)}"; use "create", "replace" or "append".`);
  }

  db.run(`SAVEPOINT ${SAVEPOINT}`);
  const statements = new Map<string, Statement>();
  try {
    if (mode === 'replace') db.run(`DROP TABLE IF EXISTS ${quoteIdentifier(table)}`);
    if (mode !== 'append') db.run(createTableSql(table, columns));
    rows.forEach((row, r) => insertRow(db, request, row, r, statements));
    db.run(`RELEASE ${SAVEPOINT}`);
  } catch (error) {
    db.run(`ROLLBACK TO ${SAVEPOINT}`);
    db.run(`RELEASE ${SAVEPOINT}`);
    throw error instanceof SqlError ? error : new SqlError(messageOf(error));
  } finally {
    for (const statement of statements.values()) statement.free();
  }
  return { inserted: rows.length };
}

function checkShape(table: string, columns: ColumnDef[]): void {
  if (typeof table !== 'string' || table.length === 0) throw new SqlError('The table name is empty.');
  if (columns.length === 0) throw new SqlError(`Table "${table}" needs at least one column.`);
  const seen = new Set<string>();
  for (const column of columns) {
    if (typeof column.name !== 'string' || column.name.length === 0) {
      throw new SqlError(`Table "${table}" has a column with an empty name.`);
    }
    // SQLite compares identifiers case-insensitively (ASCII only).
    const key = column.name.toLowerCase();
    if (seen.has(key)) throw new SqlError(`Column "${column.name}" appears twice in table "${table}".`);
    seen.add(key);
    // The type is spliced into CREATE TABLE, so only known types may pass.
    if (!COLUMN_TYPES.includes(column.type)) {
      throw new SqlError(
        `Column "${column.name}" has type "${String(column.type)}"; use INTEGER, REAL, TEXT, BLOB, NUMERIC or "".`,
      );
    }
  }
}

function tableColumns(db: Database, table: string): string[] {
  const result = db.exec('SELECT name FROM pragma_table_info(?)', [table]);
  return (result[0]?.values ?? []).map((row) => String(row[0]));
}

function checkAppendColumns(table: string, columns: ColumnDef[], existing: string[]): void {
  if (existing.length === 0) {
    throw new SqlError(`Cannot append to "${table}": no such table. Use mode "create" or "replace" to make it.`);
  }
  const known = new Set(existing.map((name) => name.toLowerCase()));
  const missing = columns.filter((column) => !known.has(column.name.toLowerCase())).map((c) => `"${c.name}"`);
  if (missing.length > 0) {
    throw new SqlError(
      `Cannot append to "${table}": it has no column ${missing.join(', ')} (its columns are: ${existing.join(', ')}).`,
    );
  }
}

function createTableSql(table: string, columns: ColumnDef[]): string {
  const defs = columns.map((c) => (c.type ? `${quoteIdentifier(c.name)} ${c.type}` : quoteIdentifier(c.name)));
  return `CREATE TABLE ${quoteIdentifier(table)} (${defs.join(', ')})`;
}

function insertRow(
  db: Database,
  request: InsertRequest,
  row: SqlValue[],
  r: number,
  statements: Map<string, Statement>,
): void {
  const { columns } = request;
  if (!Array.isArray(row) || row.length !== columns.length) {
    const got = Array.isArray(row) ? `${row.length} values` : 'no array';
    throw new SqlError(
      `Row ${r + 1} has ${got}, but ${columns.length} columns were given (${columns.map((c) => c.name).join(', ')}).`,
    );
  }
  let shape = '';
  const bound: (string | number | Uint8Array | null)[] = new Array(row.length);
  for (let c = 0; c < row.length; c += 1) {
    const value: unknown = row[c];
    if (!isSqlValue(value)) {
      throw new SqlError(
        `Row ${r + 1}, column "${columns[c].name}": cannot store a ${describe(value)}; use null, a number, a bigint, a string or a Uint8Array.`,
      );
    }
    if (needsIntegerCast(value)) {
      if (typeof value === 'bigint' && (value < INT64_MIN || value > INT64_MAX)) {
        throw new SqlError(
          `Row ${r + 1}, column "${columns[c].name}": ${value} is outside SQLite's 64-bit integer range.`,
        );
      }
      shape += '1';
      bound[c] = String(value);
    } else {
      shape += '0';
      bound[c] = value as string | number | Uint8Array | null;
    }
  }
  let statement = statements.get(shape);
  if (!statement) {
    statement = db.prepare(insertSql(request, shape));
    statements.set(shape, statement);
  }
  try {
    statement.run(bound);
  } catch (error) {
    throw new SqlError(`${messageOf(error)} (row ${r + 1})`);
  }
}

/**
 * sql.js binds a number as a 32-bit int when it fits and as a double otherwise,
 * and a bigint as text. Larger integers therefore travel as text and are cast
 * back in SQL, so they stay exact INTEGERs whatever the column's affinity.
 */
function needsIntegerCast(value: SqlValue): boolean {
  if (typeof value === 'bigint') return true;
  return typeof value === 'number' && Number.isSafeInteger(value) && (value | 0) !== value;
}

function insertSql(request: InsertRequest, shape: string): string {
  const names = request.columns.map((c) => quoteIdentifier(c.name)).join(', ');
  const slots = [...shape].map((flag) => (flag === '1' ? 'CAST(? AS INTEGER)' : '?')).join(', ');
  return `INSERT INTO ${quoteIdentifier(request.table)} (${names}) VALUES (${slots})`;
}

function describe(value: unknown): string {
  if (value === undefined) return 'value of type undefined';
  if (typeof value === 'object' && value !== null) return `value of type ${value.constructor?.name ?? 'object'}`;
  return `value of type ${typeof value}`;
}

export function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
