// The state of one code cell as a pure transition function, in the manner of
// marimo's cell.ts: (cell, event) -> cell. The runtime feeds it events; the UI
// renders whatever it returns.
import type { ChartSpec } from '../charts';
import type { ErrorTip, Feedback } from './exercises';
import type { MadeBy } from './made-by-exercise';
import type { SandboxOutput } from '../sandbox/protocol';
import type { ResultSet, TableAccess } from '../sql/types';
import type { StreamRun, StreamSpec } from '../stream';
import type { PipelineSpec, PipelineState } from '../pipeline/types';
import type { PipelineSession } from './pipeline-executor';

export type CellStatus = 'idle' | 'queued' | 'running' | 'done' | 'error' | 'stale';

/**
 * What a run produced. `tables` is what the run read and wrote, as SQLite
 * reported it (for js cells, through the calls the code made): the lineage.
 */
export type CellOutput =
  | { kind: 'table'; result: ResultSet; totalRows: number; changes: number; statements: number; tables?: TableAccess }
  /** The data a chart draws; drawing it is the UI's job, with src/charts. */
  | { kind: 'chart'; spec: ChartSpec; result: ResultSet; totalRows: number; tables?: TableAccess }
  /** A stream cell's replay (for the timeline) and its result table, as written to spec.into. */
  | { kind: 'stream'; spec: StreamSpec; run: StreamRun; result: ResultSet; totalRows: number; tables: TableAccess }
  /** A js cell's logs and displays in order; a failed or stopped run ends with an error item. */
  | { kind: 'js'; outputs: SandboxOutput[]; failed: boolean; tables: TableAccess }
  /** An exercise attempt: the learner's own output, and what the checks found. */
  | { kind: 'exercise'; pass: boolean; feedback: Feedback[]; learner: CellOutput; tables?: TableAccess; madeBy?: MadeBy }
  /**
   * `madeBy`: the exercise that makes the table this error found missing (see
   * made-by-exercise.ts); `tip`: how to fix an error whose message names only the symptom.
   */
  | { kind: 'error'; message: string; statement?: number; tables?: TableAccess; madeBy?: MadeBy; tip?: ErrorTip }
  | { kind: 'stopped'; message: string }
  /**
   * A pipeline cell's simulation: its spec, the scheduler's state (runs, task
   * instances, their logs), and the live session the view's controls drive.
   */
  | { kind: 'pipeline'; spec: PipelineSpec; state: PipelineState; tables: TableAccess; session: PipelineSession };

export interface CellState {
  id: string;
  status: CellStatus;
  /** The code as the learner has it now (may differ from the lesson file). */
  source: string;
  /** Bumped by every run request; results carrying an older runId are dropped. */
  runId: number;
  output?: CellOutput;
  elapsedMs?: number;
  /** Which source produced `output`, so an edit can mark the output stale. */
  ranSource?: string;
}

export type CellEvent =
  | { type: 'edit'; source: string }
  | { type: 'queue'; runId: number }
  | { type: 'start'; runId: number }
  | { type: 'finish'; runId: number; source: string; output: CellOutput; elapsedMs: number }
  | { type: 'dequeue'; runId: number };

export function initialCell(id: string, source: string): CellState {
  return { id, status: 'idle', source, runId: 0 };
}

/** Status to fall back to when a queued run is withdrawn before it started. */
function settledStatus(cell: CellState): CellStatus {
  if (!cell.output) return 'idle';
  if (cell.ranSource !== cell.source) return 'stale';
  return isSuccess(cell.output) ? 'done' : 'error';
}

export function transition(cell: CellState, event: CellEvent): CellState {
  switch (event.type) {
    case 'edit': {
      if (event.source === cell.source) return cell;
      const next = { ...cell, source: event.source };
      // An output that no longer matches the code is stale; editing it back makes it current again.
      if (cell.status === 'done' || cell.status === 'error' || cell.status === 'stale') {
        next.status = settledStatus(next);
      }
      return next;
    }
    case 'queue':
      return { ...cell, status: 'queued', runId: event.runId };
    case 'start':
      if (event.runId !== cell.runId) return cell;
      return { ...cell, status: 'running' };
    case 'finish': {
      if (event.runId !== cell.runId) return cell;
      const next = { ...cell, output: event.output, elapsedMs: event.elapsedMs, ranSource: event.source };
      return { ...next, status: settledStatus(next) };
    }
    case 'dequeue':
      if (event.runId !== cell.runId || cell.status !== 'queued') return cell;
      return { ...cell, status: settledStatus(cell) };
    default:
      return unreachable(event);
  }
}

export function isSuccess(output: CellOutput): boolean {
  // A wrong exercise answer is a finished run, not a failure: Run all goes on past it.
  // A pipeline whose runs failed still ran: its failures are what the learner looks at.
  const finished = ['table', 'chart', 'stream', 'exercise', 'pipeline'] as const;
  return (finished as readonly string[]).includes(output.kind) || (output.kind === 'js' && !output.failed);
}

export function unreachable(x: never): never {
  throw new Error(`Unhandled case: ${JSON.stringify(x)}`);
}
