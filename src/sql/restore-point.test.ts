import { beforeEach, describe, expect, it } from 'vitest';
import type { SqlJsStatic } from 'sql.js';
import { SqlCore } from './core';
import { loadSqlJsInNode } from './sql-js-node';
import { SqlError } from './types';

let sqlJs: SqlJsStatic;
let core: SqlCore;
beforeEach(async () => {
  sqlJs = await loadSqlJsInNode();
  core = new SqlCore(sqlJs);
});

describe('snapshot and restore', () => {
  it('round-trips tables, rows and storage classes', () => {
    core.exec("create table t(v); insert into t values (1), (1.0), ('1'), (x'01'), (null), (9007199254740993)");
    const bytes = core.snapshot();
    core.reset();
    expect(core.exec('select count(*) from sqlite_schema').result.rows).toEqual([[0]]);
    core.restore(bytes);
    const out = core.exec('select v from t order by rowid');
    expect(out.result.rows).toEqual([[1], [1], ['1'], [new Uint8Array([1])], [null], [9007199254740993n]]);
    expect(out.result.kinds).toEqual(['i', 'r', 't', 'b', 'n', 'i']);
  });

  it('refuses bytes that are not a database and keeps the current one', () => {
    core.exec("create table t(a); insert into t values ('still here')");
    expect(() => core.restore(new TextEncoder().encode('definitely not sqlite, but long enough to look at'))).toThrow(
      SqlError,
    );
    expect(core.exec('select a from t').result.rows).toEqual([['still here']]);
  });

  it('opens a restore point as a clean core holding its data', () => {
    core.exec('create table t(a); insert into t values (42)');
    const bytes = core.takeRestorePoint();
    expect(bytes).not.toBeNull();
    const reopened = new SqlCore(sqlJs, bytes as Uint8Array);
    expect(reopened.takeRestorePoint()).toBeNull();
    expect(reopened.exec('select a from t').result.rows).toEqual([[42]]);
  });
});

describe('restore points are taken only when the database may have changed', () => {
  it('has none to take for a new empty database', () => {
    expect(core.takeRestorePoint()).toBeNull();
  });

  it('takes none after read-only queries', () => {
    core.exec('create table t(a); insert into t values (1)');
    core.takeRestorePoint();
    core.exec('select * from t; select count(*) from t; pragma table_info(t)');
    expect(core.takeRestorePoint()).toBeNull();
  });

  it.each([
    ['DDL', 'create table u(b)'],
    ['DML', 'insert into t values (2)'],
    ['a DELETE of every row', 'delete from t'],
    ['CREATE TABLE AS (no change count, new schema)', 'create table u as select * from t'],
    ['a header pragma', 'pragma user_version = 3'],
  ])('takes one after %s, then none until the next change', (_label, sql) => {
    core.exec('create table t(a); insert into t values (1)');
    core.takeRestorePoint();
    core.exec(sql);
    const bytes = core.takeRestorePoint();
    expect(bytes).toBeInstanceOf(Uint8Array);
    expect(core.takeRestorePoint()).toBeNull();
    // The restore point is the database as it was when taken.
    const copy = new SqlCore(sqlJs, bytes as Uint8Array);
    expect(copy.exec('select count(*) from sqlite_schema').result.rows).toEqual(
      core.exec('select count(*) from sqlite_schema').result.rows,
    );
  });

  it('takes one after a failing exec whose earlier statements changed data', () => {
    expect(() => core.exec('create table t(a); select * from nope')).toThrow(SqlError);
    expect(core.takeRestorePoint()).not.toBeNull();
  });

  it.each([
    ['insert', (c: SqlCore) => void c.insert({ table: 't', columns: [{ name: 'a', type: '' }], rows: [[1]], mode: 'create' })],
    ['reset', (c: SqlCore) => c.reset()],
    ['restore', (c: SqlCore) => c.restore(c.snapshot())],
  ])('takes one after %s', (_label, change) => {
    change(core);
    expect(core.takeRestorePoint()).not.toBeNull();
  });

  it('does not count an explicit snapshot as a restore point', () => {
    core.exec('create table t(a)');
    core.snapshot();
    expect(core.takeRestorePoint()).not.toBeNull();
  });

  it('takes none while a write transaction is open, and one once it is committed', () => {
    core.exec('create table t(a)');
    core.takeRestorePoint();
    core.exec('begin; insert into t values (1)');
    expect(core.takeRestorePoint()).toBeNull();
    core.exec('commit');
    const bytes = core.takeRestorePoint();
    expect(new SqlCore(sqlJs, bytes as Uint8Array).exec('select a from t').result.rows).toEqual([[1]]);
  });

  it('skips the export of a database larger than the limit, and stays dirty', () => {
    core.exec('create table t(a); insert into t values (1)');
    expect(core.takeRestorePoint(1024)).toBe('too-large');
    expect(core.takeRestorePoint()).toBeInstanceOf(Uint8Array);
  });

  it('counts the database as it is as restored after markClean', () => {
    core.exec('create table t(a)');
    core.markClean();
    expect(core.takeRestorePoint()).toBeNull();
  });
});
