// Changes not yet written to storage. A store keeps one Changes of pending
// writes; reads lay it over what storage returned, so the learner always sees
// their latest work, written or not. A flush hands the whole Changes to
// storage in one transaction; if that fails it is put back under newer changes.
//
// A change to one record is an Op: a function of the record as stored (which
// only storage knows, so the function runs at read time and again inside the
// write transaction). Later ops on the same record compose with earlier ones,
// so many keystrokes in one cell become one write.
import { cellKey } from './records';
import type { ExerciseProgress, SavedEdit } from './types';

export interface Op<T> {
  /** The record after this change, given the record before it; null deletes it. */
  apply(prev: T | undefined): T | null;
  /** True when apply ignores prev (a plain put or delete). */
  absolute: boolean;
  /**
   * Ops with the same tag replace each other instead of composing: a later save of a
   * cell's code based on the same lesson source makes the earlier one irrelevant.
   */
  tag?: string;
}

export const putOp = <T>(value: T): Op<T> => ({ apply: () => value, absolute: true });
export const deleteOp = <T>(): Op<T> => ({ apply: () => null, absolute: true });
export const updateOp = <T>(apply: (prev: T | undefined) => T | null, tag?: string): Op<T> => ({
  apply,
  absolute: false,
  tag,
});

/** `older` then `newer`, as one op. */
export function composeOps<T>(older: Op<T>, newer: Op<T>): Op<T> {
  if (newer.absolute || (newer.tag !== undefined && newer.tag === older.tag)) return newer;
  if (older.absolute) {
    // Nothing below depends on storage: evaluate now, so chains never grow.
    const value = newer.apply(older.apply(undefined) ?? undefined);
    return value === null ? deleteOp() : putOp(value);
  }
  return { apply: (prev) => newer.apply(older.apply(prev) ?? undefined), absolute: false };
}

export interface Entry<T> {
  lessonId: string;
  cellId: string;
  op: Op<T>;
}

export interface Records {
  edits: Map<string, SavedEdit>;
  exercises: Map<string, ExerciseProgress>;
}

export const emptyRecords = (): Records => ({ edits: new Map(), exercises: new Map() });

export function recordsOf(edits: Iterable<SavedEdit>, exercises: Iterable<ExerciseProgress>): Records {
  const records = emptyRecords();
  for (const e of edits) records.edits.set(cellKey(e.lessonId, e.cellId), e);
  for (const x of exercises) records.exercises.set(cellKey(x.lessonId, x.cellId), x);
  return records;
}

export class Changes {
  /** Delete every record first. */
  clearAll = false;
  /** Delete these lessons' records first (after clearAll). */
  readonly clearedLessons = new Set<string>();
  /** Then change these records (after the clears). */
  readonly edits = new Map<string, Entry<SavedEdit>>();
  readonly exercises = new Map<string, Entry<ExerciseProgress>>();

  /**
   * @param nothingBelow true when no storage lies under these changes (a memory-only
   *   store): every op can then be evaluated at once.
   */
  constructor(private readonly nothingBelow = false) {}

  /** How many things would be lost if this tab closed now. */
  get size(): number {
    return (this.clearAll ? 1 : 0) + this.clearedLessons.size + this.edits.size + this.exercises.size;
  }

  isEmpty(): boolean {
    return this.size === 0;
  }

  changeEdit(lessonId: string, cellId: string, op: Op<SavedEdit>): void {
    this.change(this.edits, lessonId, cellId, op);
  }

  changeExercise(lessonId: string, cellId: string, op: Op<ExerciseProgress>): void {
    this.change(this.exercises, lessonId, cellId, op);
  }

  private change<T>(entries: Map<string, Entry<T>>, lessonId: string, cellId: string, op: Op<T>): void {
    const key = cellKey(lessonId, cellId);
    const before = entries.get(key)?.op;
    // A cleared lesson (or everything cleared) has nothing below it either.
    const known = this.nothingBelow || this.clearAll || this.clearedLessons.has(lessonId);
    const base = before ?? (known ? deleteOp<T>() : undefined);
    const composed = base ? composeOps(base, op) : op;
    // With no storage below, deleting means forgetting: nothing is left to write.
    if (this.nothingBelow && composed.absolute && composed.apply(undefined) === null) entries.delete(key);
    else entries.set(key, { lessonId, cellId, op: composed });
  }

  clearLesson(lessonId: string): void {
    for (const [key, entry] of this.edits) if (entry.lessonId === lessonId) this.edits.delete(key);
    for (const [key, entry] of this.exercises) if (entry.lessonId === lessonId) this.exercises.delete(key);
    // After clearAll, or with no storage below, the lesson is already gone.
    if (!this.clearAll && !this.nothingBelow) this.clearedLessons.add(lessonId);
  }

  clear(): void {
    this.clearAll = !this.nothingBelow;
    this.clearedLessons.clear();
    this.edits.clear();
    this.exercises.clear();
  }

  /** `older` followed by `newer`, as one set of changes (used when a write failed). */
  static compose(older: Changes, newer: Changes): Changes {
    const out = new Changes(older.nothingBelow);
    if (newer.clearAll) {
      out.clearAll = true;
    } else {
      out.clearAll = older.clearAll;
      for (const lesson of older.clearedLessons) out.clearedLessons.add(lesson);
      for (const [key, entry] of older.edits) out.edits.set(key, entry);
      for (const [key, entry] of older.exercises) out.exercises.set(key, entry);
      for (const lesson of newer.clearedLessons) out.clearLesson(lesson);
    }
    for (const entry of newer.edits.values()) out.changeEdit(entry.lessonId, entry.cellId, entry.op);
    for (const entry of newer.exercises.values()) out.changeExercise(entry.lessonId, entry.cellId, entry.op);
    return out;
  }

  /**
   * Lays these changes over records read from storage (mutating and returning them).
   * With lessonId, only that lesson's records are touched: records holds only those.
   */
  applyTo(records: Records, lessonId?: string): Records {
    if (this.clearAll) {
      records.edits.clear();
      records.exercises.clear();
    }
    for (const lesson of this.clearedLessons) {
      for (const [key, e] of records.edits) if (e.lessonId === lesson) records.edits.delete(key);
      for (const [key, x] of records.exercises) if (x.lessonId === lesson) records.exercises.delete(key);
    }
    applyEntries(records.edits, this.edits, lessonId);
    applyEntries(records.exercises, this.exercises, lessonId);
    return records;
  }
}

function applyEntries<T>(target: Map<string, T>, entries: Map<string, Entry<T>>, lessonId: string | undefined): void {
  for (const [key, entry] of entries) {
    if (lessonId !== undefined && entry.lessonId !== lessonId) continue;
    const value = entry.op.apply(target.get(key));
    if (value === null) target.delete(key);
    else target.set(key, value);
  }
}
