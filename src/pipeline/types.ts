// A pipeline cell's spec, parsed, and the scheduler's state. See
// docs/pipeline-cells.md for the YAML and the rules.
import type { DataTestCheck } from '../lesson/types';

export type TaskKind = 'sql' | 'sensor' | 'check';

/** A table a task writes, partitioned by a day column ('YYYY-MM-DD' text). */
export interface PartitionedTable {
  table: string;
  column: string;
}

/** Injected failures, for teaching: retries and backfills need something to fix. */
export interface FailureRule {
  task: string;
  /** Only runs of these days fail; undefined: every day. */
  dates?: string[];
  /** Fail with this probability, from a hash of seed, task, day and try (deterministic). */
  probability?: number;
  seed: number;
  /** Fail every try before this one; the Nth try succeeds. undefined: every try fails. */
  untilTry?: number;
  message: string;
  line: number;
}

export interface TaskSpec {
  id: string;
  kind: TaskKind;
  /** The SQL (for a sensor: the query that must return a row); resolved from `sql_from` when given. */
  sql: string;
  /** When the SQL comes from another cell, its id (resolved by the runtime). */
  sqlFrom?: string;
  /** A check task's data test. */
  check?: DataTestCheck;
  after: string[];
  retries: number;
  /** Minutes between a failed try and the next. */
  retryDelay: number;
  /** Minutes; a try that would take longer fails as timed out. For a sensor: how long it pokes. */
  timeout?: number;
  /** Sensor: minutes between pokes. */
  pokeInterval: number;
  /** Simulated minutes a try takes; undefined: derived from the rows it wrote. */
  duration?: number;
  writes: PartitionedTable[];
  /** 1-based line in the spec text. */
  line: number;
}

export type BackfillMode = 'missing' | 'all';

/** Operations run after the schedule, as the view's buttons would. */
export type PipelineAction =
  | { kind: 'backfill'; start: string; end: string; mode: BackfillMode; line: number }
  | { kind: 'clear'; task: string; ds: string; downstream: boolean; line: number }
  | { kind: 'trigger'; ds: string; line: number };

export interface PipelineSpec {
  /** Minutes after midnight (UTC, simulated) at which a day's run starts, after its interval ends. */
  at: number;
  start: string;
  end: string;
  catchup: boolean;
  /** The simulated day the pipeline is switched on; default: start (nothing to catch up). */
  turnedOn: string;
  tasks: TaskSpec[];
  failures: FailureRule[];
  then: PipelineAction[];
}

export type TiState =
  | 'none'
  | 'scheduled'
  | 'queued'
  | 'running'
  | 'success'
  | 'failed'
  | 'up_for_retry'
  | 'upstream_failed'
  | 'skipped';

export const TI_STATES: readonly TiState[] = ['none', 'scheduled', 'queued', 'running', 'success', 'failed', 'up_for_retry', 'upstream_failed', 'skipped'];

/** One try of one task instance, as its log shows it. */
export interface Attempt {
  try: number;
  /** Simulated clock, minutes since the Unix epoch. */
  start: number;
  end: number;
  ok: boolean;
  /** The statements run, with their parameters beside them (never spliced in). */
  statements: string[];
  params: Record<string, string>;
  /** Rows in each written table's partition after the try (visible idempotence). */
  partitionRows: Record<string, number>;
  /** Rows changed by the try's last statement. */
  changes: number;
  /** Sensor pokes made. */
  pokes?: number;
  error?: string;
  /** Tables read and written, as SQLite reported them. */
  read: string[];
  written: string[];
}

export interface TaskInstance {
  task: string;
  ds: string;
  state: TiState;
  /** Tries started so far (Airflow's try_number). */
  tryNumber: number;
  /** Earliest simulated minute a retry may start. */
  retryAt?: number;
  attempts: Attempt[];
}

export type RunType = 'scheduled' | 'backfill' | 'manual';
export type RunState = 'queued' | 'running' | 'success' | 'failed';

export interface DagRun {
  ds: string;
  type: RunType;
  state: RunState;
  /** Simulated minute the run was created (its interval ended and the scheduler saw it). */
  queuedAt: number;
  start?: number;
  end?: number;
  instances: TaskInstance[];
}

export interface PipelineState {
  /** Simulated clock, minutes since the Unix epoch (UTC). */
  clock: number;
  /** Next day interval the schedule will create a run for; undefined after end. */
  nextDs: string | undefined;
  /** Runs in day order, one per day. */
  runs: DagRun[];
}
