import { describe, expect, it } from 'vitest';
import { Changes, deleteOp, emptyRecords, putOp, recordsOf, updateOp } from './changes';
import { cellKey } from './records';
import type { SavedEdit } from './types';

const edit = (lessonId: string, cellId: string, code: string): SavedEdit => ({ lessonId, cellId, code, original: '', createdAt: 0, updatedAt: 0 });
const codes = (changes: Changes, below: SavedEdit[]): Record<string, string> => {
  const records = changes.applyTo(recordsOf(below, []));
  return Object.fromEntries([...records.edits.values()].map((e) => [`${e.lessonId}/${e.cellId}`, e.code]));
};
const append = (suffix: string) => updateOp<SavedEdit>((prev) => (prev ? { ...prev, code: prev.code + suffix } : null));

describe('Changes', () => {
  it('lays puts, deletes and updates over stored records', () => {
    const changes = new Changes();
    changes.changeEdit('l', 'a', putOp(edit('l', 'a', 'new')));
    changes.changeEdit('l', 'b', deleteOp());
    changes.changeEdit('l', 'c', append('!'));
    expect(codes(changes, [edit('l', 'b', 'gone'), edit('l', 'c', 'kept'), edit('m', 'a', 'other')])).toEqual({
      'l/a': 'new', 'l/c': 'kept!', 'm/a': 'other',
    });
  });

  it('composes later updates with earlier ones on the same record', () => {
    const changes = new Changes();
    changes.changeEdit('l', 'a', append('1'));
    changes.changeEdit('l', 'a', append('2'));
    expect(changes.size).toBe(1);
    expect(codes(changes, [edit('l', 'a', 'x')])).toEqual({ 'l/a': 'x12' });
  });

  it('lets an update with the same tag replace the earlier one', () => {
    const changes = new Changes();
    changes.changeEdit('l', 'a', updateOp(() => edit('l', 'a', 'one'), 'save:v1'));
    const second = updateOp<SavedEdit>(() => edit('l', 'a', 'two'), 'save:v1');
    changes.changeEdit('l', 'a', second);
    expect(changes.edits.get(cellKey('l', 'a'))?.op).toBe(second);
  });

  it('a cleared lesson hides its stored records but not later changes', () => {
    const changes = new Changes();
    changes.changeEdit('l', 'a', putOp(edit('l', 'a', 'before reset')));
    changes.clearLesson('l');
    changes.changeEdit('l', 'b', append('?'));
    changes.changeEdit('l', 'c', putOp(edit('l', 'c', 'after reset')));
    expect(codes(changes, [edit('l', 'a', 'stored'), edit('l', 'b', 'stored'), edit('m', 'a', 'other')])).toEqual({
      'l/c': 'after reset', 'm/a': 'other',
    });
  });

  it('composing a failed batch under newer changes keeps the newer ones on top', () => {
    const failed = new Changes();
    failed.changeEdit('l', 'a', putOp(edit('l', 'a', 'old')));
    failed.changeEdit('l', 'b', putOp(edit('l', 'b', 'old')));
    failed.clearLesson('m');
    const newer = new Changes();
    newer.changeEdit('l', 'a', append(' + new'));
    newer.changeEdit('n', 'a', putOp(edit('n', 'a', 'new')));
    const both = Changes.compose(failed, newer);
    expect(codes(both, [edit('m', 'a', 'stored')])).toEqual({ 'l/a': 'old + new', 'l/b': 'old', 'n/a': 'new' });
  });

  it('a newer clear-all wins over everything older', () => {
    const failed = new Changes();
    failed.changeEdit('l', 'a', putOp(edit('l', 'a', 'old')));
    const newer = new Changes();
    newer.clear();
    newer.changeEdit('l', 'b', putOp(edit('l', 'b', 'new')));
    const both = Changes.compose(failed, newer);
    expect(codes(both, [edit('x', 'y', 'stored')])).toEqual({ 'l/b': 'new' });
  });

  it('with nothing below, a delete forgets the record and clear empties everything', () => {
    const changes = new Changes(true);
    changes.changeEdit('l', 'a', append('!'));
    expect(changes.size).toBe(0);
    changes.changeEdit('l', 'a', putOp(edit('l', 'a', 'x')));
    changes.changeEdit('l', 'a', append('!'));
    expect(codes(changes, [])).toEqual({ 'l/a': 'x!' });
    changes.changeEdit('l', 'a', deleteOp());
    expect(changes.size).toBe(0);
    changes.changeEdit('l', 'b', putOp(edit('l', 'b', 'y')));
    changes.clear();
    expect(changes.size).toBe(0);
    expect(changes.applyTo(emptyRecords()).edits.size).toBe(0);
  });
});
