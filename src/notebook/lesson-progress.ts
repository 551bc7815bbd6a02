// The glue between one open lesson's runtime and the learner's saved work: it
// puts saved code into the runtime before the learner can type, saves every
// edit, records exercise attempts when a run of an exercise finishes, and
// keeps what the UI shows of all that (exercise progress, conflicts with a
// changed lesson file) as one state with a subscribe. The UI renders it and
// calls its methods; it asks the learner (confirmations) itself.
import type { ExerciseCell, Lesson } from '../lesson/types';
import { originalsOf, type ExerciseProgress, type LessonWork, type ProgressStore, type ResetDescription } from '../progress';
import type { CellOutput } from './cell-state';
import type { NotebookRuntime, NotebookState } from './runtime';

/** What an exercise cell shows of the learner's saved progress. */
export interface ExerciseProgressView {
  passed: boolean;
  attempts: number;
  hintsShown: number;
  solutionSeen: boolean;
}

/** The lesson's code for a cell changed since the learner's copy was started. */
export interface CellConflict {
  cellId: string;
  /** The lesson's code the learner's copy was based on. */
  savedOriginal: string;
  /** The lesson's code now. */
  currentOriginal: string;
}

/** The learner's code for a cell the lesson no longer has. */
export interface OrphanedCode {
  cellId: string;
  code: string;
}

export type LessonProgressState =
  | { phase: 'loading' }
  /** The saved work could not be read; the lesson's code must not be shown in its place. */
  | { phase: 'failed'; message: string }
  | {
      phase: 'ready';
      exercises: ReadonlyMap<string, ExerciseProgressView>;
      conflicts: ReadonlyMap<string, CellConflict>;
      orphans: readonly OrphanedCode[];
    };

type Listener = (state: LessonProgressState) => void;

const NO_PROGRESS: ExerciseProgressView = { passed: false, attempts: 0, hintsShown: 0, solutionSeen: false };

export function exerciseView(record: ExerciseProgress | undefined): ExerciseProgressView {
  if (!record) return NO_PROGRESS;
  return { passed: record.passed, attempts: record.attempts, hintsShown: record.hintsRevealed, solutionSeen: record.solutionSeen };
}

export class LessonProgress {
  private state: LessonProgressState = { phase: 'loading' };
  private readonly listeners = new Set<Listener>();
  private readonly originals: Map<string, string>;
  private readonly exerciseCells: Map<string, ExerciseCell>;
  /** Each exercise cell's output object as last seen, to notice a run that finished. */
  private readonly seenOutputs = new Map<string, CellOutput | undefined>();
  private readonly unsubscribeRuntime: () => void;
  /** Exercise events go to the store one after another, so counts and views stay in order. */
  private queue: Promise<unknown> = Promise.resolve();
  private loading: Promise<void> | null = null;
  private disposed = false;

  constructor(
    private readonly store: ProgressStore,
    readonly lesson: Lesson,
    private readonly runtime: NotebookRuntime,
  ) {
    this.originals = originalsOf(lesson);
    this.exerciseCells = new Map(
      lesson.cells.filter((c): c is ExerciseCell => c.kind === 'exercise').map((c) => [c.id, c]),
    );
    for (const id of this.exerciseCells.keys()) this.seenOutputs.set(id, runtime.cell(id)?.output);
    this.unsubscribeRuntime = runtime.subscribe((state) => this.onRuntimeState(state));
  }

  get current(): LessonProgressState {
    return this.state;
  }

  /** Calls listener now and on every change; returns an unsubscribe function. */
  subscribe(listener: Listener): () => void {
    this.listeners.add(listener);
    listener(this.state);
    return () => this.listeners.delete(listener);
  }

  /** Resolves once the saved work is in the runtime (or failed to load); the first call loads it. */
  load(): Promise<void> {
    this.loading ??= this.reload();
    return this.loading;
  }

  /**
   * Reads the saved work again and puts it into every cell: the learner's code where
   * there is some, the lesson's code elsewhere. After an import, a reset or erase.
   */
  async reload(): Promise<void> {
    let work: LessonWork;
    try {
      work = await this.store.loadLesson(this.lesson.id, this.originals);
    } catch (error) {
      this.set({ phase: 'failed', message: error instanceof Error ? error.message : String(error) });
      return;
    }
    if (this.disposed) return;
    const conflicts = new Map<string, CellConflict>();
    const orphans: OrphanedCode[] = [];
    for (const [cellId, original] of this.originals) {
      this.runtime.edit(cellId, work.edits.get(cellId)?.code ?? original);
    }
    for (const [cellId, edit] of work.edits) {
      if (edit.conflict?.kind === 'changed') {
        conflicts.set(cellId, { cellId, savedOriginal: edit.conflict.savedOriginal, currentOriginal: edit.conflict.currentOriginal });
      } else if (edit.conflict?.kind === 'removed' || !this.originals.has(cellId)) {
        orphans.push({ cellId, code: edit.code });
      }
    }
    const exercises = new Map<string, ExerciseProgressView>();
    for (const id of this.exerciseCells.keys()) exercises.set(id, exerciseView(work.exercises.get(id)));
    this.set({ phase: 'ready', exercises, conflicts, orphans });
  }

  /** The learner typed in a cell. */
  edit(cellId: string, code: string): void {
    const original = this.originals.get(cellId);
    if (original === undefined) return;
    this.runtime.edit(cellId, code);
    this.store.saveEdit(this.lesson.id, cellId, code, original);
  }

  /** The learner's code for a cell as it is now (saved or not), or the lesson's code. */
  codeOf(cellId: string): string | undefined {
    return this.runtime.cell(cellId)?.source;
  }

