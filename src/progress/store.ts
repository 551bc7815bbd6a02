// The progress store: every change lands at once in a layer of pending
// Changes (so reads see it), and is written to storage in one transaction
// after a short debounce, at flush(), or right away for exercise events and
// resets. When storage refuses (full disk, private mode, another tab) the
// changes stay pending, the status says so, and a timer tries again: nothing
// the learner did is dropped. Each edit is also copied at once into a
// synchronous journal (journal.ts), for a page that goes before its write commits.
//
// With no storage at all the same class is the in-memory store.
import { Changes, deleteOp, emptyRecords, updateOp, type Records } from './changes';
import { systemClock, type Clock, type TimerHandle } from './clock';
import { exportFileName, parseProgressFile, serializeProgress } from './export-format';
import { importInto } from './import-records';
import { browserJournalStorage, EditJournal, replayEdit, type Journalled, type JournalStorage } from './journal';
import { browserIndexedDb, type IndexedDbApi } from './idb';
import { connectIndexedDb, type ConnectHandlers, type Persistence } from './idb-persistence';
import { progressMessages } from './messages';
import { cellKey, detectConflict, editAfterSave, exerciseAfter, newExercise, type ExerciseEvent } from './records';
import { summariseProgress } from './summary';
import type {
  ExerciseProgress,
  ExportedProgress,
  ImportMode,
  ImportResult,
  LessonOutline,
  LessonWork,
  LoadedEdit,
  MemoryOnlyReason,
  ProgressStore,
  ProgressSummary,
  ResetDescription,
  ResetScope,
  StatusListener,
  StoreStatus,
} from './types';

export interface StoreOptions {
  clock?: Clock;
  /** Quiet time after the last edit before it is written. */
  debounceMs?: number;
  /** Longest an edit waits while the learner keeps typing. */
  maxWaitMs?: number;
  /** How long after a failed write (or open) to try again. */
  retryMs?: number;
  /** How long opening the database may take before the store starts in memory. */
  openTimeoutMs?: number;
}

export interface IndexedDbStoreOptions extends StoreOptions {
  /** IndexedDB to use; default the browser's. null means "there is none". */
  indexedDb?: IndexedDbApi | null;
  /** Database name; default 'de-workbench'. */
  dbName?: string;
  /** Where the journal of unwritten edits lives; default the browser's localStorage. null: no journal. */
  journal?: JournalStorage | null;
}

export const DEFAULTS = { debounceMs: 300, maxWaitMs: 2000, retryMs: 30_000, openTimeoutMs: 3000 };

/** Reading saved work failed; the message is for the learner. */
export class ProgressStoreError extends Error {
  override name = 'ProgressStoreError';
}

/**
 * The store over the browser's IndexedDB. Resolves once the database is open, or
 * once it is clear that it will not open soon; then the status is memory-only.
 */
export async function openProgressStore(options: IndexedDbStoreOptions = {}): Promise<ProgressStore> {
  const api = options.indexedDb === undefined ? browserIndexedDb() : options.indexedDb;
  if (!api) return createMemoryProgressStore({ ...options, reason: 'unavailable', detail: 'IndexedDB is not available' });
  const journal = new EditJournal(options.journal === undefined ? browserJournalStorage() : options.journal);
  const store = new LayeredProgressStore((handlers) => connectIndexedDb(api, handlers, options.dbName), options, null, journal);
  await store.start();
  return store;
}

/** A store that keeps everything in this tab; its status is always memory-only. */
export function createMemoryProgressStore(
  options: StoreOptions & { reason?: MemoryOnlyReason; detail?: string } = {},
): ProgressStore {
  return new LayeredProgressStore(null, options, { reason: options.reason ?? 'unavailable', detail: options.detail ?? 'no storage' });
}

type Connect = (handlers: ConnectHandlers) => Promise<Persistence>;

interface MemoryCause {
  reason: MemoryOnlyReason;
  detail: string;
}

