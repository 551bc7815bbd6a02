// The editor as a learner types into it: at a person's pace (70 ms a key),
// Enter between lines, with suggestions popping up as they do. What was typed
// must be exactly what the editor holds.
import { afterEach, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { NO_PROBLEMS, openApp, problems, screenshot } from './harness';
import { cell, typeInto } from './learner';

const LESSON = '#/lessons/first-look-at-rides';
let page: Page | undefined;

afterEach(async () => {
  await page?.context().close();
  page = undefined;
});

/** Clears a cell's editor and types `lines` key by key, pressing Enter between them. */
async function typeLines(p: Page, id: string, lines: string[]): Promise<void> {
  const editor = cell(p, id).locator('.monaco-editor');
  await editor.waitFor();
  await editor.click();
  await p.keyboard.press('ControlOrMeta+A');
  await p.keyboard.press('Delete');
  for (const [i, line] of lines.entries()) {
    if (i > 0) await p.keyboard.press('Enter', { delay: 70 });
    await p.keyboard.type(line, { delay: 70 });
  }
}

/** Runs the first cell, so the lesson's data (and the schema suggestions come from) is loaded. */
async function loadData(p: Page): Promise<void> {
  await cell(p, 'peek').getByRole('button', { name: 'Run cell' }).click();
  await expect.poll(() => cell(p, 'peek').getAttribute('data-status'), { timeout: 30_000 }).toBe('done');
}

async function editorText(p: Page, id: string): Promise<string> {
  // The cell's saved source is what the learner's edits produced (code-change events).
  return cell(p, id).locator('dew-code-editor').evaluate((el) => (el as HTMLElement & { value: string }).value);
}

const QUERIES: string[][] = [
  ['SELECT count(*) AS n', 'FROM trips', "WHERE city = 'Seoul';"],
  ['SELECT status, count(*) AS trips', 'FROM trips', 'GROUP BY status', 'ORDER BY trips DESC;'],
  ['SELECT r.name, t.fare', 'FROM trips t', 'JOIN riders r ON r.rider_id = t.rider_id', 'LIMIT 5;'],
  ['WITH a AS (', "SELECT city, count(*) AS n FROM trips GROUP BY city", ')', 'SELECT * FROM a ORDER BY n DESC;'],
];

describe('typing into the editor at a person’s pace', () => {
  it('keeps exactly what was typed: Enter is a newline, closing brackets and quotes type over', async () => {
    page = await openApp(LESSON);
    // Wait for the schema so table and column suggestions really pop up while typing.
    await loadData(page);
    for (const lines of QUERIES) {
      await typeLines(page, 'by-status', lines);
      await expect.poll(() => editorText(page!, 'by-status')).toBe(lines.join('\n'));
    }
    await screenshot(page, 'editor-typed');
    expect(problems(page)).toEqual(NO_PROBLEMS);
    // Typing ~250 keys at 70 ms takes 20 s of delays alone; a busy machine needs more.
  }, 180_000);

  it('accepts a suggestion with Tab, and Escape closes the list', async () => {
    page = await openApp(LESSON);
    await loadData(page);
    await typeLines(page, 'by-status', ['SELECT * FROM trip']);
    const widget = cell(page, 'by-status').locator('.suggest-widget.visible');
    await widget.waitFor();
    await page.keyboard.press('Escape');
    await widget.waitFor({ state: 'hidden' });
    await page.keyboard.type('s_', { delay: 70 });
    await widget.waitFor();
    await page.keyboard.press('Tab');
    await expect.poll(() => editorText(page!, 'by-status')).toMatch(/^SELECT \* FROM trips_\w+$/);
  });

  it('leaves the editor with Escape then Tab', async () => {
    page = await openApp(LESSON);
    const editor = cell(page, 'by-status').locator('.monaco-editor');
    await editor.waitFor();
    await editor.click();
    await page.keyboard.press('End');
    // Tab alone indents, as in any code editor.
    await page.keyboard.press('Tab');
    expect(await page.evaluate(() => document.activeElement?.closest('dew-code-editor') !== null)).toBe(true);
    await page.keyboard.press('Escape');
    await page.keyboard.press('Tab');
    const focused = await page.evaluate(() => ({
      inEditor: document.activeElement?.closest('dew-code-editor') !== null,
      label: document.activeElement?.getAttribute('aria-label') ?? document.activeElement?.textContent ?? '',
    }));
    expect(focused.inEditor).toBe(false);
    expect(focused.label).not.toBe('');
    // Shift+Tab after Escape goes back to the control before it.
    await editor.click();
    await page.keyboard.press('Escape');
    await page.keyboard.press('Shift+Tab');
    expect(await page.evaluate(() => document.activeElement?.closest('dew-code-editor') !== null)).toBe(false);
  });

  it('lists the keyboard shortcuts from a ? button and the ? key', async () => {
    page = await openApp(LESSON);
    await cell(page, 'by-status').locator('.monaco-editor').waitFor();
    await page.getByRole('button', { name: 'Keyboard shortcuts' }).click();
    const help = page.getByRole('dialog', { name: 'Keyboard shortcuts' });
    await help.waitFor();
    const text = await help.textContent();
    for (const words of ['Shift+Enter', 'Ctrl+Enter', 'Escape then Tab', 'Tab']) expect(text).toContain(words);
    await screenshot(page, 'shortcuts-help');
    await screenshot(page, 'shortcuts-help-dark', { colorScheme: 'dark' });
    await page.keyboard.press('Escape');
    await help.waitFor({ state: 'hidden' });
    await page.locator('body').press('?');
    await help.waitFor();
    await page.keyboard.press('Escape');
    // Inside an editor, ? is a character.
    await cell(page, 'by-status').locator('.monaco-editor').click();
    await page.keyboard.press('End');
    await page.keyboard.type('?');
    expect(await help.isVisible()).toBe(false);
  });
});

describe('an SQLite error in the editor', () => {
  it('is marked at its token, says the statement and line, and suggests the name from the schema', async () => {
    page = await openApp(LESSON);
    await loadData(page);
    await typeInto(page, 'by-status', 'SELECT 1;\nSELECT status,\n       cty\nFROM trips;');
    await cell(page, 'by-status').getByRole('button', { name: 'Run cell' }).click();
    const alert = cell(page, 'by-status').getByRole('alert');
    await expect.poll(() => alert.textContent(), { timeout: 20_000 }).toContain('statement 2, line 3');
    expect(await alert.textContent()).toContain('Did you mean city?');
    // Monaco draws the marker as a squiggle under the token, on the third line.
    const squiggle = cell(page, 'by-status').locator('.squiggly-error');
    await squiggle.first().waitFor();
    const box = await squiggle.first().boundingBox();
    const line3 = await cell(page, 'by-status').locator('.view-line').nth(2).boundingBox();
    expect(Math.abs(box!.y - line3!.y)).toBeLessThan(line3!.height);
    await screenshot(page, 'error-marker');
    await screenshot(page, 'error-marker-dark', { colorScheme: 'dark' });

    await typeInto(page, 'by-status', 'SELECT * FROM trip;');
    await cell(page, 'by-status').getByRole('button', { name: 'Run cell' }).click();
    await expect.poll(() => alert.textContent(), { timeout: 20_000 }).toContain('Did you mean trips?');
    expect(await alert.textContent()).toContain('line 1');
  });
});
