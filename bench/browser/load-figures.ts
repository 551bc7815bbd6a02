// Loading generated data in the harness page: time, long tasks, frame gaps,
// and the tab's memory (proportional set size of every Chromium process, so
// the page, its workers and the GPU/utility processes all count).
import { readFileSync, readdirSync } from 'node:fs';
import type { Browser, Page } from 'playwright-core';

export interface LoadFigures {
  loadMs: number;
  longTasks: number;
  longestTask: number;
  maxFrameGap: number;
  memoryMb: number;
}

export async function measureLoad(page: Page, _browser: Browser, url: string, names: string[]): Promise<LoadFigures> {
  await page.goto(url);
  await page.waitForFunction(() => document.getElementById('status')?.textContent === 'ready');
  await page.evaluate(() => window.bench.ready());
  // A first small query so the worker and wasm are warm and counted in "before".
  await page.evaluate(() => window.bench.exec('SELECT 1'));
  const before = chromiumPssMb();
  const r = await page.evaluate((n) => window.bench.load(n), names);
  // Memory as a learner has it: after the first query (which takes the restore point).
  await page.evaluate(() => window.bench.exec('SELECT count(*) FROM sqlite_schema'));
  await new Promise((ok) => setTimeout(ok, 500));
  const after = chromiumPssMb();
  return {
    loadMs: r.ms,
    longTasks: r.longTasks.filter((t) => t.duration > 50).length,
    longestTask: Math.max(0, ...r.longTasks.map((t) => t.duration)),
    maxFrameGap: r.maxFrameGap,
    memoryMb: after - before,
  };
}

/** Sum of Pss over every process descended from this one (Chromium and its children). */
function chromiumPssMb(): number {
  const parent = new Map<number, number>();
  for (const d of readdirSync('/proc').filter((x) => /^\d+$/.test(x))) {
    try {
      // The command name may hold spaces and parentheses; ppid follows the last ")".
      const stat = readFileSync(`/proc/${d}/stat`, 'utf8');
      parent.set(Number(d), Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]));
    } catch {
      // The process ended while we read it.
    }
  }
  const ours = (pid: number): boolean => {
    for (let p = parent.get(pid); p !== undefined && p > 1; p = parent.get(p)) if (p === process.pid) return true;
    return false;
  };
  let kb = 0;
  for (const pid of parent.keys()) {
    if (!ours(pid)) continue;
    try {
      const m = /^Pss:\s+(\d+) kB/m.exec(readFileSync(`/proc/${pid}/smaps_rollup`, 'utf8'));
      if (m) kb += Number(m[1]);
    } catch {
      // Ended meanwhile.
    }
  }
  return kb / 1024;
}
