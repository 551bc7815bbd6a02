// The learner's saved work and progress: record shapes, the store interface and
// its status. See docs/progress.md for what is stored where.
import type { Stage } from '../lesson/types';

/** Milliseconds since the Unix epoch, from the store's injected clock. */
export type Timestamp = number;

/** The learner's own code for one cell of one lesson. */
export interface SavedEdit {
  lessonId: string;
  cellId: string;
  /** What the learner wrote. */
  code: string;
  /**
   * The cell's source in the lesson file when the learner started editing it (the
   * base of their copy). When the lesson file later changes, this is what tells us.
   */
  original: string;
  createdAt: Timestamp;
  updatedAt: Timestamp;
}

/** Why a saved edit no longer matches the lesson as it is now. */
export type EditConflict =
  /** The lesson's code for this cell changed since the learner's copy was started. */
  | { kind: 'changed'; savedOriginal: string; currentOriginal: string }
  /** The lesson no longer has a cell with this id; the learner's code is all that is left. */
  | { kind: 'removed'; savedOriginal: string };

export interface LoadedEdit extends SavedEdit {
  /** null when the learner's copy is based on the lesson as it is now (or originals were not given). */
  conflict: EditConflict | null;
}

/** What the learner did with one exercise. */
export interface ExerciseProgress {
  lessonId: string;
  cellId: string;
  /** Times the learner checked an answer. */
  attempts: number;
  /** True once an answer passed; a later failing attempt does not undo it. */
  passed: boolean;
  passedAt: Timestamp | null;
  /** How many hints are revealed (the highest revealed hint index + 1). */
  hintsRevealed: number;
  solutionSeen: boolean;
  solutionSeenAt: Timestamp | null;
  createdAt: Timestamp;
  updatedAt: Timestamp;
}

/** One lesson's saved work, keyed by cell id. */
export interface LessonWork {
  edits: Map<string, LoadedEdit>;
  exercises: Map<string, ExerciseProgress>;
}

/** Why the store keeps changes in this tab only. */
export type MemoryOnlyReason =
  /** The browser's storage is full (QuotaExceededError). Retried later. */
  | 'quota'
  /** IndexedDB is missing or refused (private browsing, storage blocked, open failed). */
  | 'unavailable'
  /** Another tab holds the database open with an older or newer schema. */
  | 'blocked'
  /** A write failed for another reason. Retried later. */
  | 'write-failed';

export type StoreStatus =
  | { state: 'ok' }
  | {
      state: 'memory-only';
      reason: MemoryOnlyReason;
      /** A sentence for the learner, from messages.ts. */
      message: string;
      /** Changes (cells or exercises) that exist in this tab only. */
      unsaved: number;
      /** The error behind it, for the console; never shown as is. */
      detail?: string;
    };

/** A lesson as the progress summary needs it. See lessonOutline() in summary.ts. */
export interface LessonOutline {
  id: string;
  stage: Stage;
  /** Ids of the lesson's exercise cells, in order. */
  exerciseIds: readonly string[];
}

export interface ProgressCounts {
  /** Exercises in the lesson(s). */
  exercises: number;
  /** Exercises with at least one attempt. */
  attempted: number;
  passed: number;
  /** Hints revealed, summed over exercises. */
  hintsUsed: number;
  /** Exercises whose solution the learner looked at. */
  solutionsSeen: number;
}

export interface LessonProgress extends ProgressCounts {
  lessonId: string;
  stage: Stage;
  /** Cells of this lesson with saved code (including cells the lesson no longer has). */
  editedCells: number;
  /** The learner edited a cell or touched an exercise. */
  started: boolean;
  /** The lesson has exercises and every one passed. */
  done: boolean;
}

export interface StageProgress extends ProgressCounts {
  stage: Stage;
  lessons: number;
  lessonsStarted: number;
  lessonsDone: number;
}

export interface ProgressSummary {
  lessons: Map<string, LessonProgress>;
  /** Every stage, in course order (a stage without lessons has lessons: 0). */
  stages: StageProgress[];
  total: ProgressCounts & { lessons: number; lessonsStarted: number; lessonsDone: number };
}

export type ResetScope =
  | { kind: 'cell'; lessonId: string; cellId: string }
  | { kind: 'lesson'; lessonId: string }
  | { kind: 'all' };

