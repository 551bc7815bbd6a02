import { describe, expect, it } from 'vitest';
import { inferField, parseExtract, type Extracted } from './extract';

describe('extract parses by extension', () => {
  it('reads CSV records as objects with light type inference', () => {
    const rows = parseExtract('trips.csv', 'id,city,fare,when,code\n1,Seoul,12.5,2024-03-01 08:00,007\n2,"Busan, South",,x,1e3\n') as Extracted<unknown>;
    expect([...rows]).toEqual([
      { id: 1, city: 'Seoul', fare: 12.5, when: '2024-03-01 08:00', code: '007' },
      { id: 2, city: 'Busan, South', fare: null, when: 'x', code: 1000 },
    ]);
    expect(rows.problems).toEqual([]);
    expect(Object.keys(rows)).toEqual(['0', '1']);
  });

  it('keeps every CSV field a string with { infer: false }', () => {
    expect([...(parseExtract('t.csv', 'a,b\n1,\n', { infer: false }) as unknown[])]).toEqual([{ a: '1', b: '' }]);
  });

  it.each([
    ['42', 42],
    ['-3.5', -3.5],
    ['', null],
    ['007', '007'],
    ['1,000', '1,000'],
    ['12345678901234567890', '12345678901234567890'],
    [' 1', ' 1'],
    ['true', 'true'],
  ])('infers %j as %j', (field, value) => {
    expect(inferField(field)).toEqual(value);
  });

  it('skips a broken CSV record and reports its line, quoted newlines included', () => {
    const text = 'a,b\n"multi\nline",1\n2\n3,"x"y\n4,5\n';
    const rows = parseExtract('t.csv', text) as Extracted<unknown>;
    expect([...rows]).toEqual([
      { a: 'multi\nline', b: 1 },
      { a: 4, b: 5 },
    ]);
    expect(rows.problems).toEqual([
      { line: 4, reason: 'expected 2 fields, found 1', text: '2' },
      { line: 5, reason: 'text after a closing quote (a quote inside a field must be doubled: "")', text: '3,"x"y' },
    ]);
  });

  it('reads NDJSON objects and reports malformed lines instead of throwing', () => {
    const rows = parseExtract('app_events.ndjson', '{"a":1}\n{"a":\n\n[1]\n{"a":2}\r\n') as Extracted<unknown>;
    expect([...rows]).toEqual([{ a: 1 }, { a: 2 }]);
    expect(rows.problems.map((p) => [p.line, p.text])).toEqual([
      [2, '{"a":'],
      [4, '[1]'],
    ]);
    expect(rows.problems[1].reason).toBe('expected a JSON object, found an array');
    expect(rows.file).toBe('app_events.ndjson');
  });

  it('reads a log as lines, and JSON as its value', () => {
    expect([...(parseExtract('server.log', 'GET /a 200\r\nGET /b 500\n') as unknown[])]).toEqual(['GET /a 200', 'GET /b 500']);
    expect(parseExtract('manifest.json', '{"defects": 3}')).toEqual({ defects: 3 });
    expect(() => parseExtract('bad.json', '{')).toThrow(/bad.json is not valid JSON/);
  });
});
