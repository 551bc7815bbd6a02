import { beforeEach, describe, expect, it } from 'vitest';
import { SqlCore } from './core';
import { quoteIdentifier, tableNames } from './lineage';
import { createInProcessWorkerEngine } from './node-engine';
import { loadSqlJsInNode } from './sql-js-node';
import { SqlError, type TableAccess } from './types';

let core: SqlCore;
beforeEach(async () => {
  core = new SqlCore(await loadSqlJsInNode());
  core.exec(`
    create table trips(id integer primary key, rider_id integer, city text, fare real);
    create table riders(id integer primary key, name text);
    create index trips_city on trips(city);
    insert into riders values (1, 'Ana'), (2, 'Bo');
    insert into trips values (10, 1, 'Seoul', 12.5), (11, 2, 'Busan', -3);
  `);
});

/** The exec's totals; the per-statement record is tested on its own below. */
function tables(sql: string): TableAccess {
  const { read, written } = core.exec(sql).tables;
  return { read, written };
}

function statements(sql: string) {
  return core.exec(sql).tables.statements;
}

function failure(sql: string): SqlError {
  try {
    core.exec(sql);
  } catch (error) {
    expect(error).toBeInstanceOf(SqlError);
    return error as SqlError;
  }
  throw new Error('expected an SqlError');
}

describe('exec reports the tables it read and wrote', () => {
  it('a select with a join reads both tables and writes none', () => {
    expect(tables('select * from trips t join riders r on r.id = t.rider_id')).toEqual({
      read: ['riders', 'trips'],
      written: [],
    });
  });

  it('a query answered from an index alone reads the index’s table', () => {
    expect(tables("select city from trips where city = 'Seoul'")).toEqual({ read: ['trips'], written: [] });
  });

  it('a query over no table reads nothing', () => {
    expect(tables('select 1 + 1')).toEqual({ read: [], written: [] });
  });

  it('insert … select writes the target and reads the source', () => {
    core.exec('create table cities(name text)');
    expect(tables('insert into cities select distinct city from trips')).toEqual({ read: ['trips'], written: ['cities'] });
  });

  it('insert … values writes only the target', () => {
    expect(tables("insert into riders(name) values ('Cy')")).toEqual({ read: [], written: ['riders'] });
  });

  it('an update with a subquery writes its table and reads the subquery’s table', () => {
    expect(tables('update trips set fare = 0 where rider_id in (select id from riders where name = ?)')).toEqual({
      read: ['riders', 'trips'],
      written: ['trips'],
    });
  });

  it('a delete with a where clause writes its table', () => {
    expect(tables('delete from trips where fare < 0').written).toEqual(['trips']);
  });

  it('a delete of every row (SQLite clears the table) writes it', () => {
    expect(tables('delete from riders')).toEqual({ read: [], written: ['riders'] });
  });

  it('create table as writes the new table and reads its sources', () => {
    expect(
      tables('create table trips_by_rider as select r.name, count(*) n from trips t join riders r on r.id = t.rider_id group by 1'),
    ).toEqual({ read: ['riders', 'trips'], written: ['trips_by_rider'] });
  });

  it('create table writes the new table', () => {
    expect(tables('create table events(at text, kind text)')).toEqual({ read: [], written: ['events'] });
  });

  it('drop table writes the dropped table', () => {
    expect(tables('drop table riders')).toEqual({ read: [], written: ['riders'] });
  });

  it('alter table writes the table; a rename writes the old and the new name', () => {
    expect(tables('alter table riders add column city text').written).toEqual(['riders']);
    expect(tables('alter table riders rename to customers').written).toEqual(['customers', 'riders']);
  });

  it('create view writes the view and reads its base tables; selecting from it reads the base tables', () => {
    expect(tables('create view seoul_trips as select * from trips where city = "Seoul"')).toEqual({
      read: ['trips'],
      written: ['seoul_trips'],
    });
    expect(tables('select count(*) from seoul_trips')).toEqual({ read: ['trips'], written: [] });
    expect(tables('drop view seoul_trips')).toEqual({ read: [], written: ['seoul_trips'] });
  });

  it('create index reads its table and writes nothing (no row changes)', () => {
    expect(tables('create index trips_fare on trips(fare)')).toEqual({ read: ['trips'], written: [] });
    expect(tables('drop index trips_fare')).toEqual({ read: [], written: [] });
  });

  it('a CTE reports the tables it reads, not its own name', () => {
    expect(
      tables('with paid as (select * from trips where fare > 0) select name, count(*) from paid join riders on riders.id = paid.rider_id group by 1'),
    ).toEqual({ read: ['riders', 'trips'], written: [] });
  });

  it('writes done by a trigger count as the statement’s', () => {
    core.exec(`create table audit(id); create trigger t_audit after insert on riders begin insert into audit values (new.id); end`);
    expect(tables("insert into riders(name) values ('Di')")).toEqual({ read: [], written: ['audit', 'riders'] });
  });

  it('adds up every statement of a cell', () => {
    expect(
      tables(`drop table if exists clean_trips;
              create table clean_trips as select * from trips where fare > 0;
              select count(*) from clean_trips`),
    ).toEqual({ read: ['clean_trips', 'trips'], written: ['clean_trips'] });
  });

  it('sees a table that a cell creates and drops again', () => {
    expect(tables('create table scratch as select id from riders; drop table scratch')).toEqual({
      read: ['riders'],
      written: ['scratch'],
    });
  });

  it('names tables with spaces and quotes as SQLite stores them', () => {
    core.exec(`create table "trip ""raw"" data"(a); create table [Odd Name](b)`);
    expect(tables(`insert into "trip ""raw"" data" select b from "odd name"`)).toEqual({
      read: ['Odd Name'],
      written: ['trip "raw" data'],
    });
  });

  it('maps a WITHOUT ROWID table by its primary key b-tree', () => {
    core.exec('create table daily(day text primary key, n integer) without rowid');
    expect(tables("insert into daily values ('2026-03-01', 1) on conflict(day) do update set n = n + 1")).toEqual({
      read: [],
      written: ['daily'],
    });
    expect(tables("select n from daily where day = '2026-03-01'")).toEqual({ read: ['daily'], written: [] });
  });

  it('reports a TEMP table as temp.<name>', () => {
    expect(tables('create temp table scratch as select * from trips')).toEqual({ read: ['trips'], written: ['temp.scratch'] });
    expect(tables('select * from scratch')).toEqual({ read: ['temp.scratch'], written: [] });
  });

  it('never reports SQLite’s own tables', () => {
    core.exec('create table seq(id integer primary key autoincrement, v)');
    expect(tables('select * from sqlite_schema')).toEqual({ read: [], written: [] });
    expect(tables('insert into seq(v) values (1)')).toEqual({ read: [], written: ['seq'] });
    expect(tables('analyze')).toEqual({ read: expect.any(Array), written: [] });
  });

  it('reports nothing for statements that touch no table', () => {
    expect(tables('begin; commit; pragma user_version = 3; explain select * from trips')).toEqual({ read: [], written: [] });
  });

  it('does not change what exec returns otherwise', () => {
    const out = core.exec('update trips set fare = fare + 1');
    expect(out.changes).toBe(2);
    expect(out.result.columns).toEqual([]);
  });
});

