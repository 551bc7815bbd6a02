import { IDBFactory, IDBKeyRange } from 'fake-indexeddb';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { IndexedDbApi } from './idb';
import { progressMessages } from './messages';
import { createMemoryProgressStore, openProgressStore, type StoreOptions } from './store';
import { instrumentIndexedDb, ManualClock, MemoryStorage } from './testing';
import type { ProgressStore, StoreStatus } from './types';

/** A browser profile: one IndexedDB that outlives the stores (tabs, reloads) opened over it. */
const profile = (): IndexedDbApi => ({ indexedDB: new IDBFactory(), IDBKeyRange });

/** The profile's localStorage, where the journal of unwritten edits lives (store-journal.test.ts). */
const journals = new WeakMap<IndexedDbApi, MemoryStorage>();
const journalOf = (api: IndexedDbApi | null): MemoryStorage | null => {
  if (!api) return null;
  const storage = journals.get(api) ?? new MemoryStorage();
  journals.set(api, storage);
  return storage;
};

const open: ProgressStore[] = [];
async function openStore(api: IndexedDbApi | null, clock = new ManualClock(), options: StoreOptions = {}): Promise<ProgressStore> {
  const store = await openProgressStore({ indexedDb: api, clock, journal: journalOf(api), ...options });
  open.push(store);
  return store;
}

/** Closes the store (flushing it) and opens a new one over the same profile, as a page reload does. */
async function reload(store: ProgressStore, api: IndexedDbApi, clock = new ManualClock()): Promise<ProgressStore> {
  await store.close();
  return openStore(api, clock);
}

/** What a fresh tab would read from IndexedDB alone (pending changes and the journal not included). */
async function stored(api: IndexedDbApi, lessonId: string): Promise<Record<string, string>> {
  const store = await openProgressStore({ indexedDb: api, clock: new ManualClock(), journal: null });
  const work = await store.loadLesson(lessonId);
  await store.close();
  return Object.fromEntries([...work.edits].map(([cellId, e]) => [cellId, e.code]));
}

afterEach(async () => {
  for (const store of open.splice(0)) await store.close().catch(() => undefined);
});