const errorText = (error: unknown): string =>
  error instanceof Error || error instanceof DOMException ? `${error.name}: ${error.message}` : String(error);

const errorName = (error: unknown): string =>
  typeof error === 'object' && error !== null && 'name' in error ? String((error as { name: unknown }).name) : '';

const isQuota = (error: unknown): boolean =>
  ['QuotaExceededError', 'NS_ERROR_DOM_QUOTA_REACHED'].includes(errorName(error));

class LayeredProgressStore implements ProgressStore {
  private pending: Changes;
  /** The batch being written now; reads still lay it over storage until it is in. */
  private inFlight: Changes | null = null;
  private persistence: Persistence | null = null;
  private connecting: Promise<void> | null = null;
  private flushing: Promise<void> | null = null;
  private memory: MemoryCause | null;
  private flushTimer: TimerHandle | null = null;
  private retryTimer: TimerHandle | null = null;
  private firstUnsavedAt: number | null = null;
  private closed = false;
  private readonly listeners = new Set<StatusListener>();
  private lastStatus = '';
  private readonly clock: Clock;
  private readonly opts: typeof DEFAULTS;
  /** Journal entries that `pending` covers, by cell key: removed once it is written. */
  private pendingJournal = new Map<string, Journalled>();

  constructor(
    private readonly connectFn: Connect | null,
    options: StoreOptions,
    permanent: MemoryCause | null = null,
    private readonly journal = new EditJournal(null),
  ) {
    this.clock = options.clock ?? systemClock;
    this.opts = {
      debounceMs: options.debounceMs ?? DEFAULTS.debounceMs,
      maxWaitMs: options.maxWaitMs ?? DEFAULTS.maxWaitMs,
      retryMs: options.retryMs ?? DEFAULTS.retryMs,
      openTimeoutMs: options.openTimeoutMs ?? DEFAULTS.openTimeoutMs,
    };
    this.pending = new Changes(connectFn === null);
    this.memory = permanent;
  }

  async start(): Promise<void> {
    this.replayJournal();
    await this.connectWithin();
    if (!this.persistence) this.scheduleRetry();
  }

  // ---- status ----

  get status(): StoreStatus {
    if (!this.memory) return { state: 'ok' };
    const { reason, detail } = this.memory;
    return {
      state: 'memory-only',
      reason,
      message: progressMessages.memoryOnly[reason],
      unsaved: this.pending.size + (this.inFlight?.size ?? 0),
      detail,
    };
  }

  onStatus(listener: StatusListener): () => void {
    this.listeners.add(listener);
    listener(this.status);
    return () => this.listeners.delete(listener);
  }

  private emitStatus(): void {
    const status = this.status;
    const text = JSON.stringify(status);
    if (text === this.lastStatus) return;
    this.lastStatus = text;
    for (const listener of this.listeners) listener(status);
  }

  private setMemory(cause: MemoryCause | null): void {
    if (this.connectFn === null) return; // a memory store stays memory-only
    this.memory = cause;
    this.emitStatus();
  }

  // ---- storage ----

  /**
   * Edits an earlier page saved but may not have written, back into pending: reads
   * show them at once, and they are written as soon as the database is open. Each is
   * applied to the record as stored then, where a newer record wins (see replayEdit).
   */
  private replayJournal(): void {
    for (const journalled of this.journal.read()) {
      const { entry } = journalled;
      this.pending.changeEdit(entry.lessonId, entry.cellId, updateOp((prev) => replayEdit(prev, entry), `save:${entry.original}`));
      this.pendingJournal.set(cellKey(entry.lessonId, entry.cellId), journalled);
    }
  }

