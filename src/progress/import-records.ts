// What importing a checked file changes: the file's records as ops in a batch
// of Changes, and counts for the learner. Merge decisions are taken inside the
// ops, so they are taken again against the record as stored when written.
import { putOp, updateOp, type Changes, type Records } from './changes';
import { cellKey, mergeExercises, sameEdit, sameExercise } from './records';
import type { ExerciseProgress, ImportCounts, ImportMode, SavedEdit } from './types';

export function importInto(
  pending: Changes,
  file: { edits: SavedEdit[]; exercises: ExerciseProgress[] },
  current: Records,
  mode: ImportMode,
): { edits: ImportCounts; exercises: ImportCounts } {
  const edits: ImportCounts = { added: 0, updated: 0, unchanged: 0 };
  const exercises: ImportCounts = { added: 0, updated: 0, unchanged: 0 };
  if (mode === 'replace') {
    pending.clear();
    for (const e of file.edits) {
      const before = current.edits.get(cellKey(e.lessonId, e.cellId));
      count(edits, before, (b) => sameEdit(b, e));
      pending.changeEdit(e.lessonId, e.cellId, putOp(e));
    }
    for (const x of file.exercises) {
      const before = current.exercises.get(cellKey(x.lessonId, x.cellId));
      count(exercises, before, (b) => sameExercise(b, x));
      pending.changeExercise(x.lessonId, x.cellId, putOp(x));
    }
  } else {
    // The newer copy of a cell wins; exercise records combine without loss.
    const newer = (prev: SavedEdit | undefined, e: SavedEdit): SavedEdit => (prev && prev.updatedAt >= e.updatedAt ? prev : e);
    for (const e of file.edits) {
      const before = current.edits.get(cellKey(e.lessonId, e.cellId));
      count(edits, before, (b) => newer(b, e) === b || sameEdit(b, e));
      pending.changeEdit(e.lessonId, e.cellId, updateOp((prev) => newer(prev, e)));
    }
    for (const x of file.exercises) {
      const before = current.exercises.get(cellKey(x.lessonId, x.cellId));
      count(exercises, before, (b) => sameExercise(b, mergeExercises(b, x)));
      pending.changeExercise(x.lessonId, x.cellId, updateOp((prev) => (prev ? mergeExercises(prev, x) : x)));
    }
  }
  return { edits, exercises };
}

function count<T>(counts: ImportCounts, before: T | undefined, unchanged: (before: T) => boolean): void {
  if (before === undefined) counts.added++;
  else if (unchanged(before)) counts.unchanged++;
  else counts.updated++;
}