describe('saved edits', () => {
  it('an edit survives a reload', async () => {
    const api = profile();
    const store = await openStore(api);
    store.saveEdit('first-look', 'top-cities', 'SELECT city FROM trips;', 'SELECT * FROM trips;');
    const after = await reload(store, api);
    const work = await after.loadLesson('first-look');
    expect(work.edits.get('top-cities')).toMatchObject({
      lessonId: 'first-look',
      cellId: 'top-cities',
      code: 'SELECT city FROM trips;',
      original: 'SELECT * FROM trips;',
    });
  });

  it('an edit is readable at once, before it is written', async () => {
    const api = profile();
    const store = await openStore(api);
    store.saveEdit('first-look', 'a', 'mine', 'lesson');
    expect((await store.loadLesson('first-look')).edits.get('a')?.code).toBe('mine');
    expect(await stored(api, 'first-look')).toEqual({});
  });

  it('a fresh browser profile has no saved work', async () => {
    const store = await openStore(profile());
    const work = await store.loadLesson('first-look');
    expect(work.edits.size).toBe(0);
    expect(work.exercises.size).toBe(0);
    expect(store.status).toEqual({ state: 'ok' });
  });

  it('waits for 300 ms without typing, then writes only the last code, once', async () => {
    const db = instrumentIndexedDb(profile());
    const clock = new ManualClock();
    const store = await openStore(db.api, clock);
    for (const code of ['S', 'SE', 'SEL', 'SELECT 1']) {
      store.saveEdit('l', 'c', code, 'SELECT 0');
      clock.advance(100);
    }
    clock.advance(199); // 299 ms after the last keystroke
    await store.loadLesson('l'); // lets any write that started finish
    expect(db.writeTransactions).toBe(0);
    expect(await stored(db.api, 'l')).toEqual({});

    clock.advance(1);
    await store.flush(); // waits for the write the timer started
    expect(db.writeTransactions).toBe(1);
    expect(db.puts).toBe(1);
    expect(await stored(db.api, 'l')).toEqual({ c: 'SELECT 1' });
  });

  it('edits to several cells in one pause are written in one transaction', async () => {
    const db = instrumentIndexedDb(profile());
    const clock = new ManualClock();
    const store = await openStore(db.api, clock);
    store.saveEdit('l', 'a', 'A2', 'A');
    store.saveEdit('l', 'b', 'B2', 'B');
    store.saveEdit('other', 'a', 'X2', 'X');
    clock.advance(300);
    await store.flush();
    expect(db.writeTransactions).toBe(1);
    expect(await stored(db.api, 'l')).toEqual({ a: 'A2', b: 'B2' });
    expect(await stored(db.api, 'other')).toEqual({ a: 'X2' });
  });

  it('a learner who never pauses is still saved every 2 seconds', async () => {
    const db = instrumentIndexedDb(profile());
    const clock = new ManualClock();
    const store = await openStore(db.api, clock);
    for (let i = 1; i <= 25; i++) {
      store.saveEdit('l', 'c', `x${i}`, 'x');
      clock.advance(100);
    }
    await store.flush();
    // Typing for 2.5 s: one write at the 2 s mark, one for the rest at flush.
    expect(db.writeTransactions).toBe(2);
  });

  it('flush writes pending edits at once (page hide)', async () => {
    const api = profile();
    const store = await openStore(api);
    store.saveEdit('l', 'c', 'mine', 'lesson');
    await store.flush();
    expect(await stored(api, 'l')).toEqual({ c: 'mine' });
  });

  it('code edited back to the lesson code deletes the saved copy', async () => {
    const api = profile();
    const store = await openStore(api);
    store.saveEdit('l', 'c', 'mine', 'lesson');
    await store.flush();
    store.saveEdit('l', 'c', 'lesson', 'lesson');
    await store.flush();
    expect(await stored(api, 'l')).toEqual({});
  });

  it('stamps records with the injected clock', async () => {
    const clock = new ManualClock(Date.UTC(2025, 0, 2));
    const store = await openStore(profile(), clock);
    store.saveEdit('l', 'c', 'one', 'lesson');
    clock.advance(5000);
    store.saveEdit('l', 'c', 'two', 'lesson');
    const edit = (await store.loadLesson('l')).edits.get('c');
    // The two saves coalesced before any write: the copy is dated by the last one.
    expect(edit?.updatedAt).toBe(Date.UTC(2025, 0, 2) + 5000);
  });
});

describe('a lesson that changed since the learner saved', () => {
  async function savedOn(original: string, code = 'SELECT mine;') {
    const api = profile();
    const store = await openStore(api);
    store.saveEdit('l', 'q', code, original);
    return reload(store, api);
  }

  it('loads the edit with a conflict holding both originals', async () => {
    const store = await savedOn('SELECT v1;');
    const edit = (await store.loadLesson('l', new Map([['q', 'SELECT v2;']]))).edits.get('q');
    expect(edit?.code).toBe('SELECT mine;');
    expect(edit?.conflict).toEqual({ kind: 'changed', savedOriginal: 'SELECT v1;', currentOriginal: 'SELECT v2;' });
  });

  it('has no conflict when the lesson code is the one the learner started from', async () => {
    const store = await savedOn('SELECT v1;');
    expect((await store.loadLesson('l', new Map([['q', 'SELECT v1;']]))).edits.get('q')?.conflict).toBeNull();
  });

  it('reports a cell the lesson no longer has as removed, and keeps its code', async () => {
    const store = await savedOn('SELECT v1;');
    const edit = (await store.loadLesson('l', new Map())).edits.get('q');
    expect(edit?.conflict).toEqual({ kind: 'removed', savedOriginal: 'SELECT v1;' });
    expect(edit?.code).toBe('SELECT mine;');
  });

  it('typing on in the cell does not hide the conflict', async () => {
    const store = await savedOn('SELECT v1;');
    store.saveEdit('l', 'q', 'SELECT mine, more;', 'SELECT v2;');
    await store.flush();
    const edit = (await store.loadLesson('l', new Map([['q', 'SELECT v2;']]))).edits.get('q');
    expect(edit?.conflict).toMatchObject({ kind: 'changed', savedOriginal: 'SELECT v1;' });
  });

  it('"keep mine" keeps the code and ends the conflict, also after a reload', async () => {
    const api = profile();
    let store = await openStore(api);
    store.saveEdit('l', 'q', 'SELECT mine;', 'SELECT v1;');
    await store.keepMine('l', 'q', 'SELECT v2;');
    store = await reload(store, api);
    const edit = (await store.loadLesson('l', new Map([['q', 'SELECT v2;']]))).edits.get('q');
    expect(edit).toMatchObject({ code: 'SELECT mine;', original: 'SELECT v2;', conflict: null });
  });

  it('"take the new one" is a cell reset: the saved copy is gone', async () => {
    const store = await savedOn('SELECT v1;');
    await store.resetCell('l', 'q');
    expect((await store.loadLesson('l', new Map([['q', 'SELECT v2;']]))).edits.has('q')).toBe(false);
  });
});