  /** Opens storage if it is not open and no attempt is under way; waits up to openTimeoutMs. */
  private async connectWithin(): Promise<void> {
    if (this.persistence || !this.connectFn || this.connecting || this.closed) return;
    const handlers: ConnectHandlers = {
      blocked: () => this.setMemory({ reason: 'blocked', detail: 'opening the database is blocked by another tab' }),
      lost: (reason, detail) => {
        this.persistence = null;
        this.setMemory({ reason, detail });
        this.scheduleRetry();
      },
    };
    const attempt = this.connectFn(handlers).then(
      (persistence) => {
        if (this.closed) {
          persistence.close();
          return;
        }
        this.persistence = persistence;
        // Opened late (after a timeout or a block): write what waited, or just say all is well.
        if (this.pending.isEmpty()) this.setMemory(null);
        else if (!this.flushing) void this.flush();
      },
      (error: unknown) => {
        const reason: MemoryOnlyReason = isQuota(error) ? 'quota' : errorName(error) === 'VersionError' ? 'blocked' : 'unavailable';
        this.setMemory({ reason, detail: errorText(error) });
      },
    );
    this.connecting = attempt.finally(() => {
      this.connecting = null;
    });
    await this.within(this.connecting, this.opts.openTimeoutMs);
    if (!this.persistence && !this.memory) {
      this.setMemory({ reason: 'unavailable', detail: `the database did not open within ${this.opts.openTimeoutMs} ms` });
    }
  }

  /** Waits for `promise`, or `ms` on the clock, whichever comes first. */
  private async within(promise: Promise<void>, ms: number): Promise<void> {
    let timer: TimerHandle | null = null;
    const timeout = new Promise<void>((resolve) => {
      timer = this.clock.setTimeout(resolve, ms);
    });
    await Promise.race([promise, timeout]);
    this.clock.clearTimeout(timer);
  }

  private scheduleRetry(): void {
    if (!this.connectFn || this.retryTimer !== null || this.closed) return;
    this.retryTimer = this.clock.setTimeout(() => {
      this.retryTimer = null;
      void this.flush();
    }, this.opts.retryMs);
  }

  private scheduleFlush(): void {
    // While memory-only, the retry timer decides when to try again, not each keystroke.
    if (!this.connectFn || this.memory || this.closed) return;
    const now = this.clock.now();
    this.firstUnsavedAt ??= now;
    const wait = Math.max(0, Math.min(this.opts.debounceMs, this.firstUnsavedAt + this.opts.maxWaitMs - now));
    if (this.flushTimer !== null) this.clock.clearTimeout(this.flushTimer);
    this.flushTimer = this.clock.setTimeout(() => {
      this.flushTimer = null;
      void this.flush();
    }, wait);
  }

  async flush(): Promise<void> {
    if (this.flushTimer !== null) {
      this.clock.clearTimeout(this.flushTimer);
      this.flushTimer = null;
    }
    while (this.flushing) await this.flushing;
    this.flushing = this.flushOnce().finally(() => {
      this.flushing = null;
    });
    await this.flushing;
  }

  private async flushOnce(): Promise<void> {
    this.firstUnsavedAt = null;
    if (!this.connectFn) return;
    if (!this.persistence) {
      await this.connectWithin();
      // connectWithin's success handler may already have written pending changes.
      if (!this.persistence) {
        this.scheduleRetry();
        return;
      }
    }
    if (this.pending.isEmpty()) {
      if (this.memory) this.setMemory(null);
      return;
    }
    const batch = this.pending;
    const journalled = this.pendingJournal;
    const persistence = this.persistence;
    this.pending = new Changes();
    this.pendingJournal = new Map();
    this.inFlight = batch;
    try {
      await persistence.write(batch);
      this.inFlight = null;
      for (const entry of journalled.values()) this.journal.forget(entry);
      this.setMemory(null);
    } catch (error) {
      // Nothing of the batch was written: put it back under whatever came since.
      this.inFlight = null;
      this.pending = Changes.compose(batch, this.pending);
      for (const [key, entry] of journalled) if (!this.pendingJournal.has(key)) this.pendingJournal.set(key, entry);
      if (this.persistence !== persistence && this.memory) {
        // The connection was lost during the write; that loss already explains why.
        this.emitStatus();
      } else {
        if (!isQuota(error)) {
          // Maybe a closed connection: open a fresh one next time.
          persistence.close();
          this.persistence = null;
        }
        this.setMemory({ reason: isQuota(error) ? 'quota' : 'write-failed', detail: errorText(error) });
      }
      this.scheduleRetry();
    }
  }

