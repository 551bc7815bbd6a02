// Checks that cannot be fooled: an answer is also checked on a second data
// set. First on small hand-made databases, then the loopholes the lessons'
// authors listed, on the real lessons over the real variant data set.
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadDatasets } from '../../datasets/load';
import { nodeSource } from '../../datasets/node-source';
import { variantSource } from '../../datasets/variant-source';
import { parseLesson } from '../../lesson/parse';
import type { ExerciseCell, Lesson } from '../../lesson/types';
import { createNodeEngine } from '../../sql/node-engine';
import type { SqlEngine } from '../../sql/types';
import { NotebookRuntime } from '../runtime';
import { VariantWorld } from '../variant-world';
import { checkExercise } from './check-exercise';
import { feedbackMessages } from './index';
import type { VariantSource } from './variant-check';

const VARIANT_MESSAGE = feedbackMessages['variant-differs']({});

function lessonOf(file: string, text: string): Lesson {
  const parsed = parseLesson(file, text);
  if (!parsed.ok) throw new Error(parsed.errors.map((e) => e.message).join('\n'));
  return parsed.lesson;
}
const exerciseOf = (lesson: Lesson, id: string) => lesson.cells.find((c): c is ExerciseCell => c.kind === 'exercise' && c.id === id)!;

const SMALL = `---
id: small
title: Small
stage: processing
summary: Exercises for tests.
objectives: [Practise]
---

\`\`\`sql exercise id=busiest-hour
SELECT 1 AS hour, 0 AS requests;
\`\`\`

\`\`\`sql solution for=busiest-hour
SELECT hour, count(*) AS requests FROM trips GROUP BY hour ORDER BY requests DESC LIMIT 1;
\`\`\`

\`\`\`yaml checks for=busiest-hour
- result
\`\`\`

\`\`\`sql exercise id=from-mart
SELECT 1;
\`\`\`

\`\`\`sql solution for=from-mart
SELECT hour, requests FROM mart ORDER BY hour;
\`\`\`

\`\`\`yaml checks for=from-mart
- result: {order: exact}
- reads: {only: [mart], message: Answer from the mart alone.}
\`\`\`

\`\`\`sql exercise id=compare-tables
SELECT 1;
\`\`\`

\`\`\`sql solution for=compare-tables
SELECT (SELECT count(*) FROM (SELECT hour FROM trips EXCEPT SELECT hour FROM mart)) AS only_in_trips;
\`\`\`

\`\`\`yaml checks for=compare-tables
- result
- variant: {setup: "DELETE FROM mart WHERE hour = 22"}
\`\`\`

\`\`\`sql exercise id=turned-off
SELECT 1;
\`\`\`

\`\`\`sql solution for=turned-off
SELECT count(*) AS trips FROM trips;
\`\`\`

\`\`\`yaml checks for=turned-off
- result
- variant: {off: the task asks about this data set's own count}
\`\`\`
`;

const small = lessonOf('lessons/90-small.md', SMALL);

async function engineWith(hours: number[]): Promise<SqlEngine> {
  const engine = await createNodeEngine();
  await engine.exec(`CREATE TABLE trips (trip_id INTEGER, hour INTEGER);
    INSERT INTO trips VALUES ${hours.map((h, i) => `(${i + 1}, ${h})`).join(', ')};
    CREATE TABLE mart AS SELECT hour, count(*) AS requests FROM trips GROUP BY hour;`);
  return engine;
}

