// The journal of unwritten edits, through the store: a page that goes before
// its IndexedDB write commits loses nothing, a newer record is never
// overwritten by an older entry, and resets leave nothing to bring back.
import { IDBFactory, IDBKeyRange } from 'fake-indexeddb';
import { afterEach, describe, expect, it } from 'vitest';
import type { IndexedDbApi } from './idb';
import { JOURNAL_PREFIX } from './journal';
import { openProgressStore } from './store';
import { instrumentIndexedDb, ManualClock, MemoryStorage } from './testing';
import type { ProgressStore } from './types';

/** A browser profile: its IndexedDB and its localStorage, shared by every tab and reload. */
interface Profile {
  api: IndexedDbApi;
  storage: MemoryStorage;
}

const profile = (api: IndexedDbApi = { indexedDB: new IDBFactory(), IDBKeyRange }): Profile => ({ api, storage: new MemoryStorage() });

const live: ProgressStore[] = [];
afterEach(async () => {
  for (const store of live.splice(0)) await store.close().catch(() => undefined);
});

/**
 * A tab (or the page after a reload). Its clock only moves when a test moves it, so
 * a debounced write never happens unless asked for. A tab the test lets "go away" is
 * simply never flushed or closed: its pending writes never reach IndexedDB.
 */
async function tab(p: Profile, clock = new ManualClock(), keep = true): Promise<ProgressStore> {
  const store = await openProgressStore({ indexedDb: p.api, journal: p.storage, clock });
  if (keep) live.push(store);
  return store;
}

const goneTab = (p: Profile, clock = new ManualClock()) => tab(p, clock, false);

async function codes(store: ProgressStore, lessonId: string): Promise<Record<string, string>> {
  const work = await store.loadLesson(lessonId);
  return Object.fromEntries([...work.edits].map(([cellId, e]) => [cellId, e.code]));
}

/** What IndexedDB alone holds (no journal, nothing pending). */
async function stored(p: Profile, lessonId: string): Promise<Record<string, string>> {
  const store = await openProgressStore({ indexedDb: p.api, journal: null, clock: new ManualClock() });
  const result = await codes(store, lessonId);
  await store.close();
  return result;
}

const journalCells = (p: Profile): string[] => [...p.storage.items.keys()].map((key) => key.slice(JOURNAL_PREFIX.length)).sort();

describe('an edit whose IndexedDB write never happened', () => {
  it('is back after the page went away within the debounce, and is then written', async () => {
    const p = profile();
    const clock = new ManualClock();
    const before = await goneTab(p, clock);
    before.saveEdit('l', 'c', 'typed just before the reload', 'lesson');
    expect(await stored(p, 'l')).toEqual({});

    const after = await tab(p);
    const edit = (await after.loadLesson('l')).edits.get('c');
    expect(edit).toMatchObject({ code: 'typed just before the reload', original: 'lesson', updatedAt: clock.now() });
    await after.flush();
    expect(await stored(p, 'l')).toEqual({ c: 'typed just before the reload' });
    // Written: nothing left for a later page to replay.
    expect(journalCells(p)).toEqual([]);
  });

  it('is back when its write was cut off before it committed', async () => {
    const db = instrumentIndexedDb({ indexedDB: new IDBFactory(), IDBKeyRange });
    const p = profile(db.api);
    const before = await goneTab(p);
    before.saveEdit('l', 'c', 'v1', 'lesson');
    await before.flush();
    before.saveEdit('l', 'c', 'v2', 'lesson');
    db.abortWrites = 'AbortError';
    await before.flush();
    expect(await stored(p, 'l')).toEqual({ c: 'v1' });

    db.abortWrites = null;
    const after = await tab(p);
    expect(await codes(after, 'l')).toEqual({ c: 'v2' });
    await after.flush();
    expect(await stored(p, 'l')).toEqual({ c: 'v2' });
  });

  it('is the only entry a commit removes: a newer save of the cell stays in the journal', async () => {
    const p = profile();
    const clockA = new ManualClock();
    const clockB = new ManualClock(clockA.now() + 1000);
    const a = await tab(p, clockA);
    const b = await goneTab(p, clockB);
    a.saveEdit('l', 'c', 'from tab A', 'lesson');
    b.saveEdit('l', 'c', 'from tab B, later', 'lesson');
    await a.flush(); // commits A's copy; B's entry must survive it
    expect(journalCells(p)).toEqual(['["l","c"]']);

    const after = await tab(p);
    expect(await codes(after, 'l')).toEqual({ c: 'from tab B, later' });
  });

  it('shows in a store that cannot write, which keeps the entry for a later page', async () => {
    const db = instrumentIndexedDb({ indexedDB: new IDBFactory(), IDBKeyRange });
    const p = profile(db.api);
    (await goneTab(p)).saveEdit('l', 'c', 'mine', 'lesson');
    db.failWrites = 'QuotaExceededError';
    const full = await tab(p);
    await full.flush();
    expect(full.status).toMatchObject({ state: 'memory-only', reason: 'quota', unsaved: 1 });
    expect(await codes(full, 'l')).toEqual({ c: 'mine' });
    expect(journalCells(p)).toEqual(['["l","c"]']);

    db.failWrites = null;
    await full.flush();
    expect(full.status).toEqual({ state: 'ok' });
    expect(await stored(p, 'l')).toEqual({ c: 'mine' });
    expect(journalCells(p)).toEqual([]);
  });
});

