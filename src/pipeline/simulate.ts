// What running a pipeline cell does: play the whole schedule to its end, then
// the spec's `then:` actions (backfill, clear, trigger), as the view's buttons
// would. The same function serves the notebook, lessons:check and exercises.
import { Scheduler } from './scheduler';
import type { TaskRunner } from './runner';
import type { PipelineSpec, PipelineState } from './types';

export async function simulate(spec: PipelineSpec, runner: TaskRunner, onChange?: (s: PipelineState) => void): Promise<Scheduler> {
  const scheduler = new Scheduler(spec, runner, onChange);
  await scheduler.runToEnd();
  for (const action of spec.then) {
    if (action.kind === 'backfill') await scheduler.backfill(action.start, action.end, action.mode);
    else if (action.kind === 'clear') await scheduler.clear(action.task, action.ds, action.downstream);
    else await scheduler.trigger(action.ds);
  }
  return scheduler;
}
