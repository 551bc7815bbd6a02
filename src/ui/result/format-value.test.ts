import { describe, expect, it } from 'vitest';
import { formatValue } from './format-value';

describe('formatValue', () => {
  it('shows NULL as a null value, unlike the text NULL', () => {
    expect(formatValue(null, 'n')).toEqual({ text: 'NULL', kind: 'null' });
    expect(formatValue('NULL', 't')).toEqual({ text: 'NULL', kind: 'text' });
  });

  it('keeps the decimal point of a whole REAL and not of an INTEGER', () => {
    expect(formatValue(3, 'r').text).toBe('3.0');
    expect(formatValue(3, 'i').text).toBe('3');
    expect(formatValue(2.5, 'r').text).toBe('2.5');
  });

  it('right-aligns numbers, including big integers', () => {
    expect(formatValue(9007199254740993n, 'i')).toEqual({ text: '9007199254740993', kind: 'num' });
    expect(formatValue(1.5, 'r').kind).toBe('num');
  });

  it('names a blob by its size instead of printing bytes', () => {
    expect(formatValue(new Uint8Array(4), 'b')).toEqual({ text: 'BLOB (4 bytes)', kind: 'blob' });
  });
});
