import { IDBFactory, IDBKeyRange } from 'fake-indexeddb';
import { afterEach, describe, expect, it } from 'vitest';
import { parseLesson } from '../lesson/parse';
import type { Lesson } from '../lesson/types';
import { createMemoryProgressStore, openProgressStore, type IndexedDbApi, type ProgressStore } from '../progress';
import { ManualClock } from '../progress/testing';
import { createNodeEngine } from '../sql/node-engine';
import { LessonProgress, type LessonProgressState } from './lesson-progress';
import { NotebookRuntime } from './runtime';

const PEEK = 'SELECT * FROM trips;';
const STARTER = 'SELECT 0 AS trips;';
const SOLUTION = 'SELECT count(*) AS trips FROM trips;';

function lessonFile(peek = PEEK): Lesson {
  const text = `---
id: progress-test
title: Progress
stage: foundations
summary: A lesson for tests.
datasets: []
objectives:
  - test
---

\`\`\`sql id=peek
${peek}
\`\`\`

\`\`\`sql exercise id=count-trips
${STARTER}
\`\`\`

\`\`\`sql solution for=count-trips
${SOLUTION}
\`\`\`

\`\`\`yaml checks for=count-trips
- result: {order: exact}
\`\`\`

\`\`\`hint for=count-trips
Use count(*).
\`\`\`

\`\`\`hint for=count-trips
Name the column trips.
\`\`\`
`;
  const parsed = parseLesson('lessons/01-progress-test.md', text);
  if (!parsed.ok) throw new Error(parsed.errors.map((e) => e.message).join('\n'));
  return parsed.lesson;
}

const profile = (): IndexedDbApi => ({ indexedDB: new IDBFactory(), IDBKeyRange });

const cleanup: (() => unknown)[] = [];
afterEach(async () => {
  for (const done of cleanup.splice(0).reverse()) await done();
});

/** Opens a lesson the way the app does: a runtime over a fresh engine, then the saved work loaded into it. */
async function openLesson(store: ProgressStore, lesson = lessonFile()) {
  const engine = await createNodeEngine();
  const runtime = new NotebookRuntime(lesson, {
    engine,
    loadDatasets: async (_names, target) => {
      await target.exec('CREATE TABLE trips (trip_id INTEGER, city TEXT); INSERT INTO trips VALUES (1, \'Seoul\'), (2, \'Busan\'), (3, \'Seoul\');');
    },
  });
  const progress = new LessonProgress(store, lesson, runtime);
  cleanup.push(() => {
    progress.dispose();
    engine.close();
  });
  await progress.load();
  return { runtime, progress };
}

function ready(state: LessonProgressState) {
  if (state.phase !== 'ready') throw new Error(`expected ready, got ${state.phase}`);
  return state;
}

async function memoryStore(): Promise<ProgressStore> {
  const store = createMemoryProgressStore({ clock: new ManualClock() });
  cleanup.push(() => store.close());
  return store;
}

async function idbStore(api: IndexedDbApi): Promise<ProgressStore> {
  const store = await openProgressStore({ indexedDb: api, clock: new ManualClock() });
  cleanup.push(() => store.close());
  return store;
}

