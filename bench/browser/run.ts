// The browser bench: the figures of issue #13's table, measured on the built
// site in headless Chromium (playwright-core), each beside native SQLite
// (better-sqlite3) on the same generated data in the same run.
//
//   BENCH_TRIPS   trips to generate (default 1,000,000)
//   BENCH_RUNS    runs per query, the fastest counts (default 3)
//   BENCH_COLD    cold starts of lesson 01, the median counts (default 3)
//   BENCH_NO_BUILD=1  use the dist/ and bench/browser/.dist/ already built
import { execFileSync } from 'node:child_process';
import { readFile, readdir } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import { chromium, type Browser, type Page } from 'playwright-core';
import { startStaticServer } from '../../test/browser/static-server';
import { nativeGenerateAndLoad, nativeQuery } from './native';
import { measureLoad, type LoadFigures } from './load-figures';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));

interface Row { what: string; browser: string; native: string; ratio: string }

const fmtS = (ms: number): string => `${(ms / 1000).toFixed(2)} s`;
const fmtMs = (ms: number): string => `${Math.round(ms)} ms`;

function launch(): Promise<Browser> {
  return chromium.launch({
    executablePath: process.env.CHROME_PATH ?? '/usr/bin/chromium',
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update',
      '--disable-sync', '--no-first-run', '--enable-precise-memory-info'],
  });
}

function suffixOf(trips: number): string {
  if (trips % 1_000_000 === 0) return `${trips / 1_000_000}m`;
  if (trips % 1000 === 0) return `${trips / 1000}k`;
  return String(trips);
}

export async function runBrowserBench(): Promise<void> {
  const trips = Number(process.env.BENCH_TRIPS ?? 1_000_000);
  const runs = Number(process.env.BENCH_RUNS ?? 3);
  const colds = Number(process.env.BENCH_COLD ?? 3);
  const suffix = suffixOf(trips);
  if (!process.env.BENCH_NO_BUILD) {
    execFileSync('npx', ['vite', 'build', '--logLevel', 'warn'], { cwd: ROOT, stdio: 'inherit' });
    execFileSync('npx', ['vite', 'build', '--config', 'bench/browser/vite.config.ts'], { cwd: ROOT, stdio: 'inherit' });
  }
  const site = await startStaticServer({ root: `${ROOT}dist`, mountPath: '/courses/de/' });
  const harness = await startStaticServer({ root: `${ROOT}bench/browser/.dist`, mountPath: '/bench/' });
  const browser = await launch();
  const rows: Row[] = [];
  const ratio = (a: number, b: number): string => `${(a / b).toFixed(2)}× native`;
  try {
    console.log(`\n# browser: ${trips.toLocaleString('en')} trips, Chromium ${browser.version()}, load ${loadAverage()}\n`);

    // Native first, so its figures are from the same minutes as the browser's.
    const native = nativeGenerateAndLoad(trips, suffix);
    const groupSql = `SELECT city, count(*) AS trips, avg(fare) AS avg_fare FROM trips_${suffix} GROUP BY city`;
    const joinSql = `SELECT r.city, count(*) AS trips FROM trips_${suffix} t JOIN riders_${suffix} r ON r.rider_id = t.rider_id GROUP BY r.city`;
    const wideSql = `SELECT * FROM trips_${suffix} LIMIT 100000`;
    const nGroup = nativeQuery(native.db, groupSql, runs);
    const nJoin = nativeQuery(native.db, joinSql, runs);
    const nWide = nativeQuery(native.db, wideSql, runs);
    native.db.close();

    const page = await browser.newPage();
    const load: LoadFigures = await measureLoad(page, browser, `${harness.url}index.html`, [`trips@${suffix}`, `riders@${suffix}`]);
    const group = await execFastest(page, groupSql, runs);
    rows.push({ what: `trips@${suffix} + riders@${suffix} generated and loaded, then a GROUP BY`,
      browser: fmtS(load.loadMs + group), native: fmtS(native.ms + nGroup.ms), ratio: ratio(load.loadMs + group, native.ms + nGroup.ms) });
    rows.push({ what: 'main-thread tasks > 50 ms while that loads', browser: `${load.longTasks} (longest ${fmtMs(load.longestTask)}); longest frame gap ${fmtMs(load.maxFrameGap)}`, native: '', ratio: '' });
    rows.push({ what: `tab memory after loading ${suffix} trips`, browser: `+${Math.round(load.memoryMb)} MB`, native: '', ratio: '' });
    const join = await execFastest(page, joinSql, runs);
    rows.push({ what: `GROUP BY city over ${suffix}`, browser: fmtMs(group), native: fmtMs(nGroup.ms), ratio: ratio(group, nGroup.ms) });
    rows.push({ what: `JOIN riders over ${suffix}`, browser: fmtMs(join), native: fmtMs(nJoin.ms), ratio: ratio(join, nJoin.ms) });
    const wide = await execFastest(page, wideSql, runs, 100_000);
    rows.push({ what: '100k rows × 19 columns to the page', browser: fmtMs(wide), native: fmtMs(nWide.ms), ratio: ratio(wide, nWide.ms) });
    await page.close();

    const cold = await coldStarts(browser, `${site.url}#/lessons/first-look-at-rides`, colds);
    rows.push({ what: 'lesson 01 cold: text shown / first SQL result', browser: `${fmtS(cold.text)} / ${fmtS(cold.result)}, ${cold.longTasks} long task(s) before the result`, native: '', ratio: '' });
    const entry = await entryFiles(`${ROOT}dist/index.html`);
    rows.push({ what: 'start-up JS + CSS (gzip)', browser: `${kb(await gzipBytes(`${ROOT}dist`, entry))} in index.html; ` +
      `${kb(await gzipBytes(`${ROOT}dist`, cold.files))} fetched before the first result (workers, lazy chunks)`, native: '', ratio: '' });
  } finally {
    await browser.close();
    await site.close();
    await harness.close();
  }
  printTable(rows);
}

