import { beforeEach, describe, expect, it } from 'vitest';
import { SqlCore } from './core';
import { loadSqlJsInNode } from './sql-js-node';
import { SqlError } from './types';

let core: SqlCore;
beforeEach(async () => {
  core = new SqlCore(await loadSqlJsInNode());
});

function failure(run: () => unknown): SqlError {
  try {
    run();
  } catch (error) {
    expect(error).toBeInstanceOf(SqlError);
    return error as SqlError;
  }
  throw new Error('expected an SqlError');
}

describe('exec runs every statement', () => {
  it('returns the last statement result and counts the statements', () => {
    const out = core.exec("create table t(a); insert into t values (1), (2); select a from t order by a desc");
    expect(out.statements).toBe(3);
    expect(out.result).toEqual({ columns: ['a'], rows: [[2], [1]], kinds: ['i', 'i'] });
    expect(out.elapsedMs).toBeGreaterThanOrEqual(0);
  });

  it('gives no columns and the changed row count when the last statement returns nothing', () => {
    core.exec('create table t(a); insert into t values (1), (2), (3)');
    const out = core.exec('update t set a = a + 1 where a > 1');
    expect(out.result).toEqual({ columns: [], rows: [], kinds: [] });
    expect(out.changes).toBe(2);
  });

  it('keeps the column names of a query that matches no rows', () => {
    core.exec('create table t(a, b)');
    expect(core.exec('select a, b from t').result).toEqual({ columns: ['a', 'b'], rows: [], kinds: [] });
  });

  it('reports no changes for a query that follows a write', () => {
    const out = core.exec('create table t(a); insert into t values (1); select * from t');
    expect(out.changes).toBe(0);
  });

  it('reports no changes for DDL, even after a write in an earlier exec', () => {
    core.exec('create table t(a); insert into t values (1)');
    expect(core.exec('create table u(b)').changes).toBe(0);
  });

  it('returns the rows and the changes of INSERT ... RETURNING', () => {
    core.exec('create table t(id integer primary key, a)');
    const out = core.exec("insert into t(a) values ('x'), ('y') returning id, a");
    expect(out.result.rows).toEqual([[1, 'x'], [2, 'y']]);
    expect(out.changes).toBe(2);
  });

  it('skips blank statements and trailing comments', () => {
    const out = core.exec('select 1;; ; -- the end\n /* really */');
    expect(out.statements).toBe(1);
    expect(out.result.rows).toEqual([[1]]);
  });

  it('runs nothing for empty SQL', () => {
    expect(core.exec('  -- nothing\n').statements).toBe(0);
  });
});

describe('exec keeps at most maxRows rows', () => {
  const fiveRows = 'with recursive n(i) as (select 1 union all select i + 1 from n where i < 5) select i from n';

  it('keeps every row and counts them when no limit is given', () => {
    const out = core.exec(fiveRows);
    expect(out.result.rows).toHaveLength(5);
    expect(out.totalRows).toBe(5);
  });

  it('keeps the first maxRows rows and still counts all of them', () => {
    const out = core.exec(fiveRows, undefined, { maxRows: 2 });
    expect(out.result).toEqual({ columns: ['i'], rows: [[1], [2]], kinds: ['i', 'i'] });
    expect(out.totalRows).toBe(5);
  });
});

describe('SQLite types survive', () => {
  it('tells integer 1 from real 1.0 through kinds', () => {
    const out = core.exec('select 1 as i, 1.0 as r');
    expect(out.result.rows).toEqual([[1, 1]]);
    expect(out.result.kinds).toEqual(['ir']);
  });

  it('returns text, blobs and NULL with their kinds', () => {
    const out = core.exec("select 'hi', x'00ff', null");
    expect(out.result.rows[0]).toEqual(['hi', new Uint8Array([0, 255]), null]);
    expect(out.result.rows[0][1]).toBeInstanceOf(Uint8Array);
    expect(out.result.kinds).toEqual(['tbn']);
  });

  it('records the storage class per value, not per column', () => {
    core.exec("create table t(v); insert into t values (1), (1.5), ('1'), (null), (x'01')");
    expect(core.exec('select v from t order by rowid').result.kinds).toEqual(['i', 'r', 't', 'n', 'b']);
  });

  it('keeps integers beyond 2^53 exact as bigint', () => {
    const out = core.exec('select 9007199254740993, 9223372036854775807, -9223372036854775808, 9007199254740991');
    expect(out.result.rows[0]).toEqual([9007199254740993n, 9223372036854775807n, -9223372036854775808n, 9007199254740991]);
    expect(out.result.kinds).toEqual(['iiii']);
  });

  it('keeps a whole-number REAL as a number of kind r', () => {
    const out = core.exec('select cast(9007199254740993 as real)');
    expect(typeof out.result.rows[0][0]).toBe('number');
    expect(out.result.kinds).toEqual(['r']);
  });
});

