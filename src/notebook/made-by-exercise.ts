// A cell that fails because a table is missing which an exercise makes. A
// wrong attempt is rolled back, so until the learner solves that exercise the
// table does not exist, and SQLite's "no such table: x" does not say why. The
// notebook names the exercise instead, so the learner knows what to do next.
import type { ExerciseCell, Lesson } from '../lesson/types';

// Unanchored: an exercise's feedback quotes SQLite's message inside its own sentence.
const NO_SUCH_TABLE = /\bno such (?:table|view): (?:main\.)?["'`[]?([^\s"'`\]]+)/i;
const SQL_CREATES = /\bCREATE\s+(?:TEMP(?:ORARY)?\s+)?(?:TABLE|VIEW)\s+(?:IF\s+NOT\s+EXISTS\s+)?(?:main\.)?["'`[]?(\w+)/gi;
const JS_LOADS = /\bload\(\s*['"`](\w+)['"`]/g;

/** The table SQLite could not find, from a message that quotes its error; undefined for any other. */
export function missingTable(message: string): string | undefined {
  return NO_SUCH_TABLE.exec(message)?.[1];
}

/** The tables and views an exercise's solution creates (CREATE TABLE/VIEW, or load() in JavaScript). */
export function tablesMadeBy(exercise: ExerciseCell): string[] {
  const pattern = exercise.language === 'js' ? JS_LOADS : SQL_CREATES;
  return [...exercise.solution.matchAll(pattern)].map((m) => m[1]!);
}

/** A missing table, as SQLite named it, and the exercise whose solution makes it. */
export interface MadeBy {
  table: string;
  exercise: string;
}

/**
 * The exercise whose solution makes the table these messages say is missing,
 * or undefined when none says "no such table" or no exercise makes it. The
 * exercise nearest above the failing cell wins over one further away.
 */
export function exerciseMakingMissingTable(lesson: Lesson, cellId: string, ...messages: string[]): MadeBy | undefined {
  const named = messages.map(missingTable).find((t) => t !== undefined);
  if (named === undefined) return undefined;
  const table = named.toLowerCase();
  const index = lesson.cells.findIndex((c) => c.kind !== 'markdown' && c.id === cellId);
  const makers = lesson.cells
    .map((cell, at) => ({ cell, at }))
    .filter((x): x is { cell: ExerciseCell; at: number } => x.cell.kind === 'exercise' && x.cell.id !== cellId)
    .filter((x) => tablesMadeBy(x.cell).some((t) => t.toLowerCase() === table));
  const above = makers.filter((x) => x.at < index);
  const exercise = (above.at(-1) ?? makers[0])?.cell.id;
  return exercise === undefined ? undefined : { table: named, exercise };
}
