// The engine's logic over one sql.js Database. Plain arguments, synchronous,
// no Worker: the worker host and the Node engine both drive it, and tests call
// it directly.
import type { Database, SqlJsStatic, Statement } from 'sql.js';
import { insertRows, messageOf } from './insert';
import { TableTracker } from './lineage';
import { hasMoreSql } from './sql-text';
import { SqlError, type ExecOptions, type ExecResult, type InsertRequest, type ResultSet, type SqlParams, type SqlValue } from './types';
import { readRow, toBindParams } from './values';

/** Counters that move whenever the database file may have changed. */
interface ChangeCounters {
  totalChanges: number;
  schemaVersion: number;
  userVersion: number;
}

/**
 * Above this size a database is not exported as a restore point before each
 * writing cell: each export costs its size twice over (in the wasm heap, which
 * never shrinks, and on the page), which for a million trips is most of the
 * tab's memory. Stopping a cell then reloads the lesson's data instead.
 */
export const MAX_RESTORE_POINT_BYTES = 48 * 1024 * 1024;

const COUNTERS_SQL =
  'SELECT total_changes(), (SELECT schema_version FROM pragma_schema_version), (SELECT user_version FROM pragma_user_version)';

/**
 * Restore points: before an exec that may be cancelled, the caller asks for
 * takeRestorePoint(). It exports the database only if it may have changed
 * since the last restore point, so a run of read-only queries costs nothing.
 *
 * No prepared statement outlives a call, so it does not matter that older
 * sql.js versions closed and reopened the database in export() (1.16 uses the
 * backup API and keeps it open).
 */
export class SqlCore {
  private db: Database;
  /** True when the database may differ from the last restore point handed out. */
  private dirty: boolean;

  /**
   * Opens `restorePoint` (or an empty database). The caller already holds
   * those bytes as its restore point, so the new core starts clean.
   */
  constructor(
    private readonly sqlJs: SqlJsStatic,
    restorePoint: Uint8Array | null = null,
  ) {
    this.db = openDatabase(sqlJs, restorePoint);
    this.dirty = false;
  }

  /**
   * Runs every statement of `sql` in order and returns the last one's result.
   *
   * - `params` bind to the last statement only; earlier statements run
   *   without parameters (an earlier `?` reads as NULL) — unless
   *   `options.bindEach` is set and params are named: then every statement
   *   binds the names it uses (a pipeline task's `DELETE … WHERE day = :ds;
   *   INSERT … :ds`).
   * - On an error, the statements before the failing one stay applied, as in
   *   the sqlite3 shell; the SqlError carries the failing statement's 1-based
   *   index. A transaction the SQL opened stays open.
   * - A statement that yields no result columns (DDL, DML without RETURNING)
   *   gives columns []; a query matching no rows keeps its column names.
   */
  exec(sql: string, params?: SqlParams, options: ExecOptions = {}): ExecResult {
    const started = performance.now();
    const before = this.counters();
    let statements = 0;
    let result: ResultSet = { columns: [], rows: [], kinds: [] };
    let changes = 0;
    let totalRows = 0;
    const tables = new TableTracker(this.db);
    const iterator = this.db.iterateStatements(sql);
    try {
      for (;;) {
        let next: IteratorResult<Statement>;
        try {
          next = iterator.next();
        } catch (error) {
          throw new SqlError(messageOf(error), statements + 1, tables.result());
        }
        if (next.done) break;
        statements += 1;
        const statement = next.value;
        const isLast = !hasMoreSql(iterator.getRemainingSQL());
        tables.beforeStatement(statement.getSQL());
        try {
          if (isLast) {
            const changesBefore = this.totalChanges();
            if (params !== undefined) statement.bind(toBindParams(params));
            ({ result, totalRows } = collect(statement, options.maxRows ?? Infinity));
            // sqlite3_changes() keeps the count of the last INSERT/UPDATE/DELETE
            // even when a later SELECT ran, so trust it only if this statement wrote.
            changes = this.totalChanges() > changesBefore ? this.db.getRowsModified() : 0;
          } else {
            if (params !== undefined && options.bindEach === true && !Array.isArray(params)) statement.bind(toBindParams(params));
            while (statement.step()) {
              // Rows of earlier statements are not shown; stepping runs them.
            }
          }
        } catch (error) {
          tables.afterStatement(false);
          throw new SqlError(messageOf(error), statements, tables.result());
        }
        tables.afterStatement(true);
      }
    } finally {
      // Frees the current statement if we left the loop early.
      (iterator as Iterator<Statement>).return?.();
      this.noteChanges(before);
    }
    return { result, totalRows, changes, statements, elapsedMs: performance.now() - started, tables: tables.result() };
  }

