// Checks one attempt at an exercise. The learner's code runs on the lesson's
// database, its result and tables are captured and the data tests run (and,
// for an idempotent check, the code runs once more to see what that changes);
// then the database is put back from a snapshot, the solution runs and is
// captured, and the database is put back again. So an attempt never touches
// the tables the next cells read: a wrong DELETE breaks nothing.
import type { CompareOptions, DataTestCheck, ExerciseCell, ExerciseCheck, IdempotentCheck, ResultCheck, TableCheck } from '../../lesson/types';
import { SqlCancelledError, type ResultSet, type SqlEngine } from '../../sql/types';
import type { CellOutput } from '../cell-state';
import { errorOutput, KEPT_ROWS } from '../executors';
import { compareResults } from './compare';
import { quoteIdentifier, runDataTest, tableColumns } from './data-tests';
import { errorTip } from './error-tips';
import { feedback, type Feedback } from './feedback';
import { rerunChanges } from './idempotent';
import { readsVerdict } from './reads';
import { exactCountTables, variantChecks, variantFeedback, variantOff, variantSetup, type VariantOutcome, type VariantSource } from './variant-check';
import { pipelineStateFeedback } from './pipeline-state';

/** Runs code as its cell would and returns what the cell would show. */
export type RunCode = (source: string) => Promise<CellOutput>;

/**
 * Rows of a result or table the checker reads. An attempt with more is told
 * so instead of being compared; a solution with more is a lesson bug.
 */
export const CHECK_ROWS = 100_000;

/**
 * The default runner: SQL on the engine, like the sql executor but keeping up
 * to CHECK_ROWS rows (the executor keeps KEPT_ROWS, too few to compare).
 */
export function sqlRunner(engine: SqlEngine): RunCode {
  return async (source) => {
    try {
      const { result, totalRows, changes, statements, tables } = await engine.exec(source, undefined, { maxRows: CHECK_ROWS });
      // tables: what the attempt read and wrote, for the lineage once it passes.
      return { kind: 'table', result, totalRows, changes, statements, tables };
    } catch (error) {
      return errorOutput(error);
    }
  };
}

export interface CheckOptions {
  /**
   * How to run the learner's code and the solution. Defaults to running SQL
   * on `engine` (sqlRunner); a js exercise passes the JS sandbox's executor.
   */
  run?: RunCode;
  /**
   * Keep the database as the learner's code left it when the attempt passes,
   * so later cells can read the tables it made. Default false: the database is
   * always exactly as before the check.
   */
  keepPassingState?: boolean;
  /**
   * The hidden second data set: when given, an attempt that passes on the
   * lesson's data is checked again there (unless the exercise says
   * `variant: {off: …}`), and passes only if it passes there too.
   */
  variant?: VariantSource;
}

/** The verdict of one check of the exercise, in the order the author wrote them. */
export interface CheckResult {
  check: ExerciseCheck;
  pass: boolean;
  feedback: Feedback[];
}

export interface CheckReport {
  /** Every check passed: mark the exercise done. */
  pass: boolean;
  /** Everything to tell the learner, in check order, each message once; [] when it passes. */
  feedback: Feedback[];
  /** Per check; [] when the attempt did not get as far as the checks (an error, stopped). */
  results: CheckResult[];
  /**
   * What the learner's code showed (its last result or its error), to render
   * as the cell's output; a table keeps at most KEPT_ROWS rows, as a sql cell's.
   */
  learnerOutput: CellOutput;
  /** What the second data set said; 'unchecked' when there was none or the attempt failed first. */
  variant: VariantOutcome;
}

/** Rows as read, and how many there were in all (more than kept when over CHECK_ROWS). */
interface Rows {
  rows: ResultSet;
  total: number;
}

/** What the checks need from one run: its last result and the checked tables. */
interface Captured {
  result: Rows | null;
  /** Rows of each table named by a `table` check; undefined when it does not exist. */
  tables: Map<string, Rows | undefined>;
}