describe('resets delete exactly what they say', () => {
  async function seeded() {
    const api = profile();
    const store = await openStore(api);
    store.saveEdit('one', 'a', 'A!', 'A');
    store.saveEdit('one', 'b', 'B!', 'B');
    store.saveEdit('two', 'a', 'C!', 'C');
    await store.markPassed('one', 'a');
    await store.recordAttempt('two', 'x');
    return { api, store };
  }

  it('reset cell deletes that cell’s code only; its exercise progress stays', async () => {
    const { api, store } = await seeded();
    const description = await store.describeReset({ kind: 'cell', lessonId: 'one', cellId: 'a' });
    expect(description).toMatchObject({ edits: 1, exercises: 0, lessons: 1 });
    await store.resetCell('one', 'a');
    const after = await reload(store, api);
    const one = await after.loadLesson('one');
    expect([...one.edits.keys()]).toEqual(['b']);
    expect(one.exercises.get('a')?.passed).toBe(true);
    expect((await after.loadLesson('two')).edits.size).toBe(1);
  });

  it('reset lesson deletes that lesson’s code and exercise progress, and nothing of other lessons', async () => {
    const { api, store } = await seeded();
    const description = await store.describeReset({ kind: 'lesson', lessonId: 'one' });
    expect(description).toMatchObject({ edits: 2, exercises: 1, lessons: 1 });
    expect(description.message).toContain('2 cells');
    await store.resetLesson('one');
    const after = await reload(store, api);
    const one = await after.loadLesson('one');
    expect(one.edits.size + one.exercises.size).toBe(0);
    const two = await after.loadLesson('two');
    expect(two.edits.size).toBe(1);
    expect(two.exercises.size).toBe(1);
  });

  it('erase all deletes everything, in storage and in this tab', async () => {
    const { api, store } = await seeded();
    store.saveEdit('three', 'a', 'not yet written', 'x');
    const description = await store.describeReset({ kind: 'all' });
    expect(description).toMatchObject({ edits: 4, exercises: 2, lessons: 3 });
    expect(description.message).toContain('cannot be undone');
    await store.eraseAll();
    expect((await store.loadLesson('three')).edits.size).toBe(0);
    const after = await reload(store, api);
    const exported = JSON.parse((await after.exportAll()).json);
    expect(exported.edits).toEqual([]);
    expect(exported.exercises).toEqual([]);
  });

  it('an edit typed right after a lesson reset is kept', async () => {
    const { api, store } = await seeded();
    const reset = store.resetLesson('one');
    store.saveEdit('one', 'a', 'again', 'A');
    await reset;
    await store.flush();
    expect(await stored(api, 'one')).toEqual({ a: 'again' });
  });
});