describe('an exercise checked on a second data set', () => {
  let lesson: SqlEngine;
  let second: SqlEngine;
  let variant: VariantSource;
  beforeAll(async () => {
    lesson = await engineWith([18, 18, 18, 9, 9, 23]); // 18 h: 3 requests
    second = await engineWith([7, 7, 22, 22, 22, 22, 3]); // 22 h: 4 requests
    variant = async () => ({ engine: second });
  });
  afterAll(() => {
    lesson.close();
    second.close();
  });

  it('fails a hard-coded result with the variant message and what differs, without the variant rows', async () => {
    const report = await checkExercise(lesson, exerciseOf(small, 'busiest-hour'), 'SELECT 18 AS hour, 3 AS requests;', { variant });
    expect(report.pass).toBe(false);
    expect(report.variant.state).toBe('failed');
    expect(report.feedback[0]!.message).toBe(VARIANT_MESSAGE);
    const details = report.feedback.slice(1).map((f) => f.message).join('\n');
    expect(details).toMatch(/^On the second data set: /);
    // Neither the variant's answer (22, 4) nor the learner's rows there are shown.
    expect(details).not.toMatch(/22|\b4\b|18/);
    expect(report.feedback.every((f) => f.examples === undefined)).toBe(true);
  });

  it('passes a correct answer on both data sets', async () => {
    const report = await checkExercise(lesson, exerciseOf(small, 'busiest-hour'), 'SELECT hour, count(*) AS requests FROM trips GROUP BY 1 ORDER BY 2 DESC LIMIT 1', { variant });
    expect(report).toMatchObject({ pass: true, feedback: [], variant: { state: 'passed' } });
  });

  it('refuses an answer that reads the raw table where the exercise allows only the mart, naming the table', async () => {
    const raw = 'SELECT hour, count(*) AS requests FROM trips GROUP BY hour ORDER BY hour';
    const report = await checkExercise(lesson, exerciseOf(small, 'from-mart'), raw, { variant });
    expect(report.pass).toBe(false);
    expect(report.feedback.map((f) => f.code)).toEqual(['reads-forbidden']);
    expect(report.feedback[0]!.message).toBe(
      "Your answer reads table 'trips', which this exercise does not allow — read only 'mart'. Answer from the mart alone.",
    );
    const mart = await checkExercise(lesson, exerciseOf(small, 'from-mart'), 'SELECT * FROM mart ORDER BY hour', { variant });
    expect(mart.pass).toBe(true);
  });

  it('06 compare-tables loophole: a hard-coded 0 fails once the setup makes the tables differ on the second data set', async () => {
    const exercise = exerciseOf(small, 'compare-tables');
    const zero = await checkExercise(lesson, exercise, 'SELECT 0 AS only_in_trips', { variant });
    expect(zero.pass).toBe(false);
    expect(zero.feedback[0]!.message).toBe(VARIANT_MESSAGE);
    expect((await checkExercise(lesson, exercise, exercise.solution, { variant })).pass).toBe(true);
    // The setup lasted for that check only: a world restores its snapshot; here the test engine keeps it, so put it back.
    await second.exec('DELETE FROM mart; INSERT INTO mart SELECT hour, count(*) FROM trips GROUP BY hour');
  });

  it('does not use the second data set for an exercise that turns it off', async () => {
    const report = await checkExercise(lesson, exerciseOf(small, 'turned-off'), 'SELECT 6 AS trips', { variant });
    expect(report).toMatchObject({ pass: true, variant: { state: 'off', reason: "the task asks about this data set's own count" } });
  });

  it('never fails the learner for a second data set that cannot be prepared', async () => {
    const report = await checkExercise(lesson, exerciseOf(small, 'busiest-hour'), 'SELECT 18 AS hour, 3 AS requests', {
      variant: async () => ({ unavailable: 'no data' }),
    });
    expect(report).toMatchObject({ pass: true, variant: { state: 'unchecked', why: 'no data' } });
  });
});

/** A lesson's cells above `exerciseId` run on the lesson data, and a VariantWorld over the variant data. */
async function atExercise(file: string, exerciseId: string) {
  const lesson = lessonOf(file, readFileSync(file, 'utf8'));
  const engine = await createNodeEngine();
  const runtime = new NotebookRuntime(lesson, { engine, loadDatasets: async (names, into) => void (await loadDatasets(into, names, nodeSource())) });
  for (const cell of lesson.cells) {
    if (cell.kind === 'markdown') continue;
    if (cell.id === exerciseId) break;
    if (cell.kind === 'exercise') runtime.edit(cell.id, cell.solution);
    await runtime.run(cell.id);
  }
  const world = new VariantWorld(lesson, { createEngine: createNodeEngine, loadDatasets: async (names, into) => void (await loadDatasets(into, names, variantSource())) });
  const exercise = exerciseOf(lesson, exerciseId);
  const check = (source: string) => checkExercise(engine, exercise, source, { variant: world.source });
  return { check, exercise, close: () => (engine.close(), world.close()) };
}

describe('the loopholes the lessons listed, on the real lessons and data', () => {
  it('01 busiest-hour: a typed-in SELECT 18 AS hour, … passes here, fails on the second data set', async () => {
    const at = await atExercise('lessons/01-first-look-at-rides.md', 'busiest-hour');
    try {
      const right = await at.check(at.exercise.solution);
      expect(right.pass).toBe(true);
      const row = (right.learnerOutput as { result: { rows: unknown[][] } }).result.rows[0]!;
      const typed = await at.check(`SELECT ${row[0]} AS hour, ${row[1]} AS requests`);
      expect(typed.pass).toBe(false);
      expect(typed.feedback[0]!.message).toBe(VARIANT_MESSAGE);
    } finally {
      at.close();
    }
  }, 60_000);

  it('09 week-from-mart: reading trips instead of the mart is refused by name', async () => {
    const at = await atExercise('lessons/09-data-marts.md', 'week-from-mart');
    try {
      expect((await at.check(at.exercise.solution)).pass).toBe(true);
      const raw = await at.check(`SELECT city, 1 AS completed, 0 AS no_driver, 0 AS revenue FROM trips GROUP BY city`);
      expect(raw.feedback.map((f) => f.code)).toContain('reads-forbidden');
      expect(raw.feedback.find((f) => f.code === 'reads-forbidden')!.message).toContain("'trips'");
    } finally {
      at.close();
    }
  }, 60_000);
});