describe('a newer saved record against an older journal entry', () => {
  it('the record wins when it is newer', async () => {
    const p = profile();
    const clock = new ManualClock();
    const before = await goneTab(p, clock);
    before.saveEdit('l', 'c', 'older, journalled', 'lesson');
    // localStorage refuses for a while: the next save is not journalled, and once it is
    // written the older entry cannot be removed either.
    p.storage.blocked = true;
    clock.advance(1000);
    before.saveEdit('l', 'c', 'newer, written', 'lesson');
    await before.flush();
    p.storage.blocked = false;
    expect(journalCells(p)).toEqual(['["l","c"]']);

    const after = await tab(p);
    expect(await codes(after, 'l')).toEqual({ c: 'newer, written' });
    await after.flush();
    expect(await stored(p, 'l')).toEqual({ c: 'newer, written' });
    expect(journalCells(p)).toEqual([]);
  });

  it('the record wins when another tab imported a newer copy', async () => {
    const p = profile();
    const other = await tab(p); // opened before the edit: it has not replayed it
    (await goneTab(p)).saveEdit('l', 'c', 'older, journalled', 'lesson');
    const at = '2026-01-01T00:00:00.000Z';
    const file = { format: 'de-workbench-progress', version: 1, exportedAt: at, exercises: [] };
    const edits = [{ lessonId: 'l', cellId: 'c', code: 'imported, newer', original: 'lesson', createdAt: at, updatedAt: at }];
    expect(await other.importAll(JSON.stringify({ ...file, edits }))).toMatchObject({ ok: true, persisted: true });

    const after = await tab(p);
    expect(await codes(after, 'l')).toEqual({ c: 'imported, newer' });
  });

  it('the journal wins when it is newer', async () => {
    const p = profile();
    const clock = new ManualClock();
    const before = await goneTab(p, clock);
    before.saveEdit('l', 'c', 'older, written', 'lesson');
    await before.flush();
    clock.advance(1000);
    before.saveEdit('l', 'c', 'newer, journalled', 'lesson');

    const after = await tab(p);
    expect(await codes(after, 'l')).toEqual({ c: 'newer, journalled' });
  });
});

