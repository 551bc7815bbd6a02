// How each kind of code cell runs. The runtime picks an executor by cell kind,
// so new kinds (js, chart, exercise) plug in without touching the queue logic.
import { SqlCancelledError, SqlError, type SqlEngine } from '../sql/types';
import type { CodeCell } from '../lesson/types';
import type { CellOutput } from './cell-state';

export interface ExecContext {
  engine: SqlEngine;
}

export type Executor = (source: string, ctx: ExecContext) => Promise<CellOutput>;

export const runSql: Executor = async (source, { engine }) => {
  try {
    const { result, changes, statements } = await engine.exec(source);
    return { kind: 'table', result, changes, statements };
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
