// The author's checks of one exercise (lessons:check): the solution passes,
// on the lesson's data and on the second data set; the starter code does
// not; and where variants are on, a typed-in copy of the solution's result
// (hard-coded.ts) fails — so the checks cannot be passed without the task.
import type { ExerciseCell } from '../../lesson/types';
import type { ResultSet, SqlEngine } from '../../sql/types';
import { checkExercise, resultOf, sqlRunner, CHECK_ROWS, type CheckOptions, type RunCode } from './check-exercise';
import { quoteIdentifier, tableColumns } from './data-tests';
import { typedInCopy } from './hard-coded';
import type { VariantSource } from './variant-check';

/** A problem with an exercise as written, for an author's lesson checker. */
export interface AuthoringProblem {
  line: number;
  message: string;
}

/** How to turn the second data set off, said with every problem it causes. */
const OFF_FIX = 'add `- variant: {off: <why a second data set makes no sense here>}` to its checks';

/**
 * Runs an exercise's own solution through its checks, and its starter code:
 * the solution must pass and the starter must not. With `variant`, the
 * solution must pass there too and a typed-in copy of its result must fail.
 * Load the lesson's datasets (and run the cells above the exercise) into
 * `engine` first; `variant` is the same place on the second data set.
 */
export async function verifyExercise(
  engine: SqlEngine,
  exercise: ExerciseCell,
  options: Pick<CheckOptions, 'run' | 'variant'> = {},
): Promise<AuthoringProblem[]> {
  const problems: AuthoringProblem[] = [];
  const own = await checkExercise(engine, exercise, exercise.solution, options);
  if (!own.pass) {
    if (own.results.length === 0) {
      for (const item of own.feedback) problems.push({ line: exercise.lines.solution, message: `the solution of '${exercise.id}' fails: ${item.message}` });
    }
    for (const result of own.results) {
      for (const item of result.feedback) {
        problems.push({ line: result.check.line, message: `the solution of '${exercise.id}' fails its own ${result.check.kind} check: ${item.message}` });
      }
    }
    if (own.variant.state === 'failed' && own.results.every((r) => r.pass)) {
      const why = own.variant.feedback.slice(1).map((f) => f.message).join('; ');
      problems.push({ line: exercise.lines.solution, message: `the solution of '${exercise.id}' fails on the second data set: ${why} — make it derive what it needs from the data, or ${OFF_FIX}` });
    }
  } else if (options.variant !== undefined && own.variant.state === 'unchecked') {
    problems.push({ line: exercise.lines.solution, message: `the solution of '${exercise.id}' could not be checked on the second data set: ${own.variant.why} — fix that, or ${OFF_FIX}` });
  }
  const starter = await checkExercise(engine, exercise, exercise.source, options);
  if (starter.pass) {
    problems.push({
      line: exercise.line,
      message: `the starter code of '${exercise.id}' already passes every check — make the checks stricter or leave more for the learner to write`,
    });
  }
  // Only where the solution was seen to pass on the variant: elsewhere the copy would pass for want of a second check.
  if (own.pass && own.variant.state === 'passed' && options.variant !== undefined) {
    const probe = await hardCodedProbe(engine, exercise, options.run ?? sqlRunner(engine), options.variant);
    if (probe !== undefined) problems.push(probe);
  }
  return problems;
}

/** Runs the solution, types its result and checked tables in, and checks that copy; a problem if it passes. */
async function hardCodedProbe(engine: SqlEngine, exercise: ExerciseCell, run: RunCode, variant: VariantSource): Promise<AuthoringProblem | undefined> {
  const copy = await typedInSolution(engine, exercise, run);
  if (copy === undefined) return undefined;
  // The copy is SQL even for a js exercise: it runs on the engine, and on the variant's engine.
  const sqlOnly: VariantSource = async (ex) => {
    const target = await variant(ex);
    return 'engine' in target ? { engine: target.engine } : target;
  };
  const checked = await checkExercise(engine, exercise, copy, { variant: sqlOnly });
  if (!checked.pass) return undefined;
  return {
    line: exercise.lines.checks,
    message: `a hard-coded copy of the solution's result (SELECT … UNION ALL … of its rows) passes every check of '${exercise.id}', on the second data set too — add a result or table check whose answer depends on the data, or ${OFF_FIX}`,
  };
}

/** The tables an exercise's checks read from the learner's database, which the copy must make. */
function checkedTables(exercise: ExerciseCell): string[] {
  const names = exercise.checks.flatMap((c) => {
    switch (c.kind) {
      case 'table':
      case 'unique':
      case 'not_null':
      case 'accepted_values':
      case 'relationships':
      case 'row_count':
        return [c.table];
      case 'idempotent':
        return c.tables;
      default:
        return [];
    }
  });
  return [...new Set(names)];
}

async function typedInSolution(engine: SqlEngine, exercise: ExerciseCell, run: RunCode): Promise<string | undefined> {
  const before = await engine.snapshot();
  try {
    const existing = new Map<string, 'table' | 'view'>();
    const schema = await engine.exec(`SELECT lower(name), type FROM sqlite_schema WHERE type IN ('table', 'view')`);
    for (const [name, type] of schema.result.rows) existing.set(String(name), type === 'view' ? 'view' : 'table');
    const output = await run(exercise.solution);
    const result = exercise.checks.some((c) => c.kind === 'result') ? resultOf(output) : null;
    const tables = new Map<string, ResultSet>();
    for (const table of checkedTables(exercise)) {
      if ((await tableColumns(engine, table)) === undefined) continue;
      tables.set(table, (await engine.exec(`SELECT * FROM ${quoteIdentifier(table)}`, undefined, { maxRows: CHECK_ROWS })).result);
    }
    if (result === null && tables.size === 0) return undefined;
    return typedInCopy(tables, result, existing);
  } finally {
    await engine.restore(before);
  }
}