/** What a reset would delete, for the confirmation the UI shows. */
export interface ResetDescription {
  scope: ResetScope;
  /** Saved cells (code) that would be deleted. */
  edits: number;
  /** Exercise progress records that would be deleted. */
  exercises: number;
  /** Distinct lessons touched. */
  lessons: number;
  /** A sentence for the learner. */
  message: string;
}

export interface ExportedProgress {
  /** The file's contents (see docs/progress.md, "Export format"). */
  json: string;
  /** e.g. de-workbench-progress-2025-03-01.json */
  fileName: string;
  edits: number;
  exercises: number;
}

export interface ImportProblem {
  /** Where in the file, e.g. `edits[3].updatedAt`; "" for the file as a whole. */
  path: string;
  message: string;
}

export interface ImportCounts {
  added: number;
  updated: number;
  unchanged: number;
}

export type ImportResult =
  | {
      ok: true;
      edits: ImportCounts;
      exercises: ImportCounts;
      /** False when the store is memory-only: the import is in this tab only. */
      persisted: boolean;
      message: string;
    }
  | {
      ok: false;
      /** One sentence for the learner, naming the first problem; nothing was changed. */
      message: string;
      problems: ImportProblem[];
    };

export type ImportMode =
  /** Keep what is here; take the file's copy of a cell when it is newer; combine exercise progress. */
  | 'merge'
  /** Delete everything here, then take the file's records. */
  | 'replace';

export type StatusListener = (status: StoreStatus) => void;

/**
 * The learner's saved work. Reads see every change at once (including changes not
 * yet written); writes reach the browser's storage within debounceMs, or at flush().
 */
export interface ProgressStore {
  readonly status: StoreStatus;
  /** Calls listener now and on every status change; returns an unsubscribe function. */
  onStatus(listener: StatusListener): () => void;

  /**
   * The learner's saved cells and exercise progress for one lesson. Pass the lesson's
   * current cell sources (cell id → source, see originalsOf()) to get conflicts.
   */
  loadLesson(lessonId: string, originals?: ReadonlyMap<string, string>): Promise<LessonWork>;
  /**
   * Records the learner's code for a cell; written after debounceMs without further
   * edits to any cell (at most maxWaitMs after the first unsaved one). `original` is
   * the cell's source in the lesson as shown now; it is kept only when the cell has
   * no saved copy yet. Code equal to the lesson's code deletes the saved copy.
   */
  saveEdit(lessonId: string, cellId: string, code: string, original: string): void;
  /** Writes every pending change now (page hide, unload, before export); retries after a failure. */
  flush(): Promise<void>;
  /** "Keep mine": the learner's code stays and is now based on the lesson's current code. */
  keepMine(lessonId: string, cellId: string, currentOriginal: string): Promise<void>;

  /** Deletes the cell's saved code (the cell shows the lesson's code again); exercise progress stays. */
  resetCell(lessonId: string, cellId: string): Promise<void>;
  /** Deletes every saved cell and all exercise progress of one lesson. */
  resetLesson(lessonId: string): Promise<void>;
  /** Deletes everything this store holds, in the browser and in this tab. */
  eraseAll(): Promise<void>;
  /** Counts and a sentence for the confirmation before a reset. */
  describeReset(scope: ResetScope): Promise<ResetDescription>;

  recordAttempt(lessonId: string, cellId: string): Promise<ExerciseProgress>;
  markPassed(lessonId: string, cellId: string): Promise<ExerciseProgress>;
  /** hintIndex is 0-based; revealing hint 2 counts hints 0..2 as used. */
  recordHintRevealed(lessonId: string, cellId: string, hintIndex: number): Promise<ExerciseProgress>;
  markSolutionSeen(lessonId: string, cellId: string): Promise<ExerciseProgress>;

  /** Per-lesson and per-stage counts for the lesson list. */
  summary(lessons: readonly LessonOutline[]): Promise<ProgressSummary>;

  exportAll(): Promise<ExportedProgress>;
  /** Validates the whole file first; a bad file changes nothing. */
  importAll(text: string, options?: { mode?: ImportMode }): Promise<ImportResult>;

  /** Stops timers and closes the database; pending changes are flushed first. */
  close(): Promise<void>;
}
