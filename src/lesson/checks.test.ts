import { describe, expect, it } from 'vitest';
import { readChecks } from './checks';
import { DEFAULT_COMPARE_OPTIONS } from './types';

/** The checks fence opens on line 20, so its first line is 21. */
const read = (...lines: string[]) => readChecks(lines.join('\n'), 21, 20);

describe('readChecks', () => {
  it('reads a bare kind with the default options and records the file line of each check', () => {
    const { checks, problems } = read('- result', '- table: city_totals');
    expect(problems).toEqual([]);
    expect(checks).toEqual([
      { kind: 'result', line: 21, ...DEFAULT_COMPARE_OPTIONS },
      { kind: 'table', line: 22, table: 'city_totals', ...DEFAULT_COMPARE_OPTIONS },
    ]);
  });

  it('maps the YAML option names onto CompareOptions', () => {
    const { checks } = read(
      '- result: {order: exact, columns: position, column_order: exact, tolerance: 0.5, relative_tolerance: 0.01, extra_columns: true, key: city}',
    );
    expect(checks[0]).toEqual({
      kind: 'result',
      line: 21,
      order: 'exact',
      columns: 'position',
      columnOrder: 'exact',
      tolerance: 0.5,
      relativeTolerance: 0.01,
      extraColumns: true,
      key: ['city'],
    });
  });

  it('takes column or columns for unique and not_null, and the sql alone for no_rows', () => {
    const { checks } = read('- unique: {table: t, column: a}', '- not_null: {table: t, columns: [a, b]}', '- no_rows: SELECT 1 WHERE 0');
    expect(checks).toEqual([
      { kind: 'unique', line: 21, table: 't', columns: ['a'] },
      { kind: 'not_null', line: 22, table: 't', columns: ['a', 'b'] },
      { kind: 'no_rows', line: 23, sql: 'SELECT 1 WHERE 0' },
    ]);
  });

  it('points at the option or list item that is wrong', () => {
    expect(read('- accepted_values:', '    table: t', '    column: status', '    values:', '      - done', '      - yes', '      - 3').problems).toEqual([]);
    expect(read('- accepted_values:', '    table: t', '    column: status', '    values:', '      - done', '      - true').problems).toEqual([
      { line: 26, message: 'values item 2 must be text or a number, not true — quote it: "true"' },
    ]);
    expect(read('- result:', '    order: exact', '    tolerence: 0.1').problems).toEqual([
      {
        line: 23,
        message:
          "unknown option 'tolerence' for result — did you mean 'tolerance'? (result options: order, columns, column_order, tolerance, relative_tolerance, extra_columns, key)",
      },
    ]);
  });

  it('reads idempotent with a list of tables, one table, or one table and a message', () => {
    const { checks, problems } = read(
      '- idempotent: {tables: [daily_city_metrics, bad_rides, daily_city_metrics]}',
      '- idempotent: bad_ride_logs',
      '- idempotent:',
      '    tables: bad_rides',
      '    message: The nightly job is retried after a timeout.',
    );
    expect(problems).toEqual([]);
    expect(checks).toEqual([
      { kind: 'idempotent', line: 21, tables: ['daily_city_metrics', 'bad_rides'] },
      { kind: 'idempotent', line: 22, tables: ['bad_ride_logs'] },
      { kind: 'idempotent', line: 23, tables: ['bad_rides'], message: 'The nightly job is retried after a timeout.' },
    ]);
  });

  it('says what idempotent needs when its tables are missing or misnamed', () => {
    expect(read('- idempotent').problems).toEqual([
      { line: 21, message: 'idempotent needs tables — e.g. - idempotent: {tables: [daily_city_metrics]}' },
    ]);
    expect(read('- idempotent: {table: trips}').problems).toEqual([
      { line: 21, message: "unknown option 'table' for idempotent — did you mean 'tables'? (idempotent options: tables, message)" },
      { line: 21, message: 'idempotent needs tables — e.g. - idempotent: {tables: [daily_city_metrics]}' },
    ]);
    expect(read('- idempotent: {tables: []}').problems).toEqual([
      { line: 21, message: 'tables must be a table name or a list of them, e.g. tables: [trips, riders], not a list' },
    ]);
  });

  it('reports an empty fence at the fence line', () => {
    expect(read('').problems).toEqual([
      { line: 20, message: 'this checks fence has no checks — list at least one, e.g. - result (see docs/lesson-format.md, "Checks")' },
    ]);
  });
});
