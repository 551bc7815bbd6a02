// A learner who types in the answer instead of writing the query: it matches
// on the lesson's data, and the check says it fails on a second data set.
import { readFileSync } from 'node:fs';
import { afterEach, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { loadDatasets } from '../../src/datasets/load';
import { nodeSource } from '../../src/datasets/node-source';
import { parseLesson } from '../../src/lesson/parse';
import type { ExerciseCell } from '../../src/lesson/types';
import { feedbackMessages } from '../../src/notebook/exercises';
import { createNodeEngine } from '../../src/sql/node-engine';
import { NO_PROBLEMS, openApp, problems, screenshot } from './harness';
import { cell, typeInto } from './learner';

let page: Page | undefined;
afterEach(async () => {
  await page?.context().close();
  page = undefined;
});

it("a hard-coded answer to lesson 01's first exercise gets the second-data-set message", async () => {
  const file = 'lessons/01-first-look-at-rides.md';
  const parsed = parseLesson(file, readFileSync(file, 'utf8'));
  if (!parsed.ok) throw new Error(`${file} does not parse`);
  const exercise = parsed.lesson.cells.find((c): c is ExerciseCell => c.kind === 'exercise')!;
  // The right row on the lesson's data, as a learner would copy it from a query.
  const engine = await createNodeEngine();
  await loadDatasets(engine, parsed.lesson.datasets, nodeSource());
  const [hour, requests] = (await engine.exec(exercise.solution)).result.rows[0]!;
  engine.close();

  page = await openApp(`#/lessons/${parsed.lesson.id}`);
  await typeInto(page, exercise.id, `SELECT ${hour} AS hour, ${requests} AS requests;`);
  await page.keyboard.press('ControlOrMeta+Enter');
  const region = cell(page, exercise.id);
  await expect.poll(() => region.locator('.verdict').getAttribute('class'), { timeout: 60_000 }).toContain('fail');
  await expect.poll(() => region.textContent()).toContain(feedbackMessages['variant-differs']({}));
  await expect.poll(() => region.textContent()).toContain('On the second data set:');
  await screenshot(page, 'variant-hard-coded');
  expect(problems(page)).toEqual(NO_PROBLEMS);
}, 120_000);
