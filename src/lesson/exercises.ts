import type { ExerciseCell } from './types';
import type { Problem } from './problem';
import type { CompanionPart } from './classify';
import { readChecks } from './checks';
import { didYouMean } from './suggest';

// Attaches companion fences (solution, checks, hints) to the exercises they
// name with for=. Companions may sit anywhere in the file, before or after
// their exercise; hints keep their file order.

export interface Companion {
  part: CompanionPart;
  /** The fence's language: for a solution, sql or js. */
  language: string;
  /** The exercise id from for=, or undefined when the fence has none (already reported). */
  target: string | undefined;
  /** File line of the opening fence. */
  line: number;
  /** The fence's content. */
  source: string;
}

/**
 * Fills in `solution`, `checks`, `hints` and `lines` of each exercise and
 * returns every problem: a companion for an unknown id, a second solution or
 * checks fence, a solution in the wrong language, empty parts, and exercises
 * left without a solution or checks. `cellLines` maps every cell id to its line.
 */
export function attachCompanions(
  exercises: readonly ExerciseCell[],
  companions: readonly Companion[],
  cellLines: ReadonlyMap<string, number>,
): Problem[] {
  const problems: Problem[] = [];
  const byId = new Map(exercises.map((e) => [e.id, e]));
  const ids = exercises.map((e) => e.id);

  for (const companion of companions) {
    const { part, line, target } = companion;
    if (target === undefined) continue;
    const exercise = byId.get(target);
    if (exercise === undefined) {
      problems.push({ line, message: unknownTarget(target, ids, cellLines) });
      continue;
    }
    switch (part) {
      case 'solution':
        if (companion.language !== exercise.language) {
          problems.push({
            line,
            message: `this solution is ${companion.language} but exercise '${target}' (line ${exercise.line}) is ${exercise.language} — write \`\`\`${exercise.language} solution for=${target}`,
          });
        } else if (exercise.lines.solution !== 0) {
          problems.push({ line, message: `exercise '${target}' already has a solution at line ${exercise.lines.solution} — keep one` });
        } else {
          exercise.lines.solution = line;
          exercise.solution = companion.source;
          if (companion.source.trim() === '') {
            problems.push({ line, message: `the solution of exercise '${target}' is empty — write the code that solves it` });
          }
        }
        break;
      case 'checks': {
        if (exercise.lines.checks !== 0) {
          problems.push({
            line,
            message: `exercise '${target}' already has checks at line ${exercise.lines.checks} — put all its checks in one fence`,
          });
          break;
        }
        exercise.lines.checks = line;
        const read = readChecks(companion.source, line + 1, line);
        exercise.checks = read.checks;
        problems.push(...read.problems);
        break;
      }
      case 'hint': {
        const hint = trimBlankLines(companion.source);
        if (hint === '') {
          problems.push({ line, message: 'this hint is empty — write the hint as Markdown between the fences, or remove the fence' });
        } else {
          exercise.hints.push(hint);
          exercise.lines.hints.push(line);
        }
        break;
      }
      default:
        part satisfies never;
    }
  }

  for (const exercise of exercises) {
    const { id, language, line } = exercise;
    if (exercise.lines.solution === 0) {
      problems.push({
        line,
        message: `exercise '${id}' has no solution — add a fence \`\`\`${language} solution for=${id} with the code that solves it (learners never see it unless they ask)`,
      });
    }
    if (exercise.lines.checks === 0) {
      problems.push({
        line,
        message: `exercise '${id}' has no checks — add a fence \`\`\`yaml checks for=${id} with at least one check, e.g. - result`,
      });
    }
  }
  return problems;
}

function unknownTarget(target: string, exerciseIds: readonly string[], cellLines: ReadonlyMap<string, number>): string {
  const cellLine = cellLines.get(target);
  if (cellLine !== undefined) {
    return `the cell '${target}' (line ${cellLine}) is not an exercise — add exercise to its fence (\`\`\`sql exercise id=${target}), or name an exercise in for=`;
  }
  if (exerciseIds.length === 0) {
    return `there is no exercise '${target}' in this lesson — mark its starter code with \`\`\`sql exercise id=${target} (or js)`;
  }
  return `there is no exercise '${target}' in this lesson${didYouMean(target, exerciseIds)} (exercises: ${exerciseIds.join(', ')})`;
}

function trimBlankLines(text: string): string {
  return text.replace(/^(?:[ \t]*\n)+/, '').replace(/(?:\n[ \t]*)+$/, '').replace(/^[ \t]+$/, '');
}
