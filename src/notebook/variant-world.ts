// The lesson replayed on the hidden variant data set, for exercise checks:
// its own engine loads the variant's files, and the cells above an exercise
// run there as the lesson wrote them (an exercise above runs its solution),
// so an exercise over tables the lesson built meets the same tables with
// other values. The state at each exercise is kept as a snapshot: the first
// check of an exercise pays for the replay, later ones only for a restore.
import type { CodeCell, ExerciseCell, Lesson } from '../lesson/types';
import type { SqlEngine } from '../sql/types';
import type { CellOutput } from './cell-state';
import { defaultExecutors, runSql, type Executor } from './executors';
import type { VariantSource, VariantTarget } from './exercises/variant-check';
import { NotebookRuntime, type RuntimeOptions } from './runtime';

export interface VariantWorldOptions {
  /** A fresh database for the variant, opened on the first check. */
  createEngine: () => Promise<SqlEngine> | SqlEngine;
  /** Loads the lesson's datasets from the variant's files into the engine. */
  loadDatasets: RuntimeOptions['loadDatasets'];
  /** Executors of other kinds over the variant engine (a js sandbox bound to it); sql and chart are built in. */
  executors?: (engine: SqlEngine) => Partial<Record<CodeCell['kind'], Executor>>;
}

/** Cells that change nothing a later check reads: not replayed. */
const NOT_REPLAYED: ReadonlySet<CodeCell['kind']> = new Set(['chart']);

export class VariantWorld {
  private engine?: SqlEngine;
  private runtime?: NotebookRuntime;
  private executors: Partial<Record<CodeCell['kind'], Executor>> = {};
  private readonly cells: CodeCell[];
  /** Index into `cells` the replay has reached, and the database there. */
  private reached = 0;
  private reachedState?: Uint8Array;
  private readonly snapshots = new Map<string, Uint8Array>();
  /**
   * Cells that failed on the variant, by id, with why: the replay goes on past
   * them, as a lesson run does, and lessons:check reports those that pass on
   * the lesson's data.
   */
  readonly failures = new Map<string, string>();
  private queue: Promise<unknown> = Promise.resolve();

  constructor(
    private readonly lesson: Lesson,
    private readonly options: VariantWorldOptions,
  ) {
    this.cells = lesson.cells.filter((c): c is CodeCell => c.kind !== 'markdown');
  }

  /** For CheckOptions.variant. */
  readonly source: VariantSource = (exercise) => {
    const next = this.queue.then(() => this.at(exercise));
    this.queue = next.catch(() => undefined);
    return next;
  };

  close(): void {
    this.engine?.close();
  }

  private async at(exercise: ExerciseCell): Promise<VariantTarget | { unavailable: string }> {
    const index = this.cells.findIndex((c) => c.id === exercise.id);
    if (index < 0) return { unavailable: `exercise '${exercise.id}' is not in lesson ${this.lesson.id}` };
    try {
      const engine = await this.open();
      const kept = this.snapshots.get(exercise.id);
      if (kept !== undefined) {
        await engine.restore(kept);
        return this.target(engine, exercise);
      }
      if (index < this.reached) return { unavailable: `the replay on the second data set passed '${exercise.id}' without keeping it` };
      if (this.reachedState !== undefined) await engine.restore(this.reachedState);
      const runtime = this.runtime!;
      for (let i = this.reached; i < index; i++) {
        const cell = this.cells[i]!;
        if (cell.kind === 'exercise') this.snapshots.set(cell.id, await engine.snapshot());
        if (NOT_REPLAYED.has(cell.kind)) continue;
        await runtime.run(cell.id);
        const why = failure(runtime.cell(cell.id)?.output);
        if (why !== undefined) this.failures.set(cell.id, why);
      }
      const state = await engine.snapshot();
      this.snapshots.set(exercise.id, state);
      this.reached = index;
      this.reachedState = state;
      return this.target(engine, exercise);
    } catch (error) {
      return { unavailable: `the second data set could not be prepared: ${error instanceof Error ? error.message : String(error)}` };
    }
  }

  private target(engine: SqlEngine, exercise: ExerciseCell): VariantTarget {
    const js = this.executors.js;
    return { engine, run: exercise.language === 'js' && js ? (code: string) => js(code, { engine, cell: exercise }) : undefined };
  }

  private async open(): Promise<SqlEngine> {
    if (this.engine !== undefined) return this.engine;
    const engine = await this.options.createEngine();
    this.executors = this.options.executors?.(engine) ?? {};
    const js = this.executors.js;
    // An exercise above runs its own solution, as a learner who solved it left the database.
    const solved: Executor = (_source, ctx) => {
      const cell = ctx.cell;
      if (cell?.kind !== 'exercise') return Promise.resolve({ kind: 'error', message: 'Not an exercise cell.' });
      if (cell.language === 'js') return js ? js(cell.solution, ctx) : Promise.resolve({ kind: 'error', message: 'JavaScript cannot run on the second data set here.' });
      return runSql(cell.solution, ctx);
    };
    const runtime = new NotebookRuntime(this.lesson, {
      engine,
      loadDatasets: this.options.loadDatasets,
      executors: { ...defaultExecutors, ...this.executors, exercise: solved },
    });
    await runtime.prepare();
    const { datasets } = runtime.state;
    if (datasets.state === 'error') {
      engine.close();
      throw new Error(datasets.message);
    }
    this.engine = engine;
    this.runtime = runtime;
    return engine;
  }
}

function failure(output: CellOutput | undefined): string | undefined {
  switch (output?.kind) {
    case undefined:
      return 'it did not run';
    case 'error':
      return output.message;
    case 'stopped':
      return 'it was stopped';
    case 'js':
      return output.failed ? 'its JavaScript failed' : undefined;
    default:
      return undefined;
  }
}
