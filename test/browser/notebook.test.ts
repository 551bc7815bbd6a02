// What a learner does in a lesson, in a real Chromium against the built site
// served from a sub-path, with every request off the origin blocked.
import { afterEach, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { NO_PROBLEMS, openApp, problems, screenshot } from './harness';
import { cell, tableRows, typeInto } from './learner';
import { lessonCellSource, referenceQuery } from './reference';

const LESSON = '#/lessons/first-look-at-rides';
let page: Page | undefined;

afterEach(async () => {
  await page?.context().close();
  page = undefined;
});

describe('the workbench, as a learner uses it', () => {
  it('lists the lessons by stage and opens one from its link', async () => {
    page = await openApp('');
    await expect.poll(() => page!.getByRole('heading', { name: 'Foundations' }).count()).toBe(1);
    await page.getByRole('link', { name: /The company and its data/ }).click();
    await page.getByRole('heading', { level: 1, name: 'The company and its data' }).waitFor();
    expect(page.url()).toContain('/courses/de/#/lessons/first-look-at-rides');
    await screenshot(page, 'home-to-lesson');
    expect(problems(page)).toEqual(NO_PROBLEMS);
  });

  it('runs a cell with its Run cell button and shows the rows SQLite returns', async () => {
    page = await openApp(LESSON);
    const byStatus = cell(page, 'by-status');
    await byStatus.getByRole('button', { name: 'Run cell' }).click();
    const expected = await referenceQuery(['trips'], await lessonCellSource('lessons/01-first-look-at-rides.md', 'by-status'));
    expect(await tableRows(byStatus)).toEqual(expected);
    await expect.poll(() => byStatus.locator('.cell-status').textContent()).toMatch(/\d+ (ms|s)$/);
    expect(problems(page)).toEqual(NO_PROBLEMS);
  });

  it('runs a typed query with Shift+Enter and moves on to the next cell', async () => {
    page = await openApp(LESSON);
    const query = "SELECT city, count(*) AS n FROM trips WHERE status = 'completed' GROUP BY city ORDER BY n DESC, city LIMIT 3;";
    await typeInto(page, 'peek', query);
    await page.keyboard.press('Shift+Enter');
    const expected = await referenceQuery(['trips'], query);
    expect(await tableRows(cell(page, 'peek'))).toEqual(expected);
    await expect
      .poll(() => page!.evaluate(() => document.activeElement?.closest('[role=region]')?.getAttribute('aria-label')))
      .toBe('by-status');
    await screenshot(page, 'typed-query', { fullPage: false });
    expect(problems(page)).toEqual(NO_PROBLEMS);
  });

  it('runs every statement of a cell, shows the last result, and runs in place with Ctrl+Enter', async () => {
    page = await openApp(LESSON);
    await typeInto(page, 'peek', 'CREATE TABLE t(x INTEGER); INSERT INTO t VALUES (1), (2), (3); SELECT sum(x) AS total, count(*) AS n FROM t;');
    await page.keyboard.press('ControlOrMeta+Enter');
    const peek = cell(page, 'peek');
    expect(await tableRows(peek)).toEqual([['6', '3']]);
    await expect(peek.locator('.note').first().textContent()).resolves.toMatch(/3 statements ran/);
    const focusedCell = await page.evaluate(() => document.activeElement?.closest('[role=region]')?.getAttribute('aria-label'));
    expect(focusedCell).toBe('peek');
  });

  it('shows SQLite’s own message in an alert when a query is wrong', async () => {
    page = await openApp(LESSON);
    await typeInto(page, 'peek', 'SELECT nonsense FROM trips;');
    await page.keyboard.press('Shift+Enter');
    const alert = cell(page, 'peek').getByRole('alert');
    await expect.poll(() => alert.textContent()).toContain('no such column: nonsense');
    await screenshot(page, 'sql-error', { colorScheme: 'dark' });
  });

  it('tells NULL from the text NULL, right-aligns numbers and draws at most 1,000 rows', async () => {
    page = await openApp(LESSON);
    await typeInto(
      page,
      'peek',
      "WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 2500) SELECT i, CASE WHEN i = 1 THEN NULL ELSE 'NULL' END AS label, i * 1.0 AS real_i FROM n;",
    );
    await page.keyboard.press('Shift+Enter');
    const peek = cell(page, 'peek');
    await peek.locator('table').waitFor();
    expect(await peek.locator('tbody tr').count()).toBe(1000);
    expect(await peek.locator('.truncated').textContent()).toBe('Showing the first 1,000 of 2,500 rows.');
    const first = peek.locator('tbody tr').first().locator('td');
    const second = peek.locator('tbody tr').nth(1).locator('td');
    expect(await first.nth(1).getAttribute('class')).toBe('null');
    expect(await second.nth(1).getAttribute('class')).toBe('text');
    expect(await second.nth(1).textContent()).toBe('NULL');
    expect(await first.nth(0).evaluate((td) => getComputedStyle(td).textAlign)).toBe('right');
    expect(await first.nth(2).textContent()).toBe('1.0');
  });

  it('stops a runaway query and keeps the tables from before that cell', async () => {
    page = await openApp(LESSON);
    await typeInto(page, 'peek', 'CREATE TABLE kept AS SELECT 42 AS answer; SELECT answer FROM kept;');
    await page.keyboard.press('Shift+Enter');
    expect(await tableRows(cell(page, 'peek'))).toEqual([['42']]);

    await typeInto(page, 'by-status', 'CREATE TABLE doomed(x); WITH RECURSIVE c(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM c WHERE i < 1000000000000) SELECT count(*) FROM c;');
    await page.keyboard.press('ControlOrMeta+Enter');
    const runaway = cell(page, 'by-status');
    const stop = runaway.getByRole('button', { name: 'Stop' });
    await stop.waitFor();
    await screenshot(page, 'runaway-running');
    await stop.click();
    // "Within about a second": a generous bound that still fails if Stop does nothing.
    await runaway.getByRole('alert').filter({ hasText: 'stopped' }).waitFor({ timeout: 5000 });

    await typeInto(page, 'by-city', "SELECT answer, (SELECT count(*) FROM sqlite_schema WHERE name = 'doomed') AS doomed FROM kept;");
    await page.keyboard.press('ControlOrMeta+Enter');
    expect(await tableRows(cell(page, 'by-city'))).toEqual([['42', '0']]);
    expect(problems(page)).toEqual(NO_PROBLEMS);
  });

  it('runs the whole lesson with Run all, in light and dark, without a request leaving the origin', async () => {
    page = await openApp(LESSON);
    await page.getByRole('button', { name: 'Run all' }).click();
    const last = cell(page, 'fare-extremes');
    await last.locator('table').waitFor();
    for (const id of ['peek', 'by-status', 'by-city', 'by-hour', 'fare-extremes']) {
      expect(await cell(page, id).getAttribute('data-status'), id).toBe('done');
    }
    await screenshot(page, 'lesson-run-all', { fullPage: true });
    await screenshot(page, 'lesson-run-all-dark', { fullPage: true, colorScheme: 'dark' });
    expect(problems(page)).toEqual(NO_PROBLEMS);
  });
});

describe('charts, as a learner uses them', () => {
  it('draws a chart cell from its source cell and redraws it when the source reruns', async () => {
    page = await openApp(LESSON);
    await cell(page, 'by-hour').getByRole('button', { name: 'Run cell' }).click();
    await cell(page, 'by-hour').locator('table').waitFor();
    const chart = cell(page, 'hour-chart');
    await chart.getByRole('button', { name: 'Run cell' }).click();
    const bars = chart.locator('figure.chart svg rect.chart-bar');
    await expect.poll(() => bars.count()).toBe(24);
    expect(await chart.locator('figure.chart svg title').first().textContent()).toMatch(/hour/);

    await typeInto(page, 'by-hour', "SELECT CAST(strftime('%H', requested_at) AS INTEGER) AS hour, count(*) AS requests FROM trips WHERE status = 'no_driver' AND hour < 6 GROUP BY hour;");
    await page.keyboard.press('ControlOrMeta+Enter');
    await expect.poll(() => bars.count()).toBe(6);
    await screenshot(page, 'chart-cell');
    await screenshot(page, 'chart-cell-dark', { colorScheme: 'dark' });
    expect(problems(page)).toEqual(NO_PROBLEMS);
  });

  it('turns a result table into a chart and offers its spec', async () => {
    page = await openApp(LESSON);
    const byCity = cell(page, 'by-city');
    await byCity.getByRole('button', { name: 'Run cell' }).click();
    await byCity.locator('table').waitFor();
    await byCity.getByRole('button', { name: 'Chart', exact: true }).click();
    const bars = byCity.locator('figure.chart svg rect.chart-bar');
    await expect.poll(() => bars.count()).toBe(6);
    await byCity.getByLabel('Type').selectOption('scatter');
    await expect.poll(() => byCity.locator('figure.chart svg circle').count()).toBe(6);
    await byCity.getByRole('button', { name: 'Table', exact: true }).click();
    await byCity.locator('table').waitFor();
    expect(problems(page)).toEqual(NO_PROBLEMS);
  });
});