const DATA_TESTS: ReadonlySet<ExerciseCheck['kind']> = new Set(['unique', 'not_null', 'accepted_values', 'relationships', 'row_count', 'no_rows']);
const isDataTest = (check: ExerciseCheck): check is DataTestCheck => DATA_TESTS.has(check.kind);
const needsSolution = (check: ExerciseCheck): check is ResultCheck | TableCheck => check.kind === 'result' || check.kind === 'table';
const isIdempotent = (check: ExerciseCheck): check is IdempotentCheck => check.kind === 'idempotent';

/**
 * Checks `learnerSource` against `exercise`. Never throws for a bad attempt:
 * errors in the learner's code, a stop, a broken solution and a database that
 * cannot be copied are all feedback items. The database ends as it was before
 * (or, with keepPassingState, as a passing attempt left it).
 */
export async function checkExercise(
  engine: SqlEngine,
  exercise: ExerciseCell,
  learnerSource: string,
  options: CheckOptions = {},
): Promise<CheckReport> {
  const run: RunCode = options.run ?? sqlRunner(engine);
  let before: Uint8Array;
  try {
    before = await engine.snapshot();
  } catch (error) {
    const message = messageOf(error);
    return report([feedback('cannot-isolate', { message })], [], { kind: 'error', message });
  }

  let learnerOutput: CellOutput = { kind: 'stopped', message: '' };
  try {
    const output = await runSafely(run, learnerSource);
    learnerOutput = forDisplay(output);
    const failure = attemptFailure(learnerOutput, learnerSource);
    if (failure !== undefined) {
      await engine.restore(before);
      return report([failure], [], learnerOutput);
    }
    const learner = await capture(engine, exercise.checks, output);
    const tested = new Map<ExerciseCheck, Feedback[]>();
    for (const check of exercise.checks) {
      if (isDataTest(check)) tested.set(check, await runDataTest(engine, check));
      else if (check.kind === 'pipeline_state') tested.set(check, pipelineStateFeedback(check, output.kind === 'pipeline' ? output : undefined));
    }
    // Taken before any second run: a passing attempt is kept as one run of
    // the cell left it, the state every other check judged. (Its checked
    // tables are the same after a second run, but tables it does not check,
    // such as a log it appends to, may not be.)
    const passingState = options.keepPassingState ? await engine.snapshot().catch(() => undefined) : undefined;
    const idempotent = exercise.checks.filter(isIdempotent);
    // Only an exercise with an idempotent check pays for a second run.
    const rerun = idempotent.length > 0 ? await runAgain(engine, run, learnerSource, idempotent) : undefined;
    await engine.restore(before);
    if (rerun !== undefined && !(rerun instanceof Map)) return report([rerun], [], learnerOutput);

    let solution: Captured | Feedback | undefined;
    if (exercise.checks.some(needsSolution)) {
      solution = await runSolution(engine, exercise, run);
      await engine.restore(before);
      if (!('tables' in solution) && solution.code === 'stopped') return report([solution], [], learnerOutput);
    }

    const results = exercise.checks.map((check) => {
      const result = check.kind === 'reads' ? verdictOf(readsVerdict(check, output)) : evaluate(check, learner, solution, tested, rerun);
      return { check, ...result, feedback: exercise.language === 'js' ? result.feedback.map(forJavaScript) : result.feedback };
    });
    const passHere = results.every((r) => r.pass);
    // The variant only for an attempt that passes here: a failing one already has its feedback.
    const variant = passHere ? await onVariant(exercise, learnerSource, options.variant) : unchecked(exercise, 'the attempt fails on the lesson data');
    const pass = passHere && variant.state !== 'failed';
    if (pass && passingState !== undefined) await engine.restore(passingState);
    // A missing table or a broken solution fails several checks alike; say it once.
    const said = new Set<string>();
    const items = [...results.flatMap((r) => r.feedback), ...(variant.state === 'failed' ? variant.feedback : [])];
    const all = items.filter((f) => !said.has(f.message) && said.add(f.message));
    return { pass, feedback: all, results, learnerOutput, variant };
  } catch (error) {
    // Stopped or failed between runs: whatever happened, put the database back.
    await engine.restore(before).catch(() => undefined);
    if (error instanceof SqlCancelledError) return report([feedback('stopped', {})], [], learnerOutput);
    const message = messageOf(error);
    return report([feedback('check-error', { message })], [], learnerOutput);
  }
}

