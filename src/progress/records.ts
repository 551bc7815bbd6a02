// Pure record transitions: (record before, event, time) -> record after. The
// stores only decide where records live; what a record becomes is decided here.
import type { EditConflict, ExerciseProgress, SavedEdit, Timestamp } from './types';

/** One map key for a (lesson, cell) pair; JSON keeps ids with any characters apart. */
export const cellKey = (lessonId: string, cellId: string): string => JSON.stringify([lessonId, cellId]);

/**
 * The learner's copy after they typed `code`. Null means "no copy": the code is the
 * lesson's code as shown now, so nothing of the learner's would be lost without it.
 */
export function editAfterSave(
  prev: SavedEdit | undefined,
  lessonId: string,
  cellId: string,
  code: string,
  original: string,
  now: Timestamp,
): SavedEdit | null {
  // The base stays the one the learner started from: typing on must not hide a conflict.
  const base = prev?.original ?? original;
  if (code === original && base === original) return null;
  if (prev && prev.code === code) return prev;
  return { lessonId, cellId, code, original: base, createdAt: prev?.createdAt ?? now, updatedAt: now };
}

export function detectConflict(edit: SavedEdit, currentOriginal: string | undefined): EditConflict | null {
  if (currentOriginal === undefined) return { kind: 'removed', savedOriginal: edit.original };
  // The learner's code already is the new lesson code: there is nothing to choose.
  if (edit.original === currentOriginal || edit.code === currentOriginal) return null;
  return { kind: 'changed', savedOriginal: edit.original, currentOriginal };
}

export function newExercise(lessonId: string, cellId: string, now: Timestamp): ExerciseProgress {
  return {
    lessonId,
    cellId,
    attempts: 0,
    passed: false,
    passedAt: null,
    hintsRevealed: 0,
    solutionSeen: false,
    solutionSeenAt: null,
    createdAt: now,
    updatedAt: now,
  };
}

export type ExerciseEvent =
  | { type: 'attempt' }
  | { type: 'passed' }
  | { type: 'hint'; index: number }
  | { type: 'solution-seen' };

export function exerciseAfter(prev: ExerciseProgress, event: ExerciseEvent, now: Timestamp): ExerciseProgress {
  switch (event.type) {
    case 'attempt':
      return { ...prev, attempts: prev.attempts + 1, updatedAt: now };
    case 'passed':
      return prev.passed ? prev : { ...prev, passed: true, passedAt: now, updatedAt: now };
    case 'hint': {
      const revealed = Math.max(prev.hintsRevealed, Math.floor(event.index) + 1);
      return revealed === prev.hintsRevealed ? prev : { ...prev, hintsRevealed: revealed, updatedAt: now };
    }
    case 'solution-seen':
      return prev.solutionSeen ? prev : { ...prev, solutionSeen: true, solutionSeenAt: now, updatedAt: now };
  }
}

/** Two records of one exercise (here and from an imported file) combined without losing either. */
export function mergeExercises(a: ExerciseProgress, b: ExerciseProgress): ExerciseProgress {
  const earliest = (x: Timestamp | null, y: Timestamp | null): Timestamp | null =>
    x === null ? y : y === null ? x : Math.min(x, y);
  return {
    lessonId: a.lessonId,
    cellId: a.cellId,
    attempts: Math.max(a.attempts, b.attempts),
    passed: a.passed || b.passed,
    passedAt: earliest(a.passedAt, b.passedAt),
    hintsRevealed: Math.max(a.hintsRevealed, b.hintsRevealed),
    solutionSeen: a.solutionSeen || b.solutionSeen,
    solutionSeenAt: earliest(a.solutionSeenAt, b.solutionSeenAt),
    createdAt: Math.min(a.createdAt, b.createdAt),
    updatedAt: Math.max(a.updatedAt, b.updatedAt),
  };
}

export function sameExercise(a: ExerciseProgress, b: ExerciseProgress): boolean {
  return (
    a.attempts === b.attempts &&
    a.passed === b.passed &&
    a.passedAt === b.passedAt &&
    a.hintsRevealed === b.hintsRevealed &&
    a.solutionSeen === b.solutionSeen &&
    a.solutionSeenAt === b.solutionSeenAt &&
    a.createdAt === b.createdAt &&
    a.updatedAt === b.updatedAt
  );
}

export function sameEdit(a: SavedEdit, b: SavedEdit): boolean {
  return a.code === b.code && a.original === b.original && a.createdAt === b.createdAt && a.updatedAt === b.updatedAt;
}
