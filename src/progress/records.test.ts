import { describe, expect, it } from 'vitest';
import { detectConflict, editAfterSave, exerciseAfter, mergeExercises, newExercise } from './records';
import type { SavedEdit } from './types';

const edit = (code: string, original: string): SavedEdit => ({ lessonId: 'l', cellId: 'c', code, original, createdAt: 1, updatedAt: 2 });

describe('editAfterSave', () => {
  it('starts a copy based on the lesson code shown now', () => {
    expect(editAfterSave(undefined, 'l', 'c', 'mine', 'lesson', 5)).toEqual({
      lessonId: 'l', cellId: 'c', code: 'mine', original: 'lesson', createdAt: 5, updatedAt: 5,
    });
  });

  it('keeps the base the learner started from when they type on', () => {
    expect(editAfterSave(edit('mine', 'v1'), 'l', 'c', 'mine 2', 'v2', 9)).toMatchObject({ code: 'mine 2', original: 'v1', createdAt: 1, updatedAt: 9 });
  });

  it('forgets the copy when the code is the lesson code again', () => {
    expect(editAfterSave(edit('mine', 'v1'), 'l', 'c', 'v1', 'v1', 9)).toBeNull();
    expect(editAfterSave(undefined, 'l', 'c', 'v1', 'v1', 9)).toBeNull();
  });

  it('keeps a copy equal to an older lesson code: the lesson has moved on', () => {
    expect(editAfterSave(edit('mine', 'v1'), 'l', 'c', 'v1', 'v2', 9)).toMatchObject({ code: 'v1', original: 'v1' });
  });
});

describe('detectConflict', () => {
  it.each([
    ['same base', edit('mine', 'v1'), 'v1', null],
    ['lesson changed', edit('mine', 'v1'), 'v2', { kind: 'changed', savedOriginal: 'v1', currentOriginal: 'v2' }],
    ['learner already has the new code', edit('v2', 'v1'), 'v2', null],
    ['cell removed', edit('mine', 'v1'), undefined, { kind: 'removed', savedOriginal: 'v1' }],
  ])('%s', (_name, saved, current, expected) => {
    expect(detectConflict(saved, current)).toEqual(expected);
  });
});

describe('exercise records', () => {
  it('a pass, a solution seen and hints are kept by later events', () => {
    let x = newExercise('l', 'e', 1);
    x = exerciseAfter(x, { type: 'passed' }, 2);
    x = exerciseAfter(x, { type: 'passed' }, 3);
    x = exerciseAfter(x, { type: 'hint', index: 1 }, 4);
    x = exerciseAfter(x, { type: 'hint', index: 0 }, 5);
    x = exerciseAfter(x, { type: 'solution-seen' }, 6);
    expect(x).toMatchObject({ passed: true, passedAt: 2, hintsRevealed: 2, solutionSeen: true, solutionSeenAt: 6, updatedAt: 6 });
  });

  it('merging two records loses neither', () => {
    const a = { ...newExercise('l', 'e', 10), attempts: 3, passed: true, passedAt: 20, updatedAt: 20 };
    const b = { ...newExercise('l', 'e', 5), attempts: 1, hintsRevealed: 2, solutionSeen: true, solutionSeenAt: 30, updatedAt: 30 };
    expect(mergeExercises(a, b)).toEqual({
      lessonId: 'l', cellId: 'e', attempts: 3, passed: true, passedAt: 20, hintsRevealed: 2,
      solutionSeen: true, solutionSeenAt: 30, createdAt: 5, updatedAt: 30,
    });
  });
});