function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

/** A table output trimmed to what a sql cell keeps for display. */
function forDisplay(output: CellOutput): CellOutput {
  if (output.kind !== 'table' || output.result.rows.length <= KEPT_ROWS) return output;
  const { result } = output;
  return { ...output, result: { ...result, rows: result.rows.slice(0, KEPT_ROWS), kinds: result.kinds.slice(0, KEPT_ROWS) } };
}

function report(items: Feedback[], results: CheckResult[], learnerOutput: CellOutput): CheckReport {
  return { pass: false, feedback: items, results, learnerOutput, variant: { state: 'unchecked', why: 'the attempt did not get as far as the checks' } };
}

function unchecked(exercise: ExerciseCell, why: string): VariantOutcome {
  const off = variantOff(exercise);
  return off === undefined ? { state: 'unchecked', why } : { state: 'off', reason: off };
}

/**
 * The attempt checked again on the variant database: the same checks but
 * those tied to this data (variantChecks). A solution that fails there is
 * the lesson's problem (lessons:check reports it), so it never fails the learner.
 */
async function onVariant(exercise: ExerciseCell, source: string, variant: VariantSource | undefined): Promise<VariantOutcome> {
  const off = variantOff(exercise);
  if (off !== undefined) return { state: 'off', reason: off };
  if (variant === undefined) return { state: 'unchecked', why: 'no second data set was given' };
  const target = await variant(exercise);
  if ('unavailable' in target) return { state: 'unchecked', why: target.unavailable };
  // A planted case: the world restores its own snapshot before the next check, so it lasts for this one only.
  const setup = variantSetup(exercise);
  if (setup !== undefined) {
    try {
      await target.engine.exec(setup);
    } catch (error) {
      return { state: 'unchecked', why: `its variant setup failed: ${messageOf(error)}` };
    }
  }
  const counted = exactCountTables(exercise.checks);
  const counts = counted.length === 0 ? new Map<string, number>() : await solutionCounts(target.engine, exercise, target.run ?? sqlRunner(target.engine), counted);
  const checks = variantChecks(exercise.checks, counts);
  if (checks.length === 0) return { state: 'unchecked', why: 'no check of this exercise runs on a second data set' };
  const there = await checkExercise(target.engine, { ...exercise, checks }, source, { run: target.run });
  if (there.pass) return { state: 'passed' };
  const lessonBug = there.feedback.find((f) => f.code === 'solution-error' || f.code === 'cannot-isolate' || f.code === 'check-error');
  if (lessonBug !== undefined) return { state: 'unchecked', why: lessonBug.message };
  return { state: 'failed', feedback: variantFeedback(there.feedback) };
}

/** Rows of each table after the solution ran (the database is put back after). */
async function solutionCounts(engine: SqlEngine, exercise: ExerciseCell, run: RunCode, tables: readonly string[]): Promise<Map<string, number>> {
  const before = await engine.snapshot();
  const counts = new Map<string, number>();
  try {
    const output = await runSafely(run, exercise.solution);
    if (output.kind === 'error' || output.kind === 'stopped') return counts;
    for (const table of tables) {
      if ((await tableColumns(engine, table)) === undefined) continue;
      counts.set(table, Number((await engine.exec(`SELECT count(*) FROM ${quoteIdentifier(table)}`)).result.rows[0]![0]));
    }
    return counts;
  } finally {
    await engine.restore(before);
  }
}

function verdictOf(items: Feedback[]): { pass: boolean; feedback: Feedback[] } {
  return { pass: items.length === 0, feedback: items };
}

async function runSafely(run: RunCode, source: string): Promise<CellOutput> {
  try {
    return await run(source);
  } catch (error) {
    return errorOutput(error);
  }
}

