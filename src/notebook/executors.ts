// How each kind of code cell runs. The runtime picks an executor by cell kind,
// so new kinds (js, chart, exercise) plug in without touching the queue logic.
import { SqlCancelledError, SqlError, type SqlEngine } from '../sql/types';
import type { CodeCell } from '../lesson/types';
import type { CellOutput } from './cell-state';

export interface ExecContext {
  engine: SqlEngine;
}

export type Executor = (source: string, ctx: ExecContext) => Promise<CellOutput>;

/**
 * Rows of a cell's result kept in memory. The table draws fewer; charts of a
 * cell's result sample from these; a learner who selects millions of rows
 * sees the count, not a frozen tab.
 */
export const KEPT_ROWS = 10_000;

export const runSql: Executor = async (source, { engine }) => {
  try {
    const { result, totalRows, changes, statements } = await engine.exec(source, undefined, { maxRows: KEPT_ROWS });
    return { kind: 'table', result, totalRows, changes, statements };
  } catch (error) {
    return errorOutput(error);
  }
};

export function errorOutput(error: unknown): CellOutput {
  if (error instanceof SqlCancelledError) return { kind: 'stopped', message: error.message };
  if (error instanceof SqlError) return { kind: 'error', message: error.message, statement: error.statement };
  return { kind: 'error', message: error instanceof Error ? error.message : String(error) };
}

export const defaultExecutors: Partial<Record<CodeCell['kind'], Executor>> = {
  sql: runSql,
};
