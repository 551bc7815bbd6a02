import { describe, expect, it } from 'vitest';
import { EditJournal, JOURNAL_PREFIX, replayEdit, type JournalEntry } from './journal';
import { MemoryStorage } from './testing';
import type { SavedEdit } from './types';

const entry = (over: Partial<JournalEntry> = {}): JournalEntry => ({
  lessonId: 'l',
  cellId: 'c',
  code: 'mine',
  original: 'lesson',
  at: 2000,
  ...over,
});

const saved = (over: Partial<SavedEdit> = {}): SavedEdit => ({
  lessonId: 'l',
  cellId: 'c',
  code: 'stored',
  original: 'older lesson',
  createdAt: 500,
  updatedAt: 1000,
  ...over,
});

describe('replayEdit', () => {
  it('applies the save when nothing is stored', () => {
    expect(replayEdit(undefined, entry())).toEqual({ ...saved(), code: 'mine', original: 'lesson', createdAt: 2000, updatedAt: 2000 });
  });

  it('applies the save over an older record, keeping the base the learner started from', () => {
    expect(replayEdit(saved(), entry())).toEqual({ ...saved(), code: 'mine', updatedAt: 2000 });
  });

  it('keeps a record saved after the entry', () => {
    const newer = saved({ updatedAt: 2001 });
    expect(replayEdit(newer, entry())).toBe(newer);
  });

  it('deletes the copy when the learner had typed the lesson code back', () => {
    expect(replayEdit(saved({ original: 'lesson' }), entry({ code: 'lesson' }))).toBeNull();
  });
});

describe('EditJournal', () => {
  it('reads back what it wrote, one key per cell, the latest save of each', () => {
    const storage = new MemoryStorage();
    const journal = new EditJournal(storage);
    journal.write(entry({ code: 'first' }));
    journal.write(entry({ code: 'second', at: 3000 }));
    journal.write(entry({ cellId: 'other' }));
    expect(storage.items.size).toBe(2);
    expect(journal.read().map((j) => j.entry)).toEqual([entry({ code: 'second', at: 3000 }), entry({ cellId: 'other' })]);
  });

  it('forget removes an entry only if no later save replaced it', () => {
    const journal = new EditJournal(new MemoryStorage());
    const first = journal.write(entry({ code: 'first' }))!;
    const second = journal.write(entry({ code: 'second' }))!;
    journal.forget(first);
    expect(journal.read().map((j) => j.entry.code)).toEqual(['second']);
    journal.forget(second);
    expect(journal.read()).toEqual([]);
  });

  it('tells apart two identical saves, so the first one\'s commit cannot remove the second', () => {
    const storage = new MemoryStorage();
    const first = new EditJournal(storage).write(entry())!;
    const second = new EditJournal(storage).write(entry())!;
    const journal = new EditJournal(storage);
    journal.forget(first);
    expect(journal.read()).toEqual([second]);
  });

  it('forgets one lesson exactly, whatever characters its ids hold', () => {
    const journal = new EditJournal(new MemoryStorage());
    for (const lessonId of ['l', 'l2', 'l"', 'l\\']) journal.write(entry({ lessonId }));
    journal.write(entry({ lessonId: 'l', cellId: 'x' }));
    journal.forgetLesson('l');
    expect(journal.read().map((j) => j.entry.lessonId)).toEqual(['l2', 'l"', 'l\\']);
    journal.forgetCell('l"', 'c');
    expect(journal.read().map((j) => j.entry.lessonId)).toEqual(['l2', 'l\\']);
  });

  it('forgetAll leaves other keys of the origin alone', () => {
    const storage = new MemoryStorage();
    storage.setItem('theme', 'dark');
    const journal = new EditJournal(storage);
    journal.write(entry());
    journal.forgetAll();
    expect([...storage.items]).toEqual([['theme', 'dark']]);
  });

  it('ignores damaged entries and entries under the wrong key', () => {
    const storage = new MemoryStorage();
    storage.setItem(`${JOURNAL_PREFIX}["l","a"]`, '{not json');
    storage.setItem(`${JOURNAL_PREFIX}["l","b"]`, JSON.stringify({ ...entry({ cellId: 'b' }), at: 'yesterday' }));
    storage.setItem(`${JOURNAL_PREFIX}["l","c"]`, JSON.stringify(entry({ cellId: 'd' })));
    storage.setItem(`${JOURNAL_PREFIX}["l","e"]`, JSON.stringify(entry({ cellId: 'e' })));
    expect(new EditJournal(storage).read().map((j) => j.entry.cellId)).toEqual(['e']);
  });

  it('never throws when storage is missing, full or blocked', () => {
    const none = new EditJournal(null);
    expect(none.write(entry())).toBeNull();
    expect(none.read()).toEqual([]);

    const storage = new MemoryStorage();
    const journal = new EditJournal(storage);
    const kept = journal.write(entry())!;
    storage.failWrites = 'QuotaExceededError';
    expect(journal.write(entry({ code: 'newer' }))).toBeNull();
    expect(journal.read().map((j) => j.entry.code)).toEqual(['mine']);

    storage.blocked = true;
    expect(journal.write(entry())).toBeNull();
    expect(journal.read()).toEqual([]);
    expect(() => {
      journal.forget(kept);
      journal.forgetCell('l', 'c');
      journal.forgetLesson('l');
      journal.forgetAll();
    }).not.toThrow();
  });
});
