import { describe, expect, it } from 'vitest';
import { lessonFromBody } from '../lesson/testing';
import type { Lesson } from '../lesson/types';
import { exerciseMakingMissingTable, missingTable } from './made-by-exercise';

const lesson = (body: string): Lesson => lessonFromBody(body, { file: 'lessons/01-made-by.md' });

const exercise = (id: string, solution: string, lang = 'sql') => `
\`\`\`${lang} exercise id=${id}
-- write it
\`\`\`

\`\`\`${lang} solution for=${id}
${solution}
\`\`\`

\`\`\`yaml checks for=${id}
- table: {name: x}
\`\`\`
`;
const cell = (id: string) => `\n\`\`\`sql id=${id}\nSELECT * FROM x;\n\`\`\`\n`;

describe('missingTable', () => {
  it.each([
    ['no such table: ticket_trip_match', 'ticket_trip_match'],
    ['no such table: main.bad_rides', 'bad_rides'],
    ['no such view: v1', 'v1'],
    ['  no such table: "odd"', 'odd'],
  ])('reads %j', (message, table) => expect(missingTable(message)).toBe(table));

  it.each(['no such column: fare', 'near "DO": syntax error', 'table x already exists'])('ignores %j', (message) =>
    expect(missingTable(message)).toBeUndefined(),
  );
});

describe('exerciseMakingMissingTable', () => {
  const doc = lesson(
    exercise('make-view', 'DROP VIEW IF EXISTS ticket_trip_match;\nCREATE VIEW ticket_trip_match AS SELECT 1 AS a;') +
      cell('reads-view') +
      exercise('make-table', 'CREATE TABLE IF NOT EXISTS Bad_Rides AS SELECT 1 AS a;') +
      exercise('load-js', "await load('dark_mode_test', [{ a: 1 }]);", 'js') +
      cell('reads-later'),
  );

  it('names the exercise whose solution creates the missing view', () => {
    expect(exerciseMakingMissingTable(doc, 'reads-view', 'no such table: ticket_trip_match')?.exercise).toBe('make-view');
  });

  it('compares names without regard to case, as SQLite does', () => {
    expect(exerciseMakingMissingTable(doc, 'reads-later', 'no such table: bad_rides')?.exercise).toBe('make-table');
  });

  it('knows tables a JavaScript solution loads', () => {
    expect(exerciseMakingMissingTable(doc, 'reads-later', 'no such table: dark_mode_test')?.exercise).toBe('load-js');
  });

  it('names an exercise further down when none above makes the table (the learner ran a cell early)', () => {
    expect(exerciseMakingMissingTable(doc, 'reads-view', 'no such table: bad_rides')?.exercise).toBe('make-table');
  });

  it('finds the table in a sentence that quotes SQLite, and says which table', () => {
    expect(exerciseMakingMissingTable(doc, 'reads-later', 'A check could not run on your tables: no such table: main.bad_rides')).toEqual({
      table: 'bad_rides',
      exercise: 'make-table',
    });
    expect(exerciseMakingMissingTable(doc, 'reads-later', 'unrelated', 'no such table: dark_mode_test')?.exercise).toBe('load-js');
  });

  it('says nothing for a table no exercise makes, or another error', () => {
    expect(exerciseMakingMissingTable(doc, 'reads-view', 'no such table: trips')).toBeUndefined();
    expect(exerciseMakingMissingTable(doc, 'reads-view', 'no such column: a')).toBeUndefined();
  });

  it('does not point an exercise at itself', () => {
    expect(exerciseMakingMissingTable(doc, 'make-view', 'no such table: ticket_trip_match')).toBeUndefined();
  });

  it('prefers the nearest exercise above when two make the same table', () => {
    const two = lesson(
      exercise('first', 'CREATE TABLE t AS SELECT 1 AS a;') +
        exercise('second', 'DROP TABLE IF EXISTS t; CREATE TABLE t AS SELECT 2 AS a;') +
        cell('after'),
    );
    expect(exerciseMakingMissingTable(two, 'after', 'no such table: t')?.exercise).toBe('second');
  });
});
