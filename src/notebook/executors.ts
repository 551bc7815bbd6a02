// How each kind of code cell runs. The runtime picks an executor by cell kind,
// so new kinds plug in without touching the queue logic.
import { checkChart, parseChartSpec } from '../charts';
import { SqlCancelledError, SqlError, type ResultSet, type SqlEngine } from '../sql/types';
import type { CodeCell } from '../lesson/types';
import type { CellOutput } from './cell-state';

export interface ExecContext {
  engine: SqlEngine;
  /** The last table another cell produced, for charts drawn `from` it; absent outside a notebook. */
  resultOf?(cellId: string): { result: ResultSet; totalRows: number } | undefined;
}

export type Executor = (source: string, ctx: ExecContext) => Promise<CellOutput>;

/**
 * Rows of a cell's result kept in memory. The table draws fewer; charts of a
 * cell's result sample from these; a learner who selects millions of rows
 * sees the count, not a frozen tab.
 */
export const KEPT_ROWS = 10_000;

/** Rows a chart's own query may bring back; the chart layer bins or samples past 10,000 points. */
export const CHART_ROWS = 200_000;

export const runSql: Executor = async (source, { engine }) => {
  try {
    const { result, totalRows, changes, statements } = await engine.exec(source, undefined, { maxRows: KEPT_ROWS });
    return { kind: 'table', result, totalRows, changes, statements };
  } catch (error) {
    return errorOutput(error);
  }
};

export const runChart: Executor = async (source, ctx) => {
  const parsed = parseChartSpec(source);
  if (!parsed.ok) return { kind: 'error', message: parsed.errors.join('\n') };
  const { spec } = parsed;
  let data: { result: ResultSet; totalRows: number } | undefined;
  if (spec.from !== undefined) {
    data = ctx.resultOf?.(spec.from);
    if (!data) return { kind: 'error', message: `Run cell ${spec.from} first: this chart draws its result.` };
  } else {
    try {
      const { result, totalRows } = await ctx.engine.exec(spec.query ?? '', undefined, { maxRows: CHART_ROWS });
      data = { result, totalRows };
    } catch (error) {
      return errorOutput(error);
    }
  }
  const problems = checkChart(spec, data.result);
  if (problems.length > 0) return { kind: 'error', message: problems.join('\n') };
  return { kind: 'chart', spec, result: data.result, totalRows: data.totalRows };
};

export function errorOutput(error: unknown): CellOutput {
  if (error instanceof SqlCancelledError) return { kind: 'stopped', message: error.message };
  if (error instanceof SqlError) return { kind: 'error', message: error.message, statement: error.statement };
  return { kind: 'error', message: error instanceof Error ? error.message : String(error) };
}

export const defaultExecutors: Partial<Record<CodeCell['kind'], Executor>> = {
  sql: runSql,
  chart: runChart,
};
