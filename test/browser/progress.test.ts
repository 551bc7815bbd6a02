// The learner's saved work, as they meet it: edits that survive a reload,
// exercise progress, conflicts with a changed lesson, resets, export and
// import, shared links, and a browser that cannot save. Real Chromium on the
// built site; a new context is a fresh browser profile.
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium } from 'playwright-core';
import { afterEach, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { appUrl, NO_PROBLEMS, openApp, problems, screenshot } from './harness';
import { cell, typeInto } from './learner';
import { lessonCellSource } from './reference';
import { parseLesson } from '../../src/lesson/parse';

const LESSON_FILE = 'lessons/01-first-look-at-rides.md';
const LESSON_ID = 'first-look-at-rides';
const LESSON = `#/lessons/${LESSON_ID}`;

const pages: Page[] = [];
afterEach(async () => {
  for (const p of pages.splice(0)) await p.context().close();
});

async function open(path: string): Promise<Page> {
  const page = await openApp(path);
  pages.push(page);
  return page;
}

/** The code the cell's editor holds. */
async function codeIn(p: Page, id: string): Promise<string> {
  const editor = cell(p, id).locator('dew-code-editor');
  await editor.waitFor();
  return editor.evaluate((el) => (el as HTMLElement & { value: string }).value);
}

/** The learner's code for a cell as stored in this profile's IndexedDB (null: none). */
function storedCode(p: Page, cellId: string): Promise<string | null> {
  return p.evaluate(
    async ([lessonId, id]) => {
      const db = await new Promise<IDBDatabase>((resolve, reject) => {
        const request = indexedDB.open('de-workbench');
        request.onsuccess = () => resolve(request.result);
        request.onerror = () => reject(request.error);
      });
      try {
        const record = await new Promise<{ code: string } | undefined>((resolve, reject) => {
          const request = db.transaction('edits').objectStore('edits').get([lessonId, id]);
          request.onsuccess = () => resolve(request.result as { code: string } | undefined);
          request.onerror = () => reject(request.error);
        });
        return record?.code ?? null;
      } finally {
        db.close();
      }
    },
    [LESSON_ID, cellId],
  );
}

/** Keys of the store's journal of unwritten edits in this profile's localStorage. */
function journalKeys(p: Page): Promise<string[]> {
  return p.evaluate(() => Object.keys(localStorage).filter((key) => key.startsWith('de-workbench/unsaved-edit:')));
}

/** Answers every dialog with `answer` and records its message. */
function answerDialogs(p: Page, answer: 'accept' | 'dismiss'): string[] {
  const seen: string[] = [];
  p.removeAllListeners('dialog');
  p.on('dialog', (dialog) => {
    seen.push(dialog.message());
    void (answer === 'accept' ? dialog.accept() : dialog.dismiss());
  });
  return seen;
}

async function goToProgressPage(p: Page): Promise<void> {
  await p.getByRole('link', { name: 'Your progress' }).first().click();
  await p.getByRole('heading', { level: 1, name: 'Your progress' }).waitFor();
}

/** A progress export with one saved edit, as another browser would have written it. */
function progressFile(edit: { cellId: string; code: string; original: string }): string {
  const at = '2025-03-01T09:00:00.000Z';
  return JSON.stringify({
    format: 'de-workbench-progress',
    version: 1,
    exportedAt: at,
    edits: [{ lessonId: LESSON_ID, ...edit, createdAt: at, updatedAt: at }],
    exercises: [],
  });
}

async function importText(p: Page, name: string, text: string): Promise<void> {
  await p.getByLabel('Import a progress file').setInputFiles({ name, mimeType: 'application/json', buffer: Buffer.from(text) });
}

/** Chromium on a profile directory that outlives it, as a learner's browser does; the network is sealed as in openApp. */
async function openWithProfile(dir: string): Promise<Page> {
  const context = await chromium.launchPersistentContext(dir, {
    executablePath: process.env.CHROME_PATH ?? '/usr/bin/chromium',
    args: ['--no-sandbox', '--disable-gpu', '--no-first-run', '--host-resolver-rules=MAP * ~NOTFOUND, EXCLUDE 127.0.0.1'],
  });
  const origin = new URL(appUrl()).origin;
  await context.route((url) => url.origin !== origin && url.protocol.startsWith('http'), (route) => route.abort('blockedbyclient'));
  const page = context.pages()[0] ?? (await context.newPage());
  await page.goto(appUrl(LESSON));
  return page;
}

/** An exercise's solution, read from the lesson file as the app reads it. */
async function exerciseSolution(id: string): Promise<string> {
  const parsed = parseLesson(LESSON_FILE, await readFile(LESSON_FILE, 'utf8'));
  if (!parsed.ok) throw new Error(`${LESSON_FILE} does not parse`);
  const exercise = parsed.lesson.cells.find((c) => c.id === id);
  if (exercise?.kind !== 'exercise') throw new Error(`${id} is not an exercise of ${LESSON_FILE}`);
  return exercise.solution;
}

describe('saved work, as a learner meets it', () => {
  it('keeps an edit across a reload of the page', async () => {
    const page = await open(LESSON);
    const code = 'SELECT city, count(*) AS n FROM trips GROUP BY city;';
    await typeInto(page, 'peek', code);
    // Written about 300 ms after the last keystroke.
    await expect.poll(() => storedCode(page, 'peek')).toBe(code);
    await page.reload();
    await expect.poll(() => codeIn(page, 'peek')).toBe(code);
    expect(await codeIn(page, 'by-status')).toBe(await lessonCellSource(LESSON_FILE, 'by-status'));
    expect(problems(page)).toEqual(NO_PROBLEMS);
  });

  it('keeps an edit typed just before an immediate reload', async () => {
    const page = await open(LESSON);
    const code = 'SELECT 42 AS typed_then_reloaded;';
    await typeInto(page, 'peek', code);
    // No wait: the IndexedDB write (due ~300 ms later) has not happened yet.
    await page.reload();
    await expect.poll(() => codeIn(page, 'peek')).toBe(code);
    // Once the page is back, the journalled edit is written to IndexedDB too.
    await expect.poll(() => storedCode(page, 'peek')).toBe(code);
    expect(problems(page)).toEqual(NO_PROBLEMS);
  });

  it('keeps an edit whose write was still waiting for a busy database when the page reloaded', async () => {
    const page = await open(LESSON);
    await cell(page, 'peek').locator('.monaco-editor').waitFor();
    // Another connection keeps a write transaction on the edits open for a few seconds, as a
    // slow disk or another tab would: the store's write queues behind it, so it cannot
    // commit before the reload, whatever the timing of this machine.
    await page.evaluate(
      () =>
        new Promise<void>((resolve, reject) => {
          const request = indexedDB.open('de-workbench');
          request.onerror = () => reject(request.error);
          request.onsuccess = () => {
            const edits = request.result.transaction('edits', 'readwrite').objectStore('edits');
            const until = Date.now() + 5000;
            const spin = (): void => {
              if (Date.now() < until) edits.get(['busy', 'busy']).onsuccess = spin;
            };
            spin();
            resolve();
          };
        }),
    );
    const code = 'SELECT 43 AS written_behind_a_busy_database;';
    await typeInto(page, 'peek', code);
    await page.waitForTimeout(600); // the debounced write has started, and waits
    await page.reload();
    await expect.poll(() => codeIn(page, 'peek')).toBe(code);
    await expect.poll(() => storedCode(page, 'peek')).toBe(code);
    // Written to IndexedDB: the safety copy in localStorage is gone.
    await expect.poll(() => journalKeys(page)).toEqual([]);
  });

  it('keeps an edit across a browser restart', async () => {
    const profileDir = await mkdtemp(join(tmpdir(), 'dew-profile-'));
    const code = 'SELECT count(*) AS after_restart FROM trips;';
    try {
      const first = await openWithProfile(profileDir);
      await typeInto(first, 'by-status', code);
      await expect.poll(() => storedCode(first, 'by-status')).toBe(code);
      await first.context().close();

      const again = await openWithProfile(profileDir);
      await expect.poll(() => codeIn(again, 'by-status')).toBe(code);
      await again.context().close();
    } finally {
      await rm(profileDir, { recursive: true, force: true });
    }
  });

  it('records an exercise: a wrong try explains, a hint shows its text, the right answer passes and stays done', async () => {
    const page = await open(LESSON);
    const exercise = cell(page, 'busiest-hour');
    await exercise.getByRole('button', { name: 'Run cell' }).click();
    const verdict = exercise.locator('.verdict.fail');
    await verdict.waitFor();
    expect(await verdict.textContent()).toContain('Not yet');
    expect(await verdict.locator('li').count()).toBeGreaterThan(0);

    await exercise.getByRole('button', { name: 'Show hint 1 of 2' }).click();
    const hints = exercise.getByRole('list', { name: 'Hints' }).locator('li');
    await expect.poll(() => hints.first().textContent()).toContain('it already counts requests per hour');
    await exercise.scrollIntoViewIfNeeded();
    await screenshot(page, 'progress-exercise-hint');
    await screenshot(page, 'progress-exercise-hint-dark', { colorScheme: 'dark' });

    await typeInto(page, 'busiest-hour', await exerciseSolution('busiest-hour'));
    await page.keyboard.press('ControlOrMeta+Enter');
    await exercise.locator('.verdict.pass').waitFor();
    await expect.poll(() => exercise.locator('.exercise-badge').textContent()).toContain('Done');
    await expect.poll(() => page.locator('.lesson-progress-facts').textContent()).toMatch(/^1 of \d+ exercises? done · 1 hint used$/);

    await page.reload();
    await expect.poll(() => cell(page, 'busiest-hour').locator('.exercise-badge').textContent()).toContain('Done');
    expect(await cell(page, 'busiest-hour').getByRole('list', { name: 'Hints' }).locator('li').count()).toBe(1);
    expect(await cell(page, 'busiest-hour').getByRole('button', { name: 'Show hint 2 of 2' }).count()).toBe(1);

    // The solution, after a confirmation; remembered too.
    answerDialogs(page, 'accept');
    await cell(page, 'busiest-hour').getByRole('button', { name: 'Show the solution' }).click();
    await cell(page, 'busiest-hour').locator('.solution pre').waitFor();
    await page.reload();
    await cell(page, 'busiest-hour').locator('.solution pre').waitFor();

    await page.getByRole('link', { name: 'All lessons' }).click();
    const card = page.locator('.lesson-card').filter({ has: page.locator(`a[href="${LESSON}"]`) });
    await expect.poll(() => card.locator('.card-progress').textContent()).toMatch(/^(✓ Done|1 of \d+ exercises done) · 1 cell edited · 1 hint used$/);
    expect(await page.locator('.stage-progress').first().textContent()).toMatch(/^1 of \d+ exercises? done$/);
    await screenshot(page, 'progress-lesson-list');
    expect(problems(page)).toEqual(NO_PROBLEMS);
  });

  it('resets one cell after saying what that deletes', async () => {
    const page = await open(LESSON);
    await typeInto(page, 'by-status', 'SELECT 2;');
    const reset = cell(page, 'by-status').getByRole('button', { name: 'Reset cell' });
    const asked = answerDialogs(page, 'dismiss');
    await reset.click();
    await expect.poll(() => asked.length).toBe(1);
    expect(asked[0]).toContain("puts the cell back to the lesson's code and deletes your version of it");
    expect(await codeIn(page, 'by-status')).toBe('SELECT 2;');

    answerDialogs(page, 'accept');
    await reset.click();
    const original = await lessonCellSource(LESSON_FILE, 'by-status');
    await expect.poll(() => codeIn(page, 'by-status')).toBe(original);
    await expect.poll(() => storedCode(page, 'by-status')).toBeNull();
    expect(await reset.count()).toBe(0);
    // Nothing brings the edit back, not even the safety copy of unwritten edits.
    expect(await journalKeys(page)).toEqual([]);
    await page.reload();
    await expect.poll(() => codeIn(page, 'by-status')).toBe(original);
  });

  it('resets the lesson from its header', async () => {
    const page = await open(LESSON);
    await typeInto(page, 'peek', 'SELECT 3;');
    await typeInto(page, 'by-city', 'SELECT 4;');
    const asked = answerDialogs(page, 'accept');
    await page.getByRole('button', { name: 'Reset lesson' }).click();
    await expect.poll(() => codeIn(page, 'peek')).toBe(await lessonCellSource(LESSON_FILE, 'peek'));
    expect(await codeIn(page, 'by-city')).toBe(await lessonCellSource(LESSON_FILE, 'by-city'));
    expect(asked).toEqual([expect.stringContaining('(2 cells of yours)')]);
  });
});

describe('the "Your progress" page', () => {
  it('exports to a file that restores the work in a fresh browser, and refuses a foreign file', async () => {
    const page = await open(LESSON);
    const code = 'SELECT city FROM trips LIMIT 2;';
    await typeInto(page, 'by-city', code);
    await goToProgressPage(page);
    // Lessons started: 1 of however many the course has.
    await expect.poll(() => page.locator('.progress-table tfoot td').first().textContent()).toMatch(/^\s*1 of \d+\s*$/);
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('button', { name: 'Export my progress' }).click(),
    ]);
    expect(download.suggestedFilename()).toMatch(/^de-workbench-progress-\d{4}-\d{2}-\d{2}\.json$/);
    const file = await download.path();
    await screenshot(page, 'progress-page', { fullPage: true });
    await screenshot(page, 'progress-page-dark', { colorScheme: 'dark', fullPage: true });

    const fresh = await open('#/progress');
    await importText(fresh, 'notes.json', '{"format": "someone-elses-notes"}');
    const refusal = fresh.getByRole('alert').filter({ hasText: 'cannot be imported, and nothing was changed' });
    await refusal.waitFor();
    expect(await refusal.textContent()).toContain('it is not a workbench progress export');
    await importText(fresh, 'broken.json', '{"format": ');
    await fresh.getByRole('alert').filter({ hasText: 'not valid JSON' }).waitFor();
    await screenshot(fresh, 'progress-import-refused');

    await fresh.getByLabel('Import a progress file').setInputFiles(file);
    await fresh.getByRole('status').filter({ hasText: 'Imported your code in 1 cell' }).waitFor();
    await fresh.getByRole('link', { name: 'All lessons' }).click();
    await fresh.locator(`a[href="${LESSON}"]`).click();
    await expect.poll(() => codeIn(fresh, 'by-city')).toBe(code);
    expect(problems(page)).toEqual(NO_PROBLEMS);
    expect(problems(fresh)).toEqual(NO_PROBLEMS);
  });

  it('erases everything only after a confirmation that says what goes', async () => {
    const page = await open(LESSON);
    await typeInto(page, 'peek', 'SELECT 5;');
    await cell(page, 'busiest-hour').getByRole('button', { name: 'Show hint 1 of 2' }).click();
    await goToProgressPage(page);
    const erase = page.getByRole('button', { name: 'Erase all my data' });

    const declined = answerDialogs(page, 'dismiss');
    await erase.click();
    await expect.poll(() => declined.length).toBe(1);
    expect(declined[0]).toBe(
      'This deletes everything the workbench saved in this browser: your code in 1 cell of 1 lesson and your progress on 1 exercise. It cannot be undone; export your progress first to keep a copy.',
    );
    expect(await storedCode(page, 'peek')).toBe('SELECT 5;');

    const accepted = answerDialogs(page, 'accept');
    await erase.click();
    await page.getByRole('status').filter({ hasText: 'is erased' }).waitFor();
    expect(accepted).toHaveLength(1);
    expect(await storedCode(page, 'peek')).toBeNull();
    expect(await page.locator('.progress-table tfoot td').first().textContent()).toMatch(/^\s*0 of \d+\s*$/);
    await page.getByRole('link', { name: 'All lessons' }).click();
    await page.locator(`a[href="${LESSON}"]`).click();
    await expect.poll(() => codeIn(page, 'peek')).toBe(await lessonCellSource(LESSON_FILE, 'peek'));
    expect(await cell(page, 'busiest-hour').getByRole('button', { name: 'Show hint 1 of 2' }).count()).toBe(1);
    expect(problems(page)).toEqual(NO_PROBLEMS);
  });
});

