// What an exercise check tells the learner. Each item has a machine `code`,
// the `params` a catalog needs to phrase it, and the English `message`
// rendered from messages.en.ts. A translation is another catalog of the same
// type: renderFeedback(item, ko).
//
// Params hold language-neutral data only: names, counts, and values already
// written as SQL literals ('Seoul', 12.5, NULL) by format.ts.
import type { ResultSet } from '../../sql/types';
import type { ErrorTip } from './error-tips';
import { en } from './messages.en';

/** What a comparison is about: the learner's last result, or a table (`table` set). */
export interface Subject {
  table?: string;
}

/** The author's own words from the check's `message` option. */
interface Note {
  note?: string;
}

/** A value of the learner's, written as a SQL literal, with how often it occurs. */
export interface CountedValue {
  value: string;
  count: number;
}

/** How a value is stored, in the words the messages use. */
export type ValueType = 'text' | 'number' | 'blob';

export interface FeedbackParams {
  /** The learner's code ended with a statement that returns no rows. */
  'no-result': Subject;
  'columns-missing': Subject & { columns: string[] };
  'columns-extra': Subject & { columns: string[] };
  /** Names did not match, but a learner column sits where the expected one should. */
  'column-renamed': Subject & { actual: string; expected: string };
  /** columns: exact, and the name differs only in case. */
  'column-case': Subject & { actual: string; expected: string };
  /** columns: position, and the count differs. */
  'column-count': Subject & { actual: number; expected: number };
  /** column_order: exact, and the columns are right but in another order. */
  'column-order': Subject & { expected: string[] };
  /** Added to renamed columns when every value matched. */
  'names-only': Subject;
  /** Solution rows the learner lacks. `keys` describe some of them by the check's key columns, e.g. "city = 'Daegu'". */
  'rows-missing': Subject & { count: number; expected: number; keys: string[] };
  /** Learner rows the solution lacks; `examples` are learner rows as SQL tuples. */
  'rows-extra': Subject & { count: number; examples: string[] };
  /** Distinct learner rows that are right but appear more often than in the solution; example counts are the learner's. */
  'rows-repeated': Subject & { count: number; examples: CountedValue[] };
  /** Rows that match on every other column but differ in this one. `where` describes the learner's row. */
  'column-values': Subject & { column: string; count: number; examples: Array<{ where: string; yours: string }> };
  /**
   * Learner rows whose `key` values match a solution row but whose other
   * values differ in more than one column. `columns` counts the rows that
   * differ in each, most first; `examples` show the learner's values only.
   */
  'row-values': Subject & {
    key: string[];
    count: number;
    columns: Array<{ column: string; count: number }>;
    /** `more`: how many other columns of that row differ but are not listed. */
    examples: Array<{ where: string; values: Array<{ column: string; value: string }>; more: number }>;
  };
  /** As column-values, but every difference is the same value stored as another type ('12' against 12). */
  /** `mixed`: the solution's column itself holds both text and numbers, so converting it all is wrong too. */
  /** `js`: the exercise is JavaScript, so the fix is Number() or String(), not CAST. */
  'column-type': Subject & { column: string; actual: ValueType; expected: ValueType; example: string; mixed?: boolean; js?: boolean };
  /** More rows than the checker reads (CHECK_ROWS); the solution never has that many. */
  'too-many-rows': Subject & { count: number; limit: number };
  /** order: exact, the rows are right, and row `row` (1-based) is the first out of place. */
  'wrong-order': Subject & { row: number };
  'table-missing': { table: string };
  'column-missing': { table: string; column: string };
  unique: Note & { table: string; columns: string[]; count: number; examples: CountedValue[] };
  'not-null': Note & { table: string; column: string; count: number };
  /** `count` distinct values that are not accepted, in `rows` rows. */
  'accepted-values': Note & { table: string; column: string; count: number; rows: number; examples: CountedValue[] };
  /** `count` distinct values without a match, in `rows` rows. */
  relationships: Note & { table: string; column: string; to: string; field: string; count: number; rows: number; examples: CountedValue[] };
  'row-count': Note & { table: string; count: number; min?: number; max?: number };
  'no-rows': Note & { count: number };
  /**
   * A pipeline_state check: on `days` (day, what was found) the task's
   * instance (or the table's partition) is not `expected`; `of` names it.
   * `found` is a state, a partition status, 'no run', 'N tries' or 'N rows'.
   */
  'pipeline-state': Note & { of: { task: string } | { table: string }; expected: string; total: number; days: Array<{ ds: string; found: string }> };
  /** A pipeline_state check on an attempt that produced no pipeline (not a pipeline cell). */
  'pipeline-missing': Record<string, never>;
  /** `tip`: how to get past an error SQLite words unhelpfully (error-tips.ts). */
  'learner-error': { message: string; statement?: number; tip?: ErrorTip };
  /**
   * The second run of the learner's code (an `idempotent` check) left the
   * table with other rows than the first: `more`/`fewer` rows in all, and
   * `changed` rows replaced by others. `examples` are learner rows as SQL
   * tuples: new ones after the second run, or with `gone`, rows it removed.
   */
  'rerun-changed': Note & { table: string; more: number; fewer: number; changed: number; examples: string[]; gone?: boolean };
  /** The second run left the table without it (`columns` unset) or with other columns. */
  'rerun-schema': Note & { table: string; columns?: string[] };
  /** The second run of the learner's code failed; as learner-error. */
  'rerun-error': Note & { message: string; statement?: number; tip?: ErrorTip };
  /** A `reads` check: the answer read `tables`, which are not among the `allowed` ones (nor written by it). */
  'reads-forbidden': Note & { tables: string[]; allowed: string[] };
  /** The answer passed on the lesson's data but not on the hidden second data set; what differs follows as 'on-variant' items. */
  'variant-differs': Record<string, never>;
  /** One difference found on the second data set, with every value of its rows left out. */
  'on-variant': { detail: Feedback };
  stopped: Record<string, never>;
  /** The lesson's solution failed or gave nothing to compare: a bug in the lesson. */
  'solution-error': { message: string };
  /** A check's own SQL failed on the learner's tables. */
  'check-error': { message: string };
  /** The database could not be copied before the attempt, so it was not run. */
  'cannot-isolate': { message: string };
}

export type FeedbackCode = keyof FeedbackParams;

export interface FeedbackOf<C extends FeedbackCode> {
  code: C;
  params: FeedbackParams[C];
  /** English, from messages.en.ts. */
  message: string;
  /** A few of the learner's own rows behind the problem, to show as a small table. Never solution rows. */
  examples?: ResultSet;
}

/** One thing the learner should know about the attempt. */
export type Feedback = { [C in FeedbackCode]: FeedbackOf<C> }[FeedbackCode];

/** A message catalog: one function per code. */
export type FeedbackCatalog = { readonly [C in FeedbackCode]: (params: FeedbackParams[C]) => string };

export function feedback<C extends FeedbackCode>(code: C, params: FeedbackParams[C], examples?: ResultSet): FeedbackOf<C> {
  const message = (en[code] as (p: FeedbackParams[C]) => string)(params);
  return examples === undefined ? { code, params, message } : { code, params, message, examples };
}

/** The item's message in another catalog (the English one is already in `message`). */
export function renderFeedback(item: Feedback, catalog: FeedbackCatalog = en): string {
  return (catalog[item.code] as (p: typeof item.params) => string)(item.params);
}
