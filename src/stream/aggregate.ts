// Accumulators for the aggregates a stream cell computes, with SQL's rules:
// count counts rows, the others skip NULLs, and sum/avg/min/max of no values is NULL.
import type { AggregateSpec } from './types';

export type Value = number | string | null;

export interface Accumulator {
  rows: number;
  /** Per aggregate: a running number, a Set for count distinct, or null. */
  parts: Array<{ n: number; sum: number; min: Value; max: Value; distinct?: Set<Value> }>;
}

export function newAccumulator(aggs: readonly AggregateSpec[]): Accumulator {
  return {
    rows: 0,
    parts: aggs.map((a) => ({ n: 0, sum: 0, min: null, max: null, ...(a.fn === 'count distinct' ? { distinct: new Set<Value>() } : {}) })),
  };
}

function less(a: Value, b: Value): boolean {
  if (typeof a === 'number' && typeof b === 'number') return a < b;
  // SQLite orders numbers before text.
  if (typeof a === 'number') return true;
  if (typeof b === 'number') return false;
  return String(a) < String(b);
}

export function accumulate(acc: Accumulator, aggs: readonly AggregateSpec[], row: Record<string, Value>): void {
  acc.rows += 1;
  aggs.forEach((a, i) => {
    if (a.column === undefined) return;
    const v = row[a.column] ?? null;
    if (v === null) return;
    const p = acc.parts[i]!;
    p.n += 1;
    if (a.fn === 'sum' || a.fn === 'avg') p.sum += typeof v === 'number' ? v : Number(v) || 0;
    if (p.min === null || less(v, p.min)) p.min = v;
    if (p.max === null || less(p.max, v)) p.max = v;
    p.distinct?.add(v);
  });
}

/** Folds `from` into `into` (session windows that merge). */
export function mergeInto(into: Accumulator, from: Accumulator): void {
  into.rows += from.rows;
  into.parts.forEach((p, i) => {
    const q = from.parts[i]!;
    p.n += q.n;
    p.sum += q.sum;
    if (q.min !== null && (p.min === null || less(q.min, p.min))) p.min = q.min;
    if (q.max !== null && (p.max === null || less(p.max, q.max))) p.max = q.max;
    for (const v of q.distinct ?? []) p.distinct?.add(v);
  });
}

export function results(acc: Accumulator, aggs: readonly AggregateSpec[]): Value[] {
  return aggs.map((a, i) => {
    const p = acc.parts[i]!;
    switch (a.fn) {
      case 'count':
        return a.column === undefined ? acc.rows : p.n;
      case 'count distinct':
        return p.distinct!.size;
      case 'sum':
        return p.n === 0 ? null : p.sum;
      case 'avg':
        return p.n === 0 ? null : p.sum / p.n;
      case 'min':
        return p.min;
      case 'max':
        return p.max;
    }
  });
}
