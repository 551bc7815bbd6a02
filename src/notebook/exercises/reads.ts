// The `reads` check: an answer may read only the tables the task names (and
// tables it writes itself), judged from the engine's lineage of the run, not
// from the SQL text.
import type { ReadsCheck } from '../../lesson/types';
import type { CellOutput } from '../cell-state';
import { feedback, type Feedback } from './feedback';

/** Lineage names a TEMP table as temp.<name>; the author writes <name>. */
const bare = (name: string): string => name.toLowerCase().replace(/^temp\./, '');

/** The tables the run read that it may not have, as the lineage names them. */
export function forbiddenReads(check: ReadsCheck, output: CellOutput): string[] {
  const tables = 'tables' in output ? output.tables : undefined;
  if (tables === undefined) return [];
  const allowed = new Set([...check.only, ...tables.written].map(bare));
  return tables.read.filter((t) => !allowed.has(bare(t)));
}

export function readsVerdict(check: ReadsCheck, output: CellOutput): Feedback[] {
  const forbidden = forbiddenReads(check, output);
  if (forbidden.length === 0) return [];
  return [feedback('reads-forbidden', { tables: forbidden, allowed: check.only, ...(check.message === undefined ? {} : { note: check.message }) })];
}
