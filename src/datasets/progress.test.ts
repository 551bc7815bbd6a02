import { describe, expect, it } from 'vitest';
import { ProgressTracker, type LoadProgress } from './progress';

function tracker(datasets: ConstructorParameters<typeof ProgressTracker>[0]) {
  let t = 0;
  const seen: LoadProgress[] = [];
  const tr = new ProgressTracker(datasets, (p) => seen.push(p), () => t, 100, 0);
  return { tr, seen, at: (ms: number) => (t = ms) };
}

describe('ProgressTracker', () => {
  it('reports stage changes at once and other updates at most every interval', () => {
    const { tr, seen, at } = tracker([{ dataset: 'trips', file: 'trips.csv' }]);
    at(10);
    tr.update('trips', { stage: 'reading', bytes: 10, totalBytes: 100 });
    at(20);
    tr.update('trips', { bytes: 20 });
    at(150);
    tr.update('trips', { bytes: 50 });
    expect(seen.map((p) => p.files[0]!.bytes)).toEqual([10, 50]);
  });

  it('counts rows, rows per second and the time left of generated data', () => {
    const { tr, seen, at } = tracker([{ dataset: 'trips@1m', file: null, totalRows: 1000 }]);
    at(1000);
    tr.update('trips@1m', { stage: 'inserting', rows: 250 });
    const p = seen.at(-1)!;
    expect(p.rows).toBe(250);
    expect(p.rowsPerSecond).toBe(250);
    expect(p.fraction).toBe(0.25);
    expect(p.remainingMs).toBe(3000);
  });

  it('splits a file into reading and inserting halves, and says nothing of time left too early', () => {
    const { tr, seen, at } = tracker([{ dataset: 'a', file: 'a.csv' }, { dataset: 'b', file: 'b.csv' }]);
    at(5);
    tr.update('a', { stage: 'reading', bytes: 1, totalBytes: 1000 });
    expect(seen.at(-1)!.remainingMs).toBeNull();
    tr.update('a', { stage: 'inserting', totalRows: 10, rows: 5 });
    expect(seen.at(-1)!.fraction).toBeCloseTo(0.375);
    tr.update('a', { stage: 'done', rows: 10 });
    tr.update('b', { stage: 'done' });
    expect(seen.at(-1)!.fraction).toBe(1);
    expect(seen.at(-1)!.remainingMs).toBe(0);
  });

  it('ignores a dataset it was not told about', () => {
    const { tr, seen } = tracker([{ dataset: 'a', file: 'a.csv' }]);
    tr.update('zzz', { stage: 'done' });
    expect(seen).toEqual([]);
  });
});
