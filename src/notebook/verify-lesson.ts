// The author's check of a whole lesson, beyond what the parser can see: the
// datasets it names exist, and the lesson runs top to bottom as a learner
// would run it — every cell without error, every chart drawn, every
// exercise's solution passing its own checks and no starter code passing
// them. Pure TS over injected engine, loader and sandbox, so it runs in Node
// (scripts/lessons-check.ts) and in tests alike.
import { parseStreamSpec } from '../stream';
import type { CodeCell, ExerciseCell, Lesson, LessonIssue } from '../lesson/types';
import { frontMatterLine } from '../lesson/check/front-matter-lines';
import { didYouMean } from '../lesson/suggest';
import { datasetNames, findDataset } from '../datasets/registry';
import { isScaledName, parseScaledName } from '../datasets/scaled';
import { JsSandbox, type JsSandboxOptions } from '../sandbox/host';
import type { SqlEngine } from '../sql/types';
import type { ReadText } from '../datasets/load';
import type { CellOutput } from './cell-state';
import { defaultExecutors, exerciseExecutor, jsExecutor, type Executor } from './executors';
import { verifyExercise, type VariantSource } from './exercises';
import { VariantWorld } from './variant-world';
import { runPipeline } from './pipeline-executor';
import type { DatasetTables } from './lineage';
import { NotebookRuntime, type RuntimeOptions } from './runtime';

export interface VerifyLessonOptions {
  /** A fresh, empty database for this lesson; closed when the check ends. */
  createEngine: () => Promise<SqlEngine>;
  /** Loads datasets into the engine, as the notebook does (RuntimeOptions.loadDatasets). */
  loadDatasets: RuntimeOptions['loadDatasets'];
  /**
   * How js cells run: a JsSandbox over this engine-less configuration (in
   * Node, NodeThreadSandboxWorker, so a loop that never ends is stopped by
   * the time limit). Without it, every js cell and js exercise is reported
   * as one that cannot run.
   */
  sandbox?: Omit<JsSandboxOptions, 'engine'>;
  /** The lesson file's text, so problems in the front matter point at their own line (else line 1). */
  text?: string;
  /**
   * The hidden second data set: how to load its datasets and read its files
   * (for extract() in js cells). With it, every exercise's solution must
   * pass there too, and a hard-coded copy of its result must fail, unless
   * the exercise says `variant: {off: …}`.
   */
  variant?: { loadDatasets: RuntimeOptions['loadDatasets']; readText: ReadText };
}

/**
 * Every problem found by running the lesson, in file-line order. Never throws
 * for a broken lesson: whatever goes wrong is an issue at the line to fix.
 */
export async function verifyLesson(lesson: Lesson, options: VerifyLessonOptions): Promise<LessonIssue[]> {
  const issues: LessonIssue[] = [];
  const report = (line: number, message: string) => issues.push({ file: lesson.file, line, message: oneLine(message) });

  const unknown = new Set<string>();
  for (const name of lesson.datasets) {
    const problem = datasetProblem(name);
    if (problem === undefined) continue;
    unknown.add(name);
    const line = options.text === undefined ? undefined : frontMatterLine(options.text, 'datasets', name);
    report(line ?? 1, problem);
  }

  let engine: SqlEngine | undefined;
  let world: VariantWorld | undefined;
  try {
    engine = await options.createEngine();
    const target = engine;
    const js = options.sandbox ? jsRunner(new JsSandbox({ ...options.sandbox, engine: target })) : undefined;
    const second = options.variant;
    const sandbox = options.sandbox;
    world = second
      ? new VariantWorld(lesson, {
          createEngine: options.createEngine,
          loadDatasets: (names, into) => second.loadDatasets(names.filter((n) => !unknown.has(n)), into),
          executors: (variantEngine) =>
            sandbox ? { js: jsRunner(new JsSandbox({ ...sandbox, readText: second.readText, engine: variantEngine })) } : {},
        })
      : undefined;
    const variant = world?.source;
    const runtime = new NotebookRuntime(lesson, {
      engine: target,
      // An unknown dataset is reported above; load the others, so the rest of the lesson is still checked.
      loadDatasets: (names, into) => options.loadDatasets(names.filter((n) => !unknown.has(n)), into),
      executors: { ...defaultExecutors, exercise: exerciseExecutor(js, variant), ...(js ? { js } : {}) },
    });
    await runtime.prepare();
    const { datasets } = runtime.state;
    if (datasets.state === 'error') {
      const line = options.text === undefined ? undefined : frontMatterLine(options.text, 'datasets');
      report(line ?? 1, `the lesson's datasets could not be loaded: ${datasets.message}`);
      return sorted(issues);
    }

    const passed = new Set<string>();
    for (const cell of lesson.cells) {
      if (cell.kind === 'markdown') continue;
      if (cell.kind === 'exercise') {
        await verifyExerciseInOrder(runtime, target, cell, js, variant, report);
        continue;
      }
      if (cell.kind === 'stream') {
        // A spec mistake is reported on its own line of the file (the fence is cell.line, the spec starts below it).
        const spec = parseStreamSpec(cell.source);
        if (!spec.ok) {
          for (const e of spec.errors) report(cell.line + e.line, `stream ${cell.id}: ${e.message}`);
          continue;
        }
      }
      await runtime.run(cell.id);
      const problem = cellProblem(cell, runtime.cell(cell.id)?.output);
      if (problem !== undefined) report(cell.line, `cell ${cell.id} failed: ${problem}`);
      else passed.add(cell.id);
    }
    // A cell that runs on the lesson's data but not on the second one: the exercises after it meet other tables there.
    for (const [id, why] of world?.failures ?? []) {
      const cell = lesson.cells.find((c) => c.kind !== 'markdown' && c.id === id);
      if (cell === undefined || !passed.has(id)) continue;
      report(cell.line, `cell ${id} fails on the second data set (other values, same schema): ${why} — make it work on any data of this shape, or add \`- variant: {off: …}\` to the exercises after it`);
    }
  } catch (error) {
    report(1, `the lesson could not be run: ${messageOf(error)}`);
  } finally {
    engine?.close();
    world?.close();
  }
  return sorted(issues);
}

