// Every lesson, as a learner takes it: open it, run it top to bottom, then
// solve its first exercise by typing the solution, and see it pass.
import { readdirSync, readFileSync } from 'node:fs';
import { afterEach, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { parseLesson } from '../../src/lesson/parse';
import type { ExerciseCell, Lesson } from '../../src/lesson/types';
import { NO_PROBLEMS, openApp, problems, screenshot } from './harness';
import { cell, typeInto } from './learner';

const lessons: Lesson[] = readdirSync('lessons')
  .filter((f) => f.endsWith('.md'))
  .sort()
  .map((f) => {
    const parsed = parseLesson(`lessons/${f}`, readFileSync(`lessons/${f}`, 'utf8'));
    if (!parsed.ok) throw new Error(`lessons/${f} does not parse: ${parsed.errors.map((e) => e.message).join('; ')}`);
    return parsed.lesson;
  });

let page: Page | undefined;
afterEach(async () => {
  await page?.context().close();
  page = undefined;
});

describe('every lesson', () => {
  it('has lessons to take', () => {
    expect(lessons.length).toBeGreaterThan(0);
  });

  for (const lesson of lessons) {
    const exercise = lesson.cells.find((c): c is ExerciseCell => c.kind === 'exercise');
    if (!exercise) continue;
    it(`${lesson.id}: runs top to bottom and its first exercise (${exercise.id}) passes with the right answer`, async () => {
      page = await openApp(`#/lessons/${lesson.id}`);
      await page.getByRole('button', { name: 'Run all' }).click();
      // Run all is over when no cell is queued or running (a lesson may stop it on purpose at a cell that needs an exercise solved).
      const busy = page.locator('[role=region][data-status=queued], [role=region][data-status=running]');
      await expect.poll(() => busy.count(), { timeout: 120_000 }).toBe(0);
      const region = cell(page, exercise.id);
      // The starter is not the answer.
      await expect.poll(() => region.locator('.verdict').getAttribute('class')).toContain('fail');

      await typeInto(page, exercise.id, exercise.solution);
      await page.keyboard.press('ControlOrMeta+Enter');
      await expect.poll(() => region.locator('.verdict').textContent(), { timeout: 30_000 }).toContain('Correct');
      await screenshot(page, `lesson-${lesson.id}-exercise`);
      expect(problems(page)).toEqual(NO_PROBLEMS);
    });
  }
});
