#!/usr/bin/env node
// Turns the stage ledger written by scripts/test.sh into one line,
// "N passed, N failed", and exits non-zero if anything failed.
//
// The rule that matters: the line must never say "0 failed" when something
// broke. So besides failed tests, each of these counts as one failure: a test
// file that failed without a failing test (an import error, a throwing hook), a
// stage that exited non-zero without recording a failure (typecheck, build,
// vitest's unhandled errors), a stage that never finished, and a missing report.
//
// Usage: node scripts/count-results.mjs LEDGER [EXIT_STATUS_OF_CALLER]
// LEDGER lines are tab-separated: <stage> <state> <vitest JSON path or ->, where
// state is "started", "skipped: <why>", or the stage's exit code. Later lines
// for the same stage replace earlier ones.
import { existsSync, readFileSync } from 'node:fs';

const [ledgerPath, callerStatus = '0'] = process.argv.slice(2);
if (!ledgerPath) {
  console.error('usage: node scripts/count-results.mjs LEDGER [EXIT_STATUS]');
  process.exit(2);
}

/** @type {Map<string, {state: string, report: string}>} */
const stages = new Map();
const ledger = existsSync(ledgerPath) ? readFileSync(ledgerPath, 'utf8') : '';
for (const line of ledger.split('\n')) {
  if (!line.trim()) continue;
  const [name = '', state = '', report = '-'] = line.split('\t');
  stages.set(name, { state, report });
}

let passed = 0;
let failed = 0;
for (const [name, { state, report }] of stages) {
  const result = countStage(state, report);
  passed += result.passed;
  failed += result.failed;
  console.log(`  ${name}: ${result.summary}`);
}
if (failed === 0 && (callerStatus !== '0' || stages.size === 0)) {
  failed = 1;
  console.log(stages.size === 0 ? '  no stage ran' : `  test script exited ${callerStatus}`);
}
console.log(`${passed} passed, ${failed} failed`);
process.exit(failed > 0 ? 1 : 0);

/** @returns {{passed: number, failed: number, summary: string}} */
function countStage(state, report) {
  if (state === 'started') return { passed: 0, failed: 1, summary: 'did not finish' };
  if (state.startsWith('skipped')) return { passed: 0, failed: 0, summary: state };
  const code = Number(state);
  if (report === '-') {
    return code === 0
      ? { passed: 0, failed: 0, summary: 'ok' }
      : { passed: 0, failed: 1, summary: `failed (exit ${state})` };
  }
  const tests = readReport(report);
  if (!tests) return { passed: 0, failed: 1, summary: `exit ${state}, no readable report at ${report}` };
  let { passed, failed } = tests;
  let summary = `${passed} passed, ${failed} failed`;
  if (code !== 0 && failed === 0) {
    failed = 1;
    summary += ` (but exited ${state}: see errors above)`;
  }
  return { passed, failed, summary };
}

/** Counts a vitest JSON report; undefined if it is missing or not a report. */
function readReport(path) {
  let json;
  try {
    json = JSON.parse(readFileSync(path, 'utf8'));
  } catch {
    return undefined;
  }
  if (!Array.isArray(json?.testResults)) return undefined;
  let passed = 0;
  let failed = 0;
  for (const file of json.testResults) {
    const statuses = (file.assertionResults ?? []).map((test) => test.status);
    const failedTests = statuses.filter((status) => status === 'failed').length;
    passed += statuses.filter((status) => status === 'passed').length;
    // A file can fail with no failing test: it did not load, or a hook threw.
    failed += file.status === 'failed' && failedTests === 0 ? 1 : failedTests;
  }
  return { passed, failed };
}
