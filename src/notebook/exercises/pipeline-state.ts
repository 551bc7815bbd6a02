// The pipeline_state check: judged from the learner's own pipeline run (its
// scheduler state), not against a solution — "the week is materialized",
// "clean succeeded on its third try", "report was upstream_failed".
import type { PipelineStateCheck } from '../../lesson/types';
import { daysBetween } from '../../pipeline/dates';
import { partitionsOf } from '../../pipeline/partitions';
import type { PipelineSpec, PipelineState } from '../../pipeline/types';
import { feedback, type Feedback } from './feedback';

const SHOWN = 4;

export function pipelineStateFeedback(check: PipelineStateCheck, run: { spec: PipelineSpec; state: PipelineState } | undefined): Feedback[] {
  if (run === undefined) return [feedback('pipeline-missing', {})];
  const note = check.message === undefined ? {} : { note: check.message };
  const days = daysBetween(check.from, check.to);
  const wrong: Array<{ ds: string; found: string }> = [];
  if (check.task !== undefined) {
    const expected = check.state ?? `at least ${check.tries} tries`;
    for (const ds of days) {
      const ti = run.state.runs.find((r) => r.ds === ds)?.instances.find((i) => i.task === check.task);
      if (!ti) {
        wrong.push({ ds, found: 'no run' });
        continue;
      }
      if (check.state !== undefined && ti.state !== check.state) wrong.push({ ds, found: ti.tryNumber > 1 ? `${ti.state} after ${ti.tryNumber} tries` : ti.state });
      else if (check.tries !== undefined && ti.tryNumber < check.tries) wrong.push({ ds, found: `${ti.tryNumber} ${ti.tryNumber === 1 ? 'try' : 'tries'}` });
    }
    return verdict(wrong, { task: check.task }, expected, note);
  }
  const table = check.table ?? '';
  const strip = partitionsOf(run.spec, run.state).find((t) => t.table.toLowerCase() === table.toLowerCase());
  const expected = check.partitions ?? `${check.rows} rows`;
  for (const ds of days) {
    const p = strip?.partitions.find((x) => x.ds === ds);
    if (!p) {
      wrong.push({ ds, found: strip ? 'outside the schedule' : 'no task writes this table' });
      continue;
    }
    if (check.partitions !== undefined && p.status !== check.partitions) wrong.push({ ds, found: p.status });
    else if (check.rows !== undefined && p.rows !== check.rows) wrong.push({ ds, found: `${p.rows ?? 0} rows` });
  }
  return verdict(wrong, { table }, expected, note);
}

function verdict(wrong: Array<{ ds: string; found: string }>, of: { task: string } | { table: string }, expected: string, note: { note?: string }): Feedback[] {
  if (wrong.length === 0) return [];
  return [feedback('pipeline-state', { ...note, of, expected, total: wrong.length, days: wrong.slice(0, SHOWN) })];
}