  /** The lesson file's code for a cell; undefined when the lesson has no such code cell. */
  originalOf(cellId: string): string | undefined {
    return this.originals.get(cellId);
  }

  /** The learner has code of their own in the cell that differs from `code` (and from the lesson's). */
  wouldReplaceOwnCode(cellId: string, code: string): boolean {
    const mine = this.codeOf(cellId);
    return mine !== undefined && mine !== this.originals.get(cellId) && mine !== code;
  }

  describeResetCell(cellId: string): Promise<ResetDescription> {
    return this.store.describeReset({ kind: 'cell', lessonId: this.lesson.id, cellId });
  }

  describeResetLesson(): Promise<ResetDescription> {
    return this.store.describeReset({ kind: 'lesson', lessonId: this.lesson.id });
  }

  /** Puts the lesson's code back in the cell and deletes the learner's copy; exercise progress stays. */
  async resetCell(cellId: string): Promise<void> {
    await this.store.resetCell(this.lesson.id, cellId);
    const original = this.originals.get(cellId);
    if (original !== undefined) this.runtime.edit(cellId, original);
    this.update((s) => ({
      ...s,
      conflicts: without(s.conflicts, cellId),
      orphans: s.orphans.filter((o) => o.cellId !== cellId),
    }));
  }

  /** Conflict: take the lesson's new code (the learner's copy is deleted). */
  takeNew(cellId: string): Promise<void> {
    return this.resetCell(cellId);
  }

  /** Conflict: keep the learner's code, now based on the lesson's new code. */
  async keepMine(cellId: string): Promise<void> {
    const original = this.originals.get(cellId);
    if (original === undefined) return;
    await this.store.keepMine(this.lesson.id, cellId, original);
    this.update((s) => ({ ...s, conflicts: without(s.conflicts, cellId) }));
  }

  /** Deletes the lesson's saved code and exercise progress, and shows the lesson's code again. */
  async resetLesson(): Promise<void> {
    await this.store.resetLesson(this.lesson.id);
    await this.reload();
  }

  /** Puts code into a cell as the learner's own (a shared link); the caller asked first if that replaces theirs. */
  applyCode(cellId: string, code: string): boolean {
    if (!this.originals.has(cellId)) return false;
    this.edit(cellId, code);
    this.update((s) => ({ ...s, conflicts: without(s.conflicts, cellId) }));
    return true;
  }

  /** Reveals the next hint of an exercise; returns how many are shown. */
  revealHint(cellId: string): Promise<number> {
    const cell = this.exerciseCells.get(cellId);
    if (!cell) return Promise.resolve(0);
    return this.exerciseEvent(cellId, (shown) => {
      if (shown.hintsShown >= cell.hints.length) return null;
      return this.store.recordHintRevealed(this.lesson.id, cellId, shown.hintsShown);
    }).then((view) => view.hintsShown);
  }

  /** Shows an exercise's solution; the UI allows this only after a try and a confirmation. */
  async revealSolution(cellId: string): Promise<void> {
    if (!this.exerciseCells.has(cellId)) return;
    await this.exerciseEvent(cellId, () => this.store.markSolutionSeen(this.lesson.id, cellId));
  }

  /** Resolves when every exercise event so far has been recorded. */
  settled(): Promise<void> {
    return this.queue.then(() => undefined);
  }

  dispose(): void {
    this.disposed = true;
    this.unsubscribeRuntime();
    this.listeners.clear();
  }

  private onRuntimeState(state: NotebookState): void {
    for (const cell of state.cells) {
      if (!this.exerciseCells.has(cell.id)) continue;
      const output = cell.output;
      if (output === this.seenOutputs.get(cell.id)) continue;
      this.seenOutputs.set(cell.id, output);
      if (output?.kind !== 'exercise') continue;
      const passed = output.pass;
      void this.exerciseEvent(cell.id, async () => {
        const record = await this.store.recordAttempt(this.lesson.id, cell.id);
        return passed ? this.store.markPassed(this.lesson.id, cell.id) : record;
      });
    }
  }

  /** Runs one store event for an exercise after the ones before it, then shows its result. */
  private exerciseEvent(
    cellId: string,
    event: (shown: ExerciseProgressView) => Promise<ExerciseProgress> | null,
  ): Promise<ExerciseProgressView> {
    const next = this.queue.then(async () => {
      if (this.loading) await this.loading;
      const shown = this.viewOf(cellId);
      const pending = event(shown);
      if (!pending) return shown;
      const view = exerciseView(await pending);
      this.update((s) => ({ ...s, exercises: new Map(s.exercises).set(cellId, view) }));
      return view;
    });
    // One failed write must not stop the events after it; the store's status says why.
    this.queue = next.catch(() => undefined);
    return next;
  }

  private viewOf(cellId: string): ExerciseProgressView {
    return this.state.phase === 'ready' ? (this.state.exercises.get(cellId) ?? NO_PROGRESS) : NO_PROGRESS;
  }

  private update(change: (state: Extract<LessonProgressState, { phase: 'ready' }>) => LessonProgressState): void {
    if (this.state.phase === 'ready') this.set(change(this.state));
  }

  private set(state: LessonProgressState): void {
    if (this.disposed) return;
    this.state = state;
    for (const listener of this.listeners) listener(state);
  }
}

function without<V>(map: ReadonlyMap<string, V>, key: string): ReadonlyMap<string, V> {
  if (!map.has(key)) return map;
  const next = new Map(map);
  next.delete(key);
  return next;
}