async function execFastest(page: Page, sql: string, runs: number, maxRows?: number): Promise<number> {
  let best = Infinity;
  for (let i = 0; i < runs; i++) {
    const r = await page.evaluate(([s, m]) => window.bench.exec(s as string, m as number | undefined), [sql, maxRows] as const);
    best = Math.min(best, r.ms);
  }
  return best;
}

interface Cold { text: number; result: number; longTasks: number; files: string[] }

/** Opens lesson 01 in a fresh context `n` times, clicks Run on its first SQL cell as soon as it shows; medians. */
async function coldStarts(browser: Browser, url: string, n: number): Promise<Cold> {
  const all: Cold[] = [];
  for (let i = 0; i < n; i++) {
    const context = await browser.newContext();
    const page = await context.newPage();
    const files: string[] = [];
    page.on('request', (r) => files.push(new URL(r.url()).pathname));
    await page.addInitScript(() => {
      const marks = { text: 0, result: 0, longTasks: [] as number[] };
      (window as unknown as { coldMarks: typeof marks }).coldMarks = marks;
      new PerformanceObserver((list) => {
        for (const e of list.getEntries()) if (!marks.result) marks.longTasks.push(e.duration);
      }).observe({ type: 'longtask', buffered: true });
      new MutationObserver(() => {
        if (!marks.text && document.querySelector('dew-notebook p')) marks.text = performance.now();
        if (!marks.result && document.querySelector('dew-notebook table')) marks.result = performance.now();
      }).observe(document, { subtree: true, childList: true });
    });
    await page.goto(url);
    await page.getByRole('button', { name: 'Run cell' }).first().click();
    await page.waitForFunction(() => (window as unknown as { coldMarks: { result: number } }).coldMarks.result > 0, null, { timeout: 60_000 });
    const marks = await page.evaluate(() => (window as unknown as { coldMarks: { text: number; result: number; longTasks: number[] } }).coldMarks);
    all.push({ text: marks.text, result: marks.result, longTasks: marks.longTasks.length, files });
    await context.close();
  }
  const median = (xs: number[]): number => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
  return { text: median(all.map((c) => c.text)), result: median(all.map((c) => c.result)), longTasks: median(all.map((c) => c.longTasks)), files: all[0]!.files };
}

const kb = (bytes: number): string => `${Math.round(bytes / 1024)} KB`;

/** The scripts, stylesheets and module preloads index.html names. */
async function entryFiles(indexHtml: string): Promise<string[]> {
  const html = await readFile(indexHtml, 'utf8');
  return [...html.matchAll(/(?:src|href)="([^"]+\.(?:js|css))"/g)].map((m) => m[1]!);
}

/** Gzip size of the JS and CSS among `paths` (file names under dist/assets). */
async function gzipBytes(dist: string, paths: string[]): Promise<number> {
  const assets = new Set(await readdir(`${dist}/assets`));
  let total = 0;
  for (const p of new Set(paths)) {
    const name = p.split('/').pop()!;
    if (!/\.(js|css)$/.test(name) || !assets.has(name)) continue;
    total += gzipSync(await readFile(`${dist}/assets/${name}`), { level: 9 }).length;
  }
  return total;
}

function loadAverage(): string {
  try {
    return execFileSync('cat', ['/proc/loadavg']).toString().split(' ').slice(0, 3).join(' ');
  } catch {
    return 'unknown';
  }
}

function printTable(rows: Row[]): void {
  const header: Row = { what: 'what', browser: 'browser (built site)', native: 'native', ratio: 'ratio' };
  const keys = ['what', 'browser', 'native', 'ratio'] as const;
  const widths = keys.map((k) => Math.max(...[header, ...rows].map((r) => r[k].length)));
  const line = (r: Row): string => `| ${keys.map((k, i) => r[k].padEnd(widths[i]!)).join(' | ')} |`;
  console.log(line(header));
  console.log(`|${widths.map((w) => '-'.repeat(w + 2)).join('|')}|`);
  for (const r of rows) console.log(line(r));
  console.log(`\nload average after: ${loadAverage()}`);
}

declare global {
  interface Window {
    bench: {
      ready(): Promise<void>;
      load(names: string[]): Promise<{ ms: number; longTasks: { start: number; duration: number }[]; maxFrameGap: number }>;
      exec(sql: string, maxRows?: number): Promise<{ ms: number; rows: number }>;
    };
  }
}
