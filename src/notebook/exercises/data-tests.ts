// dbt-style data tests over the learner's tables. Each compiles to one SQL
// query run through the SqlEngine (identifiers quoted, values bound as
// parameters), and a failure says how many rows or values break the rule,
// with a few of them as examples. Tests only read; the caller decides what
// state they see and restores it afterwards.
import type { DataTestCheck } from '../../lesson/types';
import { SqlCancelledError, type ResultSet, type SqlEngine, type SqlValue } from '../../sql/types';
import { feedback, type CountedValue, type Feedback } from './feedback';
import { literal, tuple } from './format';
import { MAX_EXAMPLES } from './compare';

/** An identifier in double quotes, safe for any name. */
export function quoteIdentifier(name: string): string {
  return `"${name.replace(/"/g, '""')}"`;
}

/** Column names of a table or view, or undefined when there is none by that name. */
export async function tableColumns(engine: SqlEngine, table: string): Promise<string[] | undefined> {
  const { result } = await engine.exec('SELECT name FROM pragma_table_info(?)', [table]);
  const names = result.rows.map((row) => String(row[0]));
  return names.length > 0 ? names : undefined;
}

/**
 * Runs one data test; [] when it passes. SQL errors become a 'check-error'
 * item, a missing table or column its own item; cancellation is rethrown.
 */
export async function runDataTest(engine: SqlEngine, check: DataTestCheck): Promise<Feedback[]> {
  try {
    return await run(engine, check);
  } catch (error) {
    if (error instanceof SqlCancelledError) throw error;
    return [feedback('check-error', { message: error instanceof Error ? error.message : String(error) })];
  }
}

async function run(engine: SqlEngine, check: DataTestCheck): Promise<Feedback[]> {
  const note = check.message === undefined ? {} : { note: check.message };
  if (check.kind === 'no_rows') {
    const { result } = await engine.exec(check.sql);
    if (result.rows.length === 0) return [];
    return [feedback('no-rows', { ...note, count: result.rows.length }, firstRows(result))];
  }

  const missing = await missingNames(engine, check.table, check.kind === 'accepted_values' || check.kind === 'relationships' ? [check.column] : check.kind === 'row_count' ? [] : check.columns);
  if (missing.length > 0) return missing;
  const table = quoteIdentifier(check.table);

  switch (check.kind) {
    case 'unique': {
      const cols = check.columns.map(quoteIdentifier);
      const keys = cols.map((c, i) => `${c} AS k${i}`).join(', ');
      const notNull = cols.map((c) => `${c} IS NOT NULL`).join(' AND ');
      const order = cols.map((_, i) => String(i + 1)).join(', ');
      const { result } = await engine.exec(
        `SELECT *, COUNT(*) OVER () FROM (SELECT ${keys}, COUNT(*) AS n FROM ${table} WHERE ${notNull} GROUP BY ${cols.join(', ')} HAVING COUNT(*) > 1) ORDER BY n DESC, ${order} LIMIT ${MAX_EXAMPLES}`,
      );
      if (result.rows.length === 0) return [];
      const width = cols.length;
      const examples: CountedValue[] = result.rows.map((row) => ({ value: tuple(row.slice(0, width)), count: count(row[width]) }));
      return [feedback('unique', { ...note, table: check.table, columns: check.columns, count: count(result.rows[0]![width + 1]), examples })];
    }
    case 'not_null': {
      const problems: Feedback[] = [];
      for (const column of check.columns) {
        const { result } = await engine.exec(
          `SELECT *, COUNT(*) OVER () FROM ${table} WHERE ${quoteIdentifier(column)} IS NULL LIMIT ${MAX_EXAMPLES}`,
        );
        if (result.rows.length === 0) continue;
        const total = count(result.rows[0]![result.columns.length - 1]);
        problems.push(feedback('not-null', { ...note, table: check.table, column, count: total }, withoutLastColumn(result)));
      }
      return problems;
    }
    case 'accepted_values': {
      const slots = check.values.map(() => '?').join(', ');
      const bad = await badValues(engine, table, check.column, `v NOT IN (${slots})`, check.values);
      return bad === undefined ? [] : [feedback('accepted-values', { ...note, table: check.table, column: check.column, ...bad })];
    }
    case 'relationships': {
      const parent = await missingNames(engine, check.to, [check.field]);
      if (parent.length > 0) return parent;
      const bad = await badValues(engine, table, check.column, `NOT EXISTS (SELECT 1 FROM ${quoteIdentifier(check.to)} AS parent WHERE parent.${quoteIdentifier(check.field)} = v)`);
      if (bad === undefined) return [];
      return [feedback('relationships', { ...note, table: check.table, column: check.column, to: check.to, field: check.field, ...bad })];
    }
    case 'row_count': {
      const { result } = await engine.exec(`SELECT COUNT(*) FROM ${table}`);
      const rows = count(result.rows[0]?.[0] ?? 0);
      if ((check.min === undefined || rows >= check.min) && (check.max === undefined || rows <= check.max)) return [];
      const bounds: { min?: number; max?: number } = {};
      if (check.min !== undefined) bounds.min = check.min;
      if (check.max !== undefined) bounds.max = check.max;
      return [feedback('row-count', { ...note, table: check.table, count: rows, ...bounds })];
    }
    default:
      return check satisfies never;
  }
}

