import { describe, expect, it } from 'vitest';
import { lineDiff, type DiffLine } from './line-diff';

/** The diff as text: ' ' same, '-' removed, '+' added. */
const show = (lines: DiffLine[]): string[] => lines.map((l) => `${{ same: ' ', removed: '-', added: '+' }[l.kind]}${l.text}`);

describe('lineDiff', () => {
  it('marks identical text as all same, with both line numbers', () => {
    expect(lineDiff('a\nb', 'a\nb')).toEqual([
      { kind: 'same', text: 'a', oldLine: 1, newLine: 1 },
      { kind: 'same', text: 'b', oldLine: 2, newLine: 2 },
    ]);
  });

  it('shows a changed line as removed then added, between unchanged lines', () => {
    expect(show(lineDiff('SELECT city\nFROM trips\nGROUP BY city', 'SELECT city\nFROM rides\nGROUP BY city'))).toEqual([
      ' SELECT city',
      '-FROM trips',
      '+FROM rides',
      ' GROUP BY city',
    ]);
  });

  it('keeps the longest run of common lines when lines move', () => {
    expect(show(lineDiff('a\nb\nc\nd', 'b\nc\na\nd'))).toEqual(['-a', ' b', ' c', '+a', ' d']);
  });

  it('numbers lines in each text', () => {
    const diff = lineDiff('x\ny', 'w\nx\ny\nz');
    expect(diff.find((l) => l.text === 'z')).toEqual({ kind: 'added', text: 'z', oldLine: null, newLine: 4 });
    expect(diff.find((l) => l.text === 'y')).toEqual({ kind: 'same', text: 'y', oldLine: 2, newLine: 3 });
  });

  it('treats empty text as no lines and CRLF like LF', () => {
    expect(show(lineDiff('', 'a'))).toEqual(['+a']);
    expect(show(lineDiff('a\r\nb', 'a\nb'))).toEqual([' a', ' b']);
    expect(lineDiff('', '')).toEqual([]);
  });

  it('still gives a correct diff for texts too large to align', () => {
    const before = Array.from({ length: 3000 }, (_, i) => `old ${i}`).join('\n');
    const after = Array.from({ length: 3000 }, (_, i) => `new ${i}`).join('\n');
    const diff = lineDiff(`head\n${before}\ntail`, `head\n${after}\ntail`);
    expect(diff.filter((l) => l.kind === 'removed')).toHaveLength(3000);
    expect(diff.filter((l) => l.kind === 'added')).toHaveLength(3000);
    expect(diff[0]).toMatchObject({ kind: 'same', text: 'head' });
    expect(diff.at(-1)).toMatchObject({ kind: 'same', text: 'tail', oldLine: 3002, newLine: 3002 });
  });
});
