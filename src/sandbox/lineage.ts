// Which tables a sql() call read and wrote, as SQLite itself reports them:
// - for a single statement, EXPLAIN (run before the statement, so it sees the
//   schema the statement sees) lists the b-trees it opens: OpenRead/ReopenIdx
//   read, OpenWrite/Clear write, each by root page, mapped to its table
//   through sqlite_schema;
// - for any call, sqlite_schema before and after: a table or view created,
//   dropped or altered was written.
// No table names are read out of SQL text. The only lexing is "is this one
// statement?", so that EXPLAIN can never run a second statement for real.
import { hasMoreSql } from '../sql/sql-text';
import type { SqlEngine, SqlValue } from '../sql/types';

export interface SchemaEntry {
  type: string;
  name: string;
  table: string;
  rootpage: number;
  sql: string | null;
}

export type Schema = SchemaEntry[];

export async function readSchema(engine: SqlEngine): Promise<Schema | null> {
  try {
    const { result } = await engine.exec('SELECT type, name, tbl_name, rootpage, sql FROM main.sqlite_schema');
    return result.rows.map(([type, name, table, rootpage, sql]) => ({
      type: String(type),
      name: String(name),
      table: String(table),
      rootpage: Number(rootpage),
      sql: sql === null ? null : String(sql),
    }));
  } catch {
    return null;
  }
}

/** Tables and views created, dropped or changed between two schemas. */
export function schemaChanges(before: Schema, after: Schema): string[] {
  const key = (e: SchemaEntry) => `${e.type}\u0000${e.name}`;
  const old = new Map(before.filter(isUserObject).map((e) => [key(e), e.sql]));
  const now = new Map(after.filter(isUserObject).map((e) => [key(e), e.sql]));
  const changed = new Set<string>();
  for (const entry of after.filter(isUserObject)) if (old.get(key(entry)) !== entry.sql) changed.add(entry.name);
  for (const entry of before.filter(isUserObject)) if (!now.has(key(entry))) changed.add(entry.name);
  return [...changed];
}

function isUserObject(entry: SchemaEntry): boolean {
  return (entry.type === 'table' || entry.type === 'view') && !entry.name.startsWith('sqlite_');
}

// OPFLAG_P2ISREG (sqliteInt.h): P2 holds a register with the root page (a table being created); skip those.
const P2_IS_REGISTER = 0x10;

/** Reads and writes of one statement, from EXPLAIN; null when it cannot be explained. */
export async function explainTables(
  engine: SqlEngine,
  statement: string,
  schema: Schema,
): Promise<{ read: string[]; written: string[] } | null> {
  if (!isSingleStatement(statement)) return null;
  let rows: SqlValue[][];
  let columns: string[];
  try {
    ({ rows, columns } = (await engine.exec(`EXPLAIN ${statement}`)).result);
  } catch {
    return null;
  }
  const at = (name: string) => columns.indexOf(name);
  const [opcode, p1, p2, p3, p5] = [at('opcode'), at('p1'), at('p2'), at('p3'), at('p5')];
  if ([opcode, p1, p2, p3, p5].includes(-1)) return null;
  const byRoot = new Map<number, string>();
  for (const entry of schema) if (entry.rootpage > 0 && !entry.table.startsWith('sqlite_')) byRoot.set(entry.rootpage, entry.table);
  const read = new Set<string>();
  const written = new Set<string>();
  for (const row of rows) {
    const op = String(row[opcode]);
    let root: number;
    let db: number;
    if (op === 'OpenRead' || op === 'ReopenIdx' || op === 'OpenWrite') {
      if (Number(row[p5]) & P2_IS_REGISTER) continue;
      root = Number(row[p2]);
      db = Number(row[p3]);
    } else if (op === 'Clear') {
      root = Number(row[p1]);
      db = Number(row[p2]);
    } else {
      continue;
    }
    if (db !== 0) continue; // temp or attached databases are not in main.sqlite_schema
    const table = byRoot.get(root);
    if (table === undefined) continue;
    (op === 'OpenRead' || op === 'ReopenIdx' ? read : written).add(table);
  }
  return { read: [...read], written: [...written] };
}

/**
 * True when `sql` is exactly one statement (with an optional final ";").
 * Conservative: a trigger body (statements inside BEGIN ... END) answers false.
 */
export function isSingleStatement(sql: string): boolean {
  if (!hasMoreSql(sql)) return false;
  let i = 0;
  const n = sql.length;
  while (i < n) {
    const c = sql[i];
    if (c === "'" || c === '"' || c === '`') {
      const end = sql.indexOf(c, i + 1);
      if (end === -1) return false;
      i = end + 1;
    } else if (c === '[') {
      const end = sql.indexOf(']', i + 1);
      if (end === -1) return false;
      i = end + 1;
    } else if (c === '-' && sql[i + 1] === '-') {
      const end = sql.indexOf('\n', i + 2);
      i = end === -1 ? n : end + 1;
    } else if (c === '/' && sql[i + 1] === '*') {
      const end = sql.indexOf('*/', i + 2);
      i = end === -1 ? n : end + 2;
    } else if (c === ';') {
      return !hasMoreSql(sql.slice(i + 1));
    } else if ((c === 't' || c === 'T') && /^trigger\b/i.test(sql.slice(i, i + 8)) && !/[\w$]/.test(sql[i - 1] ?? '')) {
      return false;
    } else {
      i += 1;
    }
  }
  return true;
}
