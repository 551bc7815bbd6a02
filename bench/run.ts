// npm run bench [-- name ...]: runs every benchmark, or the ones named.
// BENCH_TRIPS (default 1,000,000) and BENCH_RUNS (default 2, fastest counts) tune the dataset bench;
// `npm run bench -- browser` is the browser bench alone (its knobs are in bench/browser/run.ts).
// Figures about speed live here, never in tests. Add a bench by adding an
// entry to BENCHES (e.g. query speed) in its own file.

import { runDatasetBench } from './datasets';
import { runExerciseCheckBench } from './exercise-checks';
import { runBrowserBench } from './browser/run';
import type { Result } from './measure';

const BENCHES: Record<string, () => Promise<Result[]>> = {
  datasets: () => runDatasetBench({ trips: Number(process.env.BENCH_TRIPS ?? 1_000_000), runs: Number(process.env.BENCH_RUNS ?? 2) }),
  checks: () => runExerciseCheckBench({ runs: Number(process.env.BENCH_RUNS ?? 2) }),
  // The built site in headless Chromium against better-sqlite3; see bench/browser/run.ts.
  browser: async () => {
    await runBrowserBench();
    return [];
  },
};

async function main(): Promise<void> {
  const wanted = process.argv.slice(2);
  const unknown = wanted.filter((w) => !(w in BENCHES));
  if (unknown.length > 0) throw new Error(`unknown bench ${unknown.join(', ')}; known: ${Object.keys(BENCHES).join(', ')}`);
  for (const [name, run] of Object.entries(BENCHES)) {
    if (wanted.length === 0 || wanted.includes(name)) await run();
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