/** `source` is the learner's code, which some error tips need to be sure they apply. */
function attemptFailure(output: CellOutput, source: string): Feedback | undefined {
  switch (output.kind) {
    case 'error':
      return learnerError(output.message, source, output.statement);
    case 'stopped':
      return feedback('stopped', {});
    case 'js':
      return output.failed ? learnerError(jsErrorMessage(output), source) : undefined;
    default:
      return undefined;
  }
}

function learnerError(message: string, source: string, statement?: number): Feedback {
  return feedback('learner-error', errorParams(message, source, statement));
}

function errorParams(message: string, source: string, statement?: number) {
  const tip = errorTip(message, source);
  return { message, ...(statement === undefined ? {} : { statement }), ...(tip === undefined ? {} : { tip }) };
}

function jsErrorMessage(output: Extract<CellOutput, { kind: 'js' }>): string {
  const last = output.outputs.at(-1);
  return last?.kind === 'error' ? last.message : 'the cell failed';
}

/** A js cell's last displayed table, the one a `result` check compares. */
function lastJsTable(output: CellOutput) {
  if (output.kind !== 'js') return undefined;
  return output.outputs.findLast((o) => o.kind === 'table');
}

/**
 * The result a `result` check compares: the last statement's rows, or for a
 * js cell the last table it displayed (at most 1,000 rows travel from the
 * sandbox, so a larger one is reported as too large to compare).
 */
export function resultOf(output: CellOutput): ResultSet | null {
  const table = output.kind === 'table' ? output : lastJsTable(output);
  return table && table.result.columns.length > 0 ? table.result : null;
}

async function capture(engine: SqlEngine, checks: readonly ExerciseCheck[], output: CellOutput): Promise<Captured> {
  const tables = await readTables(engine, checks.flatMap((c) => (c.kind === 'table' ? [c.table] : [])));
  const result = resultOf(output);
  const total = output.kind === 'table' ? output.totalRows : (lastJsTable(output)?.totalRows ?? result?.rows.length ?? 0);
  return { result: result === null ? null : { rows: result, total: Math.max(total, result.rows.length) }, tables };
}

/** Each table's rows; undefined for a table that does not exist. */
async function readTables(engine: SqlEngine, names: readonly string[]): Promise<Map<string, Rows | undefined>> {
  const tables = new Map<string, Rows | undefined>();
  for (const table of names) {
    if (tables.has(table)) continue;
    if ((await tableColumns(engine, table)) === undefined) {
      tables.set(table, undefined);
      continue;
    }
    const read = await engine.exec(`SELECT * FROM ${quoteIdentifier(table)}`, undefined, { maxRows: CHECK_ROWS });
    tables.set(table, { rows: read.result, total: read.totalRows });
  }
  return tables;
}

const truncated = (rows: Rows): boolean => rows.total > rows.rows.rows.length;

/**
 * Runs the learner's code a second time, on the database its first run left,
 * and says per idempotent check what that changed in its tables ([] when
 * nothing). A stopped second run is the 'stopped' item instead.
 */
async function runAgain(
  engine: SqlEngine,
  run: RunCode,
  source: string,
  checks: readonly IdempotentCheck[],
): Promise<Map<IdempotentCheck, Feedback[]> | Feedback> {
  const first = await readTables(engine, checks.flatMap((c) => c.tables));
  const output = await runSafely(run, source);
  if (output.kind === 'stopped') return feedback('stopped', {});
  const error = output.kind === 'error' ? errorParams(output.message, source, output.statement) : undefined;
  const failure = output.kind === 'js' && output.failed ? errorParams(jsErrorMessage(output), source) : error;
  const second = failure === undefined ? await readTables(engine, [...first.keys()]) : undefined;

  const verdicts = new Map<IdempotentCheck, Feedback[]>();
  for (const check of checks) {
    if (failure !== undefined) {
      verdicts.set(check, [feedback('rerun-error', { ...(check.message === undefined ? {} : { note: check.message }), ...failure })]);
      continue;
    }
    verdicts.set(
      check,
      check.tables.flatMap((table) => {
        const once = first.get(table);
        const twice = second!.get(table);
        if (once === undefined) return [feedback('table-missing', { table })];
        for (const rows of [once, twice]) {
          if (rows !== undefined && truncated(rows)) return [feedback('too-many-rows', { table, count: rows.total, limit: CHECK_ROWS })];
        }
        return rerunChanges(table, once.rows, twice?.rows, check.message);
      }),
    );
  }
  return verdicts;
}

