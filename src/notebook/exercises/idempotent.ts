// The `idempotent` check's verdict on one table: its rows after the learner's
// code ran a second time against its rows after the first run. Pure: no engine.
//
// compareResults is not used: it speaks of a solution's "expected rows",
// counts the first run's rows as missing without showing them, and reads a
// row loaded twice as a DISTINCT or join mistake. Here both sides are the
// learner's own rows, so either may be shown, and the question is only what
// the second run added, removed or replaced.
import { DEFAULT_COMPARE_OPTIONS } from '../../lesson/types';
import type { ResultSet } from '../../sql/types';
import { MAX_EXAMPLES, pickRows } from './compare';
import { feedback, type Feedback } from './feedback';
import { tuple } from './format';
import { matchRows, type Tolerance } from './match';

// A rerun may sum the same floats in another order (another query plan once
// the table has grown); that noise is not a change.
const TOLERANCE: Tolerance = { absolute: 0, relative: DEFAULT_COMPARE_OPTIONS.relativeTolerance };

/**
 * [] when `second` holds the same rows as `first` (as multisets, over every
 * column, matched by name ignoring case); `second` is undefined when the
 * second run left no such table. `note` is the check's `message`.
 */
export function rerunChanges(table: string, first: ResultSet, second: ResultSet | undefined, note?: string): Feedback[] {
  const noted = note === undefined ? {} : { note };
  if (second === undefined) return [feedback('rerun-schema', { ...noted, table })];

  const positions = first.columns.map((name) => second.columns.findIndex((c) => c.toLowerCase() === name.toLowerCase()));
  if (second.columns.length !== first.columns.length || positions.includes(-1)) {
    return [feedback('rerun-schema', { ...noted, table, columns: [...second.columns] })];
  }

  const before = first.rows;
  const after = second.rows.map((row) => positions.map((p) => row[p] ?? null));
  const all = first.columns.map((_, i) => i);
  const { onlyA: added, onlyB: removed } = matchRows(after, before, all, TOLERANCE);
  if (added.length === 0 && removed.length === 0) return [];

  // A removed row and an added one are counted as one row changed: with no
  // key to pair them by, that is the reading with the fewest changes.
  const changed = Math.min(added.length, removed.length);
  const gone = added.length === 0;
  const shown = (gone ? removed : added).slice(0, MAX_EXAMPLES);
  const source = gone ? first : second;
  const params = {
    ...noted,
    table,
    more: added.length - changed,
    fewer: removed.length - changed,
    changed,
    examples: shown.map((i) => tuple(source.rows[i]!)),
    ...(gone ? { gone } : {}),
  };
  return [feedback('rerun-changed', params, pickRows(source, shown))];
}
