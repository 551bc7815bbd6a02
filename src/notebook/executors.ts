// How each kind of code cell runs. The runtime picks an executor by cell kind,
// so new kinds plug in without touching the queue logic.
import { checkChart, parseChartSpec } from '../charts';
import type { JsRunOptions, JsRunResult } from '../sandbox/host';
import { SqlCancelledError, SqlError, type ResultSet, type SqlEngine, type TableAccess } from '../sql/types';
import type { CodeCell } from '../lesson/types';
import type { CellOutput } from './cell-state';
import { checkExercise } from './exercises';
import type { VariantSource } from './exercises/variant-check';
import { runStreamCell } from './stream-executor';
import { runPipeline, runPipelineCell, type PipelineCommand } from './pipeline-executor';

export interface ExecContext {
  engine: SqlEngine;
  /** The last table another cell produced, for charts drawn `from` it; absent outside a notebook. */
  resultOf?(cellId: string): { result: ResultSet; totalRows: number; tables?: TableAccess } | undefined;
  /** Aborted when the learner presses Stop. */
  signal?: AbortSignal;
  /** The cell being run, for executors that need more than its code (exercises). */
  cell?: CodeCell;
  /** The current code of another cell (a pipeline task's sql_from). */
  sourceOf?(cellId: string): string | undefined;
  /** A command from a pipeline view's controls, and the output it continues. */
  pipeline?: { command: PipelineCommand; previous?: CellOutput };
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
    const { result, totalRows, changes, statements, tables } = await engine.exec(source, undefined, { maxRows: KEPT_ROWS });
    return { kind: 'table', result, totalRows, changes, statements, tables };
  } catch (error) {
    return errorOutput(error);
  }
};

export const runChart: Executor = async (source, ctx) => {
  const parsed = parseChartSpec(source);
  if (!parsed.ok) return { kind: 'error', message: parsed.errors.join('\n') };
  const { spec } = parsed;
  let data: { result: ResultSet; totalRows: number; tables?: { read: string[]; written: string[] } } | undefined;
  if (spec.from !== undefined) {
    data = ctx.resultOf?.(spec.from);
    if (!data) return { kind: 'error', message: `Run cell ${spec.from} first: this chart draws its result.` };
  } else {
    try {
      data = await ctx.engine.exec(spec.query ?? '', undefined, { maxRows: CHART_ROWS });
    } catch (error) {
      return errorOutput(error);
    }
  }
  const problems = checkChart(spec, data.result);
  if (problems.length > 0) return { kind: 'error', message: problems.join('\n') };
  return { kind: 'chart', spec, result: data.result, totalRows: data.totalRows, tables: data.tables };
};

/** Runs JavaScript through a sandbox (a Web Worker in the browser); Stop ends it. */
export function jsExecutor(run: (code: string, options: JsRunOptions) => Promise<JsRunResult>): Executor {
  return async (source, { signal, cell }) => {
    // A lesson may give a slow cell more time than the default with timeout=<seconds>.
    const timeout = cell?.attrs.timeout;
    const timeoutMs = typeof timeout === 'string' ? Number(timeout) * 1000 : undefined;
    const result = await run(source, { signal, timeoutMs });
    if (result.status === 'stopped' && signal?.aborted) {
      return { kind: 'stopped', message: 'The cell was stopped. Tables it had finished writing keep their rows.' };
    }
    return {
      kind: 'js',
      outputs: result.outputs,
      failed: result.status !== 'done',
      tables: { read: result.tablesRead, written: result.tablesWritten },
    };
  };
}

/**
 * Runs an exercise attempt and checks it against the hidden solution, on a
 * snapshot: a wrong attempt leaves the database as it was; a passing one is
 * kept, as if the cell had run, so later cells can build on it.
 */
export function exerciseExecutor(js?: Executor, variant?: VariantSource): Executor {
  return async (source, ctx) => {
    const cell = ctx.cell;
    if (cell?.kind !== 'exercise') return { kind: 'error', message: 'Not an exercise cell.' };
    if (cell.language === 'js' && !js) return { kind: 'error', message: 'JavaScript cells cannot run here.' };
    const run =
      cell.language === 'js' && js
        ? (code: string) => js(code, ctx)
        : cell.language === 'pipeline'
          ? (code: string) => runPipeline(code, ctx)
          : undefined;
    const report = await checkExercise(ctx.engine, cell, source, { run, keepPassingState: true, variant });
    const learner = report.learnerOutput;
    const tables = 'tables' in learner ? learner.tables : undefined;
    return { kind: 'exercise', pass: report.pass, feedback: report.feedback, learner, tables: report.pass ? tables : undefined };
  };
}

export function errorOutput(error: unknown): CellOutput {
  if (error instanceof SqlCancelledError) return { kind: 'stopped', message: error.message };
  if (error instanceof SqlError) return { kind: 'error', message: error.message, statement: error.statement, tables: error.tables };
  return { kind: 'error', message: error instanceof Error ? error.message : String(error) };
}

export const defaultExecutors: Partial<Record<CodeCell['kind'], Executor>> = {
  sql: runSql,
  chart: runChart,
  stream: runStreamCell,
  pipeline: runPipelineCell,
  exercise: exerciseExecutor(),
};
