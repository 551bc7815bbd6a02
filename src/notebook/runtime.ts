// The notebook runtime: one lesson's code cells over one SqlEngine. Runs are
// serialised through a queue (SQLite is single-threaded anyway); every state
// change goes through transition() and is announced to subscribers, which
// only render it.
import { isDataNotCached } from '../datasets/not-cached';
import { DatasetLoadError, type LoadFailure } from '../datasets/errors';
import type { LoadProgress } from '../datasets/progress';
import type { CodeCell, Lesson } from '../lesson/types';
import { readSchema, type SchemaInfo } from '../sql/schema';
import { SqlCancelledError, type ResultSet, type SqlEngine, type SqlParams } from '../sql/types';
import { parseChartSpec } from '../charts';
import { allStaleCells, type CellLineage, type DatasetTables } from './lineage';
import { initialCell, isSuccess, transition, type CellEvent, type CellOutput, type CellState } from './cell-state';
import { defaultExecutors, errorOutput, type Executor } from './executors';
import { exerciseMakingMissingTable } from './made-by-exercise';
import { errorTip } from './exercises';
import type { PipelineCommand } from './pipeline-executor';

export type DatasetStatus =
  | { state: 'pending' }
  | { state: 'loading'; progress?: LoadProgress }
  | { state: 'ready' }
  /** `cancelled`: the learner stopped the load; `failure` says why a load failed, when known. */
  | { state: 'error'; message: string; cancelled?: boolean; failure?: LoadFailure; /** A file is not saved for offline use and the network is down. */ notCached?: boolean };

export interface NotebookState {
  cells: readonly CellState[];
  datasets: DatasetStatus;
  /** Id of the cell whose run is under way, if any. */
  running: string | null;
  /** Cells whose input tables another cell rewrote after they ran, top to bottom. */
  staleInputs: readonly string[];
  /** What each cell's last run read and wrote (a failed or rolled-back run has no entry). */
  lineage: ReadonlyMap<string, CellLineage>;
  /** The tables each dataset of the lesson loaded. */
  datasetTables: readonly DatasetTables[];
  /** The database's tables and views, read after the data loaded and after runs that wrote. */
  schema: SchemaInfo | undefined;
}

export interface RuntimeOptions {
  engine: SqlEngine;
  /**
   * Loads the lesson's datasets into the engine; called once, before the first
   * run. May say which tables each dataset made, for the lineage graph.
   */
  loadDatasets: (
    names: string[], engine: SqlEngine, onProgress?: (progress: LoadProgress) => void,
  ) => Promise<void | readonly DatasetTables[]>;
  executors?: Partial<Record<CodeCell['kind'], Executor>>;
  now?: () => number;
}

interface QueuedRun {
  cellId: string;
  runId: number;
  /** Runs queued together by runAll(); an error withdraws the rest of its batch. */
  batch: number;
  /** A pipeline view's control: continue the cell's last simulation instead of starting over. */
  command?: PipelineCommand;
}

type Listener = (state: NotebookState) => void;

export class NotebookRuntime {
  private cells: CellState[];
  /** The lesson's code cells by id; markdown cells never run. */
  private codeCells = new Map<string, CodeCell>();
  private datasets: DatasetStatus = { state: 'pending' };
  private datasetsReady?: Promise<void>;
  private queue: QueuedRun[] = [];
  private current: QueuedRun | null = null;
  private draining = false;
  private nextRunId = 1;
  private nextBatch = 1;
  private listeners = new Set<Listener>();
  private lineage = new Map<string, CellLineage>();
  private runSeq = 0;
  private staleInputs: readonly string[] = [];
  private datasetTables: readonly DatasetTables[] = [];
  private schema: SchemaInfo | undefined;
  private abort: AbortController | null = null;
  private waiters = new Map<number, () => void>();
  private readonly executors: Partial<Record<CodeCell['kind'], Executor>>;
  private readonly now: () => number;

  constructor(
    private readonly lesson: Lesson,
    private readonly options: RuntimeOptions,
  ) {
    const code = lesson.cells.filter((c): c is CodeCell => c.kind !== 'markdown');
    this.cells = code.map((c) => initialCell(c.id, c.source));
    for (const c of code) this.codeCells.set(c.id, c);
    this.executors = options.executors ?? defaultExecutors;
    this.now = options.now ?? (() => performance.now());
  }

  get state(): NotebookState {
    return {
      cells: this.cells,
      datasets: this.datasets,
      running: this.current?.cellId ?? null,
      staleInputs: this.staleInputs,
      lineage: this.lineage,
      datasetTables: this.datasetTables,
      schema: this.schema,
    };
  }

