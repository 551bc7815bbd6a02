// The example in docs/lesson-format.md is what instructors copy; it must parse,
// and into the cells the doc says it does.
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { expect, it } from 'vitest';
import { parseLesson } from './parse';
import { formatIssue } from './types';

it('parses the complete example of docs/lesson-format.md into the cells it describes', () => {
  const doc = readFileSync(fileURLToPath(new URL('../../docs/lesson-format.md', import.meta.url)), 'utf8');
  const example = /````markdown\n([\s\S]*?\n)````\n/.exec(doc)?.[1];
  expect(example).toBeDefined();
  const result = parseLesson('lessons/03-where-riders-go.md', example ?? '');
  if (!result.ok) throw new Error(result.errors.map(formatIssue).join('\n'));
  expect(result.lesson.order).toBe(3);
  expect(result.lesson.cells.map((c) => `${c.id}@${c.line}`)).toEqual([
    'md-1@13',
    'top-cities@17',
    'md-2@24',
    'clean-events@32',
    'md-3@37',
    'trips-by-city@43',
    'md-4@50',
  ]);
});

it('parses the exercise example of docs/lesson-format.md into the cells it describes', () => {
  const doc = readFileSync(fileURLToPath(new URL('../../docs/lesson-format.md', import.meta.url)), 'utf8');
  const example = /~~~~markdown\n([\s\S]*?\n)~~~~\n/.exec(doc)?.[1];
  expect(example).toBeDefined();
  const result = parseLesson('lessons/05-busiest-city.md', example ?? '');
  if (!result.ok) throw new Error(result.errors.map(formatIssue).join('\n'));
  expect(
    result.lesson.cells.map((c) =>
      c.kind === 'exercise' ? `${c.id}: ${c.checks.length} checks, ${c.hints.length} hints` : c.id,
    ),
  ).toEqual(['md-1', 'busiest-city: 1 checks, 2 hints', 'md-2', 'city-totals: 4 checks, 0 hints']);
});
