// The variant data set every exercise is also checked on: every defect kind
// of the lesson set is there, and so are the edge cases the lesson set lacks.
import { beforeAll, afterAll, describe, expect, it } from 'vitest';
import { loadDatasets } from './load';
import { variantSource } from './variant-source';
import { generateLessonSet } from './generator/lesson-set';
import { VARIANT_SET, variantSet } from './generator/variant';
import { createNodeEngine } from '../sql/node-engine';
import type { SqlEngine } from '../sql/types';

let engine: SqlEngine;
const one = async (sql: string): Promise<unknown> => (await engine.exec(sql)).result.rows[0]?.[0];

beforeAll(async () => {
  engine = await createNodeEngine();
  await loadDatasets(engine, ['trips', 'riders', 'drivers', 'profile_changes', 'app_events_raw', 'server_log'], variantSource());
}, 60_000);
afterAll(() => engine.close());

describe('the variant data set', () => {
  it('is deterministic: the same options give the same bytes', () => {
    const again = generateLessonSet(VARIANT_SET);
    expect(again.files.map((f) => f.text)).toEqual(variantSet().files.map((f) => f.text));
  });

  it('has at least a few of every defect kind the lesson set has', async () => {
    for (const [kind, entry] of Object.entries(variantSet().defects)) expect(entry.count, kind).toBeGreaterThanOrEqual(2);
    expect(await one('SELECT count(*) FROM trips WHERE fare < 0')).toBeGreaterThanOrEqual(3);
    expect(await one('SELECT count(*) FROM trips WHERE fare > 1000000')).toBeGreaterThanOrEqual(3);
  });

  it('has an event id sent three times', async () => {
    const copies = await one(
      `SELECT max(n) FROM (SELECT count(*) AS n FROM app_events_raw WHERE json_valid(line) GROUP BY json_extract(line, '$.event_id'))`,
    );
    expect(copies).toBe(3);
  });

  it('has two late events on adjacent lines', async () => {
    // The documented rule: late = more than an hour before the latest ts above (ISO UTC lines only, enough here).
    const pairs = await one(`
      WITH e AS (SELECT line_no, json_extract(line, '$.ts') AS ts FROM app_events_raw
                 WHERE json_valid(line) AND typeof(json_extract(line, '$.ts')) = 'text' AND json_extract(line, '$.ts') LIKE '%Z'),
      m AS (SELECT line_no, ts, max(ts) OVER (ORDER BY line_no ROWS BETWEEN UNBOUNDED PRECEDING AND 1 PRECEDING) AS latest FROM e),
      late AS (SELECT line_no FROM m WHERE (julianday(latest) - julianday(ts)) * 24 > 1)
      SELECT count(*) FROM late AS a JOIN late AS b ON b.line_no = a.line_no + 1`);
    expect(Number(pairs)).toBeGreaterThanOrEqual(1);
  });

  it('has a rider and a driver who each moved city twice', async () => {
    const movers = (await engine.exec(
      `SELECT user_type, count(*) FROM (SELECT user_type, user_id FROM profile_changes WHERE field = 'city' GROUP BY 1, 2 HAVING count(*) >= 2) GROUP BY 1 ORDER BY 1`,
    )).result.rows;
    expect(movers).toEqual([['driver', 1], ['rider', 1]]);
  });

  it('has a fare of exactly 1,000,000 and a tie between the 10th and 11th highest fares below it', async () => {
    expect(await one('SELECT count(*) FROM trips WHERE fare = 1000000')).toBe(1);
    const top = (await engine.exec(`SELECT fare FROM trips WHERE status = 'completed' AND fare BETWEEN 0 AND 999999 ORDER BY fare DESC LIMIT 11`)).result.rows;
    expect(top[9]![0]).toBe(top[10]![0]);
  });
});