  cell(id: string): CellState | undefined {
    return this.cells.find((c) => c.id === id);
  }

  subscribe(listener: Listener): () => void {
    this.listeners.add(listener);
    listener(this.state);
    return () => this.listeners.delete(listener);
  }

  edit(id: string, source: string): void {
    this.apply(id, { type: 'edit', source });
  }

  /** Queues one cell; resolves when that run has finished or was withdrawn. */
  run(id: string): Promise<void> {
    return this.enqueue([id], this.nextBatch++);
  }

  /**
   * Sends a pipeline view's command (step, clear, backfill, …) to a pipeline
   * cell; it runs in the queue like any run. Resolves when it has finished.
   */
  pipeline(id: string, command: PipelineCommand): Promise<void> {
    return this.enqueue([id], this.nextBatch++, command);
  }

  /** Queues every code cell top to bottom; the first error withdraws the rest. */
  runAll(): Promise<void> {
    return this.enqueue(
      this.cells.map((c) => c.id),
      this.nextBatch++,
    );
  }

  /** Queues every cell whose inputs changed since it ran, top to bottom. */
  runStale(): Promise<void> {
    return this.enqueue([...this.staleInputs], this.nextBatch++);
  }

  /** Withdraws queued runs and stops the one under way; the engine rolls back that cell's changes. */
  async stop(): Promise<void> {
    this.withdraw(() => true);
    if (!this.current) return;
    this.abort?.abort();
    await this.options.engine.cancel();
  }

  /** The first rows of a table, for the schema browser; not a cell run, so nothing is recorded. */
  async preview(sql: string, params?: SqlParams): Promise<ResultSet> {
    return (await this.options.engine.exec(sql, params, { maxRows: 50 })).result;
  }

  /** Loads the lesson's datasets now (runs also do this on demand). */
  prepare(): Promise<void> {
    this.datasetsReady ??= this.loadDatasets();
    return this.datasetsReady;
  }

  /** Stops a dataset load under way; the lesson stays usable and prepare() (or a run) tries again. */
  async cancelDatasets(): Promise<void> {
    if (this.datasets.state !== 'loading') return;
    await this.options.engine.cancel();
  }

