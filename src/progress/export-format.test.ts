import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { recordsOf } from './changes';
import { exportFileName, parseProgressFile, serializeProgress } from './export-format';
import { newExercise } from './records';
import type { SavedEdit } from './types';

const T = Date.UTC(2025, 2, 1, 12, 0, 0);
const edit: SavedEdit = { lessonId: 'first-look', cellId: 'q', code: 'SELECT 1; -- 안녕 🚕', original: 'SELECT 0;', createdAt: T, updatedAt: T + 1 };
const exercise = { ...newExercise('first-look', 'ex', T), attempts: 2, passed: true, passedAt: T + 5 };
const file = () => JSON.parse(serializeProgress(recordsOf([edit], [exercise]), T));

function problems(mutate: (f: ReturnType<typeof file>) => void) {
  const f = file();
  mutate(f);
  const parsed = parseProgressFile(JSON.stringify(f));
  if (parsed.ok) throw new Error('expected the file to be rejected');
  return parsed.problems;
}

describe('the export file', () => {
  it('is versioned JSON with dates in ISO 8601', () => {
    expect(file()).toEqual({
      format: 'de-workbench-progress',
      version: 1,
      exportedAt: '2025-03-01T12:00:00.000Z',
      edits: [{ ...edit, createdAt: '2025-03-01T12:00:00.000Z', updatedAt: '2025-03-01T12:00:00.001Z' }],
      exercises: [{
        lessonId: 'first-look', cellId: 'ex', attempts: 2, passed: true, passedAt: '2025-03-01T12:00:00.005Z',
        hintsRevealed: 0, solutionSeen: false, solutionSeenAt: null,
        createdAt: '2025-03-01T12:00:00.000Z', updatedAt: '2025-03-01T12:00:00.000Z',
      }],
    });
    expect(exportFileName(T)).toBe('de-workbench-progress-2025-03-01.json');
  });

  it('reads back exactly what was written', () => {
    expect(parseProgressFile(JSON.stringify(file()))).toEqual({ ok: true, edits: [edit], exercises: [exercise] });
  });

  it('names the field and the value that is wrong', () => {
    expect(problems((f) => (f.exercises[0].attempts = -1))).toEqual([
      { path: 'exercises[0].attempts', message: '"attempts" must be a whole number, 0 or more, found the number -1.' },
    ]);
    expect(problems((f) => delete f.edits[0].code)).toEqual([
      { path: 'edits[0].code', message: '"code" must be text of at most 1,000,000 characters, found nothing (the field is missing).' },
    ]);
    expect(problems((f) => (f.edits[0].lessonId = ''))).toEqual([
      { path: 'edits[0].lessonId', message: '"lessonId" must be text of 1 to 200 characters, found "".' },
    ]);
  });

  it('refuses a passed exercise without a date, and a date without a pass', () => {
    expect(problems((f) => (f.exercises[0].passedAt = null))[0]).toEqual({
      path: 'exercises[0].passedAt', message: '"passedAt" must be a date when "passed" is true.',
    });
    expect(problems((f) => (f.exercises[0].solutionSeenAt = '2025-03-01T12:00:00.000Z'))[0].message).toBe(
      '"solutionSeenAt" must be null when "solutionSeen" is false.',
    );
  });

  it('refuses the same cell twice', () => {
    expect(problems((f) => f.edits.push({ ...f.edits[0] }))).toEqual([
      { path: 'edits[1]', message: 'lesson "first-look", cell "q" appears twice (first at edits[0]).' },
    ]);
  });

  it('refuses lists that are not lists and entries that are not objects', () => {
    expect(problems((f) => (f.edits = {}))[0]).toEqual({ path: 'edits', message: '"edits" must be a list, found an object.' });
    expect(problems((f) => f.exercises.push(42))[0]).toEqual({ path: 'exercises[1]', message: 'each entry must be an object, found the number 42.' });
  });

  it('lists every problem and counts them in the message', () => {
    const parsed = parseProgressFile(JSON.stringify({ ...file(), edits: [{}, {}] }));
    if (parsed.ok) throw new Error('expected a rejection');
    expect(parsed.problems).toHaveLength(12);
    expect(parsed.message).toBe(
      'This file cannot be imported, and nothing was changed: edits[0].lessonId: "lessonId" must be text of 1 to 200 characters, found nothing (the field is missing). (and 11 more problems)',
    );
  });
});

it('the example file in docs/progress.md imports', () => {
  const doc = readFileSync(fileURLToPath(new URL('../../docs/progress.md', import.meta.url)), 'utf8');
  const example = /```json\n([\s\S]*?\n)```\n/.exec(doc)?.[1] ?? '';
  const parsed = parseProgressFile(example);
  expect(parsed).toMatchObject({ ok: true, edits: [{ cellId: 'top-cities' }], exercises: [{ cellId: 'count-trips', passed: true }] });
});