describe('exercise progress', () => {
  it('counts attempts, hints and the solution, and keeps a pass after a failing attempt', async () => {
    const api = profile();
    const clock = new ManualClock();
    let store = await openStore(api, clock);
    await store.recordAttempt('l', 'ex1');
    await store.recordHintRevealed('l', 'ex1', 0);
    await store.recordHintRevealed('l', 'ex1', 2);
    await store.recordHintRevealed('l', 'ex1', 1);
    await store.markPassed('l', 'ex1');
    const passedAt = clock.now();
    clock.advance(1000);
    await store.recordAttempt('l', 'ex1');
    const seen = await store.markSolutionSeen('l', 'ex1');
    expect(seen).toMatchObject({ attempts: 2, hintsRevealed: 3, passed: true, passedAt, solutionSeen: true });
    store = await reload(store, api);
    expect((await store.loadLesson('l')).exercises.get('ex1')).toEqual(seen);
  });

  it('a hint index that is not a whole number is refused', async () => {
    const store = await openStore(profile());
    await expect(store.recordHintRevealed('l', 'ex', -1)).rejects.toThrow(RangeError);
  });

  it('summary counts per lesson and per stage', async () => {
    const store = await openStore(profile());
    await store.markPassed('one', 'e1');
    await store.recordAttempt('one', 'e2');
    await store.markSolutionSeen('one', 'e2');
    store.saveEdit('two', 'q', 'mine', 'lesson');
    const summary = await store.summary([
      { id: 'one', stage: 'ingestion', exerciseIds: ['e1', 'e2'] },
      { id: 'two', stage: 'ingestion', exerciseIds: ['e3'] },
      { id: 'three', stage: 'storage', exerciseIds: [] },
    ]);
    expect(summary.lessons.get('one')).toMatchObject({ exercises: 2, passed: 1, attempted: 1, solutionsSeen: 1, started: true, done: false });
    expect(summary.lessons.get('two')).toMatchObject({ exercises: 1, passed: 0, editedCells: 1, started: true });
    expect(summary.stages.find((s) => s.stage === 'ingestion')).toMatchObject({ lessons: 2, lessonsStarted: 2, exercises: 3, passed: 1 });
    expect(summary.stages.find((s) => s.stage === 'storage')).toMatchObject({ lessons: 1, lessonsStarted: 0 });
  });
});

