// Short sentences about the learner's progress, for lesson cards and stage headings.
import type { LessonProgress, StageProgress } from '../../progress';
import { strings } from '../strings';

/** e.g. "1 of 2 exercises done · 3 cells edited · 1 hint used"; undefined for a lesson not started. */
export function lessonProgressText(p: LessonProgress | undefined): string | undefined {
  if (!p?.started) return undefined;
  const parts = [
    p.done ? `✓ ${strings.lessonDone}` : p.exercises > 0 ? strings.lessonExercisesDone(p.passed, p.exercises) : strings.lessonStarted,
  ];
  if (p.editedCells > 0) parts.push(strings.cellsEdited(p.editedCells));
  if (p.hintsUsed > 0) parts.push(strings.hintsUsed(p.hintsUsed));
  return parts.join(' · ');
}

/** e.g. "1 of 3 exercises done"; undefined for a stage without exercises or not started. */
export function stageProgressText(p: StageProgress | undefined): string | undefined {
  if (!p || p.exercises === 0 || p.lessonsStarted === 0) return undefined;
  return strings.lessonExercisesDone(p.passed, p.exercises);
}
