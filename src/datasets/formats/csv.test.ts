import { describe, expect, it } from 'vitest';
import { parseCsv, toCsv } from './csv';

describe('toCsv and parseCsv', () => {
  it('round-trips commas, quotes, line breaks and Korean text', () => {
    const rows = [
      ['cs_1', 'Hello, "world"', '3'],
      ['cs_2', 'line one\nline two', ''],
      ['cs_3', '요금이 너무 비싸요', '5'],
    ];
    const parsed = parseCsv(toCsv(['id', 'body', 'score'], rows));
    expect(parsed.header).toEqual(['id', 'body', 'score']);
    expect(parsed.records.map((r) => r.fields)).toEqual(rows);
    expect(parsed.problems).toEqual([]);
  });

  it('writes null as an empty field and ends every record with a newline', () => {
    expect(toCsv(['a', 'b'], [[1, null]])).toBe('a,b\n1,\n');
  });

  it('numbers records by the line they start on, counting line breaks inside quotes', () => {
    const parsed = parseCsv('id,body\n1,"a\nb"\n2,c\n');
    expect(parsed.records.map((r) => [r.line, r.fields[0]])).toEqual([[2, '1'], [4, '2']]);
  });

  it('accepts CRLF line endings and skips blank lines', () => {
    const parsed = parseCsv('a,b\r\n1,2\r\n\r\n3,4\r\n');
    expect(parsed.records.map((r) => r.fields)).toEqual([['1', '2'], ['3', '4']]);
  });
});

describe('parseCsv on broken input', () => {
  it('rejects a record with the wrong number of fields and keeps going', () => {
    const parsed = parseCsv('a,b,c\n1,2,3\n4,5\n6,7,8\n');
    expect(parsed.records.map((r) => r.fields[0])).toEqual(['1', '6']);
    expect(parsed.problems).toEqual([{ line: 3, reason: 'expected 3 fields, found 2', text: '4,5' }]);
  });

  it('rejects a quote inside an unquoted field', () => {
    const parsed = parseCsv('a,b\n1,say "hi"\n2,ok\n');
    expect(parsed.problems[0]).toMatchObject({ line: 2, reason: 'a quote inside an unquoted field' });
    expect(parsed.records).toHaveLength(1);
  });

  it('rejects text after a closing quote', () => {
    const parsed = parseCsv('a,b\n1,"x"y\n');
    expect(parsed.problems[0]?.reason).toMatch(/after a closing quote/);
  });

  it('reports a quote that is never closed instead of throwing', () => {
    const parsed = parseCsv('a,b\n1,ok\n2,"never closed\n3,x\n');
    expect(parsed.records.map((r) => r.fields[0])).toEqual(['1']);
    expect(parsed.problems).toHaveLength(1);
    expect(parsed.problems[0]).toMatchObject({ line: 3, reason: 'a quoted field is never closed (missing ")' });
  });
});
