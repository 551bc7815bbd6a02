import { describe, expect, it } from 'vitest';
import type { ColumnDef } from '../sql/types';
import { checkLoadArguments, prepareLoad, toSqlParams } from './load-rows';

describe('load: columns and types from the rows', () => {
  it.each([
    ['integers', [{ v: 1 }, { v: 2 }], 'INTEGER', [[1], [2]]],
    ['integers and decimals widen to REAL', [{ v: 1 }, { v: 2.5 }], 'REAL', [[1], [2.5]]],
    ['strings', [{ v: 'a' }], 'TEXT', [['a']]],
    ['booleans as 0/1', [{ v: true }, { v: false }], 'INTEGER', [[1], [0]]],
    ['Dates as ISO text', [{ v: new Date(Date.UTC(2024, 2, 1, 8)) }], 'TEXT', [['2024-03-01T08:00:00.000Z']]],
    ['objects as JSON text', [{ v: { a: [1, 2] } }], 'TEXT', [['{"a":[1,2]}']]],
    ['bigint as INTEGER', [{ v: 2n ** 60n }], 'INTEGER', [[2n ** 60n]]],
    ['only nulls: untyped', [{ v: null }, { v: undefined }], '', [[null], [null]]],
    ['nulls do not decide the type', [{ v: null }, { v: 3 }], 'INTEGER', [[null], [3]]],
  ])('%s', (_name, rows, type, values) => {
    expect(prepareLoad('t', rows, 'replace', null)).toEqual({ columns: [{ name: 'v', type }], rows: values });
  });

  it('takes columns from all rows in order of first appearance, NULL where a row lacks one', () => {
    const prepared = prepareLoad('t', [{ a: 1 }, { b: 'x', a: 2 }], 'replace', null);
    expect(prepared.columns.map((c) => c.name)).toEqual(['a', 'b']);
    expect(prepared.rows).toEqual([
      [1, null],
      [2, 'x'],
    ]);
  });

  it('names the row and column of a value of the wrong kind', () => {
    expect(() => prepareLoad('trips', [{ fare: 10 }, { fare: 12 }, { fare: '12.50' }], 'replace', null)).toThrow(
      'load("trips"): row 3 (rows[2]), column "fare": expected a number like row 1 (rows[0]), got the string "12.50".',
    );
  });

  it('refuses NaN, functions and rows that are not objects', () => {
    expect(() => prepareLoad('t', [{ v: NaN }], 'replace', null)).toThrow(/row 1 \(rows\[0\]\), column "v" is NaN/);
    expect(() => prepareLoad('t', [{ v: () => 1 }], 'replace', null)).toThrow(/is a function/);
    expect(() => prepareLoad('t', [{ a: 1 }, [1, 2]], 'replace', null)).toThrow(/row 2 \(rows\[1\]\) is an array/);
  });

  it('replacing with no rows empties an existing table and keeps its columns', () => {
    const existing: ColumnDef[] = [{ name: 'a', type: 'INTEGER' }];
    expect(prepareLoad('t', [], 'replace', existing)).toEqual({ columns: existing, rows: [] });
    expect(() => prepareLoad('t', [], 'replace', null)).toThrow(/there are no rows/);
  });
});

describe('load: appending to an existing table', () => {
  const table: ColumnDef[] = [
    { name: 'id', type: 'INTEGER' },
    { name: 'city', type: 'TEXT' },
    { name: 'fare', type: 'REAL' },
  ];

  it('orders values by the table\'s columns, matching names without regard to case', () => {
    expect(prepareLoad('trips', [{ FARE: 3, id: 1, city: 'Seoul' }], 'append', table).rows).toEqual([[1, 'Seoul', 3]]);
  });

  it('names the missing and the extra columns', () => {
    expect(() => prepareLoad('trips', [{ id: 1, town: 'Seoul', fare: 2 }], 'append', table)).toThrow(
      `load("trips", rows, { mode: 'append' }): the rows have a column the table lacks: "town"; ` +
        `the table has a column the rows lack: "city". The table's columns are "id", "city", "fare".`,
    );
  });

  it('checks values against the declared types, with the row number', () => {
    expect(() => prepareLoad('trips', [{ id: 1, city: 'A', fare: 2 }, { id: 'x2', city: 'B', fare: 1 }], 'append', table)).toThrow(
      'row 2 (rows[1]), column "id" is INTEGER and needs an integer, got the string "x2"',
    );
    expect(() => prepareLoad('trips', [{ id: 1, city: 7, fare: 2 }], 'append', table)).toThrow(/column "city" is TEXT and needs text/);
  });

  it('cannot append to a table that does not exist', () => {
    expect(() => prepareLoad('nope', [{ a: 1 }], 'append', null)).toThrow(/there is no table "nope" to append to/);
  });
});

describe('load arguments and sql params', () => {
  it('checks the table name, rows and mode', () => {
    expect(() => checkLoadArguments('', [], undefined)).toThrow(/needs a table name/);
    expect(() => checkLoadArguments('t', { a: 1 }, undefined)).toThrow(/rows must be an array of objects, got an object/);
    expect(() => checkLoadArguments('t', [], { mode: 'upsert' })).toThrow(/mode must be 'replace' or 'append', got the string "upsert"/);
    expect(checkLoadArguments('t', [], undefined).mode).toBe('replace');
  });

  it('converts params like values', () => {
    expect(toSqlParams([true, new Date(0), null])).toEqual([1, '1970-01-01T00:00:00.000Z', null]);
    expect(toSqlParams({ city: 'Seoul' })).toEqual({ city: 'Seoul' });
    expect(() => toSqlParams('Seoul')).toThrow(/params must be an array/);
  });
});
