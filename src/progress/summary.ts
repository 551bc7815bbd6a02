// Progress for the lesson list: a pure function of the lessons as they are now
// and the stored records. Records for exercises a lesson no longer has are not
// counted (they stay stored until a reset).
import { STAGES, type Lesson } from '../lesson/types';
import type {
  ExerciseProgress,
  LessonOutline,
  LessonProgress,
  ProgressCounts,
  ProgressSummary,
  SavedEdit,
  StageProgress,
} from './types';

/** Which cells of a lesson are exercises; pass your own test to lessonOutline() if that changes. */
export type ExerciseTest = (cell: Lesson['cells'][number]) => boolean;

// The cast keeps this compiling against a Cell union with or without the exercise kind.
export const isExerciseCell: ExerciseTest = (cell) => (cell.kind as string) === 'exercise';

export function lessonOutline(lesson: Lesson, isExercise: ExerciseTest = isExerciseCell): LessonOutline {
  return { id: lesson.id, stage: lesson.stage, exerciseIds: lesson.cells.filter(isExercise).map((c) => c.id) };
}

/** A lesson's code cells as `cell id → source`, for loadLesson's conflict check. */
export function originalsOf(lesson: Lesson): Map<string, string> {
  return new Map(lesson.cells.flatMap((c) => (c.kind === 'markdown' ? [] : [[c.id, c.source] as const])));
}

const zero = (): ProgressCounts => ({ exercises: 0, attempted: 0, passed: 0, hintsUsed: 0, solutionsSeen: 0 });

function add(into: ProgressCounts, from: ProgressCounts): void {
  into.exercises += from.exercises;
  into.attempted += from.attempted;
  into.passed += from.passed;
  into.hintsUsed += from.hintsUsed;
  into.solutionsSeen += from.solutionsSeen;
}

export function summariseProgress(
  lessons: readonly LessonOutline[],
  edits: Iterable<Pick<SavedEdit, 'lessonId' | 'cellId'>>,
  exercises: Iterable<ExerciseProgress>,
): ProgressSummary {
  const editedCells = new Map<string, number>();
  for (const e of edits) editedCells.set(e.lessonId, (editedCells.get(e.lessonId) ?? 0) + 1);
  const byLesson = new Map<string, Map<string, ExerciseProgress>>();
  for (const x of exercises) {
    const cells = byLesson.get(x.lessonId) ?? new Map<string, ExerciseProgress>();
    cells.set(x.cellId, x);
    byLesson.set(x.lessonId, cells);
  }

  const stages = new Map<string, StageProgress>(
    STAGES.map((stage) => [stage, { stage, lessons: 0, lessonsStarted: 0, lessonsDone: 0, ...zero() }]),
  );
  const total = { lessons: 0, lessonsStarted: 0, lessonsDone: 0, ...zero() };
  const result = new Map<string, LessonProgress>();

  for (const lesson of lessons) {
    const records = byLesson.get(lesson.id);
    const counts = zero();
    let touched = false;
    for (const id of new Set(lesson.exerciseIds)) {
      counts.exercises++;
      const x = records?.get(id);
      if (!x) continue;
      touched = true;
      if (x.attempts > 0) counts.attempted++;
      if (x.passed) counts.passed++;
      if (x.solutionSeen) counts.solutionsSeen++;
      counts.hintsUsed += x.hintsRevealed;
    }
    const edited = editedCells.get(lesson.id) ?? 0;
    const started = touched || edited > 0;
    const done = counts.exercises > 0 && counts.passed === counts.exercises;
    result.set(lesson.id, { lessonId: lesson.id, stage: lesson.stage, editedCells: edited, started, done, ...counts });

    for (const into of [stages.get(lesson.stage), total]) {
      if (!into) continue;
      add(into, counts);
      into.lessons++;
      if (started) into.lessonsStarted++;
      if (done) into.lessonsDone++;
    }
  }
  return { lessons: result, stages: [...stages.values()], total };
}
