// The probe lessons:check runs against every exercise with variants on: the
// solution's own result and checked tables, typed in by hand as
// `SELECT … UNION ALL …`. It passes on the lesson's data by construction, so
// a check that cannot tell it from the solution on the second data set could
// be passed without doing the task.
import type { ResultSet, SqlValue } from '../../sql/types';
import { quoteIdentifier } from './data-tests';

/** SQLite's default SQLITE_MAX_COMPOUND_SELECT; more rows are written as one VALUES list, which has no such limit. */
const MAX_UNION_TERMS = 500;

/** A value as a literal that reads back as the same value and type (no shortening, unlike format.ts). */
export function exactLiteral(value: SqlValue): string {
  if (value === null) return 'NULL';
  if (typeof value === 'bigint') return value.toString();
  if (typeof value === 'number') {
    if (Number.isInteger(value)) return String(value);
    // 1e21 and the like read back as REAL too; repr keeps every digit.
    return Number.isFinite(value) ? String(value) : value > 0 ? '9e999' : value < 0 ? '-9e999' : 'NULL';
  }
  if (typeof value === 'string') return `'${value.replace(/'/g, "''")}'`;
  return `X'${Array.from(value, (b) => b.toString(16).padStart(2, '0')).join('')}'`;
}

/** A query that returns `result`'s rows, typed in. */
export function typedInQuery(result: ResultSet): string {
  const names = result.columns.map(quoteIdentifier);
  if (result.rows.length === 0) {
    // No rows: the columns, and a filter that keeps none.
    return `SELECT ${names.map((n) => `NULL AS ${n}`).join(', ')} WHERE 0`;
  }
  if (result.rows.length <= MAX_UNION_TERMS) {
    return result.rows
      .map((row, i) => `SELECT ${row.map((v, c) => (i === 0 ? `${exactLiteral(v)} AS ${names[c]}` : exactLiteral(v))).join(', ')}`)
      .join('\nUNION ALL ');
  }
  const values = result.rows.map((row) => `(${row.map(exactLiteral).join(', ')})`).join(',\n');
  return `WITH typed(${names.join(', ')}) AS (VALUES\n${values})\nSELECT * FROM typed`;
}

/**
 * Code that makes each table and ends with the result, all typed in.
 * `existing` says what each name already is where the code will run (DROP
 * VIEW on a table is an error in SQLite, and so is the reverse).
 */
export function typedInCopy(
  tables: ReadonlyMap<string, ResultSet>,
  result: ResultSet | null,
  existing: ReadonlyMap<string, 'table' | 'view'> = new Map(),
): string {
  const parts: string[] = [];
  for (const [table, rows] of tables) {
    const name = quoteIdentifier(table);
    // Runs twice under an idempotent check: the table it made the first time goes too.
    parts.push(existing.get(table.toLowerCase()) === 'view' ? `DROP VIEW ${name}` : `DROP TABLE IF EXISTS ${name}`);
    parts.push(`CREATE TABLE ${name} AS ${typedInQuery(rows)}`);
  }
  if (result !== null) parts.push(typedInQuery(result));
  return parts.map((p) => `${p};`).join('\n');
}
