import { describe, expect, it } from 'vitest';
import type { Lesson } from '../lesson/types';
import { newExercise } from './records';
import { lessonOutline, originalsOf, summariseProgress } from './summary';

const progress = (lessonId: string, cellId: string, patch: object = {}) => ({ ...newExercise(lessonId, cellId, 0), ...patch });

describe('summariseProgress', () => {
  const lessons = [
    { id: 'a', stage: 'foundations' as const, exerciseIds: ['a1', 'a2'] },
    { id: 'b', stage: 'foundations' as const, exerciseIds: ['b1'] },
    { id: 'c', stage: 'processing' as const, exerciseIds: [] },
  ];

  it('counts exercises done, hints used and solutions seen per lesson', () => {
    const summary = summariseProgress(
      lessons,
      [{ lessonId: 'c', cellId: 'q' }],
      [
        progress('a', 'a1', { attempts: 2, passed: true, passedAt: 1, hintsRevealed: 1 }),
        progress('a', 'a2', { attempts: 1, hintsRevealed: 3, solutionSeen: true, solutionSeenAt: 1 }),
        progress('b', 'b1', { attempts: 1, passed: true, passedAt: 1 }),
      ],
    );
    expect(summary.lessons.get('a')).toEqual({
      lessonId: 'a', stage: 'foundations', exercises: 2, attempted: 2, passed: 1, hintsUsed: 4, solutionsSeen: 1,
      editedCells: 0, started: true, done: false,
    });
    expect(summary.lessons.get('b')).toMatchObject({ passed: 1, done: true });
    expect(summary.lessons.get('c')).toMatchObject({ exercises: 0, editedCells: 1, started: true, done: false });
  });

  it('adds lessons up per stage, every stage in course order', () => {
    const summary = summariseProgress(lessons, [], [progress('b', 'b1', { passed: true, passedAt: 1 })]);
    expect(summary.stages.map((s) => s.stage)).toEqual(['foundations', 'ingestion', 'processing', 'storage', 'access']);
    expect(summary.stages[0]).toMatchObject({ lessons: 2, lessonsStarted: 1, lessonsDone: 1, exercises: 3, passed: 1 });
    expect(summary.stages[1]).toMatchObject({ lessons: 0, exercises: 0 });
    expect(summary.total).toMatchObject({ lessons: 3, lessonsStarted: 1, lessonsDone: 1, exercises: 3, passed: 1 });
  });

  it('ignores progress on exercises and lessons the course no longer has', () => {
    const summary = summariseProgress(lessons, [{ lessonId: 'gone', cellId: 'x' }], [
      progress('a', 'removed-exercise', { passed: true, passedAt: 1 }),
      progress('gone', 'x', { passed: true, passedAt: 1 }),
    ]);
    expect(summary.lessons.get('a')).toMatchObject({ passed: 0, started: false });
    expect(summary.lessons.has('gone')).toBe(false);
    expect(summary.total.passed).toBe(0);
  });
});

describe('lesson helpers', () => {
  const lesson = {
    id: 'l', title: 'L', stage: 'storage', summary: '', datasets: [], objectives: [], file: 'lessons/01-l.md', order: 1,
    cells: [
      { kind: 'markdown', id: 'm', line: 1, source: '# Hi' },
      { kind: 'sql', id: 'q', line: 3, source: 'SELECT 1;', attrs: { id: 'q' } },
      { kind: 'exercise', id: 'ex', line: 9, source: 'SELECT -- your turn', attrs: { id: 'ex' } },
    ],
  } as unknown as Lesson;

  it('an outline lists the exercise cells', () => {
    expect(lessonOutline(lesson)).toEqual({ id: 'l', stage: 'storage', exerciseIds: ['ex'] });
  });

  it('originals map every code cell to its source in the lesson', () => {
    expect(originalsOf(lesson)).toEqual(new Map([['q', 'SELECT 1;'], ['ex', 'SELECT -- your turn']]));
  });
});
