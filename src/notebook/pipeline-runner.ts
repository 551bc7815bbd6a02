// The pipeline scheduler's TaskRunner over the notebook's SqlEngine: task SQL
// with bound partition parameters, check tasks through the exercises' data
// tests (the same unique / not_null / relationships … an exercise uses).
import { SqlCancelledError, SqlError, type SqlEngine } from '../sql/types';
import type { TaskRunner } from '../pipeline/runner';
import { quoteIdentifier, runDataTest } from './exercises/data-tests';

export function engineRunner(engine: SqlEngine): TaskRunner {
  return {
    async sql(sql, params) {
      try {
        const r = await engine.exec(sql, params, { maxRows: 1, bindEach: true });
        return { ok: true, statements: r.statements, rows: r.totalRows, changes: r.changes, read: r.tables.read, written: r.tables.written };
      } catch (error) {
        if (error instanceof SqlCancelledError) throw error;
        const tables = error instanceof SqlError ? error.tables : undefined;
        return {
          ok: false,
          statements: error instanceof SqlError ? (error.statement ?? 0) : 0,
          rows: 0,
          changes: 0,
          error: error instanceof Error ? error.message : String(error),
          read: tables?.read ?? [],
          written: tables?.written ?? [],
        };
      }
    },
    async test(check) {
      const items = await runDataTest(engine, check);
      return items.map((item) => item.message);
    },
    async partitionRows(table, ds) {
      try {
        const { result } = await engine.exec(`SELECT count(*) FROM ${quoteIdentifier(table.table)} WHERE ${quoteIdentifier(table.column)} = ?`, [ds]);
        return Number(result.rows[0]?.[0] ?? 0);
      } catch (error) {
        if (error instanceof SqlCancelledError) throw error;
        return 0;
      }
    },
  };
}