describe('a failing exec carries the tables of the statements that ran', () => {
  it('keeps what the statements before the failing one did', () => {
    const error = failure("insert into riders(name) values ('Ed'); select * from trips; select * from nope");
    expect(error.statement).toBe(3);
    expect(error.tables).toMatchObject({ read: ['trips'], written: ['riders'] });
  });

  it('does not count the writes of a failing statement SQLite rolled back', () => {
    const error = failure('select * from riders; insert into riders values (1, "dup")');
    expect(error.tables).toMatchObject({ read: ['riders'], written: [] });
  });

  it('counts the writes a failing statement left behind (OR FAIL keeps earlier rows)', () => {
    const error = failure(`insert or fail into riders values (3, 'Fa'), (1, 'dup')`);
    expect(error.tables).toMatchObject({ read: [], written: ['riders'] });
  });

  it('reports nothing for a statement that does not compile', () => {
    expect(failure('selec 1').tables).toMatchObject({ read: [], written: [] });
  });

  it('starts afresh on the next exec', () => {
    failure('delete from riders; select * from nope');
    expect(tables('select * from trips')).toEqual({ read: ['trips'], written: [] });
  });
});

describe('exec reports the tables each statement read and wrote', () => {
  it('keeps a multi-statement cell’s statements apart: a later read does not feed an earlier write', () => {
    expect(
      statements(`create table arrived as select * from trips where fare > 0;
        create table metrics as select city, count(*) n from arrived group by city;
        delete from arrived where city in (select city from metrics where n > 5);
        select * from riders;`),
    ).toEqual([
      { statement: 1, read: ['trips'], written: ['arrived'] },
      { statement: 2, read: ['arrived'], written: ['metrics'] },
      { statement: 3, read: ['arrived', 'metrics'], written: ['arrived'] },
      { statement: 4, read: ['riders'], written: [] },
    ]);
  });

  it('insert … select and update with a subquery', () => {
    core.exec('create table copy(id, city)');
    expect(statements('insert into copy select id, city from trips; update riders set name = upper(name) where id in (select id from copy)')).toEqual([
      { statement: 1, read: ['trips'], written: ['copy'] },
      { statement: 2, read: ['copy', 'riders'], written: ['riders'] },
    ]);
  });

  it('a view’s creation reads its base tables; a trigger’s writes are its statement’s', () => {
    core.exec('create table audit(n)');
    expect(
      statements(`create view seoul as select * from trips where city = 'Seoul';
        create trigger log after insert on riders begin insert into audit values (new.id); end;
        insert into riders(name) values ('Cy');`),
    ).toEqual([
      { statement: 1, read: ['trips'], written: ['seoul'] },
      { statement: 3, read: [], written: ['audit', 'riders'] },
    ]);
  });

  it('a failing exec carries the statements before the failure', () => {
    expect(failure('delete from riders; select * from nope').tables?.statements).toEqual([{ statement: 1, read: [], written: ['riders'] }]);
  });
});

describe('tableNames', () => {
  it('keeps one spelling per name ignoring case and sorts them', () => {
    expect(tableNames(['b', 'A', 'a', 'temp.x', 'C'])).toEqual(['A', 'b', 'C', 'temp.x']);
  });
});

describe('quoteIdentifier', () => {
  it('doubles embedded quotes', () => {
    expect(quoteIdentifier('a "b" c')).toBe('"a ""b"" c"');
  });
});

describe('lineage over the worker client', () => {
  it('arrives with the result', async () => {
    const engine = createInProcessWorkerEngine();
    const out = await engine.exec('create table a(x); create table b as select * from a');
    expect(out.tables).toMatchObject({ read: ['a'], written: ['a', 'b'] });
    expect(out.tables.statements).toEqual([
      { statement: 1, read: [], written: ['a'] },
      { statement: 2, read: ['a'], written: ['b'] },
    ]);
    engine.close();
  });
});
