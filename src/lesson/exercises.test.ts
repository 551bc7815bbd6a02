import { describe, expect, it } from 'vitest';
import { parseLesson } from './parse';
import { formatIssue, type Cell, type LessonIssue } from './types';

const FRONT = ['---', 'id: ex', 'title: Ex', 'stage: processing', 'summary: Exercises.', 'objectives: [Practise]', '---'];
const FILE = 'lessons/04-ex.md';
const withBody = (...body: string[]) => [...FRONT, ...body].join('\n');

function cellsOf(text: string): Cell[] {
  const result = parseLesson(FILE, text);
  if (!result.ok) throw new Error(result.errors.map(formatIssue).join('\n'));
  return result.lesson.cells;
}

function errorsOf(text: string): string[] {
  const result = parseLesson(FILE, text);
  if (result.ok) throw new Error('expected the lesson to be rejected');
  return result.errors.map((e: LessonIssue) => `${e.line}: ${e.message}`);
}

const SOLUTION = ['```sql solution for=q', 'SELECT 1 AS one;', '```'];
const CHECKS = ['```yaml checks for=q', '- result', '```'];

describe('exercise cells', () => {
  it('collects the starter, solution, checks and hints of an exercise into one cell', () => {
    const cells = cellsOf(
      withBody('```sql exercise id=q', '-- your query', '```', ...SOLUTION, ...CHECKS, '```hint for=q', 'First hint.', '```', '```hint for=q', 'Second.', '```'),
    );
    expect(cells).toEqual([
      {
        kind: 'exercise',
        id: 'q',
        line: 8,
        language: 'sql',
        source: '-- your query',
        solution: 'SELECT 1 AS one;',
        checks: [expect.objectContaining({ kind: 'result', line: 15 })],
        hints: ['First hint.', 'Second.'],
        attrs: { id: 'q', exercise: true },
        lines: { solution: 11, checks: 14, hints: [17, 20] },
      },
    ]);
  });

  it('never shows a companion as prose, and accepts companions before or after the exercise', () => {
    const cells = cellsOf(withBody('Intro.', ...SOLUTION, 'Between.', '```sql exercise id=q', '```', 'After.', ...CHECKS, 'End.'));
    expect(cells.map((c) => [c.kind, c.id, c.source])).toEqual([
      ['markdown', 'md-1', 'Intro.'],
      ['markdown', 'md-2', 'Between.'],
      ['exercise', 'q', ''],
      ['markdown', 'md-3', 'After.'],
      ['markdown', 'md-4', 'End.'],
    ]);
    expect(JSON.stringify(cells.filter((c) => c.kind === 'markdown'))).not.toContain('SELECT 1');
  });

  it('reads a js exercise with a js solution', () => {
    const cells = cellsOf(withBody('```js exercise id=q', '```', '```js solution for=q', "load('t', []);", '```', ...CHECKS));
    expect(cells[0]).toMatchObject({ kind: 'exercise', language: 'js', solution: "load('t', []);" });
  });

  it('requires a solution and checks, and names the fence to add', () => {
    expect(errorsOf(withBody('```js exercise id=q', '```'))).toEqual([
      "8: exercise 'q' has no solution — add a fence ```js solution for=q with the code that solves it (learners never see it unless they ask)",
      "8: exercise 'q' has no checks — add a fence ```yaml checks for=q with at least one check, e.g. - result",
    ]);
  });

  it('rejects a companion for an id that is no exercise, with a suggestion', () => {
    expect(errorsOf(withBody('```sql exercise id=busiest-city', '```', '```sql solution for=busiest-cty', 'SELECT 1;', '```', '```sql solution for=busiest-city', 'SELECT 1;', '```', '```yaml checks for=busiest-city', '- result', '```'))).toEqual([
      "10: there is no exercise 'busiest-cty' in this lesson — did you mean 'busiest-city'? (exercises: busiest-city)",
    ]);
  });

  it('keeps cell ids unique across exercises and other cells', () => {
    expect(errorsOf(withBody('```sql id=q', '```', '```sql exercise id=q', '```', ...SOLUTION, ...CHECKS))).toContain(
      "10: cell id 'q' is already used by the cell at line 8 — give this cell another id",
    );
  });
});