  private async readRecords(lessonId?: string): Promise<Records> {
    // Storage that is still opening may hold saved work: wait for it, but not forever.
    if (!this.persistence && this.connecting) await this.within(this.connecting, this.opts.openTimeoutMs);
    let records = emptyRecords();
    const persistence = this.persistence;
    if (persistence) {
      try {
        records = await persistence.read(lessonId);
      } catch (error) {
        throw new ProgressStoreError(progressMessages.readFailed(errorText(error)), { cause: error });
      }
    }
    // What is not written yet, laid over what is, at the time the read came back.
    this.inFlight?.applyTo(records, lessonId);
    this.pending.applyTo(records, lessonId);
    return records;
  }

  async close(): Promise<void> {
    await this.flush();
    this.closed = true;
    if (this.flushTimer !== null) this.clock.clearTimeout(this.flushTimer);
    if (this.retryTimer !== null) this.clock.clearTimeout(this.retryTimer);
    this.flushTimer = this.retryTimer = null;
    this.persistence?.close();
    this.persistence = null;
  }

  // ---- edits ----

  async loadLesson(lessonId: string, originals?: ReadonlyMap<string, string>): Promise<LessonWork> {
    const records = await this.readRecords(lessonId);
    const edits = new Map<string, LoadedEdit>();
    for (const e of records.edits.values()) {
      edits.set(e.cellId, { ...e, conflict: originals ? detectConflict(e, originals.get(e.cellId)) : null });
    }
    const exercises = new Map<string, ExerciseProgress>();
    for (const x of records.exercises.values()) exercises.set(x.cellId, x);
    return { edits, exercises };
  }

  saveEdit(lessonId: string, cellId: string, code: string, original: string): void {
    const now = this.clock.now();
    this.pending.changeEdit(
      lessonId,
      cellId,
      updateOp((prev) => editAfterSave(prev, lessonId, cellId, code, original, now), `save:${original}`),
    );
    // When the journal refuses (full), an older entry of this cell may remain: it is
    // still the one to remove once this save is written, and older than the record then.
    const journalled = this.journal.write({ lessonId, cellId, code, original, at: now });
    if (journalled) this.pendingJournal.set(cellKey(lessonId, cellId), journalled);
    this.emitStatus();
    this.scheduleFlush();
  }

  async keepMine(lessonId: string, cellId: string, currentOriginal: string): Promise<void> {
    const now = this.clock.now();
    this.pending.changeEdit(
      lessonId,
      cellId,
      updateOp((prev) => (prev ? { ...prev, original: currentOriginal, updatedAt: now } : null)),
    );
    this.emitStatus();
    await this.flush();
  }

  // ---- resets ----

  // A reset also removes the journal entries it covers, from any tab, so no later
  // page replays an edit the learner threw away.

  async resetCell(lessonId: string, cellId: string): Promise<void> {
    this.pending.changeEdit(lessonId, cellId, deleteOp());
    this.journal.forgetCell(lessonId, cellId);
    this.pendingJournal.delete(cellKey(lessonId, cellId));
    this.emitStatus();
    await this.flush();
  }

  async resetLesson(lessonId: string): Promise<void> {
    this.pending.clearLesson(lessonId);
    this.journal.forgetLesson(lessonId);
    for (const [key, { entry }] of this.pendingJournal) if (entry.lessonId === lessonId) this.pendingJournal.delete(key);
    this.emitStatus();
    await this.flush();
  }

