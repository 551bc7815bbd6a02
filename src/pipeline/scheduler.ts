// The scheduler: a deterministic simulation of Airflow's rules on a simulated
// clock. One run per daily interval, created when the interval has ended (at
// the schedule's time of day); task instances run one at a time (SQLite is
// single-threaded) in day order, then dependency order; failures retry after
// retry_delay, and a final failure marks everything downstream
// upstream_failed. No DOM, no wall clock: tests replay it exactly.
import { injectedFailure } from './failures';
import { dayOf, dayStart, daysBetween, MINUTES_PER_DAY, addDays, partitionParams, timestampOf, durationText } from './dates';
import { topoOrder } from './spec';
import type { TaskRunner } from './runner';
import type { Attempt, BackfillMode, DagRun, PipelineSpec, PipelineState, RunType, TaskInstance, TaskSpec } from './types';

/** When the run of day `ds` is due: its interval [ds, ds+1) has ended, at the schedule's time. */
export function triggerTime(spec: PipelineSpec, ds: string): number {
  return dayStart(ds)! + MINUTES_PER_DAY + spec.at;
}

export interface BackfillPlan {
  ds: string;
  /** create: no run yet; rerun: these tasks are cleared and run again; keep: nothing to do. */
  action: 'create' | 'rerun' | 'keep';
  tasks: string[];
}

export class Scheduler {
  private state: PipelineState;
  private readonly order: string[];
  private readonly tasks: Map<string, TaskSpec>;
  /** Tries made before each instance's last clear (Airflow raises max_tries on clear instead). */
  private readonly clearedAt = new Map<string, number>();

  constructor(
    readonly spec: PipelineSpec,
    private readonly runner: TaskRunner,
    private readonly onChange: (state: PipelineState) => void = () => {},
  ) {
    this.order = topoOrder(spec.tasks);
    this.tasks = new Map(spec.tasks.map((t) => [t.id, t]));
    const switchedOn = dayStart(spec.turnedOn)! + spec.at;
    let nextDs: string | undefined = spec.start;
    if (!spec.catchup) {
      // Without catchup only the latest interval that has ended gets a run; older ones never do.
      const due = daysBetween(spec.start, spec.end).filter((ds) => triggerTime(spec, ds) <= switchedOn);
      if (due.length > 1) nextDs = due.at(-1);
    }
    this.state = { clock: switchedOn, nextDs, runs: [] };
  }

  get snapshot(): PipelineState {
    return this.state;
  }

  /** Creates the runs due by now and runs everything runnable, stopping before `limit` (simulated minute). */
  async advanceTo(limit: number, schedule = true): Promise<void> {
    for (;;) {
      if (schedule) this.createDueRuns();
      const next = this.nextRunnable();
      if (next) {
        await this.execute(next.run, next.ti);
        continue;
      }
      const times = [...this.retryTimes()];
      const trigger = schedule ? this.nextTrigger() : undefined;
      if (trigger !== undefined) times.push(trigger);
      const soonest = times.length > 0 ? Math.min(...times) : undefined;
      if (soonest === undefined || soonest > limit) {
        if (Number.isFinite(limit)) this.set({ clock: Math.max(this.state.clock, limit) });
        return;
      }
      this.set({ clock: Math.max(this.state.clock, soonest) });
    }
  }

  /** One scheduled run: advance to the next due run and finish what it (and earlier retries) can do that day. */
  async stepRun(): Promise<void> {
    const trigger = this.nextTrigger();
    if (trigger === undefined) return this.advanceTo(Infinity, false);
    await this.advanceTo(Math.max(trigger, this.state.clock) + MINUTES_PER_DAY - 1);
  }

  /** Plays the whole schedule to its end, and finishes any retries left. */
  async runToEnd(): Promise<void> {
    while (this.nextTrigger() !== undefined) await this.stepRun();
    await this.advanceTo(Infinity, false);
  }

  get done(): boolean {
    return this.nextTrigger() === undefined && this.nextRunnable() === undefined && [...this.retryTimes()].length === 0;
  }

  /** What a backfill of start..end would do, without doing it. */
  previewBackfill(start: string, end: string, mode: BackfillMode): BackfillPlan[] {
    return daysBetween(start, end).map((ds) => {
      const run = this.run(ds);
      if (!run) return { ds, action: 'create', tasks: [...this.order] };
      const tasks = mode === 'all' ? run.instances.map((ti) => ti.task) : run.instances.filter((ti) => ti.state !== 'success' && ti.state !== 'skipped').map((ti) => ti.task);
      const busy = run.instances.some((ti) => ti.state === 'running' || ti.state === 'queued' || ti.state === 'up_for_retry');
      return busy || tasks.length === 0 ? { ds, action: 'keep', tasks: [] } : { ds, action: 'rerun', tasks };
    });
  }

