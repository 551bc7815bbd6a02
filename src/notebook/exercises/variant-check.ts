// The hidden second data set of an exercise check (see README, "Variants"):
// which checks also run there, and how what differs there is told without
// showing a row of it.
import type { ExerciseCell, ExerciseCheck } from '../../lesson/types';
import type { SqlEngine } from '../../sql/types';
import { feedback, type Feedback } from './feedback';

/** How code runs on the variant database (a js exercise needs a sandbox over that engine). */
export interface VariantTarget {
  /** The variant database, in the state the lesson's cells above the exercise leave it. */
  engine: SqlEngine;
  run?: (source: string) => Promise<import('../cell-state').CellOutput>;
}

/** Brings the variant database to where `exercise` starts, or says why it cannot. */
export type VariantSource = (exercise: ExerciseCell) => Promise<VariantTarget | { unavailable: string }>;

export type VariantOutcome =
  /** The exercise says `variant: {off: …}`. */
  | { state: 'off'; reason: string }
  /** Not checked there: no variant was given, the answer already failed, or the variant could not be built. */
  | { state: 'unchecked'; why: string }
  | { state: 'passed' }
  | { state: 'failed'; feedback: Feedback[] };

export function variantOff(exercise: ExerciseCell): string | undefined {
  for (const check of exercise.checks) if (check.kind === 'variant' && check.off !== undefined) return check.off;
  return undefined;
}

/** SQL to run on the variant before the check (`variant: {setup: …}`), joined in check order. */
export function variantSetup(exercise: ExerciseCell): string | undefined {
  const parts = exercise.checks.flatMap((c) => (c.kind === 'variant' && c.setup !== undefined ? [c.setup] : []));
  return parts.length === 0 ? undefined : parts.join(';\n');
}

/**
 * The checks that mean the same on other values: comparisons with the
 * solution and rules. Not a rerun (already judged) or a reads rule (the same
 * code reads the same tables). A row_count's bounds are this data's: an
 * exact one ("exactly what the rules leave") becomes the count the solution's
 * table has there (`counts`), others are left out.
 */
export function variantChecks(checks: readonly ExerciseCheck[], counts: ReadonlyMap<string, number> = new Map()): ExerciseCheck[] {
  return checks.flatMap((c): ExerciseCheck[] => {
    if (c.kind === 'idempotent' || c.kind === 'reads' || c.kind === 'variant') return [];
    if (c.kind !== 'row_count') return [c];
    const count = counts.get(c.table);
    return exactCount(c) && count !== undefined ? [{ ...c, min: count, max: count }] : [];
  });
}

const exactCount = (c: ExerciseCheck): boolean => c.kind === 'row_count' && c.min !== undefined && c.min === c.max;

/** Tables whose exact row_count needs the solution's count on the variant. */
export function exactCountTables(checks: readonly ExerciseCheck[]): string[] {
  return [...new Set(checks.flatMap((c) => (c.kind === 'row_count' && exactCount(c) ? [c.table] : [])))];
}

/** Params that carry the learner's values on the variant; emptied so no row of it is shown. */
const VALUE_LISTS = ['examples', 'keys'] as const;

/** The same item with every value of the variant's rows left out (counts and column names stay). */
export function withoutValues(item: Feedback): Feedback {
  const params: Record<string, unknown> = { ...item.params };
  for (const key of VALUE_LISTS) if (Array.isArray(params[key])) params[key] = [];
  if (item.code === 'column-type') params.example = '…';
  return feedback(item.code, params as never) as Feedback;
}

/** What the learner is told when the answer fails on the variant only. */
export function variantFeedback(items: readonly Feedback[]): Feedback[] {
  return [feedback('variant-differs', {}), ...items.map((detail) => feedback('on-variant', { detail: withoutValues(detail) }))];
}
