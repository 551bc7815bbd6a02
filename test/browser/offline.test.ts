// Offline use as a learner meets it, against the built site at sub-paths of
// one origin: a first visit online, then no network (context.setOffline);
// "Make the course available offline"; an update deployed while a tab is open;
// two copies of the site that keep their caches apart.
import { createHash } from 'node:crypto';
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser, screenshot } from './harness';
import { cell, tableRows, typeInto } from './learner';
import { startSites, type Sites } from './static-server';
import { offlineStrings } from '../../src/ui/offline/offline-strings';
import { parseLesson } from '../../src/lesson/parse';

const DIST = resolve(process.env.DIST_DIR ?? 'dist');
const MAIN = '/courses/de/';
const OTHER = '/courses/de-copy/';
const LESSON_01 = 'lessons/01-first-look-at-rides.md';

let sites: Sites;
let browser: Browser;
let buildB: string;
const contexts: BrowserContext[] = [];

/** A second deploy: the same site with a changed index.html, and the service worker's precache revision to match (what a rebuild that changed only the page produces). */
function makeSecondBuild(): string {
  const dir = mkdtempSync(join(tmpdir(), 'workbench-build-b-'));
  cpSync(DIST, dir, { recursive: true });
  const html = readFileSync(join(dir, 'index.html'), 'utf8');
  const next = html.replace('<head>', '<head>\n    <meta name="workbench-build" content="B" />');
  writeFileSync(join(dir, 'index.html'), next);
  const md5 = (text: string) => createHash('md5').update(text).digest('hex');
  const sw = readFileSync(join(dir, 'sw.js'), 'utf8');
  if (!sw.includes(md5(html))) throw new Error('sw.js does not list index.html by its md5 revision');
  writeFileSync(join(dir, 'sw.js'), sw.split(md5(html)).join(md5(next)));
  return dir;
}

beforeAll(async () => {
  buildB = makeSecondBuild();
  sites = await startSites([
    { root: DIST, mountPath: MAIN },
    { root: DIST, mountPath: OTHER },
  ]);
  browser = await launchBrowser();
});

afterAll(async () => {
  await browser?.close();
  await sites?.close();
  rmSync(buildB, { recursive: true, force: true });
});

afterEach(async () => {
  for (const c of contexts.splice(0)) await c.close();
});

async function newPage(colorScheme: 'light' | 'dark' = 'light'): Promise<Page> {
  const context = await browser.newContext({ colorScheme });
  contexts.push(context);
  return context.newPage();
}

const url = (mount: string, hash = '') => sites.urls[mount === MAIN ? 0 : 1] + hash;

async function controlled(page: Page): Promise<void> {
  await page.waitForFunction(() => navigator.serviceWorker?.controller !== null, undefined, { timeout: 30_000 });
}

/** Site-relative paths in this scope's course cache. */
function courseCache(page: Page): Promise<string[]> {
  return page.evaluate(async () => {
    const scope = new URL('./', document.baseURI).href;
    const cache = await caches.open(`workbench-course-v1-${scope}`);
    return (await cache.keys()).map((r) => new URL(r.url).pathname.slice(new URL(scope).pathname.length));
  });
}

/** Course files this page loaded that are not (yet) in its course cache. */
async function uncachedUsedFiles(page: Page): Promise<string[]> {
  const cached = new Set(await courseCache(page));
  const used = await page.evaluate(async () => {
    const scope = new URL('./', document.baseURI);
    const listed = new Set(((await (await fetch(new URL('offline-files.json', scope))).json()) as { files: { url: string }[] }).files.map((f) => f.url));
    return performance
      .getEntriesByType('resource')
      .map((e) => new URL(e.name).pathname.slice(scope.pathname.length))
      .filter((path) => listed.has(path));
  });
  return [...new Set(used)].filter((path) => !cached.has(path));
}

async function waitForData(page: Page): Promise<string | null> {
  const status = page.locator('.dataset-status');
  await expect.poll(() => status.getAttribute('data-state'), { timeout: 60_000 }).toMatch(/ready|error/);
  return status.getAttribute('data-state');
}

