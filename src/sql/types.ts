// The one interface through which everything above src/sql talks to SQLite.
// Both the browser engine (sql.js in a Web Worker) and the Node engine
// (sql.js in-process, for tests and lesson checks) implement it.

/** A value as SQLite stores it. Integers outside the safe range stay bigint. */
export type SqlValue = number | bigint | string | Uint8Array | null;

/**
 * The storage class of each value, one character per column:
 * i integer, r real, t text, b blob, n null. JavaScript has one number type,
 * so without this 1 (integer) and 1.0 (real) would look the same.
 */
export type SqlKind = 'i' | 'r' | 't' | 'b' | 'n';

export type SqlParams = SqlValue[] | Record<string, SqlValue>;

export interface ResultSet {
  columns: string[];
  rows: SqlValue[][];
  /** kinds[r][c] is the storage class of rows[r][c]; each string has columns.length characters. */
  kinds: string[];
}

export interface ExecOptions {
  /**
   * Keep at most this many rows of the last result (the rest are counted, not
   * kept), so a SELECT * over millions of rows cannot exhaust the tab's memory.
   */
  maxRows?: number;
  /**
   * Bind named `params` to every statement that uses them, not only the last
   * (pipeline tasks run several statements over one partition's parameters).
   */
  bindEach?: boolean;
}

export interface ExecResult {
  /**
   * The last statement's result set. For a statement without result columns
   * (DDL, DML without RETURNING) columns is empty; a query that matches no
   * rows keeps its column names.
   */
  result: ResultSet;
  /** Rows the last statement returned, including any beyond maxRows. */
  totalRows: number;
  /** Rows changed by the last statement (INSERT/UPDATE/DELETE), as sqlite3_changes reports. */
  changes: number;
  /** How many statements ran. */
  statements: number;
  /** Wall time inside the engine, in milliseconds. */
  elapsedMs: number;
  /** Tables (and views) the statements read and wrote, from SQLite's bytecode and schema; see lineage.ts. */
  tables: TableAccess;
}

/**
 * Table names as sqlite_schema stores them (a TEMP table as `temp.<name>`),
 * unique ignoring case, sorted. SQLite's own tables (sqlite_*) never appear.
 */
export interface TableAccess {
  read: string[];
  written: string[];
  /**
   * The same, statement by statement, for the statements that read or wrote a
   * table (1-based `statement` as in SqlError). Lineage draws edges from a
   * statement's reads to that statement's writes only. Absent where the
   * producer cannot tell statements apart (a JS cell's calls).
   */
  statements?: StatementAccess[];
}

export interface StatementAccess {
  statement: number;
  read: string[];
  written: string[];
}

export type ColumnType = 'INTEGER' | 'REAL' | 'TEXT' | 'BLOB' | 'NUMERIC' | '';

export interface ColumnDef {
  name: string;
  type: ColumnType;
}

export type WriteMode = 'create' | 'replace' | 'append';

export interface InsertRequest {
  table: string;
  columns: ColumnDef[];
  rows: SqlValue[][];
  /** create: fail if the table exists; replace: drop and recreate; append: insert into an existing table. */
  mode: WriteMode;
}

/** An error SQLite (or the engine) reported; the message is SQLite's own. */
export class SqlError extends Error {
  override name = 'SqlError';
  /** 1-based index of the statement that failed, when known. */
  statement?: number;
  /**
   * What the statements before the failing one read and wrote (they stay
   * applied), plus the failing one's writes if it left changes behind.
   * Set by exec(); carried across the worker protocol.
   */
  tables?: TableAccess;
  constructor(message: string, statement?: number, tables?: TableAccess) {
    super(message);
    this.statement = statement;
    this.tables = tables;
  }
}

/** Thrown by exec() when the query was stopped by cancel(). */
export class SqlCancelledError extends Error {
  override name = 'SqlCancelledError';
  /**
   * `wentFurtherBack`: the database was too large to keep a copy of before
   * this cell, so it is back where the lesson's data was last saved or loaded.
   */
  constructor(readonly wentFurtherBack = false) {
    super(
      wentFurtherBack
        ? 'The query was stopped. The database was too large to keep a copy of before every cell, so it went back to how it was when the lesson\'s data loaded: tables and changes made since then are gone.'
        : 'The query was stopped. The database is as it was before this cell ran.',
    );
  }
}

export interface SqlEngine {
  /** Runs one or more statements; resolves with the last statement's result. */
  exec(sql: string, params?: SqlParams, options?: ExecOptions): Promise<ExecResult>;
  /** Bulk insert in one transaction with a prepared statement. */
  insert(request: InsertRequest): Promise<{ inserted: number }>;
  /**
   * Stops the exec() under way, if any: it rejects with SqlCancelledError and
   * the database returns to its state from before that exec() began.
   */
  cancel(): Promise<void>;
  /** An empty database. */
  reset(): Promise<void>;
  /** The whole database as a SQLite file. */
  snapshot(): Promise<Uint8Array>;
  /** Replaces the database with a SQLite file made by snapshot(). */
  restore(bytes: Uint8Array): Promise<void>;
  close(): void;
}
