// What a learner does to a notebook, shared by the browser tests: find a cell
// by its region name, replace its code by typing, read its result table.
import type { Locator, Page } from 'playwright-core';

export function cell(page: Page, id: string): Locator {
  return page.getByRole('region', { name: id, exact: true });
}

/** Replaces a cell's code the way a learner would: click into Monaco, select all, type. */
export async function typeInto(page: Page, id: string, code: string): Promise<void> {
  const editor = cell(page, id).locator('.monaco-editor');
  await editor.waitFor();
  await editor.click();
  await page.keyboard.press('ControlOrMeta+A');
  // insertText types as one input, so Monaco's suggestions cannot swallow a key.
  await page.keyboard.insertText(code);
}

/** The rows of the first result table in a region, as the learner reads them. */
export async function tableRows(region: Locator): Promise<string[][]> {
  const table = region.locator('table').first();
  await table.waitFor();
  return table.locator('tbody tr').evaluateAll((rows) =>
    rows.map((row) => [...row.querySelectorAll('td')].map((td) => td.textContent ?? '')),
  );
}