describe('resets leave nothing to bring back', () => {
  /** A tab that typed in three cells of two lessons, none of it written yet. */
  async function typed(p: Profile) {
    const store = await goneTab(p);
    store.saveEdit('one', 'a', 'A!', 'A');
    store.saveEdit('one', 'b', 'B!', 'B');
    store.saveEdit('two', 'a', 'C!', 'C');
    return store;
  }

  it('reset cell', async () => {
    const p = profile();
    await (await typed(p)).resetCell('one', 'a');
    expect(journalCells(p)).toEqual([]); // the reset's flush wrote the rest
    const after = await tab(p);
    expect(await codes(after, 'one')).toEqual({ b: 'B!' });
  });

  it('reset cell, even when its write never happened', async () => {
    const db = instrumentIndexedDb({ indexedDB: new IDBFactory(), IDBKeyRange });
    const p = profile(db.api);
    const store = await typed(p);
    db.failWrites = 'QuotaExceededError';
    await store.resetCell('one', 'a');
    db.failWrites = null;
    const after = await tab(p);
    expect(await codes(after, 'one')).toEqual({ b: 'B!' });
    expect(await codes(after, 'two')).toEqual({ a: 'C!' });
  });

  it('reset lesson', async () => {
    const db = instrumentIndexedDb({ indexedDB: new IDBFactory(), IDBKeyRange });
    const p = profile(db.api);
    const store = await typed(p);
    db.failWrites = 'QuotaExceededError';
    await store.resetLesson('one');
    expect(journalCells(p)).toEqual(['["two","a"]']);
    db.failWrites = null;
    const after = await tab(p);
    expect(await codes(after, 'one')).toEqual({});
    expect(await codes(after, 'two')).toEqual({ a: 'C!' });
  });

  it('a reset in another tab covers this tab’s unwritten edits too', async () => {
    const p = profile();
    const other = await tab(p); // opened before the edits: it has not replayed them
    await typed(p);
    await other.resetLesson('one');
    const after = await tab(p);
    expect(await codes(after, 'one')).toEqual({});
    expect(await codes(after, 'two')).toEqual({ a: 'C!' });
  });

  it('erase all', async () => {
    const db = instrumentIndexedDb({ indexedDB: new IDBFactory(), IDBKeyRange });
    const p = profile(db.api);
    const store = await typed(p);
    db.failWrites = 'QuotaExceededError';
    await store.eraseAll();
    expect(journalCells(p)).toEqual([]);
    db.failWrites = null;
    const after = await tab(p);
    expect(await codes(after, 'one')).toEqual({});
    expect(await codes(after, 'two')).toEqual({});
  });

  const emptyFile = JSON.stringify({
    format: 'de-workbench-progress',
    version: 1,
    exportedAt: '2025-03-01T09:00:00.000Z',
    edits: [],
    exercises: [],
  });

  it('importing with replace; merging keeps the unwritten edits', async () => {
    const db = instrumentIndexedDb({ indexedDB: new IDBFactory(), IDBKeyRange });
    const p = profile(db.api);
    const store = await typed(p);
    db.failWrites = 'QuotaExceededError';
    expect(await store.importAll(emptyFile)).toMatchObject({ ok: true, persisted: false });
    expect(journalCells(p)).toHaveLength(3);
    expect(await store.importAll(emptyFile, { mode: 'replace' })).toMatchObject({ ok: true, persisted: false });
    expect(journalCells(p)).toEqual([]);
    db.failWrites = null;
    const after = await tab(p);
    expect(await codes(after, 'one')).toEqual({});
  });

  it('an edit typed after a reset is journalled again', async () => {
    const p = profile();
    const store = await goneTab(p);
    store.saveEdit('one', 'a', 'first', 'A');
    await store.resetLesson('one');
    store.saveEdit('one', 'a', 'again', 'A');
    const after = await tab(p);
    expect(await codes(after, 'one')).toEqual({ a: 'again' });
  });
});

describe('when localStorage refuses', () => {
  it('a full or blocked localStorage changes nothing else: edits are saved as before', async () => {
    for (const refuse of [(s: MemoryStorage) => (s.failWrites = 'QuotaExceededError'), (s: MemoryStorage) => (s.blocked = true)]) {
      const p = profile();
      refuse(p.storage);
      const store = await tab(p);
      expect(() => store.saveEdit('l', 'c', 'mine', 'lesson')).not.toThrow();
      await store.resetCell('l', 'other');
      await store.eraseAll();
      store.saveEdit('l', 'c', 'mine', 'lesson');
      await store.flush();
      expect(store.status).toEqual({ state: 'ok' });
      expect(await stored(p, 'l')).toEqual({ c: 'mine' });
    }
  });

  it('the memory-only status still counts and shows unwritten edits', async () => {
    const db = instrumentIndexedDb({ indexedDB: new IDBFactory(), IDBKeyRange });
    const p = profile(db.api);
    p.storage.blocked = true;
    db.failWrites = 'QuotaExceededError';
    const store = await tab(p);
    store.saveEdit('l', 'a', 'one', 'x');
    store.saveEdit('l', 'b', 'two', 'x');
    await store.flush();
    expect(store.status).toMatchObject({ state: 'memory-only', reason: 'quota', unsaved: 2 });
    expect(await codes(store, 'l')).toEqual({ a: 'one', b: 'two' });
  });
});
