import { beforeEach, describe, expect, it } from 'vitest';
import { SqlCore } from './core';
import { quoteIdentifier } from './insert';
import { loadSqlJsInNode } from './sql-js-node';
import { SqlError, type InsertRequest } from './types';

let core: SqlCore;
beforeEach(async () => {
  core = new SqlCore(await loadSqlJsInNode());
});

const trips = (rows: InsertRequest['rows'], mode: InsertRequest['mode'] = 'create'): InsertRequest => ({
  table: 'trips',
  columns: [
    { name: 'id', type: 'INTEGER' },
    { name: 'fare', type: 'REAL' },
    { name: 'city', type: 'TEXT' },
  ],
  rows,
  mode,
});

function insertError(request: InsertRequest): SqlError {
  try {
    core.insert(request);
  } catch (error) {
    expect(error).toBeInstanceOf(SqlError);
    return error as SqlError;
  }
  throw new Error('expected an SqlError');
}

function tableExists(name: string): boolean {
  return core.exec('select count(*) from sqlite_schema where name = ?', [name]).result.rows[0][0] === 1;
}

describe('insert modes', () => {
  it('create makes the table with the declared types and inserts every row', () => {
    expect(core.insert(trips([[1, 12, 'Seoul'], [2, 7.5, null]]))).toEqual({ inserted: 2 });
    const out = core.exec('select id, fare, city from trips order by id');
    expect(out.result.rows).toEqual([[1, 12, 'Seoul'], [2, 7.5, null]]);
    // REAL affinity stores 12 as 12.0.
    expect(out.result.kinds).toEqual(['irt', 'irn']);
    expect(core.exec("select type from pragma_table_info('trips')").result.rows).toEqual([['INTEGER'], ['REAL'], ['TEXT']]);
  });

  it('create refuses a table that exists and says which modes would work', () => {
    core.insert(trips([[1, 1, 'a']]));
    expect(insertError(trips([[2, 2, 'b']])).message).toBe(
      'Cannot create table "trips": it already exists. Use mode "replace" to overwrite it, or "append" to add rows to it.',
    );
    expect(core.exec('select count(*) from trips').result.rows).toEqual([[1]]);
  });

  it('replace drops the old table, its columns included', () => {
    core.exec('create table trips(old_column); insert into trips values (1)');
    core.insert(trips([[5, 3, 'Busan']], 'replace'));
    expect(core.exec('select * from trips')).toMatchObject({
      result: { columns: ['id', 'fare', 'city'], rows: [[5, 3, 'Busan']] },
    });
  });

  it('replace creates a table that does not exist yet', () => {
    core.insert(trips([[1, 2, 'x']], 'replace'));
    expect(core.exec('select count(*) from trips').result.rows).toEqual([[1]]);
  });

  it('append adds rows; columns it does not name get their defaults', () => {
    core.exec("create table trips(id integer, fare real, city text default 'unknown')");
    core.insert({ table: 'trips', columns: [{ name: 'ID', type: '' }], rows: [[9]], mode: 'append' });
    expect(core.exec('select * from trips').result.rows).toEqual([[9, null, 'unknown']]);
  });
});

