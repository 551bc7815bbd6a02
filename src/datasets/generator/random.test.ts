import { describe, expect, it } from 'vitest';
import { CumulativeTable, Rng, hash32 } from './random';

describe('Rng', () => {
  it('gives the same sequence for the same seed and label', () => {
    const a = new Rng(42, 'x');
    const b = new Rng(42, 'x');
    expect(Array.from({ length: 5 }, () => a.uint32())).toEqual(Array.from({ length: 5 }, () => b.uint32()));
  });

  it('gives different sequences for different seeds or labels', () => {
    expect(new Rng(1, 'x').uint32()).not.toBe(new Rng(2, 'x').uint32());
    expect(new Rng(1, 'x').uint32()).not.toBe(new Rng(1, 'y').uint32());
  });

  it('forks streams that do not depend on how much the other fork drew', () => {
    const parent1 = new Rng(7);
    const parent2 = new Rng(7);
    const a1 = parent1.fork('a');
    const b1 = parent1.fork('b');
    const a2 = parent2.fork('a');
    const b2 = parent2.fork('b');
    for (let i = 0; i < 100; i++) a1.next();
    expect(b1.next()).toBe(b2.next());
    expect(a2.next()).not.toBe(b2.next());
  });

  it('keeps int() within its inclusive bounds and reaches both ends', () => {
    const rng = new Rng(3);
    const seen = new Set<number>();
    for (let i = 0; i < 2000; i++) {
      const x = rng.int(2, 5);
      expect(x).toBeGreaterThanOrEqual(2);
      expect(x).toBeLessThanOrEqual(5);
      seen.add(x);
    }
    expect([...seen].sort()).toEqual([2, 3, 4, 5]);
  });

  it('draws weighted keys roughly in proportion', () => {
    const rng = new Rng(5);
    const counts = { a: 0, b: 0 };
    for (let i = 0; i < 10_000; i++) counts[rng.weighted({ a: 3, b: 1 })]++;
    expect(counts.a / 10_000).toBeCloseTo(0.75, 1);
  });

  it('samples distinct items', () => {
    const picked = new Rng(9).sample([1, 2, 3, 4, 5, 6], 4);
    expect(new Set(picked).size).toBe(4);
  });
});

describe('CumulativeTable', () => {
  it('never draws an index whose weight is zero', () => {
    const table = new CumulativeTable([0, 1, 0, 2, 0]);
    const rng = new Rng(11);
    for (let i = 0; i < 1000; i++) expect([1, 3]).toContain(table.draw(rng));
  });
});

describe('hash32', () => {
  it('is stable across runs (a change here changes every dataset)', () => {
    expect(hash32('trips', 20240304)).toBe(hash32('trips', 20240304));
    expect(hash32('trips')).toMatchInlineSnapshot(`1615984301`);
  });
});
