// The bench harness page: the workbench's own SQL engine (sql.js in its
// worker) and dataset loader, driven from bench/browser/run.ts through
// window.bench. It loads data the way a lesson does, so what is measured here
// is what a learner waits for; it is built by bench/browser/vite.config.ts,
// never shipped in dist/.
import { createBrowserEngine } from '../../../src/sql/browser-engine';

interface LongTask { start: number; duration: number }

const longTasks: LongTask[] = [];
new PerformanceObserver((list) => {
  for (const e of list.getEntries()) longTasks.push({ start: e.startTime, duration: e.duration });
}).observe({ type: 'longtask', buffered: true });

// Gaps between animation frames: a frozen page shows up as a long gap.
let lastFrame = 0;
let frameGaps: number[] = [];
function watchFrames(now: number): void {
  if (lastFrame > 0) frameGaps.push(now - lastFrame);
  lastFrame = now;
  requestAnimationFrame(watchFrames);
}
requestAnimationFrame(watchFrames);

const engine = createBrowserEngine();

const bench = {
  ready: () => engine.ready(),
  /** Loads the named datasets; returns ms, long tasks and the longest frame gap while it ran. */
  async load(names: string[]): Promise<{ ms: number; longTasks: LongTask[]; maxFrameGap: number }> {
    const from = longTasks.length;
    frameGaps = [];
    lastFrame = 0;
    const started = performance.now();
    // As the app does: the SQL worker fetches, parses and generates.
    await engine.load({ names, base: new URL('datasets/', document.baseURI).href });
    const ms = performance.now() - started;
    // Let the observer deliver the last entries.
    await new Promise((r) => setTimeout(r, 100));
    return { ms, longTasks: longTasks.slice(from), maxFrameGap: Math.max(0, ...frameGaps) };
  },
  async exec(sql: string, maxRows?: number): Promise<{ ms: number; rows: number }> {
    const started = performance.now();
    const r = await engine.exec(sql, undefined, maxRows === undefined ? undefined : { maxRows });
    return { ms: performance.now() - started, rows: r.result.rows.length };
  },
};

(window as unknown as { bench: typeof bench }).bench = bench;
document.getElementById('status')!.textContent = 'ready';
