// How a pipeline cell runs. Shift+Enter plays the whole schedule on the
// simulated clock (then the spec's `then:` actions); the view's controls send
// commands (step one run, reset, clear, backfill, trigger) that continue the
// same session, queued like any run so SQLite still sees one thing at a time.
import { parsePipelineSpec, Scheduler, simulate, type BackfillMode, type PipelineSpec } from '../pipeline';
import type { CellOutput } from './cell-state';
import type { Executor, ExecContext } from './executors';
import { engineRunner } from './pipeline-runner';

export type PipelineCommand =
  /** Forget the runs and switch the pipeline on again, to play it day by day. */
  | { kind: 'reset' }
  /** The next scheduled run (and the retries due before the one after it). */
  | { kind: 'step' }
  | { kind: 'clear'; task: string; ds: string; downstream: boolean }
  | { kind: 'backfill'; start: string; end: string; mode: BackfillMode }
  | { kind: 'trigger'; ds: string };

/** The live scheduler behind a pipeline output, and the spec text it was made from. */
export interface PipelineSession {
  scheduler: Scheduler;
  source: string;
}

/** Reads the spec and puts the SQL of `sql_from` cells in place; a message per problem. */
export function readPipeline(source: string, sourceOf?: (cellId: string) => string | undefined): { spec: PipelineSpec } | { errors: string[] } {
  const parsed = parsePipelineSpec(source);
  if (!parsed.ok) return { errors: parsed.errors.map((e) => `line ${e.line}: ${e.message}`) };
  const errors: string[] = [];
  const tasks = parsed.spec.tasks.map((task) => {
    if (task.sqlFrom === undefined) return task;
    const sql = sourceOf?.(task.sqlFrom);
    if (sql === undefined) {
      errors.push(`line ${task.line}: task '${task.id}' takes its SQL from cell '${task.sqlFrom}', which is no cell of this lesson`);
      return task;
    }
    return { ...task, sql };
  });
  return errors.length > 0 ? { errors } : { spec: { ...parsed.spec, tasks } };
}

export function pipelineOutput(session: PipelineSession): CellOutput {
  const state = session.scheduler.snapshot;
  const read = new Set<string>();
  const written = new Set<string>();
  for (const run of state.runs) {
    for (const ti of run.instances) {
      for (const a of ti.attempts) {
        a.read.forEach((t) => read.add(t));
        a.written.forEach((t) => written.add(t));
      }
    }
  }
  return { kind: 'pipeline', spec: session.scheduler.spec, state, session, tables: { read: [...read].sort(), written: [...written].sort() } };
}

export async function runPipeline(source: string, ctx: ExecContext, command?: PipelineCommand, previous?: CellOutput): Promise<CellOutput> {
  const read = readPipeline(source, ctx.sourceOf);
  if ('errors' in read) return { kind: 'error', message: read.errors.join('\n') };
  const runner = engineRunner(ctx.engine);
  const current = previous?.kind === 'pipeline' && previous.session.source === source ? previous.session : undefined;
  if (command === undefined || command.kind === 'reset' || current === undefined) {
    const scheduler = command?.kind === 'reset' ? new Scheduler(read.spec, runner) : await simulate(read.spec, runner);
    return pipelineOutput({ scheduler, source });
  }
  const s = current.scheduler;
  switch (command.kind) {
    case 'step':
      await s.stepRun();
      break;
    case 'clear':
      await s.clear(command.task, command.ds, command.downstream);
      break;
    case 'backfill':
      await s.backfill(command.start, command.end, command.mode);
      break;
    case 'trigger':
      await s.trigger(command.ds);
      break;
  }
  return pipelineOutput(current);
}

export const runPipelineCell: Executor = (source, ctx) => runPipeline(source, ctx, ctx.pipeline?.command, ctx.pipeline?.previous);
