// Pins the counting rules of the final "N passed, N failed" line: whatever
// breaks, the line must not say "0 failed".
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';

const SCRIPT = fileURLToPath(new URL('./count-results.mjs', import.meta.url));

let dir = '';
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'count-results-'));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

type TestStatus = 'passed' | 'failed' | 'skipped' | 'todo';

/** A vitest JSON report with one entry per file. */
function report(name: string, files: { status: 'passed' | 'failed'; tests: TestStatus[] }[]): string {
  const path = join(dir, `${name}.json`);
  const testResults = files.map((file, index) => ({
    name: `file${index}.test.ts`,
    status: file.status,
    message: '',
    assertionResults: file.tests.map((status, n) => ({ title: `test ${n}`, status })),
  }));
  writeFileSync(path, JSON.stringify({ testResults, success: files.every((f) => f.status === 'passed') }));
  return path;
}

function count(ledger: string[][], callerStatus = '0'): { line: string; code: number | null } {
  const path = join(dir, 'stages.tsv');
  writeFileSync(path, ledger.map((row) => row.join('\t')).join('\n') + '\n');
  const run = spawnSync(process.execPath, [SCRIPT, path, callerStatus], { encoding: 'utf8' });
  return { line: run.stdout.trimEnd().split('\n').at(-1) ?? '', code: run.status };
}

describe('count-results', () => {
  it('adds up passed and failed tests from every report', () => {
    const unit = report('unit', [{ status: 'failed', tests: ['passed', 'failed', 'skipped', 'todo'] }]);
    const browser = report('browser', [{ status: 'passed', tests: ['passed', 'passed'] }]);
    const result = count([
      ['typecheck', '0', '-'],
      ['unit', '1', unit],
      ['browser', '0', browser],
    ]);
    expect(result).toEqual({ line: '3 passed, 1 failed', code: 1 });
  });

  it('exits 0 when everything passed', () => {
    const unit = report('unit', [{ status: 'passed', tests: ['passed'] }]);
    expect(count([['typecheck', '0', '-'], ['unit', '0', unit]])).toEqual({ line: '1 passed, 0 failed', code: 0 });
  });

  it('counts a file that failed to load as one failure', () => {
    const unit = report('unit', [
      { status: 'failed', tests: [] },
      { status: 'failed', tests: ['skipped'] },
      { status: 'passed', tests: ['passed'] },
    ]);
    expect(count([['unit', '1', unit]]).line).toBe('1 passed, 2 failed');
  });

  it('counts a failed stage without a report as one failure', () => {
    expect(count([['typecheck', '2', '-'], ['build', '1', '-']]).line).toBe('0 passed, 2 failed');
  });

  it('counts a non-zero exit with no failing test (unhandled errors) as one failure', () => {
    const unit = report('unit', [{ status: 'passed', tests: ['passed'] }]);
    expect(count([['unit', '1', unit]]).line).toBe('1 passed, 1 failed');
  });

  it('counts a missing report and an unfinished stage as failures', () => {
    const result = count([
      ['unit', '1', join(dir, 'never-written.json')],
      ['browser', 'started', join(dir, 'browser.json')],
    ]);
    expect(result).toEqual({ line: '0 passed, 2 failed', code: 1 });
  });

  it('does not count a skipped stage, but does count a caller that died', () => {
    expect(count([['browser', 'skipped: no build', '-']]).line).toBe('0 passed, 0 failed');
    expect(count([['typecheck', '0', '-']], '130').line).toBe('0 passed, 1 failed');
  });

  it('never reports success when no stage ran', () => {
    expect(count([])).toEqual({ line: '0 passed, 1 failed', code: 1 });
  });

  it('lets a later ledger line for a stage replace the earlier one', () => {
    expect(count([['typecheck', 'started', '-'], ['typecheck', '0', '-']]).line).toBe('0 passed, 0 failed');
  });
});
