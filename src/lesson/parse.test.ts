import { describe, expect, it } from 'vitest';
import { parseLesson } from './parse';
import { formatIssue, type Cell, type LessonIssue } from './types';

const FRONT = ['---', 'id: trips', 'title: Trips', 'stage: ingestion', 'summary: Look at trips.', 'objectives: [Count trips]', '---'];
const FILE = 'lessons/02-trips.md';

/** A lesson whose body starts at line 8. */
function withBody(...body: string[]): string {
  return [...FRONT, ...body].join('\n');
}

function cellsOf(text: string): Cell[] {
  const result = parseLesson(FILE, text);
  if (!result.ok) throw new Error(result.errors.map(formatIssue).join('\n'));
  return result.lesson.cells;
}

function errorsOf(text: string, file = FILE): LessonIssue[] {
  const result = parseLesson(file, text);
  if (result.ok) throw new Error('expected the lesson to be rejected');
  return result.errors;
}

describe('parseLesson', () => {
  it('reads the front matter and takes the order from the file name', () => {
    const result = parseLesson(FILE, withBody('Hello.'));
    expect(result).toMatchObject({
      ok: true,
      lesson: { file: FILE, order: 2, id: 'trips', title: 'Trips', stage: 'ingestion', datasets: [], objectives: ['Count trips'] },
    });
  });

  it('splits the body into markdown and code cells in file order', () => {
    const cells = cellsOf(withBody('Intro.', '', '```sql id=q', 'SELECT 1;', '```', 'Outro.'));
    expect(cells.map((c) => [c.kind, c.id, c.line])).toEqual([
      ['markdown', 'md-1', 8],
      ['sql', 'q', 10],
      ['markdown', 'md-2', 13],
    ]);
  });

  it('records attributes as written on a code cell', () => {
    const cells = cellsOf(withBody('```js id="clean-events"', 'display(1);', '```'));
    expect(cells).toEqual([{ kind: 'js', id: 'clean-events', line: 8, source: 'display(1);', attrs: { id: 'clean-events' } }]);
  });

  it('starts a markdown cell at its first non-blank line and skips whitespace-only prose', () => {
    const cells = cellsOf(withBody('', '   ', 'Text.', '', '```sql id=a', '```', '  ', '```sql id=b', '```'));
    expect(cells.map((c) => [c.id, c.line])).toEqual([
      ['md-1', 10],
      ['a', 12],
      ['b', 15],
    ]);
  });

  it('keeps static blocks and other languages inside the prose', () => {
    const cells = cellsOf(withBody('```sql static', 'SELECT 1;', '```', '```text', 'x', '```'));
    expect(cells).toHaveLength(1);
    expect(cells[0]).toMatchObject({ kind: 'markdown', source: '```sql static\nSELECT 1;\n```\n```text\nx\n```' });
  });

  it('does not treat a fence inside a longer fence as a cell', () => {
    const cells = cellsOf(withBody('````md', '```sql id=inner', 'SELECT 1;', '```', '````'));
    expect(cells.map((c) => c.kind)).toEqual(['markdown']);
  });

  it('accepts Windows line endings and a byte-order mark', () => {
    const text = `\uFEFF${withBody('```sql id=q', 'SELECT 1;', '```')}`.replace(/\n/g, '\r\n');
    expect(cellsOf(text)).toEqual([{ kind: 'sql', id: 'q', line: 8, source: 'SELECT 1;', attrs: { id: 'q' } }]);
  });

  it('reports a duplicate id at the second cell\'s line and names the first', () => {
    const errors = errorsOf(withBody('```sql id=q', '```', '```js id=q', '```'));
    expect(errors).toEqual([{ file: FILE, line: 10, message: expect.stringContaining("cell id 'q' is already used by the cell at line 8") }]);
  });

  it('reports a cell without an id with the fence it should be added to', () => {
    const errors = errorsOf(withBody('~~~js', '~~~'));
    expect(formatIssue(errors[0]!)).toBe(
      'lessons/02-trips.md:8: js cell has no id — add id=some-name after ~~~js (or add static to show it as an example)',
    );
  });

  it('reports an unclosed fence at its opening line', () => {
    const errors = errorsOf(withBody('Prose.', '```sql id=q', 'SELECT 1;'));
    expect(errors).toEqual([{ file: FILE, line: 9, message: expect.stringContaining('never closed') }]);
  });

  it('reports a missing front matter and still checks the cells', () => {
    const errors = errorsOf('# Title\n```sql\n```\n');
    expect(errors.map((e) => [e.line, e.message.slice(0, 24)])).toEqual([
      [1, 'missing front matter — s'],
      [2, 'sql cell has no id — add'],
    ]);
  });

  it('reports a file name without an order prefix', () => {
    const errors = errorsOf(withBody(), 'lessons/trips.md');
    expect(errors[0]).toMatchObject({ line: 1, message: expect.stringContaining('NN-some-name.md') });
  });

  it('returns all problems at once, sorted by line', () => {
    const text = ['---', 'id: trips', 'title: Trips', 'stage: ingest', 'summary: s', 'objectives: [o]', '---', '```sql', '```', '```sql id=Bad', '```'].join('\n');
    expect(errorsOf(text).map((e) => e.line)).toEqual([4, 8, 10]);
  });

  it('maps YAML syntax errors to the file line', () => {
    const text = ['---', 'id: trips', 'title: Trips', 'objectives: [a, b', '---'].join('\n');
    expect(errorsOf(text)).toEqual([{ file: FILE, line: 4, message: expect.stringContaining('not valid YAML') }]);
  });

  it('reports an unclosed quote in the front matter where it opens, not where the text ends', () => {
    const text = ['---', 'id: trips', 'title: "Trips', 'stage: ingestion', '---'].join('\n');
    expect(errorsOf(text)).toEqual([{ file: FILE, line: 3, message: expect.stringContaining('quote opened on this line is never closed') }]);
  });

  it('never throws, whatever the input', () => {
    const inputs = ['', '---', '---\n---', '```', '---\n: :\n---', '---\n*a\n---', '\u0000', '---\na: &x [*x]\n---', '---\nid: [\n---\n```\n'];
    for (const input of inputs) {
      expect(() => parseLesson(FILE, input)).not.toThrow();
      expect(parseLesson(FILE, input).ok).toBe(false);
    }
  });
});