describe('offline after one visit', () => {
  it('reloads home, reopens a visited lesson, runs it and solves an exercise; an unvisited lesson says its data is not saved', async () => {
    const page = await newPage();
    await page.goto(url(MAIN, '#/lessons/first-look-at-rides'));
    await controlled(page);
    await cell(page, 'peek').getByRole('button', { name: 'Run cell' }).click();
    expect((await tableRows(cell(page, 'peek'))).length).toBeGreaterThan(0);
    // The first visit's files reach the course cache once the worker controls the page.
    await cell(page, 'busiest-hour').locator('.monaco-editor').waitFor();
    await expect.poll(() => courseCache(page), { timeout: 30_000 }).toEqual(expect.arrayContaining(['datasets/trips.csv', 'datasets/cs_tickets.csv']));
    await expect.poll(() => uncachedUsedFiles(page), { timeout: 30_000 }).toEqual([]);

    await page.context().setOffline(true);
    await page.goto(url(MAIN));
    await page.reload();
    await expect.poll(() => page.getByRole('link', { name: /The company and its data/ }).count()).toBeGreaterThan(0);

    await page.goto(url(MAIN, '#/lessons/first-look-at-rides'));
    expect(await waitForData(page)).toBe('ready');
    await cell(page, 'by-status').getByRole('button', { name: 'Run cell' }).click();
    expect((await tableRows(cell(page, 'by-status'))).length).toBeGreaterThan(0);
    const lesson = parseLesson(LESSON_01, readFileSync(LESSON_01, 'utf8'));
    if (!lesson.ok) throw new Error('lesson 01 does not parse');
    const exercise = lesson.lesson.cells.find((c) => c.kind === 'exercise' && c.id === 'busiest-hour');
    if (exercise?.kind !== 'exercise') throw new Error('lesson 01 has no busiest-hour exercise');
    await typeInto(page, 'busiest-hour', exercise.solution);
    await page.keyboard.press('ControlOrMeta+Enter');
    await expect.poll(() => cell(page, 'busiest-hour').locator('.verdict').textContent(), { timeout: 30_000 }).toContain('Correct');

    // Never opened: its data (app_events.ndjson, server.log) was never fetched.
    await page.goto(url(MAIN, '#/lessons/parsing-logs'));
    expect(await waitForData(page)).toBe('error');
    const alert = page.locator('dew-data-failed [role=alert]');
    await expect.poll(() => alert.textContent()).toContain(offlineStrings.notCached);
    await expect.poll(() => alert.getByRole('button', { name: 'Retry' }).count()).toBe(1);
    await alert.scrollIntoViewIfNeeded();
    await screenshot(page, 'offline-not-cached-light');
    await screenshot(page, 'offline-not-cached-dark', { colorScheme: 'dark' });
    // Back online, Retry loads it.
    await page.context().setOffline(false);
    await alert.getByRole('button', { name: 'Retry' }).click();
    expect(await waitForData(page)).toBe('ready');
    // The rest of the app kept working: home still lists lessons.
    await page.goto(url(MAIN));
    await expect.poll(() => page.getByRole('link', { name: /The company and its data/ }).count()).toBeGreaterThan(0);
  }, 120_000);
});

describe('Make the course available offline', () => {
  it('downloads with a bar in MB and files, cancels, resumes, and then every lesson loads its data offline', async () => {
    const page = await newPage();
    await page.goto(url(MAIN));
    await controlled(page);
    const section = page.locator('dew-offline-download');
    await section.getByRole('button', { name: offlineStrings.makeOffline }).click();
    const bar = section.getByRole('progressbar');
    await bar.waitFor();
    await expect.poll(() => section.locator('.offline-progress [role=status]').textContent()).toMatch(/MB of .* MB · \d+ of \d+ files/);
    await screenshot(page, 'offline-download-progress-light');
    await screenshot(page, 'offline-download-progress-dark', { colorScheme: 'dark' });
    await section.getByRole('button', { name: 'Cancel' }).click();
    await expect.poll(() => section.locator('.offline-stopped').textContent()).toMatch(/Stopped: \d+ of \d+ files are saved/);
    const savedAfterCancel = (await courseCache(page)).length;

    await section.getByRole('button', { name: offlineStrings.makeOffline }).click();
    await expect.poll(() => section.locator('.offline-ready').textContent(), { timeout: 120_000 }).toContain('The whole course is available offline');
    await expect.poll(() => section.locator('.offline-ready').textContent()).toMatch(/This site uses [\d.,]+ MB of the/);
    expect((await courseCache(page)).length).toBeGreaterThanOrEqual(savedAfterCancel);
    await screenshot(page, 'offline-download-done-light');

    await page.context().setOffline(true);
    const ids = (await page.locator('dew-lesson-list a[href^="#/lessons/"]').evaluateAll((links) => links.map((a) => a.getAttribute('href')!))).filter(
      (href, i, all) => all.indexOf(href) === i,
    );
    expect(ids.length).toBeGreaterThan(10);
    for (const href of ids) {
      await page.goto(url(MAIN, href));
      await page.locator('dew-notebook').waitFor();
      if ((await page.locator('.dataset-status').count()) === 0) continue;
      expect([href, await waitForData(page)]).toEqual([href, 'ready']);
    }
    // The capstone grades against its (encoded) ground truth offline too.
    await page.goto(url(MAIN, '#/lessons/capstone-bad-rides'));
    expect(await waitForData(page)).toBe('ready');
  }, 300_000);
});

