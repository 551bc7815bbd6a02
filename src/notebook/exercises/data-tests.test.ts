import { beforeEach, describe, expect, it } from 'vitest';
import type { DataTestCheck } from '../../lesson/types';
import { createNodeEngine } from '../../sql/node-engine';
import type { SqlEngine } from '../../sql/types';
import { quoteIdentifier, runDataTest } from './data-tests';

const SETUP = `
CREATE TABLE riders (rider_id INTEGER, name TEXT);
INSERT INTO riders VALUES (1, 'Kim'), (2, 'Lee'), (3, 'Park');
CREATE TABLE trips (trip_id INTEGER, rider_id INTEGER, status TEXT, fare REAL);
INSERT INTO trips VALUES
  (1040, 1, 'completed', 12.5),
  (1041, 2, 'completed', 8.0),
  (1042, 2, 'cancelled', 0),
  (1042, 3, 'Done', 20.0),
  (1043, NULL, 'completed', -3.0),
  (1043, 9, 'completed', 7.0),
  (1043, 9, NULL, 7.5),
  (NULL, 8, 'cancelled ', 1.0);
`;

describe('runDataTest', () => {
  let engine: SqlEngine;
  beforeEach(async () => {
    engine = await createNodeEngine();
    await engine.exec(SETUP);
  });

  const messages = async (check: DataTestCheck): Promise<string[]> => (await runDataTest(engine, check)).map((f) => f.message);

  it('unique: counts repeated values, ignores NULLs, and shows the most repeated first', async () => {
    expect(await messages({ kind: 'unique', line: 1, table: 'trips', columns: ['trip_id'] })).toEqual([
      "2 trip_id values appear more than once in table 'trips': 1043 (3 times), 1042 (2 times).",
    ]);
    expect(await messages({ kind: 'unique', line: 1, table: 'riders', columns: ['rider_id'] })).toEqual([]);
  });

  it('unique over several columns checks the combination', async () => {
    expect(await messages({ kind: 'unique', line: 1, table: 'trips', columns: ['trip_id', 'rider_id'] })).toEqual([
      "1 combination of (trip_id, rider_id) appears more than once in table 'trips': (1043, 9) (2 times).",
    ]);
  });

  it('not_null: counts NULLs per column and shows the offending rows', async () => {
    const items = await runDataTest(engine, { kind: 'not_null', line: 1, table: 'trips', columns: ['trip_id', 'rider_id', 'fare'] });
    expect(items.map((f) => f.message)).toEqual([
      "1 row of table 'trips' has no trip_id (NULL).",
      "1 row of table 'trips' has no rider_id (NULL).",
    ]);
    expect(items[1]!.examples).toEqual({
      columns: ['trip_id', 'rider_id', 'status', 'fare'],
      rows: [[1043, null, 'completed', -3]],
      kinds: ['intr'],
    });
  });

  it('accepted_values: lists values outside the list with their row counts; NULL is accepted', async () => {
    expect(
      await messages({ kind: 'accepted_values', line: 1, table: 'trips', column: 'status', values: ['completed', 'cancelled'], message: 'Use the app’s status names.' }),
    ).toEqual(["status in table 'trips' has 2 values that are not accepted, in 2 rows: 'Done' (1 row), 'cancelled ' (1 row). Use the app’s status names."]);
    expect(
      await messages({ kind: 'accepted_values', line: 1, table: 'trips', column: 'status', values: ['completed', 'cancelled', 'cancelled ', 'Done'] }),
    ).toEqual([]);
  });

  it('relationships: finds values with no match in the parent table', async () => {
    expect(await messages({ kind: 'relationships', line: 1, table: 'trips', column: 'rider_id', to: 'riders', field: 'rider_id' })).toEqual([
      "2 rider_id values in table 'trips' (3 rows) have no match in riders.rider_id: 9 (2 rows), 8 (1 row).",
    ]);
    await engine.exec('INSERT INTO riders VALUES (8, NULL), (9, NULL)');
    expect(await messages({ kind: 'relationships', line: 1, table: 'trips', column: 'rider_id', to: 'riders', field: 'rider_id' })).toEqual([]);
  });

  it('relationships: checks a view whose column is a correlated subquery (a learner’s matching view)', async () => {
    await engine.exec(`
      CREATE TABLE parents AS WITH RECURSIVE k(id) AS (SELECT 1 UNION ALL SELECT id + 1 FROM k WHERE id < 300) SELECT id FROM k;
      CREATE VIEW picks AS SELECT r.rider_id, (SELECT max(p.id) FROM parents p WHERE p.id <= r.rider_id * 100) + r.rider_id % 2 * 1000 AS parent_id FROM riders r;
    `);
    expect(await messages({ kind: 'relationships', line: 1, table: 'picks', column: 'parent_id', to: 'parents', field: 'id' })).toEqual([
      "2 parent_id values in table 'picks' (2 rows) have no match in parents.id: 1100 (1 row), 1300 (1 row).",
    ]);
  });

  it('row_count: checks the bounds', async () => {
    const count = (min?: number, max?: number) => {
      const check: DataTestCheck = { kind: 'row_count', line: 1, table: 'riders' };
      if (min !== undefined) check.min = min;
      if (max !== undefined) check.max = max;
      return messages(check);
    };
    expect(await count(1, 3)).toEqual([]);
    expect(await count(5)).toEqual(["Table 'riders' has 3 rows; it should have at least 5."]);
    expect(await count(undefined, 2)).toEqual(["Table 'riders' has 3 rows; it should have at most 2."]);
    expect(await count(4, 10)).toEqual(["Table 'riders' has 3 rows; it should have between 4 and 10."]);
    expect(await count(2, 2)).toEqual(["Table 'riders' has 3 rows; it should have exactly 2."]);
  });

  it('no_rows: fails with the author’s message and the rows found', async () => {
    const items = await runDataTest(engine, { kind: 'no_rows', line: 1, sql: 'SELECT trip_id, fare FROM trips WHERE fare < 0', message: 'Fares are never negative.' });
    expect(items.map((f) => f.message)).toEqual(['Fares are never negative.']);
    const several = await runDataTest(engine, { kind: 'no_rows', line: 1, sql: 'SELECT trip_id, fare FROM trips WHERE fare < 100', message: 'Fares stay under 100.' });
    expect(several.map((f) => f.message)).toEqual([expect.stringMatching(/^Fares stay under 100\. \(\d+ rows break this rule\.\)$/)]);
    expect(items[0]!.examples?.rows).toEqual([[1043, -3]]);
    expect(await messages({ kind: 'no_rows', line: 1, sql: 'SELECT * FROM trips WHERE fare > 15' })).toEqual([
      'A check found 1 row that should not exist.',
    ]);
    expect(await messages({ kind: 'no_rows', line: 1, sql: 'SELECT * FROM trips WHERE fare > 100' })).toEqual([]);
  });

  it('says which table or column is missing instead of failing on SQL', async () => {
    expect(await messages({ kind: 'unique', line: 1, table: 'city_totals', columns: ['city'] })).toEqual([
      "There is no table 'city_totals' — your code should create it.",
    ]);
    expect(await messages({ kind: 'not_null', line: 1, table: 'trips', columns: ['city'] })).toEqual(["Table 'trips' has no column 'city'."]);
    expect(await messages({ kind: 'relationships', line: 1, table: 'trips', column: 'rider_id', to: 'people', field: 'id' })).toEqual([
      "There is no table 'people' — your code should create it.",
    ]);
    expect(await messages({ kind: 'no_rows', line: 1, sql: 'SELECT * FROM nowhere' })).toEqual([
      'A check could not run on your tables: no such table: nowhere',
    ]);
    expect(await messages({ kind: 'no_rows', line: 1, sql: 'SELECT * FROM trips AS c WHERE c.screen IS NULL' })).toEqual([
      "A check needs a column 'screen' that your table does not have — keep every column the task asks for, by that name.",
    ]);
  });

  it('quotes identifiers, so odd table and column names work and cannot inject SQL', async () => {
    await engine.exec('CREATE TABLE "my ""odd"" table" ("the id" INTEGER); INSERT INTO "my ""odd"" table" VALUES (1), (1);');
    expect(quoteIdentifier('a"b')).toBe('"a""b"');
    expect(await messages({ kind: 'unique', line: 1, table: 'my "odd" table', columns: ['the id'] })).toEqual([
      "1 the id value appears more than once in table 'my \"odd\" table': 1 (2 times).",
    ]);
    expect(await messages({ kind: 'row_count', line: 1, table: 'riders"; DROP TABLE riders; --', min: 1 })).toEqual([
      'There is no table \'riders"; DROP TABLE riders; --\' — your code should create it.',
    ]);
    expect((await engine.exec('SELECT COUNT(*) FROM riders')).result.rows).toEqual([[3]]);
  });
});