describe('insert mismatches', () => {
  it('append to a missing table names the table and the modes that create it', () => {
    expect(insertError(trips([], 'append')).message).toBe(
      'Cannot append to "trips": no such table. Use mode "create" or "replace" to make it.',
    );
  });

  it("append with a column the table lacks names it and lists the table's columns", () => {
    core.exec('create table trips(id, fare)');
    expect(insertError(trips([[1, 2, 'x']], 'append')).message).toBe(
      'Cannot append to "trips": it has no column "city" (its columns are: id, fare).',
    );
  });

  it('a row with the wrong number of values names the row and the columns, and inserts nothing', () => {
    expect(insertError(trips([[1, 2, 'ok'], [2, 3]])).message).toBe(
      'Row 2 has 2 values, but 3 columns were given (id, fare, city).',
    );
    expect(tableExists('trips')).toBe(false);
  });

  it('a value that is not a SqlValue names the row, the column and what is allowed', () => {
    const rows = [[1, true, 'x']] as unknown as InsertRequest['rows'];
    expect(insertError(trips(rows)).message).toBe(
      'Row 1, column "fare": cannot store a value of type boolean; use null, a number, a bigint, a string or a Uint8Array.',
    );
  });

  it("a constraint failure carries SQLite's message and the row, and rolls the whole insert back", () => {
    core.exec('create table trips(id integer primary key, fare real, city text)');
    const error = insertError(trips([[1, 1, 'a'], [2, 2, 'b'], [1, 3, 'c']], 'append'));
    expect(error.message).toBe('UNIQUE constraint failed: trips.id (row 3)');
    expect(core.exec('select count(*) from trips').result.rows).toEqual([[0]]);
  });

  it('rejects a column type it does not know, as it would be spliced into SQL', () => {
    const request: InsertRequest = {
      table: 't',
      columns: [{ name: 'a', type: 'TEXT); DROP TABLE x; --' as 'TEXT' }],
      rows: [],
      mode: 'create',
    };
    expect(insertError(request).message).toMatch(/^Column "a" has type "TEXT\); DROP TABLE x; --"; use INTEGER/);
  });

  it('rejects the same column named twice, ignoring case as SQLite does', () => {
    const request: InsertRequest = {
      table: 't',
      columns: [{ name: 'a', type: '' }, { name: 'A', type: '' }],
      rows: [],
      mode: 'create',
    };
    expect(insertError(request).message).toBe('Column "A" appears twice in table "t".');
  });
});

describe('insert values and names', () => {
  it('quotes identifiers, so any table or column name works', () => {
    expect(quoteIdentifier('say "hi"')).toBe('"say ""hi"""');
    core.insert({
      table: 'my "odd" table',
      columns: [{ name: 'fare (usd)', type: 'REAL' }, { name: 'select', type: 'TEXT' }],
      rows: [[1.5, 'x']],
      mode: 'create',
    });
    expect(core.exec('select "fare (usd)", "select" from "my ""odd"" table"').result.rows).toEqual([[1.5, 'x']]);
  });

  it('stores large integers exactly as INTEGER, even in a column without a type', () => {
    core.insert({
      table: 't',
      columns: [{ name: 'v', type: '' }],
      rows: [[5_000_000_000], [2n ** 62n], [9007199254740993n], [-(2n ** 63n)], [3], [2.5], [1e300]],
      mode: 'create',
    });
    const out = core.exec('select v from t order by rowid');
    expect(out.result.rows).toEqual([[5_000_000_000], [2n ** 62n], [9007199254740993n], [-(2n ** 63n)], [3], [2.5], [1e300]]);
    expect(out.result.kinds).toEqual(['i', 'i', 'i', 'i', 'i', 'r', 'r']);
  });

  it('refuses a bigint outside the 64-bit range', () => {
    const error = insertError({ table: 't', columns: [{ name: 'v', type: '' }], rows: [[2n ** 63n]], mode: 'create' });
    expect(error.message).toBe('Row 1, column "v": 9223372036854775808 is outside SQLite\'s 64-bit integer range.');
  });

  it('stores blobs, text and NULL as they are', () => {
    core.insert({
      table: 't',
      columns: [{ name: 'b', type: 'BLOB' }, { name: 's', type: '' }, { name: 'n', type: 'NUMERIC' }],
      rows: [[new Uint8Array([1, 2]), '007', null]],
      mode: 'create',
    });
    const out = core.exec('select * from t');
    expect(out.result.rows).toEqual([[new Uint8Array([1, 2]), '007', null]]);
    expect(out.result.kinds).toEqual(['btn']);
  });

  it('nests inside a transaction a cell left open, so that rolling it back undoes the insert', () => {
    core.exec('begin');
    core.insert(trips([[1, 1, 'a']]));
    core.exec('rollback');
    expect(tableExists('trips')).toBe(false);
  });
});
