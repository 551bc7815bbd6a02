// The course as a path: a lesson opens by its number, and ends with links to
// the lessons before and after it.
import { afterEach, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { NO_PROBLEMS, openApp, problems, screenshot } from './harness';

let page: Page | undefined;
afterEach(async () => {
  await page?.context().close();
  page = undefined;
});

it('opens lesson 01 by its number and walks to the next lesson and back', async () => {
  page = await openApp('#/lessons/01');
  await page.getByRole('heading', { level: 1, name: 'The company and its data' }).waitFor({ timeout: 20_000 });
  const path = page.getByRole('navigation', { name: 'Course' });
  expect(await path.getByRole('link', { name: /Previous/ }).count()).toBe(0);
  const next = path.getByRole('link', { name: /^Next lesson: / });
  await next.scrollIntoViewIfNeeded({ timeout: 15_000 });
  await screenshot(page, 'next-lesson');
  await screenshot(page, 'next-lesson-dark', { colorScheme: 'dark' });
  await next.click();
  await expect.poll(() => page!.evaluate(() => location.hash)).toBe('#/lessons/batch-ingestion');
  await page.getByRole('navigation', { name: 'Course' }).getByRole('link', { name: /Previous: The company and its data/ }).click();
  await expect.poll(() => page!.evaluate(() => location.hash)).toBe('#/lessons/first-look-at-rides');
  expect(problems(page)).toEqual(NO_PROBLEMS);
});
