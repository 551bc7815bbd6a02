// A cell that fails because a table is missing which an exercise makes. A
// wrong attempt is rolled back, so until the learner solves that exercise the
// table does not exist, and SQLite's "no such table: x" does not say why. The
// notebook names the exercise instead, so the learner knows what to do next.
import type { ExerciseCell, Lesson } from '../lesson/types';

const NO_SUCH_TABLE = /^no such (?:table|view): (?:main\.)?["'`[]?([^\s"'`\]]+)/i;
const SQL_CREATES = /\bCREATE\s+(?:TEMP(?:ORARY)?\s+)?(?:TABLE|VIEW)\s+(?:IF\s+NOT\s+EXISTS\s+)?(?:main\.)?["'`[]?(\w+)/gi;
const JS_LOADS = /\bload\(\s*['"`](\w+)['"`]/g;

/** The table SQLite could not find, from its error message; undefined for any other error. */
export function missingTable(message: string): string | undefined {
  return NO_SUCH_TABLE.exec(message.trim())?.[1];
}

/** The tables and views an exercise's solution creates (CREATE TABLE/VIEW, or load() in JavaScript). */
export function tablesMadeBy(exercise: ExerciseCell): string[] {
  const pattern = exercise.language === 'js' ? JS_LOADS : SQL_CREATES;
  return [...exercise.solution.matchAll(pattern)].map((m) => m[1]!);
}

/**
 * The id of the exercise whose solution makes the table this error is about,
 * or undefined when the error is not "no such table" or no exercise makes it.
 * The exercise nearest above the failing cell wins over one further away.
 */
export function exerciseMakingMissingTable(lesson: Lesson, cellId: string, message: string): string | undefined {
  const table = missingTable(message)?.toLowerCase();
  if (table === undefined) return undefined;
  const index = lesson.cells.findIndex((c) => c.kind !== 'markdown' && c.id === cellId);
  const makers = lesson.cells
    .map((cell, at) => ({ cell, at }))
    .filter((x): x is { cell: ExerciseCell; at: number } => x.cell.kind === 'exercise' && x.cell.id !== cellId)
    .filter((x) => tablesMadeBy(x.cell).some((t) => t.toLowerCase() === table));
  const above = makers.filter((x) => x.at < index);
  return (above.at(-1) ?? makers[0])?.cell.id;
}