describe('export and import', () => {
  async function withWork() {
    const clock = new ManualClock();
    const store = await openStore(profile(), clock);
    store.saveEdit('first-look', 'top-cities', 'SELECT city, COUNT(*) FROM trips GROUP BY 1; -- 서울 🚕', 'SELECT 1;');
    clock.advance(10);
    store.saveEdit('first-look', 'clean', 'load("x", [])', 'extract()');
    await store.recordAttempt('first-look', 'ex');
    await store.markPassed('first-look', 'ex');
    await store.recordHintRevealed('where-riders-go', 'ex2', 0);
    return store;
  }

  const withoutDate = (json: string) => ({ ...JSON.parse(json), exportedAt: undefined });

  it('export, then import in a fresh browser, gives the same data', async () => {
    const source = await withWork();
    const exported = await source.exportAll();
    expect(exported.fileName).toBe('de-workbench-progress-2025-03-01.json');
    expect(JSON.parse(exported.json)).toMatchObject({ format: 'de-workbench-progress', version: 1 });

    const api = profile();
    const target = await openStore(api);
    const result = await target.importAll(exported.json);
    expect(result).toMatchObject({ ok: true, persisted: true, edits: { added: 2 }, exercises: { added: 2 } });
    const reloaded = await reload(target, api);
    expect(withoutDate((await reloaded.exportAll()).json)).toEqual(withoutDate(exported.json));
    expect(await reloaded.loadLesson('first-look')).toEqual(await source.loadLesson('first-look'));
  });

  it('import writes in one transaction', async () => {
    const exported = await (await withWork()).exportAll();
    const db = instrumentIndexedDb(profile());
    const target = await openStore(db.api);
    await target.importAll(exported.json);
    expect(db.writeTransactions).toBe(1);
  });

  it.each([
    ['a foreign JSON file', JSON.stringify({ name: 'package', version: '1.0.0' }), 'it has no "format" field'],
    ['another format', JSON.stringify({ format: 'jupyter', version: 1, edits: [], exercises: [] }), '"format" is "jupyter"'],
    ['a newer version', JSON.stringify({ format: 'de-workbench-progress', version: 2, edits: [], exercises: [] }), 'newer version of the workbench (format version 2)'],
    ['a version as text', JSON.stringify({ format: 'de-workbench-progress', version: '1', edits: [], exercises: [] }), '"version" must be 1, found "1"'],
    ['malformed JSON', '{"format": "de-workbench-progress", "version": 1,', 'not valid JSON'],
    ['a list', '[]', 'expected a JSON object, found a list'],
  ])('rejects %s with a specific message and changes nothing', async (_name, text, expected) => {
    const store = await withWork();
    const before = (await store.exportAll()).json;
    const result = await store.importAll(text, { mode: 'replace' });
    expect(result.ok).toBe(false);
    expect(result.message).toContain('nothing was changed');
    expect(result.message).toContain(expected);
    expect((await store.exportAll()).json).toBe(before);
  });

  it('rejects a file with one bad record, naming the record and field, and changes nothing', async () => {
    const store = await withWork();
    const before = (await store.exportAll()).json;
    const file = JSON.parse(before);
    file.edits.push({ ...file.edits[0], cellId: 'another' }, { ...file.edits[0], cellId: 'third', updatedAt: 'yesterday' });
    const db = instrumentIndexedDb(profile());
    const target = await openStore(db.api);
    const result = await target.importAll(JSON.stringify(file));
    expect(result).toMatchObject({
      ok: false,
      problems: [{ path: 'edits[3].updatedAt', message: '"updatedAt" must be a date such as "2025-03-01T12:00:00.000Z", found "yesterday".' }],
    });
    expect(db.writeTransactions).toBe(0);
    expect(JSON.parse((await target.exportAll()).json).edits).toEqual([]);
  });

  it('merging keeps the newer copy of a cell and combines exercise progress', async () => {
    const clock = new ManualClock();
    const store = await openStore(profile(), clock);
    const file = {
      format: 'de-workbench-progress',
      version: 1,
      exportedAt: '2025-03-01T09:00:00.000Z',
      edits: [
        { lessonId: 'l', cellId: 'old', code: 'theirs', original: 'o', createdAt: '2025-01-01T00:00:00.000Z', updatedAt: '2025-01-01T00:00:00.000Z' },
        { lessonId: 'l', cellId: 'new', code: 'theirs', original: 'o', createdAt: '2025-01-01T00:00:00.000Z', updatedAt: '2026-01-01T00:00:00.000Z' },
      ],
      exercises: [
        { lessonId: 'l', cellId: 'ex', attempts: 5, passed: false, passedAt: null, hintsRevealed: 2, solutionSeen: false, solutionSeenAt: null, createdAt: '2025-01-01T00:00:00.000Z', updatedAt: '2025-01-01T00:00:00.000Z' },
      ],
    };
    store.saveEdit('l', 'old', 'mine', 'o');
    store.saveEdit('l', 'new', 'mine', 'o');
    await store.markPassed('l', 'ex');
    const result = await store.importAll(JSON.stringify(file));
    expect(result).toMatchObject({ ok: true, edits: { added: 0, updated: 1, unchanged: 1 }, exercises: { updated: 1 } });
    const work = await store.loadLesson('l');
    expect(work.edits.get('old')?.code).toBe('mine');
    expect(work.edits.get('new')?.code).toBe('theirs');
    expect(work.exercises.get('ex')).toMatchObject({ attempts: 5, passed: true, hintsRevealed: 2 });
  });

  it('replacing deletes what the file does not have', async () => {
    const store = await withWork();
    const empty = JSON.stringify({ format: 'de-workbench-progress', version: 1, exportedAt: '2025-03-01T09:00:00.000Z', edits: [], exercises: [] });
    expect(await store.importAll(empty, { mode: 'replace' })).toMatchObject({ ok: true });
    expect((await store.loadLesson('first-look')).edits.size).toBe(0);
  });
});

