// A stream cell's spec, as parsed from its YAML. See docs/stream-cells.md.

export type WindowSpec =
  | { type: 'tumbling'; sizeMs: number }
  | { type: 'sliding'; sizeMs: number; slideMs: number }
  | { type: 'session'; gapMs: number };

export const AGGREGATE_FUNCTIONS = ['count', 'sum', 'avg', 'min', 'max', 'count distinct'] as const;
export type AggregateFunction = (typeof AGGREGATE_FUNCTIONS)[number];

export interface AggregateSpec {
  /** The output column. */
  name: string;
  fn: AggregateFunction;
  /** The input column; undefined for count(*). */
  column?: string;
}

export type TriggerSpec = { type: 'each-event' } | { type: 'every'; everyMs: number } | { type: 'once' };

export const LATE_POLICIES = ['drop', 'side-table', 'update'] as const;
export type LatePolicy = (typeof LATE_POLICIES)[number];

export interface StreamSpec {
  /** A table, or the id of another cell whose result is read. */
  from: string;
  /** A SQL condition on the source's rows (WHERE without the word), applied when reading. */
  where?: string;
  eventTime: string;
  /** Column giving arrival order or arrival time; undefined: the source's row order. */
  arrival?: string;
  key?: string;
  window: WindowSpec;
  aggregates: AggregateSpec[];
  trigger: TriggerSpec;
  /** The watermark is the newest event time seen minus this delay. */
  watermarkDelayMs: number;
  allowedLatenessMs: number;
  late: LatePolicy;
  into: string;
  /** Where too-late events go with late: side-table; defaults to `<into>_late`. */
  lateTable?: string;
  /** When set, the windows still open at the end of input (before the final flush) are written here. */
  stateTable?: string;
}

/** One problem in a spec; `line` is 1-based within the spec text (not the lesson file). */
export interface SpecProblem {
  line: number;
  message: string;
}