  /** Bulk insert in one savepoint; see insertRows. */
  insert(request: InsertRequest): { inserted: number } {
    // Even a failed insert ran SAVEPOINT/ROLLBACK; cheap to treat it as a change.
    this.dirty = true;
    return insertRows(this.db, request);
  }

  /**
   * The database as a SQLite file if it may have changed since the last
   * restore point, else null. Also null when it cannot be exported because a
   * write transaction is open (sql.js refuses); the core then stays dirty and
   * the caller keeps its older restore point.
   */
  takeRestorePoint(maxBytes = MAX_RESTORE_POINT_BYTES): Uint8Array | null | 'too-large' {
    if (!this.dirty) return null;
    if (this.sizeBytes() > maxBytes) return 'too-large';
    let bytes: Uint8Array;
    try {
      bytes = this.db.export();
    } catch {
      return null;
    }
    this.dirty = false;
    return bytes;
  }

  /** The database as it is now counts as the caller's restore point (e.g. data it can load again). */
  markClean(): void {
    this.dirty = false;
  }

  /** The size of the database file. */
  sizeBytes(): number {
    const row = this.db.exec('SELECT (SELECT page_count FROM pragma_page_count) * (SELECT page_size FROM pragma_page_size)')[0]!.values[0]!;
    return Number(row[0]);
  }

  /** The whole database as a SQLite file. Does not count as a restore point. */
  snapshot(): Uint8Array {
    try {
      return this.db.export();
    } catch (error) {
      throw new SqlError(messageOf(error));
    }
  }

  /** Replaces the database with `bytes`; the old one stays if they are not a database. */
  restore(bytes: Uint8Array): void {
    const next = openDatabase(this.sqlJs, bytes);
    this.db.close();
    this.db = next;
    this.dirty = true;
  }

  /** An empty database. */
  reset(): void {
    this.db.close();
    this.db = openDatabase(this.sqlJs, null);
    this.dirty = true;
  }

  close(): void {
    this.db.close();
  }

  private counters(): ChangeCounters {
    const row = this.db.exec(COUNTERS_SQL)[0].values[0];
    return { totalChanges: Number(row[0]), schemaVersion: Number(row[1]), userVersion: Number(row[2]) };
  }

  private totalChanges(): number {
    return Number(this.db.exec('SELECT total_changes()')[0].values[0][0]);
  }

  private noteChanges(before: ChangeCounters): void {
    if (this.dirty) return;
    const after = this.counters();
    this.dirty =
      after.totalChanges !== before.totalChanges ||
      after.schemaVersion !== before.schemaVersion ||
      after.userVersion !== before.userVersion;
  }
}

function collect(statement: Statement, maxRows: number): { result: ResultSet; totalRows: number } {
  const columns = statement.getColumnNames();
  const rows: SqlValue[][] = [];
  const kinds: string[] = [];
  let totalRows = 0;
  while (statement.step()) {
    totalRows += 1;
    if (rows.length >= maxRows) continue;
    const row = readRow(statement);
    rows.push(row.values);
    kinds.push(row.kinds);
  }
  return { result: { columns, rows, kinds }, totalRows };
}

function openDatabase(sqlJs: SqlJsStatic, bytes: Uint8Array | null): Database {
  const db = new sqlJs.Database(bytes);
  if (bytes) {
    // sql.js opens anything; SQLite only notices a non-database on first read.
    try {
      db.exec('SELECT count(*) FROM sqlite_schema');
    } catch (error) {
      db.close();
      throw new SqlError(`Cannot restore: ${messageOf(error)}`);
    }
  }
  return db;
}