/**
 * An exercise at its place in the lesson: its solution passes and its starter
 * fails, on the database the cells above made; then the solution runs as the
 * cell's code (as for a learner who solved it), so later cells can use its tables.
 */
async function verifyExerciseInOrder(
  runtime: NotebookRuntime,
  engine: SqlEngine,
  cell: ExerciseCell,
  js: Executor | undefined,
  variant: VariantSource | undefined,
  report: (line: number, message: string) => void,
): Promise<void> {
  if (cell.language === 'js' && !js) {
    report(cell.line, `cell ${cell.id} failed: JavaScript cells cannot run here (no sandbox was given)`);
    return;
  }
  const sourceOf = (id: string) => runtime.cell(id)?.source;
  const run =
    cell.language === 'js' && js
      ? (code: string) => js(code, { engine })
      : cell.language === 'pipeline'
        ? (code: string) => runPipeline(code, { engine, sourceOf })
        : undefined;
  const problems = await verifyExercise(engine, cell, { run, variant });
  for (const p of problems) report(p.line, p.message);
  // verifyExercise reports the starter at the exercise's own line and the solution elsewhere.
  const solutionReported = problems.some((p) => p.line !== cell.line);

  runtime.edit(cell.id, cell.solution);
  await runtime.run(cell.id);
  const output = runtime.cell(cell.id)?.output;
  if (!(output?.kind === 'exercise' && output.pass)) {
    if (solutionReported) return;
    report(cell.line, `the solution of '${cell.id}' does not pass its checks when the lesson runs in order: ${why(output)}`);
    return;
  }
  // A passed attempt is kept, and learners run cells again (Run all, a second
  // look): the check then runs the solution over what the first pass made.
  await runtime.run(cell.id);
  const again = runtime.cell(cell.id)?.output;
  if (again?.kind === 'exercise' && again.pass) return;
  report(
    cell.lines.solution,
    `the solution of '${cell.id}' fails when it runs a second time, as it does for a learner who runs a passed exercise again: ${why(again)} — begin it with DROP TABLE/VIEW IF EXISTS, or CREATE … IF NOT EXISTS`,
  );
}

function why(output: CellOutput | undefined): string {
  return output?.kind === 'exercise' ? output.feedback.map((f) => f.message).join('; ') : describe(output);
}

/** Why a plain cell's run is not what the lesson needs, or undefined when it is. */
function cellProblem(cell: Exclude<CodeCell, ExerciseCell>, output: CellOutput | undefined): string | undefined {
  if (output === undefined) return 'it did not run (a cell above it stopped the run)';
  if (cell.kind === 'chart') return output.kind === 'chart' ? undefined : describe(output);
  if (cell.kind === 'stream') return output.kind === 'stream' ? undefined : describe(output);
  switch (output.kind) {
    case 'table':
      return undefined;
    case 'js':
      return output.failed ? describe(output) : undefined;
    case 'pipeline':
      return cell.kind === 'pipeline' ? undefined : describe(output);
    default:
      return describe(output);
  }
}

function describe(output: CellOutput | undefined): string {
  switch (output?.kind) {
    case undefined:
      return 'it did not run';
    case 'error':
      return output.statement === undefined ? output.message : `statement ${output.statement}: ${output.message}`;
    case 'stopped':
      return output.message || 'it was stopped';
    case 'js': {
      const error = output.outputs.findLast((o) => o.kind === 'error');
      return error?.kind === 'error' ? error.message : 'the JavaScript failed';
    }
    case 'exercise':
      return output.feedback.map((f) => f.message).join('; ') || (output.pass ? 'it passed' : 'it did not pass');
    case 'table':
      return 'it returned a table where a chart was expected';
    case 'chart':
      return 'it drew a chart where a table was expected';
    case 'stream':
      return 'it replayed a stream where a table was expected';
    case 'pipeline':
      return 'it ran a pipeline where something else was expected';
  }
}

/** Why a front-matter dataset name cannot be loaded, or undefined when it can. */
export function datasetProblem(name: string): string | undefined {
  if (isScaledName(name)) {
    try {
      parseScaledName(name);
      return undefined;
    } catch (error) {
      return `dataset ${messageOf(error)}`;
    }
  }
  if (findDataset(name)) return undefined;
  const known = datasetNames();
  return `unknown dataset '${name}'${didYouMean(name, known)} (datasets: ${known.join(', ')})`;
}

/** The tables each dataset made, from loadDatasets' reports, for the runtime's lineage. */
export function datasetTablesOf(reports: ReadonlyArray<{ dataset: string; table: string; rejectsTable: string | null }>): DatasetTables[] {
  return reports.map((r) => ({ name: r.dataset, tables: r.rejectsTable ? [r.table, r.rejectsTable] : [r.table] }));
}

function jsRunner(sandbox: JsSandbox): Executor {
  return jsExecutor((code, options) => sandbox.run(code, options));
}

function sorted(issues: LessonIssue[]): LessonIssue[] {
  return issues.map((issue, i) => ({ issue, i })).sort((a, b) => a.issue.line - b.issue.line || a.i - b.i).map((x) => x.issue);
}

function oneLine(message: string): string {
  return message.replace(/\s*\r?\n\s*/g, '; ').trim();
}

function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
