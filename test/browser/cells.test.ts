// JavaScript, chart, schema, completion and lineage, as a learner uses them
// in the playground notebook, in Chromium against the built site.
import { afterEach, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { NO_PROBLEMS, openApp, problems, screenshot } from './harness';
import { cell, tableRows, typeInto } from './learner';
import { referenceQuery } from './reference';

const PLAYGROUND = '#/lessons/playground';
let page: Page | undefined;

afterEach(async () => {
  await page?.context().close();
  page = undefined;
});

async function run(p: Page, id: string): Promise<void> {
  await cell(p, id).getByRole('button', { name: 'Run cell' }).click();
}

describe('JavaScript cells', () => {
  it('load rows that a SQL cell then reads', async () => {
    page = await openApp(PLAYGROUND);
    await run(page, 'js-1');
    await expect.poll(() => cell(page!, 'js-1').getAttribute('data-status'), { timeout: 20_000 }).toBe('done');
    await run(page, 'sql-2');
    const expected = await referenceQuery(['trips'], 'SELECT payment_method, count(*) AS trips FROM trips GROUP BY payment_method ORDER BY trips DESC;');
    expect(await tableRows(cell(page, 'sql-2'))).toEqual(expected);
    await screenshot(page, 'js-cell');
    expect(problems(page)).toEqual(NO_PROBLEMS);
  });

  it('stop an infinite loop and leave the notebook and its tables intact', async () => {
    page = await openApp(PLAYGROUND);
    await run(page, 'js-1');
    await expect.poll(() => cell(page!, 'js-1').getAttribute('data-status'), { timeout: 20_000 }).toBe('done');
    await typeInto(page, 'js-1', 'let n = 0;\nwhile (true) { n += 1; }');
    await run(page, 'js-1');
    const stop = cell(page, 'js-1').getByRole('button', { name: 'Stop' });
    await stop.click();
    await cell(page, 'js-1').getByRole('alert').filter({ hasText: /stopped/i }).waitFor({ timeout: 5000 });
    await run(page, 'sql-2');
    expect((await tableRows(cell(page, 'sql-2'))).length).toBeGreaterThan(1);
    expect(problems(page)).toEqual(NO_PROBLEMS);
  });

  it('point a thrown error at the line of the learner’s code', async () => {
    page = await openApp(PLAYGROUND);
    await typeInto(page, 'js-1', 'const a = 1;\nconst b = a.nope.deeper;');
    await run(page, 'js-1');
    const alert = cell(page, 'js-1').getByRole('alert');
    await expect.poll(() => alert.textContent(), { timeout: 20_000 }).toContain('line 2');
  });
});

describe('the side panel and the editor', () => {
  it('lists the tables with row counts and previews one on click', async () => {
    page = await openApp(PLAYGROUND);
    const tables = page.getByRole('complementary', { name: 'Tables' });
    const trips = tables.getByRole('button', { name: /^trips(?!_)/ });
    await expect.poll(() => trips.textContent(), { timeout: 20_000 }).toContain('20,000 rows');
    await tables.getByRole('button', { name: /^riders(?!_)/ }).click();
    await expect.poll(() => tables.locator('table tbody tr').count()).toBeGreaterThan(0);
    await screenshot(page, 'schema-browser');
  });

  it('offers the columns of a table after its alias', async () => {
    page = await openApp(PLAYGROUND);
    await page.getByRole('complementary', { name: 'Tables' }).getByRole('button', { name: /^riders(?!_)/ }).waitFor({ timeout: 20_000 });
    await typeInto(page, 'sql-1', '\nFROM riders r');
    await page.keyboard.press('ControlOrMeta+Home');
    await page.keyboard.type('SELECT r.');
    const suggestions = cell(page, 'sql-1').locator('.suggest-widget .monaco-list-row');
    await expect.poll(() => suggestions.allTextContents()).toEqual(expect.arrayContaining([expect.stringContaining('acquisition_channel')]));
    const labels = await suggestions.allTextContents();
    expect(labels.some((l) => l.includes('fare'))).toBe(false);
    await screenshot(page, 'sql-completion');
  });

  it('draws the lineage of the tables the notebook made after Run all', async () => {
    page = await openApp(PLAYGROUND);
    await page.getByRole('button', { name: 'Run all' }).click();
    await cell(page, 'chart-1').locator('figure.chart svg').waitFor({ timeout: 30_000 });
    await page.getByRole('tab', { name: 'Lineage' }).click();
    const node = page.getByRole('button', { name: /payment_counts/ });
    await node.waitFor();
    await expect.poll(() => page!.locator('.graph-edge').count()).toBeGreaterThan(0);
    await screenshot(page, 'lineage');
    await screenshot(page, 'lineage-dark', { colorScheme: 'dark' });
    await node.click();
    await expect
      .poll(() => page!.evaluate(() => document.activeElement?.closest('[role=region]')?.getAttribute('aria-label')))
      .toBe('js-1');
    expect(problems(page)).toEqual(NO_PROBLEMS);
  });
});
