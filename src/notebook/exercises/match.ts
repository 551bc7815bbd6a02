// Value equality and multiset matching of rows, as the checks define them:
// NULL equals NULL; integer and real are equal by value (1 = 1.0); bigint
// compares exactly with integers; numbers may differ within a tolerance; text
// and blobs compare exactly; text is never equal to a number ('12' <> 12).
import type { SqlValue } from '../../sql/types';

export interface Tolerance {
  /** Largest absolute difference allowed. */
  absolute: number;
  /** Largest difference relative to the larger magnitude. */
  relative: number;
}

export const EXACT: Tolerance = { absolute: 0, relative: 0 };

type Numeric = number | bigint;

const isNumeric = (v: SqlValue): v is Numeric => typeof v === 'number' || typeof v === 'bigint';

function numbersEqual(a: Numeric, b: Numeric, tol: Tolerance): boolean {
  if (typeof a === 'bigint' && typeof b === 'bigint') {
    if (a === b) return true;
  } else if (typeof a === 'bigint' || typeof b === 'bigint') {
    const big = (typeof a === 'bigint' ? a : b) as bigint;
    const num = (typeof a === 'bigint' ? b : a) as number;
    if (Number.isInteger(num) && BigInt(num) === big) return true;
  } else if (a === b) {
    return true;
  }
  const x = Number(a);
  const y = Number(b);
  const diff = Math.abs(x - y);
  return diff <= tol.absolute || diff <= tol.relative * Math.max(Math.abs(x), Math.abs(y));
}

export function valuesEqual(a: SqlValue, b: SqlValue, tol: Tolerance): boolean {
  if (a === null || b === null) return a === b;
  if (isNumeric(a) && isNumeric(b)) return numbersEqual(a, b, tol);
  if (typeof a === 'string' || typeof b === 'string') return a === b;
  if (a instanceof Uint8Array && b instanceof Uint8Array) {
    return a.length === b.length && a.every((byte, i) => byte === b[i]);
  }
  return false;
}

/**
 * A string equal for exactly-equal values: integers by value whether stored
 * as number or bigint (and 1.0 is the integer 1), so exact matches hash.
 */
export function valueKey(v: SqlValue): string {
  if (v === null) return 'n';
  if (typeof v === 'bigint') return `i${v}`;
  if (typeof v === 'number') return Number.isInteger(v) ? `i${BigInt(v)}` : `r${v}`;
  if (typeof v === 'string') return `s${v}`;
  return `b${Array.from(v, (byte) => byte.toString(16).padStart(2, '0')).join('')}`;
}

export function rowKey(row: readonly SqlValue[], columns: readonly number[]): string {
  return JSON.stringify(columns.map((c) => valueKey(row[c] ?? null)));
}

export function rowsEqual(a: readonly SqlValue[], b: readonly SqlValue[], columns: readonly number[], tol: Tolerance): boolean {
  return columns.every((c) => valuesEqual(a[c] ?? null, b[c] ?? null, tol));
}

export interface Matching {
  /** [index in a, index in b] of rows paired as equal. */
  pairs: Array<[number, number]>;
  /** Rows of a with no partner, ascending. */
  onlyA: number[];
  /** Rows of b with no partner, ascending. */
  onlyB: number[];
}

/** Above this many leftover comparisons, rows that are not exactly equal stay unpaired. */
const TOLERANT_PAIRING_LIMIT = 250_000;

/**
 * Pairs the rows of `a` with equal rows of `b` on `columns`, as multisets: a
 * row twice in `a` and once in `b` leaves one unpaired. Exact matches are
 * found by hashing; what is left is paired within the tolerance.
 */
export function matchRows(
  a: readonly (readonly SqlValue[])[],
  b: readonly (readonly SqlValue[])[],
  columns: readonly number[],
  tol: Tolerance,
): Matching {
  const waiting = new Map<string, number[]>();
  b.forEach((row, j) => {
    const key = rowKey(row, columns);
    const list = waiting.get(key);
    if (list) list.push(j);
    else waiting.set(key, [j]);
  });
  const pairs: Array<[number, number]> = [];
  const leftA: number[] = [];
  a.forEach((row, i) => {
    const j = waiting.get(rowKey(row, columns))?.shift();
    if (j === undefined) leftA.push(i);
    else pairs.push([i, j]);
  });
  const taken = new Set(pairs.map(([, j]) => j));
  let leftB = b.map((_, j) => j).filter((j) => !taken.has(j));

  const tolerant = tol.absolute > 0 || tol.relative > 0;
  const onlyA: number[] = [];
  if (tolerant && leftA.length * leftB.length <= TOLERANT_PAIRING_LIMIT) {
    for (const i of leftA) {
      const k = leftB.findIndex((j) => rowsEqual(a[i]!, b[j]!, columns, tol));
      if (k === -1) {
        onlyA.push(i);
      } else {
        pairs.push([i, leftB[k]!]);
        leftB = leftB.filter((_, n) => n !== k);
      }
    }
  } else {
    onlyA.push(...leftA);
  }
  return { pairs, onlyA, onlyB: leftB };
}
