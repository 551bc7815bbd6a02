import { describe, expect, it } from 'vitest';
import type { ResultSet, SqlValue } from '../../sql/types';
import { compareResults } from './compare';
import type { Feedback } from './feedback';

/** A result set; kinds are derived from the values as the engine would report them. */
function rs(columns: string[], ...rows: SqlValue[][]): ResultSet {
  const kind = (v: SqlValue): string =>
    v === null ? 'n' : typeof v === 'string' ? 't' : typeof v === 'bigint' || Number.isInteger(v) ? 'i' : v instanceof Uint8Array ? 'b' : 'r';
  return { columns, rows, kinds: rows.map((r) => r.map(kind).join('')) };
}

const messages = (problems: Feedback[]): string[] => problems.map((p) => p.message);

const cities = rs(['city', 'trips'], ['Seoul', 120], ['Busan', 80], ['Daegu', 40]);

describe('compareResults', () => {
  it('passes equal results', () => {
    expect(compareResults(cities, cities)).toEqual({ pass: true, problems: [] });
  });

  it('ignores row order unless order is exact', () => {
    const shuffled = rs(['city', 'trips'], ['Daegu', 40], ['Seoul', 120], ['Busan', 80]);
    expect(compareResults(shuffled, cities).pass).toBe(true);
    const verdict = compareResults(shuffled, cities, { order: 'exact' });
    expect(verdict.pass).toBe(false);
    expect(verdict.problems.map((p) => p.code)).toEqual(['wrong-order']);
    expect(messages(verdict.problems)).toEqual([
      'All the rows are right, but in another order — the first difference is at row 1. Check the ORDER BY.',
    ]);
  });

  it('reports order only once the rows themselves are right', () => {
    const wrong = rs(['city', 'trips'], ['Daegu', 40], ['Seoul', 120], ['Ulsan', 80]);
    const codes = compareResults(wrong, cities, { order: 'exact' }).problems.map((p) => p.code);
    expect(codes).not.toContain('wrong-order');
  });

  it('names missing and unasked-for columns', () => {
    const learner = rs(['city', 'total', 'fare'], ['Seoul', 120, 1.5], ['Busan', 80, 2], ['Daegu', 40, 3]);
    expect(messages(compareResults(learner, cities).problems)).toEqual([
      "Your result is missing the column 'trips'.",
      "Your result has columns that were not asked for: 'total' and 'fare' — remove them.",
    ]);
  });

  it('allows extra columns when extra_columns is true', () => {
    const learner = rs(['fare', 'city', 'trips'], [1.5, 'Seoul', 120], [2, 'Busan', 80], [3, 'Daegu', 40]);
    expect(compareResults(learner, cities, { extraColumns: true }).pass).toBe(true);
    expect(messages(compareResults(learner, cities).problems)).toEqual([
      "Your result has a column that was not asked for: 'fare' — remove it.",
    ]);
  });

  it('matches column names ignoring case by default, letter for letter with columns: exact', () => {
    const learner = rs(['City', 'TRIPS'], ['Seoul', 120], ['Busan', 80], ['Daegu', 40]);
    expect(compareResults(learner, cities).pass).toBe(true);
    expect(messages(compareResults(learner, cities, { columns: 'exact' }).problems)).toEqual([
      "Column 'City' should be written 'city' — names are compared letter for letter here.",
      "Column 'TRIPS' should be written 'trips' — names are compared letter for letter here.",
    ]);
  });

  it('says when only the names differ, as with an unnamed COUNT(*)', () => {
    const learner = rs(['city', 'COUNT(*)'], ['Seoul', 120], ['Busan', 80], ['Daegu', 40]);
    const verdict = compareResults(learner, cities);
    expect(verdict.pass).toBe(false);
    expect(messages(verdict.problems)).toEqual([
      "Your result has no column 'trips'; 'COUNT(*)' stands where it should be.",
      'The values are right; only the column names differ — rename the columns with AS.',
    ]);
  });

  it('ignores names with columns: position, but counts the columns', () => {
    const learner = rs(['a', 'b'], ['Seoul', 120], ['Busan', 80], ['Daegu', 40]);
    expect(compareResults(learner, cities, { columns: 'position' }).pass).toBe(true);
    const short = rs(['a'], ['Seoul'], ['Busan'], ['Daegu']);
    expect(messages(compareResults(short, cities, { columns: 'position' }).problems)).toEqual([
      'Your result has 1 column; 2 are expected.',
    ]);
  });

  it('requires the column order only with column_order: exact', () => {
    const learner = rs(['trips', 'city'], [120, 'Seoul'], [80, 'Busan'], [40, 'Daegu']);
    expect(compareResults(learner, cities).pass).toBe(true);
    expect(messages(compareResults(learner, cities, { columnOrder: 'exact' }).problems)).toEqual([
      'The columns are right but in another order — put them in this order: city, trips.',
    ]);
  });

  it('counts missing rows without showing them, and shows the learner’s extra rows', () => {
    const learner = rs(['city', 'trips'], ['Seoul', 120], ['Ulsan', 7]);
    const verdict = compareResults(learner, cities);
    expect(messages(verdict.problems)).toEqual([
      '2 of the 3 expected rows are missing from your result.',
      "Your result has 1 row that should not be there: ('Ulsan', 7).",
    ]);
    expect(verdict.problems[1]!.examples).toEqual(rs(['city', 'trips'], ['Ulsan', 7]));
    // No solution value appears anywhere in the feedback.
    expect(JSON.stringify(verdict.problems)).not.toMatch(/Busan|Daegu|80|40/);
  });

  it('names the key values of missing rows when the author gives a key', () => {
    const learner = rs(['city', 'trips'], ['Seoul', 120]);
    expect(messages(compareResults(learner, cities, { key: ['city'] }).problems)).toEqual([
      "2 of the 3 expected rows are missing from your result (the rows with city = 'Busan' and city = 'Daegu').",
    ]);
  });

  it('treats rows as a multiset: a duplicated row is reported as repeated', () => {
    const learner = rs(['city', 'trips'], ['Seoul', 120], ['Seoul', 120], ['Busan', 80], ['Daegu', 40]);
    const verdict = compareResults(learner, cities);
    expect(messages(verdict.problems)).toEqual([
      "1 row appears more often in your result than it should: ('Seoul', 120) (2 times) — look for duplicates (DISTINCT, or a join that repeats rows).",
    ]);
    const fewer = rs(['city', 'trips'], ['Seoul', 120], ['Busan', 80]);
    const doubled = rs(['city', 'trips'], ['Seoul', 120], ['Seoul', 120], ['Busan', 80]);
    expect(messages(compareResults(fewer, doubled).problems)).toEqual(['1 of the 3 expected rows is missing from your result.']);
  });

  it('finds the one column whose values are off, and shows only the learner’s values', () => {
    const learner = rs(['city', 'trips'], ['Seoul', 121], ['Busan', 80], ['Daegu', 41]);
    const verdict = compareResults(learner, cities);
    expect(verdict.problems.map((p) => p.code)).toEqual(['column-values']);
    expect(messages(verdict.problems)).toEqual([
      "Column 'trips' has a different value in 2 rows: where city = 'Seoul' (yours: 121), where city = 'Daegu' (yours: 41).",
    ]);
    expect(verdict.problems[0]!.examples?.rows).toEqual([
      ['Seoul', 121],
      ['Daegu', 41],
    ]);
  });

  describe('rows whose key is right but other values are not', () => {
    const riders = rs(
      ['rider_id', 'email', 'phone', 'city'],
      ['r1', 'a@new', '010-1', 'Seoul'],
      ['r2', 'b@new', '010-2', 'Busan'],
      ['r3', 'c@new', '010-3', 'Daegu'],
      ['r4', 'd@new', '010-4', 'Ulsan'],
      ['r5', 'e@new', '010-5', 'Incheon'],
    );
    /** INSERT OR IGNORE kept the old values of r2, r3 and r5. */
    const stale = rs(
      ['rider_id', 'email', 'phone', 'city'],
      ['r1', 'a@new', '010-1', 'Seoul'],
      ['r2', 'b@old', '010-2', 'Busan'],
      ['r3', 'c@old', '010-9', 'Daegu'],
      ['r4', 'd@new', '010-4', 'Ulsan'],
      ['r5', 'e@new', '010-5', 'Gwangju'],
    );

    it('reports them in one message, by column, with only the learner’s values', () => {
      const verdict = compareResults(stale, riders, { key: ['rider_id'] }, 'dim_riders');
      expect(verdict.problems.map((p) => p.code)).toEqual(['row-values']);
      expect(messages(verdict.problems)).toEqual([
        "3 rows of table 'dim_riders' have the right rider_id but other values differ — in email (2 rows), phone (1) and city (1): rider_id = 'r2': yours has email 'b@old'; rider_id = 'r3': yours has email 'c@old' and phone '010-9'; rider_id = 'r5': yours has city 'Gwangju'.",
      ]);
      expect(verdict.problems[0]!.examples?.rows).toEqual([stale.rows[1], stale.rows[2], stale.rows[4]]);
      expect(JSON.stringify(verdict.problems)).not.toMatch(/b@new|c@new|010-3|Incheon/);
    });

    it('shows a few rows, and a few values of each', () => {
      const wide = ['id', 'a', 'b', 'c', 'd', 'e'];
      const expected = rs(wide, [1, 1, 1, 1, 1, 1], [2, 2, 2, 2, 2, 2], [3, 3, 3, 3, 3, 3], [4, 4, 4, 4, 4, 4]);
      const learner = rs(wide, [1, 0, 0, 0, 0, 0], [2, 0, 2, 2, 2, 0], [3, 0, 3, 3, 3, 3], [4, 0, 4, 4, 4, 4]);
      expect(messages(compareResults(learner, expected, { key: ['id'] }).problems)).toEqual([
        '4 rows of your result have the right id but other values differ — in a (4 rows), e (2), b (1), c (1) and d (1); e.g. id = 1: yours has a 0, b 0, c 0 and 2 more; id = 2: yours has a 0 and e 0; id = 3: yours has a 0.',
      ]);
    });

    it('keeps the messages for keys that are truly missing or extra', () => {
      const learner = rs(
        ['rider_id', 'email', 'phone', 'city'],
        ['r1', 'a@new', '010-1', 'Seoul'],
        ['r2', 'b@old', '010-8', 'Busan'],
        ['r4', 'd@new', '010-4', 'Ulsan'],
        ['r5', 'e@new', '010-5', 'Incheon'],
        ['r9', 'z@new', '010-0', 'Jeju'],
      );
      expect(messages(compareResults(learner, riders, { key: ['rider_id'] }).problems)).toEqual([
        "1 row of your result has the right rider_id but other values differ — in email and phone: rider_id = 'r2': yours has email 'b@old' and phone '010-8'.",
        "1 of the 5 expected rows is missing from your result (the row with rider_id = 'r3').",
        "Your result has 1 row that should not be there: ('r9', 'z@new', '010-0', 'Jeju').",
      ]);
    });

    it('says “column … has a different value” when only one column differs', () => {
      const learner = rs(['rider_id', 'email', 'phone', 'city'], ['r1', 'a@old', '010-1', 'Seoul'], ['r2', 'b@new', '010-2', 'Busan']);
      expect(messages(compareResults(learner, riders, { key: ['rider_id'] }).problems)).toEqual([
        "Column 'email' has a different value in 1 row: where rider_id = 'r1' (yours: 'a@old').",
        "3 of the 5 expected rows are missing from your result (the rows with rider_id = 'r3', rider_id = 'r4' and rider_id = 'r5').",
      ]);
    });

    it('pairs nothing by a key that does not identify a row of the solution', () => {
      const expected = rs(['city', 'day', 'trips'], ['Seoul', 1, 10], ['Seoul', 2, 20], ['Busan', 1, 5]);
      const learner = rs(['city', 'day', 'trips'], ['Seoul', 3, 11], ['Seoul', 4, 21], ['Busan', 1, 5]);
      expect(compareResults(learner, expected, { key: ['city'] }).problems.map((p) => p.code)).toEqual(['rows-missing', 'rows-extra']);
    });

    it('pairs a right row repeated too often with nothing', () => {
      const expected = rs(['k', 'v'], ['a', 1], ['b', 2]);
      const learner = rs(['k', 'v'], ['a', 1], ['a', 1]);
      expect(compareResults(learner, expected, { key: ['k'] }).problems.map((p) => p.code)).toEqual(['rows-missing', 'rows-repeated']);
    });
  });

  it('says when a column holds text where numbers are expected', () => {
    const learner = rs(['city', 'trips'], ['Seoul', '120'], ['Busan', '80'], ['Daegu', '40']);
    expect(messages(compareResults(learner, cities).problems)).toEqual([
      "Column 'trips' holds text where numbers are expected (e.g. '120') — convert it with CAST.",
    ]);
  });

  it('does not advise CAST when the expected column itself mixes numbers and text (raw timestamps)', () => {
    const expected = rs(['line_no', 'ts'], [1, '2024-03-04T14:12:45.123Z'], [2, 1710740419381], [3, '2024-03-05T01:00:00.000Z']);
    const declaredText = rs(['line_no', 'ts'], [1, '2024-03-04T14:12:45.123Z'], [2, '1710740419381'], [3, '2024-03-05T01:00:00.000Z']);
    expect(messages(compareResults(declaredText, expected, { key: ['line_no'] }).problems)).toEqual([
      "Column 'ts' holds text in some rows where numbers are expected (e.g. '1710740419381'). This column mixes numbers and text: keep each value as it is, rather than converting the whole column (a declared column type converts it too).",
    ]);
  });

  it('accepts numbers within the absolute or relative tolerance', () => {
    const expected = rs(['city', 'avg_fare'], ['Seoul', 12.345], ['Busan', 1000]);
    const close = rs(['city', 'avg_fare'], ['Seoul', 12.35], ['Busan', 1000.4]);
    expect(compareResults(close, expected).pass).toBe(false);
    expect(compareResults(close, expected, { tolerance: 0.01 }).pass).toBe(false);
    expect(compareResults(close, expected, { tolerance: 0.5 }).pass).toBe(true);
    expect(compareResults(close, expected, { relativeTolerance: 0.001 }).pass).toBe(true);
    // The default relative tolerance absorbs float noise such as AVG against SUM / COUNT.
    expect(compareResults(rs(['x'], [0.1 + 0.2]), rs(['x'], [0.3])).pass).toBe(true);
  });

  it('compares integer and real by value, bigint exactly, and NULL equal to NULL', () => {
    expect(compareResults(rs(['n'], [1], [null]), rs(['n'], [1.0], [null])).pass).toBe(true);
    expect(compareResults(rs(['n'], [2n ** 60n]), rs(['n'], [2n ** 60n])).pass).toBe(true);
    expect(compareResults(rs(['n'], [2n ** 60n]), rs(['n'], [2 ** 60])).pass).toBe(true);
    expect(compareResults(rs(['n'], [2n ** 60n + 1n]), rs(['n'], [2n ** 60n]), { relativeTolerance: 0 }).pass).toBe(false);
    expect(compareResults(rs(['n'], [null]), rs(['n'], [0])).pass).toBe(false);
    expect(compareResults(rs(['n'], ['1']), rs(['n'], [1])).pass).toBe(false);
  });

  it('asks for a query when the learner’s code returned no rows to check', () => {
    expect(messages(compareResults(rs([]), cities).problems)).toEqual([
      'Your code ran, but its last statement returned no rows to check — end it with the query (SELECT …) whose result should be checked.',
    ]);
  });

  it('speaks of the table for a table comparison', () => {
    const learner = rs(['city', 'trips'], ['Seoul', 120], ['Busan', 80]);
    expect(messages(compareResults(learner, cities, {}, 'city_totals').problems)).toEqual([
      "1 of the 3 expected rows is missing from table 'city_totals'.",
    ]);
  });
});