describe('LessonProgress', () => {
  it('saved edits are applied to the runtime on load', async () => {
    const store = await memoryStore();
    store.saveEdit('progress-test', 'peek', 'SELECT city FROM trips;', PEEK);
    const { runtime, progress } = await openLesson(store);
    expect(runtime.cell('peek')?.source).toBe('SELECT city FROM trips;');
    expect(runtime.cell('count-trips')?.source).toBe(STARTER);
    expect(ready(progress.current).conflicts.size).toBe(0);
  });

  it('is loading until the saved work is read', async () => {
    const store = await memoryStore();
    const engine = await createNodeEngine();
    const lesson = lessonFile();
    const progress = new LessonProgress(store, lesson, new NotebookRuntime(lesson, { engine, loadDatasets: async () => {} }));
    cleanup.push(() => engine.close());
    expect(progress.current.phase).toBe('loading');
    await progress.load();
    expect(progress.current.phase).toBe('ready');
  });

  it('an edit survives a reload of the page', async () => {
    const api = profile();
    const first = await idbStore(api);
    const { progress } = await openLesson(first);
    progress.edit('peek', 'SELECT 42;');
    await first.close();

    const again = await openLesson(await idbStore(api));
    expect(again.runtime.cell('peek')?.source).toBe('SELECT 42;');
  });

  it('a passing run marks the exercise passed, after counting a wrong try', async () => {
    const store = await memoryStore();
    const { runtime, progress } = await openLesson(store);
    await runtime.run('count-trips');
    await progress.settled();
    expect(ready(progress.current).exercises.get('count-trips')).toEqual({ passed: false, attempts: 1, hintsShown: 0, solutionSeen: false });

    progress.edit('count-trips', SOLUTION);
    await runtime.run('count-trips');
    await progress.settled();
    expect(ready(progress.current).exercises.get('count-trips')).toMatchObject({ passed: true, attempts: 2 });
    expect((await store.loadLesson('progress-test')).exercises.get('count-trips')).toMatchObject({ passed: true, attempts: 2 });
  });

  it('a run of an ordinary cell records nothing', async () => {
    const store = await memoryStore();
    const { runtime, progress } = await openLesson(store);
    await runtime.run('peek');
    await progress.settled();
    expect((await store.loadLesson('progress-test')).exercises.size).toBe(0);
  });

  it('reveals hints one at a time, never past the last, and remembers them', async () => {
    const store = await memoryStore();
    const { progress } = await openLesson(store);
    expect(await progress.revealHint('count-trips')).toBe(1);
    expect(await progress.revealHint('count-trips')).toBe(2);
    expect(await progress.revealHint('count-trips')).toBe(2);
    expect(ready(progress.current).exercises.get('count-trips')?.hintsShown).toBe(2);
    const again = await openLesson(store);
    expect(ready(again.progress.current).exercises.get('count-trips')).toMatchObject({ hintsShown: 2, attempts: 0 });
  });

  it('records that the solution was seen', async () => {
    const store = await memoryStore();
    const { progress } = await openLesson(store);
    await progress.revealSolution('count-trips');
    expect(ready(progress.current).exercises.get('count-trips')?.solutionSeen).toBe(true);
  });

  it('reset cell restores the original and keeps the exercise progress', async () => {
    const store = await memoryStore();
    const { runtime, progress } = await openLesson(store);
    progress.edit('count-trips', 'SELECT 1;');
    await progress.revealHint('count-trips');
    expect((await progress.describeResetCell('count-trips')).edits).toBe(1);
    await progress.resetCell('count-trips');
    expect(runtime.cell('count-trips')?.source).toBe(STARTER);
    expect((await store.loadLesson('progress-test')).edits.size).toBe(0);
    expect(ready(progress.current).exercises.get('count-trips')?.hintsShown).toBe(1);
  });

  it('reset lesson restores every cell and clears its exercise progress', async () => {
    const store = await memoryStore();
    const { runtime, progress } = await openLesson(store);
    progress.edit('peek', 'SELECT 1;');
    progress.edit('count-trips', 'SELECT 2;');
    await progress.revealHint('count-trips');
    const description = await progress.describeResetLesson();
    expect(description).toMatchObject({ edits: 2, exercises: 1 });
    await progress.resetLesson();
    expect(runtime.cell('peek')?.source).toBe(PEEK);
    expect(runtime.cell('count-trips')?.source).toBe(STARTER);
    expect(ready(progress.current).exercises.get('count-trips')?.hintsShown).toBe(0);
  });

  describe('when the lesson file changed since the learner edited a cell', () => {
    async function conflicted() {
      const store = await memoryStore();
      store.saveEdit('progress-test', 'peek', 'SELECT city FROM trips;', PEEK);
      const opened = await openLesson(store, lessonFile('SELECT trip_id FROM trips;'));
      return { store, ...opened };
    }

    it('reports the conflict and keeps showing the learner’s code', async () => {
      const { runtime, progress } = await conflicted();
      expect(ready(progress.current).conflicts.get('peek')).toEqual({
        cellId: 'peek',
        savedOriginal: PEEK,
        currentOriginal: 'SELECT trip_id FROM trips;',
      });
      expect(runtime.cell('peek')?.source).toBe('SELECT city FROM trips;');
    });

    it('keep mine: the code stays and the question is not asked again', async () => {
      const { store, progress } = await conflicted();
      await progress.keepMine('peek');
      expect(ready(progress.current).conflicts.size).toBe(0);
      const again = await openLesson(store, lessonFile('SELECT trip_id FROM trips;'));
      expect(again.runtime.cell('peek')?.source).toBe('SELECT city FROM trips;');
      expect(ready(again.progress.current).conflicts.size).toBe(0);
    });

    it('take the new one: the cell shows the lesson’s new code', async () => {
      const { store, runtime, progress } = await conflicted();
      await progress.takeNew('peek');
      expect(runtime.cell('peek')?.source).toBe('SELECT trip_id FROM trips;');
      expect(ready(progress.current).conflicts.size).toBe(0);
      expect((await store.loadLesson('progress-test')).edits.size).toBe(0);
    });
  });

  it('keeps code of a cell the lesson no longer has, until it is discarded', async () => {
    const store = await memoryStore();
    store.saveEdit('progress-test', 'gone', 'SELECT 7;', 'SELECT 1;');
    const { progress } = await openLesson(store);
    expect(ready(progress.current).orphans).toEqual([{ cellId: 'gone', code: 'SELECT 7;' }]);
    await progress.resetCell('gone');
    expect(ready(progress.current).orphans).toEqual([]);
    expect((await store.loadLesson('progress-test')).edits.size).toBe(0);
  });

  it('applies shared code as the learner’s own, and knows when that would replace theirs', async () => {
    const store = await memoryStore();
    const { runtime, progress } = await openLesson(store);
    expect(progress.wouldReplaceOwnCode('peek', 'SELECT 5;')).toBe(false);
    progress.edit('peek', 'SELECT 4;');
    expect(progress.wouldReplaceOwnCode('peek', 'SELECT 4;')).toBe(false);
    expect(progress.wouldReplaceOwnCode('peek', 'SELECT 5;')).toBe(true);
    expect(progress.applyCode('peek', 'SELECT 5;')).toBe(true);
    expect(progress.applyCode('nope', 'SELECT 5;')).toBe(false);
    expect(runtime.cell('peek')?.source).toBe('SELECT 5;');
    expect((await store.loadLesson('progress-test')).edits.get('peek')?.code).toBe('SELECT 5;');
  });

  it('reload shows imported code in an open lesson', async () => {
    const store = await memoryStore();
    const { runtime, progress } = await openLesson(store);
    const other = await memoryStore();
    other.saveEdit('progress-test', 'peek', 'SELECT 99;', PEEK);
    const result = await store.importAll((await other.exportAll()).json);
    expect(result.ok).toBe(true);
    await progress.reload();
    expect(runtime.cell('peek')?.source).toBe('SELECT 99;');
  });

  it('says so, instead of showing the lesson’s code, when the saved work cannot be read', async () => {
    const store = await memoryStore();
    const failing: ProgressStore = Object.assign(Object.create(store) as ProgressStore, {
      loadLesson: () => Promise.reject(new Error('Your saved work could not be read.')),
    });
    const { progress } = await openLesson(failing);
    expect(progress.current).toEqual({ phase: 'failed', message: 'Your saved work could not be read.' });
  });
});