describe('updates and two copies of the site', () => {
  it('shows a banner for a new version, reloads only when asked, keeps saved work, and leaves the other copy alone', async () => {
    const page = await newPage();
    await page.goto(url(MAIN, '#/lessons/first-look-at-rides'));
    await controlled(page);
    const other = await page.context().newPage();
    await other.goto(url(OTHER, '#/lessons/first-look-at-rides'));
    await controlled(other);
    await cell(other, 'peek').getByRole('button', { name: 'Run cell' }).click();
    await expect.poll(() => courseCache(other), { timeout: 30_000 }).toContain('datasets/trips.csv');
    const otherCaches = await other.evaluate(() => caches.keys());
    const mainCaches = await page.evaluate(() => caches.keys());
    // One origin, one cache list: each copy's names carry its own scope.
    expect(mainCaches.filter((n) => n.endsWith(new URL(MAIN, 'http://x').pathname)).length).toBeGreaterThanOrEqual(2);
    expect(otherCaches.filter((n) => n.includes(OTHER)).length).toBeGreaterThanOrEqual(2);

    const edit = `SELECT 'kept across the update' AS note;`;
    await typeInto(page, 'peek', edit);
    await page.waitForTimeout(1500); // the store writes edits after a short pause
    await page.evaluate(() => ((window as unknown as { stillHere: boolean }).stillHere = true));

    sites.setRoot(MAIN, buildB);
    await page.evaluate(async () => (await navigator.serviceWorker.getRegistration())?.update());
    const banner = page.locator('dew-update-banner [role=status]');
    await expect.poll(() => banner.textContent(), { timeout: 30_000 }).toContain('A new version is ready');
    await screenshot(page, 'update-banner-light');
    await screenshot(page, 'update-banner-dark', { colorScheme: 'dark' });
    // Nothing reloads by itself.
    await page.waitForTimeout(2000);
    expect(await page.evaluate(() => (window as unknown as { stillHere?: boolean }).stillHere)).toBe(true);

    await banner.getByRole('button', { name: 'Reload' }).click();
    await page.waitForFunction(() => document.querySelector('meta[name=workbench-build]') !== null, undefined, { timeout: 30_000 });
    const code = await cell(page, 'peek').locator('dew-code-editor').evaluate((el) => (el as HTMLElement & { value: string }).value);
    expect(code).toBe(edit);
    // The earlier version's page is gone from the precache; the course files it still lists stay.
    const precached = await page.evaluate(async () => {
      const name = (await caches.keys()).find((n) => n.includes('precache') && n.endsWith(new URL('./', document.baseURI).href))!;
      const cache = await caches.open(name);
      return (await cache.keys()).map((r) => r.url).filter((u) => u.includes('index.html'));
    });
    expect(precached).toHaveLength(1);
    expect(await courseCache(page)).toContain('datasets/trips.csv');

    // The other copy: untouched caches, and it still opens with no network.
    expect(await other.evaluate(() => caches.keys())).toEqual(expect.arrayContaining(otherCaches.filter((n) => n.includes(OTHER))));
    expect(await courseCache(other)).toContain('datasets/trips.csv');
    await other.context().setOffline(true);
    await other.reload();
    expect(await waitForData(other)).toBe('ready');
    expect(await other.evaluate(() => document.querySelector('meta[name=workbench-build]'))).toBeNull();
  }, 120_000);
});
