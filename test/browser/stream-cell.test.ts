// A stream cell in lesson 04, as a learner uses it: run it, step and scrub the
// clock, watch a late event revise a window, change the watermark.
import { afterEach, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { NO_PROBLEMS, openApp, problems, screenshot } from './harness';
import { cell, tableRows, typeInto } from './learner';

const LESSON = '#/lessons/streaming-batch-microbatch';
let page: Page | undefined;

afterEach(async () => {
  await page?.context().close();
  page = undefined;
});

const SPEC = (watermark: string, late: string) => `from: arrivals
where: button = 'request_ride'
event_time: event_time
arrival: arrival_no
window: {type: tumbling, size: 15 min}
aggregate: {requests: count}
watermark: ${watermark}
${late}
into: stream_cell_counts`;

async function runCell(p: Page, id: string): Promise<void> {
  await cell(p, id).getByRole('button', { name: 'Run cell' }).click();
  await expect.poll(() => cell(p, id).getAttribute('data-status'), { timeout: 30_000 }).toBe('done');
}

async function scrub(p: Page, step: number): Promise<void> {
  await cell(p, 'stream-cell').locator('.stream-scrubber').evaluate((el, v) => {
    const input = el as HTMLInputElement;
    input.value = String(v);
    input.dispatchEvent(new Event('input', { bubbles: true }));
  }, step);
}

const summary = (p: Page) => cell(p, 'stream-cell').locator('.stream-summary').textContent();
const droppedIn = (text: string | null) => Number(/(\d+) dropped/.exec(text ?? '')?.[1]) + Number(/(\d+) to the side table/.exec(text ?? '')?.[1]);

describe('stream cells', () => {
  it('play, step, and a late event revising a window in the table', async () => {
    page = await openApp(LESSON);
    await runCell(page, 'arrivals');
    await typeInto(page, 'stream-cell', SPEC('1 min', 'allowed_lateness: 2 h\nlate: update'));
    await runCell(page, 'stream-cell');
    const view = cell(page, 'stream-cell');
    await scrub(page, 0);
    await view.locator('.stream-step').click();
    await expect.poll(() => view.locator('.stream-clock').textContent()).toMatch(/^step 2 of \d+/);
    await view.locator('.stream-play').click();
    await expect.poll(() => view.locator('.stream-clock').textContent(), { timeout: 5000 }).not.toMatch(/^step 2 of/);
    await view.locator('.stream-play').click(); // pause
    // At the start no window has been published; at the end some window has a second revision.
    await scrub(page, 0);
    expect(await view.locator('table tbody tr').count()).toBe(0);
    const steps = Number(/of (\d+)/.exec((await view.locator('.stream-clock').textContent()) ?? '')?.[1]);
    await scrub(page, steps - 1);
    const rows = await tableRows(view);
    const revisionAt = (await view.locator('table thead th').allTextContents()).findIndex((h) => h.trim().startsWith('revision'));
    expect(rows.some((r) => Number(r[revisionAt]) >= 2)).toBe(true);
    await view.locator('.stream-figure').scrollIntoViewIfNeeded();
    await screenshot(page, 'stream-cell-1280-light');
    await screenshot(page, 'stream-cell-1280-dark', { colorScheme: 'dark' });
    expect(problems(page)).toEqual(NO_PROBLEMS);
  }, 180_000);

  it('a longer watermark delay drops fewer events, and says what was traded', async () => {
    page = await openApp(LESSON);
    await runCell(page, 'arrivals');
    await runCell(page, 'stream-cell');
    const before = droppedIn(await summary(page));
    expect(before).toBeGreaterThan(0);
    await typeInto(page, 'stream-cell', SPEC('30 min', 'late: side-table\nlate_table: stream_cell_late'));
    await runCell(page, 'stream-cell');
    const after = droppedIn(await summary(page));
    expect(after).toBeLessThan(before);
    await expect.poll(() => cell(page!, 'stream-cell').locator('.stream-traded').textContent()).toContain(`before, ${before} dropped`);
    expect(problems(page)).toEqual(NO_PROBLEMS);
  }, 180_000);

  it('the text form tells the same events the timeline draws', async () => {
    page = await openApp(LESSON);
    await page.setViewportSize({ width: 390, height: 844 });
    await runCell(page, 'arrivals');
    await runCell(page, 'stream-cell');
    const view = cell(page, 'stream-cell');
    await scrub(page, 59);
    expect(await view.locator('svg.stream-timeline circle').count()).toBe(60);
    await view.locator('.stream-figure').scrollIntoViewIfNeeded();
    await screenshot(page, 'stream-cell-390-light');
    await screenshot(page, 'stream-cell-390-dark', { colorScheme: 'dark' });
    await view.getByRole('tab', { name: 'As text' }).click();
    const text = (await view.locator('.stream-text').textContent()) ?? '';
    expect(text.split('\n').filter((l) => l.startsWith('at arrival')).length).toBe(60);
    await view.getByRole('tab', { name: 'Equivalent in production' }).click();
    await expect.poll(() => view.locator('.stream-production').textContent()).toContain('TUMBLE(TABLE `arrivals`');
    expect(problems(page)).toEqual(NO_PROBLEMS);
  }, 180_000);
});
