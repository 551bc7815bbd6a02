import type { Cell, ExerciseCell } from './types';
import type { Problem } from './problem';
import { fenceContent, findFences, type Fence } from './fences';
import { classifyFence } from './classify';
import { attachCompanions, type Companion } from './exercises';
import { parsePipelineSpec } from '../pipeline/spec';
import { didYouMean } from './suggest';

// Turns the Markdown after the front matter into cells: each runnable fence is a
// code cell (an exercise is one too), and the prose between them (including
// non-cell fences) is a markdown cell. An exercise's companion fences (solution,
// checks, hints) are no cell and no prose: they are hidden parts of the exercise,
// and like a cell they end the prose before them.

export interface BodyResult {
  cells: Cell[];
  problems: Problem[];
}

/** `firstLine` is the 1-based file line of `lines[0]`. */
export function readBody(lines: readonly string[], firstLine: number): BodyResult {
  const cells: Cell[] = [];
  const problems: Problem[] = [];
  const idLines = new Map<string, number>();
  const exercises: ExerciseCell[] = [];
  const companions: Companion[] = [];
  let proseStart = 0;
  let prose = 0;

  const flushProse = (end: number): void => {
    let start = proseStart;
    while (start < end && (lines[start] ?? '').trim() === '') start++;
    while (end > start && (lines[end - 1] ?? '').trim() === '') end--;
    if (start === end) return;
    prose++;
    cells.push({ kind: 'markdown', id: `md-${prose}`, line: firstLine + start, source: lines.slice(start, end).join('\n') });
  };

  for (const fence of findFences(lines)) {
    const line = firstLine + fence.open;
    const { role, problems: fenceProblems } = classifyFence(fence);
    problems.push(...fenceProblems.map((message) => ({ line, message })));

    if (fence.close === undefined) {
      problems.push({ line, message: unclosedMessage(fence) });
      break;
    }
    if (role.role === 'prose') continue;

    flushProse(fence.open);
    proseStart = fence.close + 1;
    const source = fenceContent(lines, fence).join('\n');
    if (role.role === 'companion') {
      companions.push({ part: role.part, language: role.language, target: role.target, line, source });
      continue;
    }
    if (role.id === undefined) continue;

    const earlier = idLines.get(role.id);
    if (earlier !== undefined) {
      problems.push({
        line,
        message: `cell id '${role.id}' is already used by the cell at line ${earlier} — give this cell another id`,
      });
    } else {
      idLines.set(role.id, line);
    }
    if (role.role === 'exercise') {
      const exercise: ExerciseCell = {
        kind: 'exercise',
        id: role.id,
        line,
        language: role.language,
        source,
        solution: '',
        checks: [],
        hints: [],
        attrs: role.attrs,
        lines: { solution: 0, checks: 0, hints: [] },
      };
      exercises.push(exercise);
      cells.push(exercise);
    } else {
      cells.push({ kind: role.kind, id: role.id, line, source, attrs: role.attrs });
    }
  }
  flushProse(lines.length);
  problems.push(...attachCompanions(exercises, companions, idLines));
  problems.push(...pipelineProblems(cells, idLines));
  return { cells, problems };
}

/**
 * A pipeline cell's spec (and a pipeline exercise's solution) is checked here,
 * so an author sees file:line errors before any learner runs it. The starter
 * code of a pipeline exercise may be meant to be fixed, so it is not.
 */
function pipelineProblems(cells: readonly Cell[], idLines: ReadonlyMap<string, number>): Problem[] {
  const problems: Problem[] = [];
  const check = (source: string, fenceLine: number): void => {
    const parsed = parsePipelineSpec(source);
    if (!parsed.ok) {
      for (const e of parsed.errors) problems.push({ line: fenceLine + e.line, message: `pipeline spec: ${e.message}` });
      return;
    }
    for (const task of parsed.spec.tasks) {
      if (task.sqlFrom !== undefined && !idLines.has(task.sqlFrom)) {
        problems.push({ line: fenceLine + task.line, message: `pipeline spec: task '${task.id}' takes its SQL from cell '${task.sqlFrom}', which is no cell of this lesson${didYouMean(task.sqlFrom, [...idLines.keys()])}` });
      }
    }
  };
  for (const cell of cells) {
    if (cell.kind === 'pipeline') check(cell.source, cell.line);
    else if (cell.kind === 'exercise' && cell.language === 'pipeline' && cell.lines.solution > 0) check(cell.solution, cell.lines.solution);
  }
  return problems;
}

function unclosedMessage(fence: Fence): string {
  const longer = fence.marker[0]!.repeat(fence.marker.length + 1);
  return `this ${fence.marker} fence is never closed — add a line with ${fence.marker} after its last line (to show a fence inside a fence, open and close the outer one with more characters, e.g. ${longer})`;
}