  private async loadDatasets(): Promise<void> {
    this.datasets = { state: 'loading' };
    this.emit();
    const onProgress = (progress: LoadProgress): void => {
      if (this.datasets.state !== 'loading') return;
      this.datasets = { state: 'loading', progress };
      this.emit();
    };
    try {
      this.datasetTables = (await this.options.loadDatasets(this.lesson.datasets, this.options.engine, onProgress)) ?? [];
      this.datasets = { state: 'ready' };
      await this.refreshSchema();
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error);
      this.datasets = {
        state: 'error',
        message,
        ...(error instanceof SqlCancelledError ? { cancelled: true } : {}),
        ...(error instanceof DatasetLoadError ? { failure: error.failure } : {}),
        notCached: isDataNotCached(error),
      };
      // A later run may try again, e.g. after a network blip while fetching the files.
      this.datasetsReady = undefined;
    }
    this.emit();
  }

  private enqueue(ids: string[], batch: number, command?: PipelineCommand): Promise<void> {
    const done: Promise<void>[] = [];
    for (const cellId of ids) {
      if (!this.codeCells.has(cellId)) throw new Error(`No code cell with id '${cellId}' in lesson ${this.lesson.id}`);
      const runId = this.nextRunId++;
      this.queue.push({ cellId, runId, batch, ...(command ? { command } : {}) });
      done.push(new Promise((resolve) => this.waiters.set(runId, resolve)));
      this.apply(cellId, { type: 'queue', runId });
    }
    void this.drain();
    return Promise.all(done).then(() => undefined);
  }

  private async drain(): Promise<void> {
    if (this.draining) return;
    this.draining = true;
    try {
      for (let next = this.queue.shift(); next; next = this.queue.shift()) {
        const cell = this.cell(next.cellId);
        // A newer run of the same cell was queued after this one: this one is superseded.
        if (!cell || cell.runId !== next.runId) {
          this.settle(next.runId);
          continue;
        }
        await this.execute(next, cell.source);
      }
    } finally {
      this.draining = false;
    }
  }

  private async execute(item: QueuedRun, source: string): Promise<void> {
    this.current = item;
    this.abort = new AbortController();
    this.apply(item.cellId, { type: 'start', runId: item.runId });
    const started = this.now();
    let output;
    await this.prepare();
    if (this.datasets.state === 'error') {
      output = errorOutput(new Error(`The lesson's data could not be loaded: ${this.datasets.message}`));
    } else {
      const cell = this.codeCells.get(item.cellId)!;
      const kind = cell.kind;
      const executor = this.executors[kind];
      output = executor
        ? await executor(source, {
            engine: this.options.engine,
            resultOf: (id) => this.resultOf(id),
            signal: this.abort.signal,
            cell,
            sourceOf: (id) => this.cell(id)?.source,
            ...(item.command ? { pipeline: { command: item.command, previous: this.cell(item.cellId)?.output } } : {}),
          })
        : errorOutput(new Error(`This version of the workbench cannot run ${kind} cells yet.`));
      if (output.kind === 'exercise' && !output.pass) {
        // An exercise that builds on an unsolved one fails on its missing table: say which one.
        const learnerError = output.learner.kind === 'error' ? [output.learner.message] : [];
        const madeBy = exerciseMakingMissingTable(this.lesson, item.cellId, ...learnerError, ...output.feedback.map((f) => f.message));
        if (madeBy) output = { ...output, madeBy };
      }
      if (output.kind === 'error') {
        const madeBy = exerciseMakingMissingTable(this.lesson, item.cellId, output.message);
        const tip = errorTip(output.message, source);
        if (madeBy) output = { ...output, madeBy };
        if (tip) output = { ...output, tip };
      }
    }
    const elapsedMs = this.now() - started;
    const wrote = this.recordLineage(item.cellId, output);
    if (wrote || output.kind === 'stopped') await this.refreshSchema();
    this.current = null;
    this.abort = null;
    this.apply(item.cellId, { type: 'finish', runId: item.runId, source, output, elapsedMs });
    if (!isSuccess(output)) this.withdraw((q) => q.batch === item.batch);
    else if (output.kind === 'table' || output.kind === 'stream') this.redrawChartsOf(item);
    this.settle(item.runId);
  }

  /** Notes what the run read and wrote and which cells that made stale; true if it wrote tables. */
  private recordLineage(cellId: string, output: CellOutput): boolean {
    const tables = 'tables' in output ? output.tables : undefined;
    if (tables)
      this.lineage.set(cellId, {
        read: tables.read,
        written: tables.written,
        ranAt: ++this.runSeq,
        ...(tables.statements ? { steps: tables.statements } : {}),
      });
    else this.lineage.delete(cellId);
    this.lineage = new Map(this.lineage);
    this.staleInputs = allStaleCells(
      this.cells.map((c) => c.id),
      this.lineage,
    );
    return (tables?.written.length ?? 0) > 0;
  }

  /** Reads the schema again; a failure (the learner pressed Stop meanwhile) keeps the last one. */
  private async refreshSchema(): Promise<void> {
    try {
      this.schema = await readSchema(this.options.engine);
    } catch (error) {
      if (!(error instanceof SqlCancelledError)) throw error;
    }
  }

  private resultOf(cellId: string) {
    const output = this.cell(cellId)?.output;
    return output?.kind === 'table' || output?.kind === 'stream' ? { result: output.result, totalRows: output.totalRows, tables: output.tables } : undefined;
  }

  /** A chart drawn `from` a cell redraws when that cell reruns, if it was drawn before. */
  private redrawChartsOf(item: QueuedRun): void {
    const queued = new Set(this.queue.map((q) => q.cellId));
    const charts = this.cells.filter((c) => {
      if (this.codeCells.get(c.id)?.kind !== 'chart' || !c.output || queued.has(c.id)) return false;
      const parsed = parseChartSpec(c.source);
      return parsed.ok && parsed.spec.from === item.cellId;
    });
    if (charts.length > 0) void this.enqueue(charts.map((c) => c.id), item.batch);
  }

  private withdraw(which: (q: QueuedRun) => boolean): void {
    const keep: QueuedRun[] = [];
    for (const q of this.queue) {
      if (!which(q)) {
        keep.push(q);
        continue;
      }
      this.apply(q.cellId, { type: 'dequeue', runId: q.runId });
      this.settle(q.runId);
    }
    this.queue = keep;
  }

  private settle(runId: number): void {
    this.waiters.get(runId)?.();
    this.waiters.delete(runId);
  }

  private apply(id: string, event: CellEvent): void {
    const index = this.cells.findIndex((c) => c.id === id);
    if (index < 0) return;
    const next = transition(this.cells[index], event);
    if (next === this.cells[index]) return;
    this.cells = this.cells.with(index, next);
    this.emit();
  }

  private emit(): void {
    const state = this.state;
    for (const listener of this.listeners) listener(state);
  }
}