/** The solution's capture, or the feedback item that says why there is none. */
async function runSolution(engine: SqlEngine, exercise: ExerciseCell, run: RunCode): Promise<Captured | Feedback> {
  const output = await runSafely(run, exercise.solution);
  if (output.kind === 'stopped') return feedback('stopped', {});
  if (output.kind === 'error') return feedback('solution-error', { message: output.message });
  if (output.kind === 'js' && output.failed) return feedback('solution-error', { message: jsErrorMessage(output) });
  const captured = await capture(engine, exercise.checks, output);
  if (exercise.checks.some((c) => c.kind === 'result')) {
    if (captured.result === null) return feedback('solution-error', { message: 'its last statement returns no rows' });
    if (truncated(captured.result)) return feedback('solution-error', { message: `its result has more than ${CHECK_ROWS} rows` });
  }
  for (const [table, rows] of captured.tables) {
    if (rows === undefined) return feedback('solution-error', { message: `it does not create table '${table}'` });
    if (truncated(rows)) return feedback('solution-error', { message: `table '${table}' has more than ${CHECK_ROWS} rows` });
  }
  return captured;
}

/** A type mismatch is fixed in JavaScript with Number()/String() before load(), not with SQL's CAST. */
function forJavaScript(item: Feedback): Feedback {
  return item.code === 'column-type' ? feedback('column-type', { ...item.params, js: true }, item.examples) : item;
}

function evaluate(
  check: ExerciseCheck,
  learner: Captured,
  solution: Captured | Feedback | undefined,
  tested: ReadonlyMap<ExerciseCheck, Feedback[]>,
  rerun: ReadonlyMap<IdempotentCheck, Feedback[]> | undefined,
): { pass: boolean; feedback: Feedback[] } {
  if (check.kind === 'variant' || check.kind === 'reads') return { pass: true, feedback: [] };
  if (isDataTest(check) || isIdempotent(check) || check.kind === 'pipeline_state') {
    const items = (isIdempotent(check) ? rerun?.get(check) : tested.get(check)) ?? [];
    return { pass: items.length === 0, feedback: items };
  }
  if (solution === undefined || !('tables' in solution)) {
    return { pass: false, feedback: solution === undefined ? [] : [solution] };
  }
  if (check.kind === 'result') {
    if (learner.result === null) return { pass: false, feedback: [feedback('no-result', {})] };
    if (truncated(learner.result)) return { pass: false, feedback: [feedback('too-many-rows', { count: learner.result.total, limit: CHECK_ROWS })] };
    return verdict(compareResults(learner.result.rows, solution.result!.rows, compareOptionsOf(check)));
  }
  const mine = learner.tables.get(check.table);
  if (mine === undefined) return { pass: false, feedback: [feedback('table-missing', { table: check.table })] };
  if (truncated(mine)) {
    return { pass: false, feedback: [feedback('too-many-rows', { table: check.table, count: mine.total, limit: CHECK_ROWS })] };
  }
  return verdict(compareResults(mine.rows, solution.tables.get(check.table)!.rows, compareOptionsOf(check), check.table));
}

function verdict(v: { pass: boolean; problems: Feedback[] }): { pass: boolean; feedback: Feedback[] } {
  return { pass: v.pass, feedback: v.problems };
}

function compareOptionsOf(check: ResultCheck | TableCheck): CompareOptions {
  const { order, columns, columnOrder, tolerance, relativeTolerance, extraColumns, key } = check;
  return { order, columns, columnOrder, tolerance, relativeTolerance, extraColumns, key };
}