describe('exec errors', () => {
  it("carries SQLite's message and the 1-based index of the failing statement", () => {
    const error = failure(() => core.exec('select 1; select * from nope; select 2'));
    expect(error.message).toBe('no such table: nope');
    expect(error.statement).toBe(2);
  });

  it('reports a syntax error at the statement that has it', () => {
    const error = failure(() => core.exec('select 1;\nselec 2'));
    expect(error.message).toBe('near "selec": syntax error');
    expect(error.statement).toBe(2);
  });

  it('reports an error raised while the statement runs', () => {
    const error = failure(() =>
      core.exec('create table t(a unique); insert into t values (1); insert into t values (1)'),
    );
    expect(error.message).toBe('UNIQUE constraint failed: t.a');
    expect(error.statement).toBe(3);
  });

  it('leaves the statements before the failing one applied, like the sqlite3 shell', () => {
    failure(() => core.exec("create table t(a); insert into t values ('kept'); select * from nope"));
    expect(core.exec('select a from t').result.rows).toEqual([['kept']]);
  });
});

describe('exec params', () => {
  it('binds positional params to the last statement', () => {
    const out = core.exec('create table t(a, b); insert into t values (?, ?); select * from t', undefined);
    expect(out.result.rows).toEqual([[null, null]]);
    core.exec('delete from t; insert into t values (?, ?)', [7, 'x']);
    expect(core.exec('select * from t').result.rows).toEqual([[7, 'x']]);
  });

  it('leaves placeholders of earlier statements NULL', () => {
    const out = core.exec('create table t(a); insert into t values (?); select ?, (select a from t)', ['last']);
    expect(out.result.rows).toEqual([['last', null]]);
  });

  it('binds named params given with or without their prefix', () => {
    expect(core.exec('select :city, @n, $x', { city: 'Seoul', '@n': 2, x: null }).result.rows).toEqual([
      ['Seoul', 2, null],
    ]);
  });

  it('prefers a prefixed key over the same name without one', () => {
    expect(core.exec('select :a', { a: 1, ':a': 2 }).result.rows).toEqual([[2]]);
  });

  it('binds named params to every statement with bindEach, and to the last one only without', () => {
    core.exec('CREATE TABLE p (day TEXT)');
    core.exec("INSERT INTO p VALUES ('2024-04-15'), ('2024-04-16')");
    const sql = 'DELETE FROM p WHERE day = :ds; INSERT INTO p VALUES (:ds); SELECT count(*) FROM p WHERE day = :ds';
    core.exec(sql, { ds: '2024-04-16' }, { bindEach: true });
    expect(core.exec("SELECT day FROM p ORDER BY day").result.rows).toEqual([['2024-04-15'], ['2024-04-16']]);
    core.exec(sql, { ds: '2024-04-16' });
    // Without bindEach the DELETE matched day = NULL and the INSERT wrote NULL.
    expect(core.exec("SELECT count(*) FROM p").result.rows).toEqual([[3]]);
  });

  it("reports too many params with SQLite's message and the statement index", () => {
    const error = failure(() => core.exec('select 1; select ?', [1, 2]));
    expect(error.message).toBe('column index out of range');
    expect(error.statement).toBe(2);
  });

  it('binds a bigint as text, which an INTEGER column turns back into an exact integer', () => {
    expect(core.exec('select typeof(?)', [2n ** 62n]).result.rows).toEqual([['text']]);
    core.exec('create table t(a integer)');
    core.exec('insert into t values (?)', [2n ** 62n + 1n]);
    const out = core.exec('select a from t');
    expect(out.result.rows).toEqual([[2n ** 62n + 1n]]);
    expect(out.result.kinds).toEqual(['i']);
  });
});
