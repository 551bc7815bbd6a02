// Conversions between sql.js values and the engine's SqlValue/SqlKind.
import type { BindParams, Statement } from 'sql.js';
import type { SqlKind, SqlParams, SqlValue } from './types';

/** What sql.js returns from Statement.get(null, { useBigInt: true }). */
type RawValue = bigint | number | string | Uint8Array | null;

// @types/sql.js predates the useBigInt option of Statement.get (sql.js >= 1.9).
interface BigIntStatement {
  get(params: null, config: { useBigInt: boolean }): RawValue[];
}

/**
 * Reads the current row. With useBigInt, sql.js returns INTEGER as bigint and
 * REAL as number, so the JS type alone tells the storage class apart.
 */
export function readRow(statement: Statement): { values: SqlValue[]; kinds: string } {
  const raw = (statement as unknown as BigIntStatement).get(null, { useBigInt: true });
  const values: SqlValue[] = new Array<SqlValue>(raw.length);
  let kinds = '';
  for (let c = 0; c < raw.length; c += 1) {
    const value = raw[c];
    kinds += kindOf(value);
    values[c] = typeof value === 'bigint' ? narrowInteger(value) : value;
  }
  return { values, kinds };
}

function kindOf(value: RawValue): SqlKind {
  if (value === null) return 'n';
  switch (typeof value) {
    case 'bigint':
      return 'i';
    case 'number':
      return 'r';
    case 'string':
      return 't';
    default:
      return 'b';
  }
}

/** Integers that fit a double exactly become numbers; the rest stay bigint. */
export function narrowInteger(value: bigint): number | bigint {
  const asNumber = Number(value);
  return Number.isSafeInteger(asNumber) ? asNumber : value;
}

const NAMED_PREFIXES = [':', '@', '$'] as const;

/**
 * Adapts params for sql.js. Named keys may omit their prefix ({ city: 'Seoul' }
 * for :city, @city or $city); sql.js would silently bind NULL instead.
 * bigint values bind as TEXT (sql.js has no 64-bit bind), which a column with
 * INTEGER affinity turns back into an integer.
 */
export function toBindParams(params: SqlParams): BindParams {
  if (Array.isArray(params)) return params as BindParams;
  const out: Record<string, SqlValue> = {};
  for (const [key, value] of Object.entries(params)) {
    if (NAMED_PREFIXES.some((p) => key.startsWith(p))) continue;
    for (const prefix of NAMED_PREFIXES) out[prefix + key] = value;
  }
  // Keys given with a prefix win over the same name given without one.
  for (const [key, value] of Object.entries(params)) {
    if (NAMED_PREFIXES.some((p) => key.startsWith(p))) out[key] = value;
  }
  return out as BindParams;
}

/** True when `value` is a SqlValue; data from user JavaScript is checked at runtime. */
export function isSqlValue(value: unknown): value is SqlValue {
  return (
    value === null ||
    typeof value === 'number' ||
    typeof value === 'bigint' ||
    typeof value === 'string' ||
    value instanceof Uint8Array
  );
}
