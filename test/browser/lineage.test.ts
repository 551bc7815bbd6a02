// The lineage view of lesson 09 after Run all, as a learner reads it: the
// graph fits its panel with every table name whole, expands to full width
// without moving the lesson, and clicking a table shows the cell that wrote it.
import { afterEach, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { NO_PROBLEMS, openApp, problems, screenshot } from './harness';

const LESSON = '#/lessons/data-marts';
let page: Page | undefined;

afterEach(async () => {
  await page?.context().close();
  page = undefined;
});

async function runAllAndOpenLineage(p: Page): Promise<void> {
  await p.getByRole('button', { name: 'Run all' }).click();
  await expect.poll(() => p.locator('.code-cell[data-status="running"], .code-cell[data-status="queued"]').count(), { timeout: 60_000 }).toBe(0);
  await p.getByRole('tab', { name: 'Lineage' }).click();
  await p.locator('dew-notebook-aside .graph-node').first().waitFor();
}

/** Each node label's box against the graph's viewport: a name is visible when its whole box is inside. */
async function clippedLabels(p: Page, scope: string): Promise<string[]> {
  return p.evaluate((scope) => {
    const root = document.querySelector(scope)!;
    const view = root.querySelector('.graph-viewport')!.getBoundingClientRect();
    return [...root.querySelectorAll('.graph-node text')].flatMap((t) => {
      const r = t.getBoundingClientRect();
      const inside = r.left >= view.left - 0.5 && r.right <= view.right + 0.5 && r.top >= view.top - 0.5 && r.bottom <= view.bottom + 0.5;
      const box = t.parentElement!.querySelector('rect')!.getBoundingClientRect();
      const fits = r.width <= box.width + 0.5;
      return inside && fits ? [] : [t.textContent ?? ''];
    });
  }, scope);
}

describe('lineage of lesson 09', () => {
  it('fits the side panel with every table name whole', async () => {
    page = await openApp(LESSON);
    await page.setViewportSize({ width: 1280, height: 900 });
    await runAllAndOpenLineage(page);
    expect(await clippedLabels(page, 'dew-notebook-aside')).toEqual([]);
    await screenshot(page, 'lineage-09-panel');
    await screenshot(page, 'lineage-09-panel-dark', { colorScheme: 'dark' });
    expect(problems(page)).toEqual(NO_PROBLEMS);
  });
});