  async eraseAll(): Promise<void> {
    this.pending.clear();
    this.forgetJournal();
    this.emitStatus();
    await this.flush();
  }

  private forgetJournal(): void {
    this.journal.forgetAll();
    this.pendingJournal.clear();
  }

  async describeReset(scope: ResetScope): Promise<ResetDescription> {
    const records = await this.readRecords(scope.kind === 'all' ? undefined : scope.lessonId);
    let edits = 0;
    let exercises = 0;
    const lessons = new Set<string>();
    if (scope.kind === 'cell') {
      if (records.edits.has(cellKey(scope.lessonId, scope.cellId))) {
        edits = 1;
        lessons.add(scope.lessonId);
      }
    } else {
      edits = records.edits.size;
      exercises = records.exercises.size;
      for (const r of [...records.edits.values(), ...records.exercises.values()]) lessons.add(r.lessonId);
    }
    return { scope, edits, exercises, lessons: lessons.size, message: progressMessages.reset(scope, edits, exercises, lessons.size) };
  }

  // ---- exercises ----

  private async exerciseEvent(lessonId: string, cellId: string, event: ExerciseEvent): Promise<ExerciseProgress> {
    const now = this.clock.now();
    const apply = (prev: ExerciseProgress | undefined): ExerciseProgress =>
      exerciseAfter(prev ?? newExercise(lessonId, cellId, now), event, now);
    this.pending.changeExercise(lessonId, cellId, updateOp(apply));
    this.emitStatus();
    await this.flush();
    const records = await this.readRecords(lessonId);
    return records.exercises.get(cellKey(lessonId, cellId)) ?? apply(undefined);
  }

  recordAttempt(lessonId: string, cellId: string): Promise<ExerciseProgress> {
    return this.exerciseEvent(lessonId, cellId, { type: 'attempt' });
  }

  markPassed(lessonId: string, cellId: string): Promise<ExerciseProgress> {
    return this.exerciseEvent(lessonId, cellId, { type: 'passed' });
  }

  async recordHintRevealed(lessonId: string, cellId: string, hintIndex: number): Promise<ExerciseProgress> {
    if (!Number.isInteger(hintIndex) || hintIndex < 0) throw new RangeError(`hintIndex must be a whole number, 0 or more; got ${hintIndex}`);
    return this.exerciseEvent(lessonId, cellId, { type: 'hint', index: hintIndex });
  }

  markSolutionSeen(lessonId: string, cellId: string): Promise<ExerciseProgress> {
    return this.exerciseEvent(lessonId, cellId, { type: 'solution-seen' });
  }

  // ---- summary, export, import ----

  async summary(lessons: readonly LessonOutline[]): Promise<ProgressSummary> {
    const records = await this.readRecords();
    return summariseProgress(lessons, records.edits.values(), records.exercises.values());
  }

  async exportAll(): Promise<ExportedProgress> {
    const records = await this.readRecords();
    const now = this.clock.now();
    return {
      json: serializeProgress(records, now),
      fileName: exportFileName(now),
      edits: records.edits.size,
      exercises: records.exercises.size,
    };
  }

  async importAll(text: string, options: { mode?: ImportMode } = {}): Promise<ImportResult> {
    const parsed = parseProgressFile(text);
    if (!parsed.ok) return parsed;
    const current = await this.readRecords();
    // Everything is validated; from here on the changes go into one batch, one transaction.
    const mode = options.mode ?? 'merge';
    const counts = importInto(this.pending, parsed, current, mode);
    // Replace deletes everything here first, unwritten edits included; merge keeps them.
    if (mode === 'replace') this.forgetJournal();
    this.emitStatus();
    await this.flush();
    const persisted = this.status.state === 'ok';
    return {
      ok: true,
      ...counts,
      persisted,
      message: progressMessages.imported(parsed.edits.length, parsed.exercises.length, persisted),
    };
  }
}
