import { describe, expect, it } from 'vitest';
import { parseNdjson, splitLines } from './ndjson';

describe('parseNdjson', () => {
  it('reads one object per line with its line number', () => {
    const parsed = parseNdjson('{"a":1}\n{"a":2}\n');
    expect(parsed.objects).toEqual([{ line: 1, value: { a: 1 } }, { line: 2, value: { a: 2 } }]);
    expect(parsed.problems).toEqual([]);
  });

  it('rejects malformed JSON with the parser\'s reason and keeps the good lines', () => {
    const parsed = parseNdjson('{"a":1}\n{"a":\n{\'a\': 2}\n{"a":3},\n{"a":4}\n');
    expect(parsed.objects.map((o) => o.line)).toEqual([1, 5]);
    expect(parsed.problems.map((p) => p.line)).toEqual([2, 3, 4]);
    for (const p of parsed.problems) expect(p.reason).toMatch(/^invalid JSON: /);
    expect(parsed.problems[1]?.text).toBe("{'a': 2}");
  });

  it('rejects JSON that is not an object', () => {
    const parsed = parseNdjson('[1,2]\n"text"\nnull\n');
    expect(parsed.problems.map((p) => p.reason)).toEqual([
      'expected a JSON object, found an array',
      'expected a JSON object, found string',
      'expected a JSON object, found null',
    ]);
  });

  it('skips blank lines without shifting line numbers and accepts CRLF', () => {
    const parsed = parseNdjson('{"a":1}\r\n\r\n{"a":2}\r\n');
    expect(parsed.objects.map((o) => o.line)).toEqual([1, 3]);
  });
});

describe('splitLines', () => {
  it('does not invent an empty last line after the final newline', () => {
    expect(splitLines('a\nb\n')).toEqual(['a', 'b']);
    expect(splitLines('a\r\nb')).toEqual(['a', 'b']);
  });
});
