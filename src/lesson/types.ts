// A lesson file, parsed. See docs/lesson-format.md for the file format.

export const STAGES = ['foundations', 'ingestion', 'processing', 'storage', 'access'] as const;
export type Stage = (typeof STAGES)[number];

export interface LessonMeta {
  id: string;
  title: string;
  stage: Stage;
  summary: string;
  /** Dataset names from the dataset registry, loaded before the first cell runs. */
  datasets: string[];
  objectives: string[];
  /** Estimated minutes for a learner. */
  minutes?: number;
}

interface CellBase {
  /** Unique within the lesson; stable across edits of the file (used for saved work). */
  id: string;
  /** 1-based line in the lesson file where the cell starts. */
  line: number;
}

export interface MarkdownCell extends CellBase {
  kind: 'markdown';
  /** Markdown source; rendering and sanitizing happen in the UI. */
  source: string;
}

/**
 * Attributes from a fence's info string, as written: `key=value` pairs and bare
 * flags (`true`). Kept whole on the cell so later cell kinds (exercises) can read
 * their own attributes without a new parser; which keys are allowed per language
 * lives in attributes.ts.
 */
export type CellAttrs = Record<string, string | true>;

interface CodeCellBase extends CellBase {
  /** The code between the fences, without the fence lines and without a trailing newline. */
  source: string;
  /** Every attribute of the opening fence, including `id`. */
  attrs: CellAttrs;
}

export interface SqlCell extends CodeCellBase {
  kind: 'sql';
}

export interface JsCell extends CodeCellBase {
  kind: 'js';
}

export interface ChartCell extends CodeCellBase {
  kind: 'chart';
}

/** A YAML spec replayed by src/stream on a simulated clock. */
export interface StreamCell extends CodeCellBase {
  kind: 'stream';
}

/** Fence languages that become runnable cells; a fence in any other language stays prose. */
/** A YAML pipeline spec (src/pipeline): a DAG of tasks over daily partitions. */
export interface PipelineCell extends CodeCellBase {
  kind: 'pipeline';
}

/** Fence languages that become runnable cells; a fence in any other language stays prose. */
export const CELL_LANGUAGES = ['sql', 'js', 'chart', 'stream', 'pipeline'] as const;
export type CellLanguage = (typeof CELL_LANGUAGES)[number];

/** Languages an exercise can be written in. */
export const EXERCISE_LANGUAGES = ['sql', 'js', 'pipeline'] as const;
export type ExerciseLanguage = (typeof EXERCISE_LANGUAGES)[number];

/**
 * How a learner's rows are compared with the solution's (`result` and `table`
 * checks). The YAML names are in brackets; defaults in DEFAULT_COMPARE_OPTIONS.
 */
export interface CompareOptions {
  /** [order] 'any': rows may come in any order; 'exact': in the solution's order. */
  order: 'any' | 'exact';
  /**
   * [columns] How columns are matched: 'exact' by name, letter for letter;
   * 'ignore-case' by name, ignoring case (SQLite's own rule); 'position' by
   * position, names ignored.
   */
  columns: 'exact' | 'ignore-case' | 'position';
  /** [column_order] When columns are matched by name: must they also come in the solution's order? */
  columnOrder: 'any' | 'exact';
  /** [tolerance] Absolute difference allowed between two numbers. */
  tolerance: number;
  /** [relative_tolerance] Difference allowed relative to the larger magnitude. */
  relativeTolerance: number;
  /** [extra_columns] May the learner's result have columns the solution's has not? */
  extraColumns: boolean;
  /**
   * [key] Columns whose values may be named when solution rows are missing
   * ("no row has city = 'Daegu'"). Without a key only the count is told, so
   * feedback never shows a row of the solution.
   */
  key: string[];
}

export const DEFAULT_COMPARE_OPTIONS: Readonly<CompareOptions> = Object.freeze({
  order: 'any',
  columns: 'ignore-case',
  columnOrder: 'any',
  tolerance: 0,
  // Absorbs float noise such as AVG(x) against SUM(x) / COUNT(*).
  relativeTolerance: 1e-9,
  extraColumns: false,
  key: [],
});

interface CheckBase {
  /** 1-based file line of the check in its `yaml checks` fence. */
  line: number;
}

interface DataTestBase extends CheckBase {
  /** The author's own words, added to the feedback when the test fails. */
  message?: string;
}

/** The learner's last result against the solution's. */
export interface ResultCheck extends CheckBase, CompareOptions {
  kind: 'result';
}

/** A table's rows after the learner's code against the same table after the solution's. */
export interface TableCheck extends CheckBase, CompareOptions {
  kind: 'table';
  table: string;
}

/** No value (or combination of values, with several columns) appears twice; NULLs are not counted. */
export interface UniqueCheck extends DataTestBase {
  kind: 'unique';
  table: string;
  columns: string[];
}

/** Each column has no NULL. */
export interface NotNullCheck extends DataTestBase {
  kind: 'not_null';
  table: string;
  columns: string[];
}

