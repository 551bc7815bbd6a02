// The database's tables and views with their columns and row counts, read
// with plain SQL through SqlEngine.exec (pragma_table_list and
// pragma_table_info as table-valued functions), so it works the same over the
// worker and in Node and needs no message of its own.
import { quoteIdentifier } from './lineage';
import type { SqlEngine, SqlValue } from './types';

export interface SchemaColumn {
  name: string;
  /** The declared type as written in CREATE TABLE ('' when none). */
  type: string;
  notNull: boolean;
  /** 0 when not part of the primary key, else its 1-based position in it. */
  pk: number;
}

export type SchemaTableKind = 'table' | 'view' | 'virtual';

export interface SchemaTable {
  /** 'main', or 'temp' for a TEMP table or view. */
  schema: string;
  /** As sqlite_schema stores it. */
  name: string;
  /** The name lineage reports (ExecResult.tables): `name`, or `temp.<name>`. */
  id: string;
  kind: SchemaTableKind;
  columns: SchemaColumn[];
  /** count(*) for tables; null for views (counting one runs its whole query) and virtual tables. */
  rowCount: number | null;
  /** Why the columns could not be read, e.g. a view over a dropped table. */
  error?: string;
}

export interface SchemaInfo {
  /** Tables and views of main then temp, each sorted by name ignoring case. SQLite's own (sqlite_*) are left out. */
  tables: SchemaTable[];
}

export const EMPTY_SCHEMA: SchemaInfo = { tables: [] };

const LIST_SQL = `SELECT schema, name, type FROM pragma_table_list
WHERE schema IN ('main', 'temp') AND type IN ('table', 'view', 'virtual') AND name NOT LIKE 'sqlite\\_%' ESCAPE '\\'
ORDER BY schema = 'temp', lower(name), name`;

const COLUMNS_SQL = `SELECT t.schema, t.name, c.name, c.type, c."notnull", c.pk
FROM pragma_table_list t JOIN pragma_table_info(t.name, t.schema) c
WHERE t.schema IN ('main', 'temp') AND t.type IN ('table', 'view', 'virtual') AND t.name NOT LIKE 'sqlite\\_%' ESCAPE '\\'
ORDER BY t.schema, t.name, c.cid`;

const ONE_TABLE_COLUMNS_SQL = 'SELECT name, type, "notnull", pk FROM pragma_table_info(?, ?) ORDER BY cid';

/** Row counts per statement; well under SQLite's column limit. */
const COUNTS_PER_QUERY = 200;

type Exec = Pick<SqlEngine, 'exec'>;

/**
 * Reads every table and view with its columns and (for tables) its row count.
 * Three or four small execs; count(*) is cheap in SQLite even for big tables.
 */
export async function readSchema(engine: Exec): Promise<SchemaInfo> {
  const list = (await engine.exec(LIST_SQL)).result.rows;
  const tables: SchemaTable[] = list.map(([schema, name, type]) => ({
    schema: String(schema),
    name: String(name),
    id: qualifiedName(String(schema), String(name)),
    kind: String(type) as SchemaTableKind,
    columns: [],
    rowCount: null,
  }));
  if (tables.length === 0) return { tables };
  await readColumns(engine, tables);
  await readCounts(engine, tables);
  return { tables };
}

async function readColumns(engine: Exec, tables: SchemaTable[]): Promise<void> {
  const byKey = new Map(tables.map((t) => [`${t.schema}\u0000${t.name}`, t]));
  try {
    for (const [schema, table, name, type, notNull, pk] of (await engine.exec(COLUMNS_SQL)).result.rows) {
      byKey.get(`${String(schema)}\u0000${String(table)}`)?.columns.push(column(name, type, notNull, pk));
    }
    return;
  } catch {
    // One object's columns cannot be read (a view over a dropped table fails
    // the whole join); read them one by one and note which failed.
  }
  for (const table of tables) {
    table.columns = [];
    try {
      const rows = (await engine.exec(ONE_TABLE_COLUMNS_SQL, [table.name, table.schema])).result.rows;
      table.columns = rows.map(([name, type, notNull, pk]) => column(name, type, notNull, pk));
    } catch (error) {
      table.error = error instanceof Error ? error.message : String(error);
    }
  }
}

async function readCounts(engine: Exec, tables: SchemaTable[]): Promise<void> {
  const counted = tables.filter((t) => t.kind === 'table');
  for (let start = 0; start < counted.length; start += COUNTS_PER_QUERY) {
    const chunk = counted.slice(start, start + COUNTS_PER_QUERY);
    const sql = `SELECT ${chunk.map((t) => `(SELECT count(*) FROM ${qualified(t)})`).join(', ')}`;
    const row = (await engine.exec(sql)).result.rows[0];
    chunk.forEach((t, i) => {
      t.rowCount = Number(row[i]);
    });
  }
}

function column(name: SqlValue, type: SqlValue, notNull: SqlValue, pk: SqlValue): SchemaColumn {
  return { name: String(name), type: type === null ? '' : String(type), notNull: Number(notNull) !== 0, pk: Number(pk) };
}

/** The name lineage uses for a table: `name` in main, `temp.<name>` in temp. */
export function qualifiedName(schema: string, name: string): string {
  return schema === 'main' ? name : `${schema}.${name}`;
}

/** `"schema"."name"`, quoted for SQL. */
export function qualified(table: Pick<SchemaTable, 'schema' | 'name'>): string {
  return `${quoteIdentifier(table.schema)}.${quoteIdentifier(table.name)}`;
}

/** The query that previews a table: its first `limit` rows. */
export function previewSql(table: Pick<SchemaTable, 'schema' | 'name'>, limit = 20): string {
  return `SELECT * FROM ${qualified(table)} LIMIT ${Math.max(0, Math.floor(limit))}`;
}

/**
 * The table or view a name in SQL refers to, ignoring case: `temp.x` or
 * `main.x` explicitly, else as SQLite resolves an unqualified name (temp
 * first). For a lineage name (ExecResult.tables) compare with `id` instead.
 */
export function findTable(schema: SchemaInfo, name: string): SchemaTable | undefined {
  const wanted = name.toLowerCase();
  const qualifiedMatch = schema.tables.find((t) => `${t.schema}.${t.name}`.toLowerCase() === wanted);
  if (qualifiedMatch) return qualifiedMatch;
  const matches = schema.tables.filter((t) => t.name.toLowerCase() === wanted);
  return matches.find((t) => t.schema === 'temp') ?? matches[0];
}
