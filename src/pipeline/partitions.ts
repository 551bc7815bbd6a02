// Derived views of a pipeline's state that several consumers share: the
// partition strip, the grid and both as text (for screen readers and tests).
import { daysBetween, durationText } from './dates';
import type { DagRun, PipelineSpec, PipelineState, TiState } from './types';

export type PartitionStatus = 'missing' | 'failed' | 'materialized' | 'running';

export interface Partition {
  ds: string;
  status: PartitionStatus;
  /** Rows in the partition after the last try that wrote it; undefined when no try ran. */
  rows?: number;
  /** The task that writes the table. */
  task: string;
}

export interface TablePartitions {
  table: string;
  partitions: Partition[];
}

/** For each written table, one partition per day from start to end. */
export function partitionsOf(spec: PipelineSpec, state: PipelineState): TablePartitions[] {
  const days = daysBetween(spec.start, spec.end);
  const out: TablePartitions[] = [];
  for (const task of spec.tasks) {
    for (const w of task.writes) {
      const partitions = days.map((ds): Partition => {
        const ti = state.runs.find((r) => r.ds === ds)?.instances.find((i) => i.task === task.id);
        const last = ti?.attempts.at(-1);
        const rows = last?.partitionRows[w.table];
        const base = { ds, task: task.id, ...(rows !== undefined ? { rows } : {}) };
        if (!ti) return { ...base, status: 'missing' };
        if (ti.state === 'success') return { ...base, status: 'materialized' };
        if (ti.state === 'failed' || ti.state === 'upstream_failed') return { ...base, status: 'failed' };
        if (ti.state === 'running' || ti.state === 'queued' || ti.state === 'up_for_retry') return { ...base, status: 'running' };
        return { ...base, status: 'missing' };
      });
      out.push({ table: w.table, partitions });
    }
  }
  return out;
}

/** The state of one task instance, or undefined when that day has no run. */
export function tiState(state: PipelineState, task: string, ds: string): TiState | undefined {
  return state.runs.find((r) => r.ds === ds)?.instances.find((i) => i.task === task)?.state;
}

/** Simulated minutes a run took, from its first task's start to its end (or the clock). */
export function runDuration(run: DagRun, clock: number): number | undefined {
  if (run.start === undefined) return undefined;
  return (run.end ?? clock) - run.start;
}

const SHORT: Record<TiState, string> = {
  none: '.',
  scheduled: 's',
  queued: 'q',
  running: 'r',
  success: 'S',
  failed: 'F',
  up_for_retry: 'R',
  upstream_failed: 'U',
  skipped: 'K',
};

/** The grid as text: one line per task, one cell per run ('S2' = success on try 2). */
export function gridText(spec: PipelineSpec, state: PipelineState): string {
  if (state.runs.length === 0) return 'No runs yet.';
  const lines = [`runs: ${state.runs.map((r) => `${r.ds} ${r.state}${runDuration(r, state.clock) !== undefined ? ` (${durationText(runDuration(r, state.clock)!)})` : ''}`).join('; ')}`];
  for (const task of spec.tasks) {
    const cells = state.runs.map((r) => {
      const ti = r.instances.find((i) => i.task === task.id);
      return ti ? `${r.ds.slice(5)} ${ti.state}${ti.tryNumber > 1 ? ` try ${ti.tryNumber}` : ''}` : `${r.ds.slice(5)} -`;
    });
    lines.push(`${task.id}: ${cells.join(', ')}`);
  }
  return lines.join('\n');
}

/** A compact form for tests: one line per task, one letter per run. */
export function gridLetters(spec: PipelineSpec, state: PipelineState): string {
  return spec.tasks
    .map((t) => `${t.id}: ${state.runs.map((r) => {
      const ti = r.instances.find((i) => i.task === t.id);
      return ti ? SHORT[ti.state] + (ti.tryNumber > 1 ? String(ti.tryNumber) : '') : '-';
    }).join(' ')}`)
    .join('\n');
}

/** The partition strips as text: one line per table. */
export function partitionsText(spec: PipelineSpec, state: PipelineState): string {
  const tables = partitionsOf(spec, state);
  if (tables.length === 0) return 'No task declares writes, so there are no partitions to show.';
  return tables
    .map((t) => `${t.table}: ${t.partitions.map((p) => `${p.ds.slice(5)} ${p.status}${p.rows !== undefined ? ` (${p.rows} rows)` : ''}`).join(', ')}`)
    .join('\n');
}