describe('when the browser will not store anything', () => {
  it('a full disk keeps every edit in memory, says so, and writes them when space is back', async () => {
    const db = instrumentIndexedDb(profile());
    const clock = new ManualClock();
    const store = await openStore(db.api, clock);
    const statuses: StoreStatus[] = [];
    store.onStatus((s) => statuses.push(s));

    db.failWrites = 'QuotaExceededError';
    store.saveEdit('l', 'a', 'first', 'x');
    await store.flush();
    store.saveEdit('l', 'b', 'second', 'x');
    store.saveEdit('l', 'a', 'first, more', 'x');
    await store.recordAttempt('l', 'ex');

    expect(store.status).toMatchObject({
      state: 'memory-only',
      reason: 'quota',
      message: "Your browser's storage is full: your edits are kept in this tab only. Export your progress to keep them.",
      unsaved: 3,
    });
    expect(statuses.map((s) => s.state)).toEqual(['ok', 'memory-only', 'memory-only', 'memory-only']);
    const work = await store.loadLesson('l');
    expect(Object.fromEntries([...work.edits].map(([id, e]) => [id, e.code]))).toEqual({ a: 'first, more', b: 'second' });
    expect(work.exercises.get('ex')?.attempts).toBe(1);
    expect(await stored(db.api, 'l')).toEqual({});
    // Export still has everything, so the learner can keep it.
    expect(JSON.parse((await store.exportAll()).json).edits).toHaveLength(2);

    db.failWrites = null;
    clock.advance(30_000); // the retry timer
    await store.flush();
    expect(store.status).toEqual({ state: 'ok' });
    expect(statuses.at(-1)).toEqual({ state: 'ok' });
    expect(await stored(db.api, 'l')).toEqual({ a: 'first, more', b: 'second' });
  });

  it('a full disk reported when the transaction commits is handled the same way', async () => {
    const db = instrumentIndexedDb(profile());
    const clock = new ManualClock();
    const store = await openStore(db.api, clock);
    store.saveEdit('l', 'a', 'kept', 'x');
    await store.flush();
    db.abortWrites = 'QuotaExceededError';
    store.saveEdit('l', 'a', 'newer', 'x');
    store.saveEdit('l', 'b', 'also', 'x');
    await store.flush();
    expect(store.status).toMatchObject({ state: 'memory-only', reason: 'quota', unsaved: 2 });
    // The aborted transaction wrote nothing, not even its first record.
    expect(await stored(db.api, 'l')).toEqual({ a: 'kept' });
    db.abortWrites = null;
    clock.advance(30_000);
    await store.flush();
    expect(await stored(db.api, 'l')).toEqual({ a: 'newer', b: 'also' });
  });

  it('a failed retry leaves everything in memory and tries again later', async () => {
    const db = instrumentIndexedDb(profile());
    const clock = new ManualClock();
    const store = await openStore(db.api, clock);
    db.failWrites = 'QuotaExceededError';
    store.saveEdit('l', 'a', 'mine', 'x');
    await store.flush();
    clock.advance(30_000);
    await store.flush();
    expect(store.status).toMatchObject({ state: 'memory-only', reason: 'quota', unsaved: 1 });
    db.failWrites = null;
    clock.advance(30_000);
    await store.flush();
    expect(await stored(db.api, 'l')).toEqual({ a: 'mine' });
  });

  it('a reset while the disk is full is applied when space is back', async () => {
    const db = instrumentIndexedDb(profile());
    const clock = new ManualClock();
    const store = await openStore(db.api, clock);
    store.saveEdit('l', 'a', 'mine', 'x');
    await store.flush();
    db.failWrites = 'QuotaExceededError';
    await store.resetLesson('l');
    expect((await store.loadLesson('l')).edits.size).toBe(0);
    expect(await stored(db.api, 'l')).toEqual({ a: 'mine' });
    db.failWrites = null;
    await store.flush();
    expect(await stored(db.api, 'l')).toEqual({});
  });

  it('without IndexedDB (private mode) the store works in memory and says so', async () => {
    const store = await openStore(null);
    expect(store.status).toMatchObject({ state: 'memory-only', reason: 'unavailable', message: progressMessages.memoryOnly.unavailable });
    store.saveEdit('l', 'a', 'mine', 'x');
    await store.flush();
    expect((await store.loadLesson('l')).edits.get('a')?.code).toBe('mine');
    expect(store.status).toMatchObject({ unsaved: 1 });
  });

  it('when opening the database is refused, the store works in memory and says so', async () => {
    const db = instrumentIndexedDb(profile());
    db.failOpen = 'SecurityError';
    const clock = new ManualClock();
    const store = await openStore(db.api, clock);
    expect(store.status).toMatchObject({ state: 'memory-only', reason: 'unavailable' });
    store.saveEdit('l', 'a', 'mine', 'x');
    expect((await store.loadLesson('l')).edits.get('a')?.code).toBe('mine');
    // Allowed again later (e.g. the learner changed a browser setting): the retry saves it.
    db.failOpen = null;
    clock.advance(30_000);
    await store.flush();
    expect(store.status).toEqual({ state: 'ok' });
    expect(await stored(db.api, 'l')).toEqual({ a: 'mine' });
  });

  it('a database slower than 3 s to open: the store starts in memory and saves once it opens', async () => {
    const real = profile();
    let release = (): void => undefined;
    // An open request whose events are held back until release(), as a stuck disk would.
    const slow: IndexedDbApi = {
      IDBKeyRange,
      indexedDB: {
        open(name: string, version?: number) {
          const shim: Partial<Record<'result' | 'transaction' | 'error', unknown>> & Record<string, unknown> = {};
          release = () => {
            const request = real.indexedDB.open(name, version);
            request.onupgradeneeded = (event) => {
              Object.assign(shim, { result: request.result, transaction: request.transaction });
              (shim.onupgradeneeded as (e: Event) => void)(event);
            };
            request.onsuccess = () => {
              shim.result = request.result;
              (shim.onsuccess as () => void)();
            };
          };
          return shim as unknown as IDBOpenDBRequest;
        },
      } as unknown as IDBFactory,
    };
    const clock = new ManualClock();
    const opening = openStore(slow, clock);
    clock.advance(3000);
    const store = await opening;
    expect(store.status).toMatchObject({ state: 'memory-only', reason: 'unavailable', detail: 'the database did not open within 3000 ms' });
    store.saveEdit('l', 'a', 'mine', 'x');
    release();
    await vi.waitFor(() => expect(store.status).toEqual({ state: 'ok' }));
    await store.flush();
    expect(await stored(real, 'l')).toEqual({ a: 'mine' });
  });

  it('another tab upgrading the database makes this tab memory-only without losing edits', async () => {
    const api = profile();
    const clock = new ManualClock();
    const store = await openStore(api, clock);
    store.saveEdit('l', 'a', 'mine', 'x');
    await store.flush();
    // A newer version of the workbench opens the database at version 2.
    await new Promise<void>((resolve, reject) => {
      const request = api.indexedDB.open('de-workbench', 2);
      request.onsuccess = () => {
        request.result.close();
        resolve();
      };
      request.onerror = () => reject(request.error);
    });
    expect(store.status).toMatchObject({ state: 'memory-only', reason: 'blocked' });
    store.saveEdit('l', 'b', 'more', 'x');
    await store.flush();
    const work = await store.loadLesson('l');
    expect(work.edits.get('b')?.code).toBe('more');
    expect(store.status).toMatchObject({ state: 'memory-only', reason: 'blocked', unsaved: 1 });
  });
});

describe('the in-memory store', () => {
  it('keeps edits, progress and resets in this tab and reports memory-only', async () => {
    const store = createMemoryProgressStore({ clock: new ManualClock() });
    store.saveEdit('l', 'a', 'mine', 'x');
    store.saveEdit('l', 'b', 'also', 'x');
    await store.markPassed('l', 'ex');
    await store.resetCell('l', 'b');
    const work = await store.loadLesson('l');
    expect([...work.edits.keys()]).toEqual(['a']);
    expect(work.exercises.get('ex')?.passed).toBe(true);
    expect(store.status).toMatchObject({ state: 'memory-only', unsaved: 2 });
    await store.eraseAll();
    expect(store.status).toMatchObject({ unsaved: 0 });
  });

  it('exports what it holds, and imports a file', async () => {
    const store = createMemoryProgressStore({ clock: new ManualClock() });
    store.saveEdit('l', 'a', '한국어 코드', 'x');
    const exported = await store.exportAll();
    const other = createMemoryProgressStore({ clock: new ManualClock() });
    expect(await other.importAll(exported.json)).toMatchObject({ ok: true, persisted: false });
    expect((await other.loadLesson('l')).edits.get('a')?.code).toBe('한국어 코드');
  });
});