  /** Runs start..end now: missing days get a run; with 'missing', failed tasks rerun; with 'all', every task. */
  async backfill(start: string, end: string, mode: BackfillMode): Promise<BackfillPlan[]> {
    const plan = this.previewBackfill(start, end, mode);
    for (const step of plan) {
      if (step.action === 'create') this.addRun(step.ds, 'backfill');
      else if (step.action === 'rerun') this.clearTasks(step.ds, step.tasks);
    }
    await this.advanceTo(Infinity, false);
    return plan;
  }

  /** Clears one task instance (and, with downstream, everything after it) so it runs again. */
  async clear(task: string, ds: string, downstream: boolean): Promise<void> {
    if (!this.run(ds) || !this.tasks.has(task)) return;
    this.clearTasks(ds, downstream ? [task, ...this.downstreamOf(task)] : [task]);
    await this.advanceTo(Infinity, false);
  }

  /** A manual run of one day; false when that day already has a run (clear it instead). */
  async trigger(ds: string): Promise<boolean> {
    if (this.run(ds)) return false;
    this.addRun(ds, 'manual');
    await this.advanceTo(Infinity, false);
    return true;
  }

  /** Every task that (transitively) runs after `task`, in dependency order. */
  downstreamOf(task: string): string[] {
    const out = new Set<string>();
    for (const id of this.order) {
      if (this.tasks.get(id)!.after.some((up) => up === task || out.has(up))) out.add(id);
    }
    return [...out];
  }

  run(ds: string): DagRun | undefined {
    return this.state.runs.find((r) => r.ds === ds);
  }

  private set(patch: Partial<PipelineState>): void {
    this.state = { ...this.state, ...patch };
    this.onChange(this.state);
  }

  private nextTrigger(): number | undefined {
    const ds = this.state.nextDs;
    return ds === undefined || ds > this.spec.end ? undefined : triggerTime(this.spec, ds);
  }

  private createDueRuns(): void {
    for (let t = this.nextTrigger(); t !== undefined && t <= this.state.clock; t = this.nextTrigger()) {
      const ds = this.state.nextDs!;
      if (!this.run(ds)) this.addRun(ds, 'scheduled', t);
      this.set({ nextDs: addDays(ds, 1) <= this.spec.end ? addDays(ds, 1) : undefined });
    }
  }

  private addRun(ds: string, type: RunType, queuedAt = this.state.clock): void {
    const instances: TaskInstance[] = this.order.map((task) => ({ task, ds, state: 'none', tryNumber: 0, attempts: [] }));
    const run: DagRun = { ds, type, state: 'queued', queuedAt, instances };
    const runs = [...this.state.runs, run].sort((a, b) => (a.ds < b.ds ? -1 : 1));
    this.set({ runs });
    this.promote(run);
  }

  private clearTasks(ds: string, tasks: readonly string[]): void {
    this.updateRun(ds, (run) => {
      for (const ti of run.instances) {
        if (!tasks.includes(ti.task)) continue;
        this.clearedAt.set(`${ds}|${ti.task}`, ti.tryNumber);
        ti.state = 'none';
        delete ti.retryAt;
      }
      run.state = 'queued';
      delete run.end;
    });
    this.promote(this.run(ds)!);
  }

  /** none → scheduled once every upstream succeeded; upstream failed → upstream_failed. */
  private promote(run: DagRun): void {
    this.updateRun(run.ds, (r) => {
      for (const id of this.order) {
        const ti = r.instances.find((i) => i.task === id)!;
        if (ti.state !== 'none') continue;
        const ups = this.tasks.get(id)!.after.map((u) => r.instances.find((i) => i.task === u)!.state);
        if (ups.some((s) => s === 'failed' || s === 'upstream_failed')) ti.state = 'upstream_failed';
        else if (ups.some((s) => s === 'skipped')) ti.state = 'skipped';
        else if (ups.every((s) => s === 'success')) ti.state = 'scheduled';
      }
      const states = r.instances.map((i) => i.state);
      const finished = states.every((s) => s === 'success' || s === 'failed' || s === 'upstream_failed' || s === 'skipped');
      if (finished) {
        r.state = states.some((s) => s === 'failed' || s === 'upstream_failed') ? 'failed' : 'success';
        r.end = this.state.clock;
      } else if (states.some((s) => s !== 'none' && s !== 'scheduled')) r.state = 'running';
    });
  }

  private updateRun(ds: string, change: (run: DagRun) => void): void {
    const runs = this.state.runs.map((r) => {
      if (r.ds !== ds) return r;
      const copy: DagRun = { ...r, instances: r.instances.map((i) => ({ ...i })) };
      change(copy);
      return copy;
    });
    this.set({ runs });
  }