describe('a lesson that changed since the learner edited it', () => {
  async function withOldCopy(): Promise<Page> {
    const page = await open('#/progress');
    await importText(
      page,
      'older.json',
      progressFile({ cellId: 'peek', code: 'SELECT trip_id, city\nFROM trips\nLIMIT 3;', original: 'SELECT *\nFROM trips\nLIMIT 5;' }),
    );
    await page.getByRole('status').filter({ hasText: 'Imported' }).waitFor();
    await page.goto(new URL(LESSON, page.url()).href);
    return page;
  }

  it('tells the learner on that cell, compares, and keeps theirs', async () => {
    const page = await withOldCopy();
    const peek = cell(page, 'peek');
    const notice = peek.locator('.conflict-notice');
    await notice.waitFor();
    expect(await notice.textContent()).toContain('changed since you edited it');
    expect(await codeIn(page, 'peek')).toBe('SELECT trip_id, city\nFROM trips\nLIMIT 3;');

    await peek.getByRole('button', { name: 'Compare' }).click();
    const diff = peek.getByRole('group', { name: 'Your code compared with the lesson’s new code' });
    expect(await diff.locator('del').allTextContents()).toEqual([expect.stringContaining('SELECT trip_id, city'), expect.stringContaining('LIMIT 3;')]);
    expect(await diff.locator('ins').allTextContents()).toEqual([expect.stringContaining('SELECT *'), expect.stringContaining('LIMIT 10;')]);
    await peek.scrollIntoViewIfNeeded();
    await screenshot(page, 'progress-conflict');
    await screenshot(page, 'progress-conflict-dark', { colorScheme: 'dark' });

    await peek.getByRole('button', { name: 'Keep mine' }).click();
    await notice.waitFor({ state: 'detached' });
    await page.reload();
    await expect.poll(() => codeIn(page, 'peek')).toBe('SELECT trip_id, city\nFROM trips\nLIMIT 3;');
    expect(await cell(page, 'peek').locator('.conflict-notice').count()).toBe(0);
    expect(problems(page)).toEqual(NO_PROBLEMS);
  });

  it('takes the new lesson code when the learner chooses it', async () => {
    const page = await withOldCopy();
    const peek = cell(page, 'peek');
    await peek.locator('.conflict-notice').waitFor();
    answerDialogs(page, 'accept');
    await peek.getByRole('button', { name: 'Take the new one' }).click();
    await expect.poll(() => codeIn(page, 'peek')).toBe(await lessonCellSource(LESSON_FILE, 'peek'));
    expect(await peek.locator('.conflict-notice').count()).toBe(0);
    await expect.poll(() => storedCode(page, 'peek')).toBeNull();
  });
});

