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

describe('a cell that needs an exercise solved first', () => {
  it('names the exercise, takes the learner to it, and runs once it is solved', async () => {
    const capstone = lessons.find((l) => l.id === 'capstone-bad-rides')!;
    const match = capstone.cells.find((c): c is ExerciseCell => c.kind === 'exercise' && c.id === 'match-tickets')!;
    page = await openApp(`#/lessons/${capstone.id}`);
    await page.getByRole('button', { name: 'Run all' }).click();
    const gap = cell(page, 'match-gap');
    // Run all stops here: the view this cell reads is the exercise's to make.
    await expect.poll(() => gap.getAttribute('data-status'), { timeout: 120_000 }).toBe('error');
    const note = gap.locator('.made-by');
    await expect.poll(() => note.textContent()).toContain('ticket_trip_match is made by the exercise match-tickets');
    await screenshot(page, 'made-by-exercise');

    await note.getByRole('button', { name: 'Go to match-tickets' }).click();
    await expect
      .poll(() => page!.evaluate(() => document.activeElement?.closest('[role=region]')?.getAttribute('aria-label')))
      .toBe('match-tickets');

    await typeInto(page, 'match-tickets', match.solution);
    await page.keyboard.press('ControlOrMeta+Enter');
    await expect.poll(() => cell(page!, 'match-tickets').locator('.verdict').textContent(), { timeout: 30_000 }).toContain('Correct');
    // A passed attempt that returns no rows says what it made.
    await expect.poll(() => cell(page!, 'match-tickets').locator('.cell-output .note').textContent()).toContain('The cell wrote ticket_trip_match');
    await gap.getByRole('button', { name: 'Run cell' }).click();
    await expect.poll(() => gap.getAttribute('data-status'), { timeout: 30_000 }).toBe('done');
    await expect.poll(() => gap.locator('.made-by').count()).toBe(0);
    expect(problems(page)).toEqual(NO_PROBLEMS);
  });
});