  private nextRunnable(): { run: DagRun; ti: TaskInstance } | undefined {
    for (const run of this.state.runs) {
      for (const ti of run.instances) {
        if (ti.state === 'scheduled' || (ti.state === 'up_for_retry' && (ti.retryAt ?? 0) <= this.state.clock)) return { run, ti };
      }
    }
    return undefined;
  }

  private *retryTimes(): Iterable<number> {
    for (const run of this.state.runs) for (const ti of run.instances) if (ti.state === 'up_for_retry') yield ti.retryAt ?? this.state.clock;
  }

  private async execute(run: DagRun, ti: TaskInstance): Promise<void> {
    const task = this.tasks.get(ti.task)!;
    const key = `${run.ds}|${task.id}`;
    const tryNumber = ti.tryNumber + 1;
    const attemptNo = tryNumber - (this.clearedAt.get(key) ?? 0);
    const started = this.state.clock;
    this.patchTi(run.ds, task.id, { state: 'queued', tryNumber }, (r) => (r.start ??= started));
    this.patchTi(run.ds, task.id, { state: 'running' });
    const params = partitionParams(run.ds);
    const attempt: Attempt = { try: tryNumber, start: started, end: started, ok: false, statements: [], params: { ...params }, partitionRows: {}, changes: 0, read: [], written: [] };

    const injected = injectedFailure(this.spec.failures, task.id, run.ds, attemptNo);
    let minutes = 1;
    if (injected !== undefined) {
      attempt.error = `${injected} (try ${tryNumber}, injected by the spec's failures)`;
    } else if (task.kind === 'sensor') {
      minutes = await this.poke(task, attempt, started);
    } else if (task.kind === 'check') {
      attempt.statements.push(`data test: ${task.check?.kind ?? '?'}`);
      const problems = task.check ? await this.runner.test(task.check) : ['no test'];
      attempt.ok = problems.length === 0;
      if (!attempt.ok) attempt.error = problems.join('\n');
    } else {
      attempt.statements.push(task.sql);
      const out = await this.runner.sql(task.sql, params);
      Object.assign(attempt, { ok: out.ok, changes: out.changes, read: out.read, written: out.written });
      if (out.error !== undefined) attempt.error = out.error;
      minutes = task.duration ?? 1 + Math.ceil(out.changes / 1000);
      if (attempt.ok && task.timeout !== undefined && minutes > task.timeout) {
        attempt.ok = false;
        attempt.error = `timed out after ${durationText(task.timeout)} (this try needed ${durationText(minutes)}); what it wrote before the timeout stays`;
        minutes = task.timeout;
      }
    }
    for (const table of task.writes) attempt.partitionRows[table.table] = await this.runner.partitionRows(table, run.ds);
    const end = Math.max(this.state.clock, started + minutes);
    attempt.end = end;
    this.set({ clock: end });

    const retriesLeft = attemptNo <= task.retries;
    const state = attempt.ok ? 'success' : retriesLeft ? 'up_for_retry' : 'failed';
    this.patchTi(run.ds, task.id, { state, attempts: [...ti.attempts, attempt], ...(state === 'up_for_retry' ? { retryAt: end + task.retryDelay } : {}) });
    this.promote(this.run(run.ds)!);
  }

  /** Poke mode: the sensor holds the (only) worker slot and asks again every poke_interval until timeout. */
  private async poke(task: TaskSpec, attempt: Attempt, started: number): Promise<number> {
    const timeout = task.timeout ?? 360;
    attempt.statements.push(task.sql);
    let pokes = 0;
    for (let elapsed = 0; ; elapsed += task.pokeInterval) {
      const now = timestampOf(started + elapsed);
      attempt.params = { ...attempt.params, now };
      const out = await this.runner.sql(task.sql, { ...partitionParams(dayOf(dayStart(attempt.params.ds!)!)), now });
      pokes++;
      attempt.read = out.read;
      if (!out.ok) {
        attempt.error = out.error;
        break;
      }
      if (out.rows > 0) {
        attempt.ok = true;
        break;
      }
      if (elapsed + task.pokeInterval > timeout) {
        attempt.error = `sensor timed out after ${durationText(timeout)}: ${pokes} pokes at ${durationText(task.pokeInterval)} intervals found no row`;
        break;
      }
    }
    attempt.pokes = pokes;
    return Math.max(1, (pokes - 1) * task.pokeInterval);
  }

  private patchTi(ds: string, task: string, patch: Partial<TaskInstance>, runPatch?: (run: DagRun) => void): void {
    this.updateRun(ds, (run) => {
      const ti = run.instances.find((i) => i.task === task)!;
      Object.assign(ti, patch);
      if (patch.state === 'success' || patch.state === 'failed') delete ti.retryAt;
      if (run.state === 'queued') run.state = 'running';
      runPatch?.(run);
    });
  }
}