describe('shared links', () => {
  it('copies a link that opens the lesson with that code, asking before it replaces the learner’s own', async () => {
    const page = await open(LESSON);
    await page.context().grantPermissions(['clipboard-read', 'clipboard-write']);
    const shared = "SELECT city, count(*) AS n -- 서울 🚕\nFROM trips GROUP BY city;";
    await typeInto(page, 'by-city', shared);
    await cell(page, 'by-city').getByRole('button', { name: 'Share' }).click();
    await cell(page, 'by-city').getByRole('status').filter({ hasText: 'Link copied' }).waitFor();
    await screenshot(page, 'progress-share-copied');
    const link = await page.evaluate(() => navigator.clipboard.readText());
    expect(link).toMatch(/\/courses\/de\/#\/lessons\/first-look-at-rides\?cell=by-city&code=[\w-]+$/);

    // A friend opens it in their own browser.
    const friend = await open(link.slice(link.indexOf('#')));
    await expect.poll(() => codeIn(friend, 'by-city')).toBe(shared);
    await friend.getByRole('status').filter({ hasText: 'The shared code is now in cell “by-city”' }).waitFor();
    expect(new URL(friend.url()).hash).toBe(LESSON);
    await expect.poll(() => storedCode(friend, 'by-city')).toBe(shared);

    // Back in the first browser, with different code of the learner's own in that cell.
    await typeInto(page, 'by-city', 'SELECT 6;');
    const asked = answerDialogs(page, 'dismiss');
    await page.goto(link);
    await expect.poll(() => asked.length).toBe(1);
    expect(asked[0]).toContain('where you have code of your own');
    await page.getByRole('status').filter({ hasText: 'You kept your own code' }).waitFor();
    expect(await codeIn(page, 'by-city')).toBe('SELECT 6;');
    expect(new URL(page.url()).hash).toBe(LESSON);

    answerDialogs(page, 'accept');
    await page.goto(link);
    await expect.poll(() => codeIn(page, 'by-city')).toBe(shared);
    expect(problems(page)).toEqual(NO_PROBLEMS);
    expect(problems(friend)).toEqual(NO_PROBLEMS);
  });

  it('says what is wrong with a damaged link and changes nothing', async () => {
    const page = await open(`${LESSON}?cell=by-city&code=a$b`);
    await page.getByRole('alert').filter({ hasText: 'The shared link is damaged' }).waitFor();
    expect(await codeIn(page, 'by-city')).toBe(await lessonCellSource(LESSON_FILE, 'by-city'));
  });
});

describe('a browser that does not let the workbench save', () => {
  it('shows a banner that can be dismissed, and warns before leaving with unsaved edits', async () => {
    const page = await open('');
    await page.addInitScript(() => {
      Object.defineProperty(window, 'indexedDB', { value: undefined });
    });
    await page.goto(new URL(LESSON, page.url()).href);
    await page.reload();
    const banner = page.getByRole('alert').filter({ hasText: 'does not let the workbench save data' });
    await banner.waitFor();
    await typeInto(page, 'by-city', 'SELECT 7;');
    await screenshot(page, 'progress-memory-only');
    await screenshot(page, 'progress-memory-only-dark', { colorScheme: 'dark' });
    await banner.getByRole('button', { name: 'Dismiss' }).click();
    await banner.waitFor({ state: 'detached' });

    const kinds: string[] = [];
    page.on('dialog', (dialog) => {
      kinds.push(dialog.type());
      void dialog.dismiss();
    });
    await page.close({ runBeforeUnload: true });
    await expect.poll(() => kinds).toEqual(['beforeunload']);
    expect(page.isClosed()).toBe(false);
  });
});
