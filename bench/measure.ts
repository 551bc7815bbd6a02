// Small helpers every bench shares: time a step, print a table of results.

export interface Result {
  bench: string;
  step: string;
  rows: number;
  ms: number;
  note?: string;
}

export async function timed<T>(fn: () => T | Promise<T>): Promise<{ value: T; ms: number }> {
  const started = performance.now();
  const value = await fn();
  return { value, ms: performance.now() - started };
}

/**
 * The fastest of several runs: on a shared machine the slow runs measure the
 * neighbours, the fastest one measures the code.
 */
export async function fastest<T>(runs: number, fn: () => T | Promise<T>): Promise<{ value: T; ms: number }> {
  let best: { value: T; ms: number } | null = null;
  for (let i = 0; i < runs; i++) {
    const r = await timed(fn);
    if (best === null || r.ms < best.ms) best = r;
  }
  return best!;
}

export function rowsPerSecond(r: Pick<Result, 'rows' | 'ms'>): number {
  return r.rows / (r.ms / 1000);
}

const thousands = (n: number): string => Math.round(n).toString().replace(/\B(?=(\d{3})+(?!\d))/g, ',');

export function printResults(results: readonly Result[]): void {
  const lines = results.map((r) => [r.step, thousands(r.rows), (r.ms / 1000).toFixed(2), thousands(rowsPerSecond(r)), r.note ?? '']);
  const header = ['step', 'rows', 's', 'rows/s', ''];
  const widths = header.map((h, i) => Math.max(h.length, ...lines.map((l) => l[i]!.length)));
  const fmt = (cells: string[]): string => cells.map((c, i) => (i === 0 || i === 4 ? c.padEnd(widths[i]!) : c.padStart(widths[i]!))).join('  ');
  console.log(fmt(header));
  for (const l of lines) console.log(fmt(l));
}
