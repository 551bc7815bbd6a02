// How one SQLite value reads in a result table. Kept apart from the element so
// the rules (NULL distinct from 'NULL', reals keep a decimal point) are tested in Node.
import type { SqlValue } from '../../sql/types';
import { strings } from '../strings';

export interface FormattedValue {
  text: string;
  /** css class: num (right-aligned), null, blob, text */
  kind: 'num' | 'null' | 'blob' | 'text';
}

export function formatValue(value: SqlValue, storage: string | undefined): FormattedValue {
  if (value === null) return { text: strings.nullValue, kind: 'null' };
  if (value instanceof Uint8Array) return { text: strings.blobValue(value.byteLength), kind: 'blob' };
  if (typeof value === 'bigint') return { text: value.toString(), kind: 'num' };
  if (typeof value === 'number') {
    // A REAL that happens to be whole still shows as real (3.0), as the sqlite3 shell does.
    const text = storage === 'r' && Number.isInteger(value) ? value.toFixed(1) : String(value);
    return { text, kind: 'num' };
  }
  return { text: value, kind: 'text' };
}