/** Every non-NULL value of the column is one of `values`. */
export interface AcceptedValuesCheck extends DataTestBase {
  kind: 'accepted_values';
  table: string;
  column: string;
  values: Array<string | number>;
}

/** Every non-NULL value of table.column appears in to.field. */
export interface RelationshipsCheck extends DataTestBase {
  kind: 'relationships';
  table: string;
  column: string;
  to: string;
  field: string;
}

/** The table has between min and max rows (inclusive); at least one bound is set. */
export interface RowCountCheck extends DataTestBase {
  kind: 'row_count';
  table: string;
  min?: number;
  max?: number;
}

/** A query that finds rows breaking a rule; the test passes when it returns none. */
export interface NoRowsCheck extends DataTestBase {
  kind: 'no_rows';
  sql: string;
}

/** Checks whose verdict needs only the learner's database, not the solution. */
export type DataTestCheck = UniqueCheck | NotNullCheck | AcceptedValuesCheck | RelationshipsCheck | RowCountCheck | NoRowsCheck;

/**
 * The learner's code, run a second time on the database its first run left,
 * changes none of these tables (an idempotent load). Needs no solution.
 */
export interface IdempotentCheck extends CheckBase {
  kind: 'idempotent';
  tables: string[];
  /** The author's own words, added to the feedback when the check fails. */
  message?: string;
}

/**
 * The answer may read only these tables (and tables it writes itself), as the
 * engine's lineage reports its reads: "from the mart only". A view is read as
 * its base tables, so list those too when the allowed source is a view.
 */
export interface ReadsCheck extends CheckBase {
  kind: 'reads';
  only: string[];
  /** The author's own words, added to the feedback when the check fails. */
  message?: string;
}

/**
 * How this exercise uses the hidden second data set: `off` turns it off, for
 * a task about this data's own values (the text says why); `setup` is SQL run
 * on the variant before the check, to plant a case this data happens not to
 * have (e.g. make two tables differ that the lesson builds alike).
 */
export interface VariantCheck extends CheckBase {
  kind: 'variant';
  off?: string;
  setup?: string;
}

/** Task-instance states and partition statuses a pipeline_state check can ask for. */
export const PIPELINE_TI_STATES = ['success', 'failed', 'up_for_retry', 'upstream_failed', 'skipped', 'none'] as const;
export const PIPELINE_PARTITION_STATUSES = ['missing', 'failed', 'materialized'] as const;

/**
 * A pipeline exercise's state after the learner's pipeline ran: a task's
 * instances on some days are in a state (or took at least `tries` tries), or
 * a written table's partitions on those days are materialized / failed / missing.
 */
export interface PipelineStateCheck extends CheckBase {
  kind: 'pipeline_state';
  task?: string;
  table?: string;
  state?: (typeof PIPELINE_TI_STATES)[number];
  partitions?: (typeof PIPELINE_PARTITION_STATUSES)[number];
  /** At least this many tries (with task). */
  tries?: number;
  /** Rows each partition holds (with table). */
  rows?: number;
  /** First and last day, inclusive ('ds' sets both). */
  from: string;
  to: string;
  message?: string;
}

export type ExerciseCheck = ResultCheck | TableCheck | DataTestCheck | IdempotentCheck | ReadsCheck | VariantCheck | PipelineStateCheck;
export type ExerciseCheckKind = ExerciseCheck['kind'];

/**
 * A sql or js cell the learner must complete. `source` is the starter code the
 * cell opens with; the solution, checks and hints come from companion fences
 * (`solution for=id`, `yaml checks for=id`, `hint for=id`) and are never shown
 * as prose.
 */
export interface ExerciseCell extends CodeCellBase {
  kind: 'exercise';
  language: ExerciseLanguage;
  /** The hidden solution, in `language`. */
  solution: string;
  /** In the order written; never empty. */
  checks: ExerciseCheck[];
  /** Markdown, revealed one at a time in this order; may be empty. */
  hints: string[];
  /** File lines of the companion fences, for authoring tools. */
  lines: { solution: number; checks: number; hints: number[] };
}

export type CodeCell = SqlCell | JsCell | ChartCell | StreamCell | PipelineCell | ExerciseCell;
export type CodeCellKind = CodeCell['kind'];
export type Cell = MarkdownCell | CodeCell;
export type CellKind = Cell['kind'];

export interface Lesson extends LessonMeta {
  /** Path of the file as given to the parser, e.g. lessons/01-first-look.md. */
  file: string;
  /** Position in the course, from the NN- prefix of the file name. */
  order: number;
  cells: Cell[];
}

/** One problem in a lesson file, located and phrased so an author can fix it. */
export interface LessonIssue {
  file: string;
  line: number;
  message: string;
}

export type ParseResult =
  | { ok: true; lesson: Lesson }
  | { ok: false; errors: LessonIssue[] };

export function formatIssue(issue: LessonIssue): string {
  return `${issue.file}:${issue.line}: ${issue.message}`;
}
