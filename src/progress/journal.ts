// A synchronous safety copy of each cell's latest save, in localStorage.
//
// IndexedDB writes are asynchronous: a page closed or reloaded within the
// debounce, or while its write waits for a busy database, may never commit it.
// localStorage.setItem is done when it returns, so every saveEdit also writes
// here (one key per cell, so a keystroke rewrites one cell's text, not all of
// them). A store that opens replays what it finds, and an entry is removed
// once the IndexedDB write that covers it has committed. Writing at each save
// rather than only at pagehide also covers a tab that crashes or is killed.
//
// Only edits are journalled: exercise events, resets and imports are written
// at once and the UI waits for them. Every call here swallows errors, because
// localStorage may be missing, blocked or full, and the journal is only ever
// a second copy: the store works the same without it.
import { cellKey, editAfterSave } from './records';
import type { SavedEdit, Timestamp } from './types';

/** The part of the Web Storage API the journal uses (tests pass an in-memory one). */
export interface JournalStorage {
  readonly length: number;
  key(index: number): string | null;
  getItem(key: string): string | null;
  setItem(key: string, value: string): void;
  removeItem(key: string): void;
}

/** One saveEdit call, as it can be applied again after the tab that made it is gone. */
export interface JournalEntry {
  lessonId: string;
  cellId: string;
  code: string;
  /** The lesson's source for the cell as shown when saved (saveEdit's `original`). */
  original: string;
  /** When it was saved, on the store's clock. */
  at: Timestamp;
}

/**
 * An entry and the exact text it was stored as. The text, not the key, says whether
 * the entry is still there: a later save of the same cell (in this tab or another)
 * replaces the text, and must not be removed by the commit of an earlier one.
 */
export interface Journalled {
  entry: JournalEntry;
  text: string;
}

export const JOURNAL_PREFIX = 'de-workbench/unsaved-edit:';

/** The browser's localStorage, or null when there is none or touching it throws (blocked storage). */
export function browserJournalStorage(): JournalStorage | null {
  try {
    return (globalThis as { localStorage?: Storage }).localStorage ?? null;
  } catch {
    return null;
  }
}

/**
 * The record a replayed entry leaves: the save applied again, unless the stored record
 * is newer (a later save that did commit, another tab, an import), which then stays.
 */
export function replayEdit(prev: SavedEdit | undefined, entry: JournalEntry): SavedEdit | null {
  if (prev && prev.updatedAt > entry.at) return prev;
  return editAfterSave(prev, entry.lessonId, entry.cellId, entry.code, entry.original, entry.at);
}

const keyOf = (lessonId: string, cellId: string): string => JOURNAL_PREFIX + cellKey(lessonId, cellId);

/** Text in storage back to an entry; null for anything else (damaged, or written by other code). */
export function parseEntry(text: string | null): JournalEntry | null {
  if (text === null) return null;
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    return null;
  }
  if (typeof value !== 'object' || value === null) return null;
  const v = value as Record<string, unknown>;
  const texts = ['lessonId', 'cellId', 'code', 'original'].every((k) => typeof v[k] === 'string');
  if (!texts || typeof v.at !== 'number' || !Number.isFinite(v.at)) return null;
  return { lessonId: v.lessonId as string, cellId: v.cellId as string, code: v.code as string, original: v.original as string, at: v.at };
}

export class EditJournal {
  // Stamped into each entry's text, so that two saves of the same code in the same
  // millisecond (in one tab across a reset, or in two tabs) still differ for forget().
  private readonly writer = Math.random().toString(36).slice(2, 10);
  private sequence = 0;

  /** @param storage null: no journal (a memory-only store, or localStorage refused). */
  constructor(private readonly storage: JournalStorage | null) {}

  /** Stores the entry; null when storage refused (full, blocked): the store goes on without it. */
  write(entry: JournalEntry): Journalled | null {
    if (!this.storage) return null;
    const text = JSON.stringify({ ...entry, by: `${this.writer}.${++this.sequence}` });
    try {
      this.storage.setItem(keyOf(entry.lessonId, entry.cellId), text);
      return { entry, text };
    } catch {
      return null;
    }
  }

  /** Every entry left by a tab whose writes did not all commit. */
  read(): Journalled[] {
    const found: Journalled[] = [];
    for (const key of this.keys()) {
      const text = this.attempt(() => this.storage?.getItem(key) ?? null, null);
      const entry = parseEntry(text);
      // An entry stored under another cell's key is not trusted either.
      if (entry && text !== null && key === keyOf(entry.lessonId, entry.cellId)) found.push({ entry, text });
    }
    return found;
  }

  /** Removes the entry if it is still the one given (nothing newer replaced it). */
  forget(journalled: Journalled): void {
    const key = keyOf(journalled.entry.lessonId, journalled.entry.cellId);
    this.attempt(() => {
      if (this.storage?.getItem(key) === journalled.text) this.storage.removeItem(key);
    }, undefined);
  }

  /** Removes the cell's entry, whoever wrote it (a reset covers every tab's unsaved copy). */
  forgetCell(lessonId: string, cellId: string): void {
    this.remove([keyOf(lessonId, cellId)]);
  }

  forgetLesson(lessonId: string): void {
    const prefix = JOURNAL_PREFIX + JSON.stringify([lessonId]).slice(0, -1) + ',';
    this.remove(this.keys().filter((key) => key.startsWith(prefix)));
  }

  forgetAll(): void {
    this.remove(this.keys());
  }

  private keys(): string[] {
    return this.attempt(() => {
      const storage = this.storage;
      const keys: string[] = [];
      if (!storage) return keys;
      for (let i = 0; i < storage.length; i++) {
        const key = storage.key(i);
        if (key?.startsWith(JOURNAL_PREFIX)) keys.push(key);
      }
      return keys;
    }, []);
  }

  private remove(keys: string[]): void {
    for (const key of keys) this.attempt(() => this.storage?.removeItem(key), undefined);
  }

  private attempt<T>(action: () => T, fallback: T): T {
    try {
      return action();
    } catch {
      return fallback;
    }
  }
}
