// npm run lessons:check [file-or-folder...]: parses every lesson (default:
// lessons/*.md) and runs it in Node as a learner would (verifyLesson), then
// prints each problem as `file:line: message`, one summary line per lesson,
// and exits 1 if there was any problem. CI runs it (scripts/test.sh).
//
// Node wiring: sql.js in-process (createNodeEngine), dataset files read from
// datasets/ (nodeSource), and js cells in a real worker_threads thread
// (NodeThreadSandboxWorker), so a cell that loops forever is stopped by the
// sandbox's time limit instead of hanging the check.
import { readdir, readFile, stat } from 'node:fs/promises';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { JSDOM } from 'jsdom';
import { buildCatalog } from '../src/lesson/catalog';
import { createLessonSanitizer } from '../src/lesson/markdown-policy';
import { markupIssues } from '../src/lesson/markup-issues';
import { formatIssue, type LessonIssue } from '../src/lesson/types';
import { loadDatasets } from '../src/datasets/load';
import { nodeSource } from '../src/datasets/node-source';
import { variantSource } from '../src/datasets/variant-source';
import { DATASETS } from '../src/datasets/registry';
import { NodeThreadSandboxWorker } from '../src/sandbox/node-thread-worker';
import { createNodeEngine } from '../src/sql/node-engine';
import { datasetTablesOf, verifyLesson, type VerifyLessonOptions } from '../src/notebook/verify-lesson';

const LESSONS_DIR = fileURLToPath(new URL('../lessons/', import.meta.url));

const readText = nodeSource();
const readVariant = variantSource();

// The app's lesson sanitizer over a jsdom window, to report what the app would drop.
const sanitize = createLessonSanitizer(new JSDOM('').window as unknown as Window & typeof globalThis);

const options: Omit<VerifyLessonOptions, 'text'> = {
  createEngine: createNodeEngine,
  loadDatasets: async (names, engine) => datasetTablesOf(await loadDatasets(engine, names, readText)),
  // The hidden second data set every exercise is also checked on (and probed with a hard-coded answer).
  variant: {
    loadDatasets: async (names, engine) => datasetTablesOf(await loadDatasets(engine, names, readVariant)),
    readText: readVariant,
  },
  sandbox: {
    createWorker: () => new NodeThreadSandboxWorker(),
    readText,
    // What extract() may read: the learners' dataset files (answers/ stays out).
    files: [...new Set(DATASETS.filter((d) => !d.hidden).map((d) => d.file))],
  },
};

/** The lesson files to check, as paths to print: the arguments (files or folders), or lessons/*.md. */
async function lessonFiles(args: string[]): Promise<{ files: string[]; unreadable: LessonIssue[] }> {
  const given = args.length > 0 ? args : [relative(process.cwd(), LESSONS_DIR) || '.'];
  const files: string[] = [];
  const unreadable: LessonIssue[] = [];
  for (const path of given) {
    try {
      if ((await stat(path)).isDirectory()) {
        const names = (await readdir(path)).filter((n) => n.endsWith('.md')).sort();
        files.push(...names.map((n) => join(path, n)));
      } else {
        files.push(path);
      }
    } catch (error) {
      unreadable.push({ file: path, line: 1, message: `cannot read this path: ${error instanceof Error ? error.message : String(error)}` });
    }
  }
  return { files, unreadable };
}

function plural(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? '' : 's'}`;
}

async function main(): Promise<number> {
  const { files, unreadable } = await lessonFiles(process.argv.slice(2));
  for (const issue of unreadable) console.log(formatIssue(issue));
  if (files.length === 0) {
    if (unreadable.length === 0) console.log('lessons:check: no lesson files found');
    return 1;
  }

  const texts: Record<string, string> = {};
  for (const file of files) texts[file] = await readFile(file, 'utf8');

  let problems = unreadable.length;
  let failed = 0;
  for (const entry of buildCatalog(texts)) {
    if (!entry.ok) {
      for (const issue of entry.errors) console.log(formatIssue(issue));
      console.log(`fail ${entry.file} (does not parse): ${plural(entry.errors.length, 'problem')}`);
      problems += entry.errors.length;
      failed += 1;
      continue;
    }
    const { lesson } = entry;
    const started = performance.now();
    const issues = [...markupIssues(lesson, entry.file, sanitize), ...(await verifyLesson(lesson, { ...options, text: texts[entry.file] }))];
    const seconds = ((performance.now() - started) / 1000).toFixed(1);
    const code = lesson.cells.filter((c) => c.kind !== 'markdown');
    const exercises = code.filter((c) => c.kind === 'exercise').length;
    const facts = `${plural(code.length, 'code cell')}, ${plural(exercises, 'exercise')}, ${seconds} s`;
    for (const issue of issues) console.log(formatIssue(issue));
    if (issues.length === 0) {
      console.log(`ok ${entry.file} (${facts})`);
    } else {
      console.log(`fail ${entry.file} (${facts}): ${plural(issues.length, 'problem')}`);
      problems += issues.length;
      failed += 1;
    }
  }
  if (problems === 0) return 0;
  console.log(`lessons:check: ${plural(problems, 'problem')} in ${failed} of ${plural(files.length, 'lesson')}`);
  return 1;
}

main().then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    console.error(error);
    process.exitCode = 1;
  },
);
