import { describe, expect, it } from 'vitest';
import type { ResultSet, SqlValue } from '../../sql/types';
import { rerunChanges } from './idempotent';

const rows = (columns: string[], ...values: SqlValue[][]): ResultSet => ({ columns, rows: values, kinds: values.map(() => '') });
const metrics = (...values: SqlValue[][]) => rows(['day', 'city', 'requests'], ...values);
const messages = (first: ResultSet, second: ResultSet | undefined, note?: string) =>
  rerunChanges('daily_city_metrics', first, second, note).map((f) => f.message);

const ONCE = metrics(['2024-04-22', 'Seoul', 120], ['2024-04-22', 'Busan', 40], ['2024-04-23', 'Seoul', 98]);

describe('rerunChanges', () => {
  it('finds nothing when the rows are the same, in any order and column order, up to float noise', () => {
    const shuffled = rows(['requests', 'DAY', 'city'], [98, '2024-04-23', 'Seoul'], [40, '2024-04-22', 'Busan'], [120.00000000001, '2024-04-22', 'Seoul']);
    expect(rerunChanges('daily_city_metrics', ONCE, shuffled)).toEqual([]);
  });

  it('counts rows loaded again and shows a few of them, as rows and as a table', () => {
    const twice = metrics(...ONCE.rows, ...ONCE.rows, ['2024-04-23', 'Busan', 7]);
    const [item] = rerunChanges('daily_city_metrics', ONCE, twice);
    expect(item!.message).toBe(
      "Running your code a second time changed table 'daily_city_metrics': 4 rows more (a rerun must change nothing — skip what is already there). New rows after the second run, e.g. ('2024-04-22', 'Seoul', 120), ('2024-04-22', 'Busan', 40), ('2024-04-23', 'Seoul', 98).",
    );
    expect(item!.examples?.rows).toEqual(ONCE.rows);
    expect(item!.params).toMatchObject({ more: 4, fewer: 0, changed: 0 });
  });

  it('counts a replaced row as changed, and rows only removed as fewer, showing the removed ones', () => {
    const bumped = metrics(['2024-04-22', 'Seoul', 121], ['2024-04-22', 'Busan', 40], ['2024-04-23', 'Seoul', 98]);
    expect(messages(ONCE, bumped)).toEqual([
      "Running your code a second time changed table 'daily_city_metrics': 1 row changed (a rerun must change nothing). New rows after the second run: ('2024-04-22', 'Seoul', 121).",
    ]);
    expect(messages(ONCE, metrics(['2024-04-22', 'Busan', 40]), 'A retry must not lose a day.')).toEqual([
      "Running your code a second time changed table 'daily_city_metrics': 2 rows fewer (a rerun must change nothing). Rows the second run removed: ('2024-04-22', 'Seoul', 120), ('2024-04-23', 'Seoul', 98). A retry must not lose a day.",
    ]);
    expect(messages(ONCE, metrics(['2024-04-22', 'Seoul', 1], ['2024-04-22', 'Seoul', 2], ['2024-04-22', 'Seoul', 3], ['2024-04-22', 'Seoul', 4]))).toEqual([
      "Running your code a second time changed table 'daily_city_metrics': 1 row more and 3 rows changed (a rerun must change nothing). New rows after the second run, e.g. ('2024-04-22', 'Seoul', 1), ('2024-04-22', 'Seoul', 2), ('2024-04-22', 'Seoul', 3).",
    ]);
  });

  it('reports a table the second run dropped or gave other columns', () => {
    expect(messages(ONCE, undefined)).toEqual([
      "Running your code a second time left no table 'daily_city_metrics' (a rerun must change nothing).",
    ]);
    expect(messages(ONCE, rows(['day', 'city', 'requests', 'loaded_at']))).toEqual([
      "Running your code a second time changed the columns of table 'daily_city_metrics' to 'day', 'city', 'requests' and 'loaded_at' (a rerun must change nothing).",
    ]);
  });
});
