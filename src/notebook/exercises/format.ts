// Values and rows written as SQL literals for feedback: 'Seoul', 12.5, NULL.
// SQL is the learner's language here and needs no translation.
import type { SqlValue } from '../../sql/types';

const MAX_TEXT = 40;
const MAX_BLOB = 8;

export function literal(value: SqlValue): string {
  if (value === null) return 'NULL';
  if (typeof value === 'number' || typeof value === 'bigint') return String(value);
  if (typeof value === 'string') {
    const short = value.length > MAX_TEXT ? `${value.slice(0, MAX_TEXT)}…` : value;
    return `'${short.replace(/'/g, "''")}'`;
  }
  const hex = Array.from(value.slice(0, MAX_BLOB), (b) => b.toString(16).padStart(2, '0')).join('');
  return `X'${hex}${value.length > MAX_BLOB ? '…' : ''}'`;
}

/** One value bare, several as a tuple: 'Seoul' or ('Seoul', 12). */
export function tuple(values: readonly SqlValue[]): string {
  return values.length === 1 ? literal(values[0]!) : `(${values.map(literal).join(', ')})`;
}

/** A column name as SQL would need it: bare when it is a plain identifier, else in double quotes. */
export function columnName(name: string): string {
  return /^[A-Za-z_][A-Za-z0-9_]*$/.test(name) ? name : `"${name.replace(/"/g, '""')}"`;
}

/** city = 'Seoul' AND day IS NULL */
export function condition(names: readonly string[], values: readonly SqlValue[]): string {
  return names
    .map((name, i) => {
      const value = values[i] ?? null;
      return value === null ? `${columnName(name)} IS NULL` : `${columnName(name)} = ${literal(value)}`;
    })
    .join(' AND ');
}
