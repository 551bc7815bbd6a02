// npm run lessons:check as CI runs it: a child process, its output and exit code.
import { execFile } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { expect, it } from 'vitest';

const ROOT = fileURLToPath(new URL('..', import.meta.url));

async function lessonsCheck(...args: string[]): Promise<{ code: number; stdout: string }> {
  try {
    const { stdout } = await promisify(execFile)('node_modules/.bin/tsx', ['scripts/lessons-check.ts', ...args], { cwd: ROOT });
    return { code: 0, stdout };
  } catch (error) {
    const failed = error as { code?: number; stdout?: string };
    return { code: failed.code ?? -1, stdout: failed.stdout ?? '' };
  }
}

it('exits 1 on a broken lesson and prints each problem as file:line: message, then a summary', async () => {
  const broken = 'test/lesson-fixtures/check/90-broken-lesson.md';
  const unparsable = 'test/lesson-fixtures/input/53-front-matter-keys.md';
  const { code, stdout } = await lessonsCheck(broken, unparsable);
  expect(code).toBe(1);
  const lines = stdout.trimEnd().split('\n');
  expect(lines.filter((l) => l.startsWith(`${broken}:`)).map((l) => /^[^:]+:\d+/.exec(l)?.[0])).toEqual([
    `${broken}:8`,
    `${broken}:15`,
    `${broken}:25`,
    `${broken}:44`,
    `${broken}:51`,
  ]);
  expect(stdout).toContain(`${broken}:15: cell bad-column failed: statement 1: no such column: pickup_city\n`);
  expect(lines).toContainEqual(expect.stringMatching(new RegExp(`^fail ${broken} \\(5 code cells, 2 exercises, [\\d.]+ s\\): 5 problems$`)));
  // A file that does not parse is reported with the parser's own file:line errors.
  expect(lines).toContainEqual(expect.stringMatching(new RegExp(`^${unparsable}:\\d+: unknown front-matter key`)));
  expect(lines).toContainEqual(expect.stringMatching(new RegExp(`^fail ${unparsable} \\(does not parse\\)`)));
  expect(lines.at(-1)).toMatch(/^lessons:check: \d+ problems in 2 of 2 lessons$/);
}, 60_000);

it('exits 0 and prints one ok line per lesson when every lesson checks clean', async () => {
  const good = 'test/lesson-fixtures/check/01-good-lesson.md';
  const { code, stdout } = await lessonsCheck(good);
  expect(stdout).toMatch(new RegExp(`^ok ${good} \\(5 code cells, 1 exercise, [\\d.]+ s\\)\\n$`));
  expect(code).toBe(0);
}, 60_000);