/** A 'table-missing' or 'column-missing' item for names the learner's database lacks. */
async function missingNames(engine: SqlEngine, table: string, columns: readonly string[]): Promise<Feedback[]> {
  const present = await tableColumns(engine, table);
  if (present === undefined) return [feedback('table-missing', { table })];
  const lower = new Set(present.map((c) => c.toLowerCase()));
  return columns.filter((c) => !lower.has(c.toLowerCase())).map((column) => feedback('column-missing', { table, column }));
}

/**
 * The non-NULL values `v` of `column` for which `condition` (SQL that reads
 * `v`, e.g. "v NOT IN (?, ?)") holds: how many distinct ones, on how many rows, and
 * the commonest few. The values are read once, first: when the table is a view
 * whose column is a correlated subquery, a condition that probes another table
 * would otherwise run that subquery once per probed row (minutes, for a
 * learner's capstone answer).
 */
async function badValues(
  engine: SqlEngine,
  table: string,
  column: string,
  condition: string,
  params?: SqlValue[],
): Promise<{ count: number; rows: number; examples: CountedValue[] } | undefined> {
  const { result } = await engine.exec(
    `WITH child AS MATERIALIZED (SELECT ${quoteIdentifier(column)} AS v FROM ${table} WHERE ${quoteIdentifier(column)} IS NOT NULL) SELECT v, COUNT(*) AS n, COUNT(*) OVER (), SUM(COUNT(*)) OVER () FROM child WHERE ${condition} GROUP BY v ORDER BY n DESC, 1 LIMIT ${MAX_EXAMPLES}`,
    params,
  );
  const [first] = result.rows;
  if (first === undefined) return undefined;
  return { count: count(first[2]), rows: count(first[3]), examples: countedValues(result) };
}

function count(value: SqlValue | undefined): number {
  return typeof value === 'number' ? value : typeof value === 'bigint' ? Number(value) : 0;
}

function countedValues(result: ResultSet): CountedValue[] {
  return result.rows.map((row) => ({ value: literal(row[0] ?? null), count: count(row[1]) }));
}

function firstRows(result: ResultSet): ResultSet {
  return { columns: result.columns, rows: result.rows.slice(0, MAX_EXAMPLES), kinds: result.kinds.slice(0, MAX_EXAMPLES) };
}

function withoutLastColumn(result: ResultSet): ResultSet {
  return {
    columns: result.columns.slice(0, -1),
    rows: result.rows.map((row) => row.slice(0, -1)),
    kinds: result.kinds.map((k) => k.slice(0, -1)),
  };
}
