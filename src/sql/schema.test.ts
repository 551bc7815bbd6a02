import { beforeEach, describe, expect, it } from 'vitest';
import { createInProcessWorkerEngine, createNodeEngine } from './node-engine';
import { findTable, previewSql, readSchema, type SchemaInfo } from './schema';
import type { SqlEngine } from './types';

let engine: SqlEngine;
beforeEach(async () => {
  engine = await createNodeEngine();
});

describe('readSchema', () => {
  it('is empty for an empty database', async () => {
    expect(await readSchema(engine)).toEqual({ tables: [] });
  });

  it('lists tables with their columns, declared types, keys and row counts', async () => {
    await engine.exec(`
      create table trips(id integer primary key, city text not null, fare real, note);
      insert into trips(city, fare) values ('Seoul', 1), ('Busan', 2), ('Seoul', 3);
    `);
    expect((await readSchema(engine)).tables).toEqual([
      {
        schema: 'main',
        name: 'trips',
        id: 'trips',
        kind: 'table',
        rowCount: 3,
        columns: [
          { name: 'id', type: 'INTEGER', notNull: false, pk: 1 },
          { name: 'city', type: 'TEXT', notNull: true, pk: 0 },
          { name: 'fare', type: 'REAL', notNull: false, pk: 0 },
          { name: 'note', type: '', notNull: false, pk: 0 },
        ],
      },
    ]);
  });

  it('numbers the columns of a composite primary key in key order', async () => {
    await engine.exec('create table visits(day text, rider integer, n integer, primary key (rider, day))');
    const [visits] = (await readSchema(engine)).tables;
    expect(visits.columns.map((c) => [c.name, c.pk])).toEqual([['day', 2], ['rider', 1], ['n', 0]]);
  });

  it('lists views with their columns and no row count', async () => {
    await engine.exec('create table t(a integer, b text); create view v as select a * 2 as doubled from t');
    const v = (await readSchema(engine)).tables.find((t) => t.name === 'v')!;
    expect(v).toMatchObject({ kind: 'view', rowCount: null, columns: [{ name: 'doubled', type: '', notNull: false, pk: 0 }] });
  });

  it('sorts by name ignoring case, main before temp, and leaves out SQLite’s own tables', async () => {
    await engine.exec(`create table b(x); create table "A"(x); create table c(id integer primary key autoincrement);
      insert into c default values; create temp table scratch(x); analyze`);
    const tables = (await readSchema(engine)).tables;
    expect(tables.map((t) => t.id)).toEqual(['A', 'b', 'c', 'temp.scratch']);
    expect(tables[3]).toMatchObject({ schema: 'temp', name: 'scratch', rowCount: 0 });
  });

  it('keeps odd names as SQLite stores them', async () => {
    await engine.exec(`create table "trip ""raw"" data"("the fare" real); insert into "trip ""raw"" data" values (1)`);
    expect((await readSchema(engine)).tables[0]).toMatchObject({
      name: 'trip "raw" data',
      rowCount: 1,
      columns: [{ name: 'the fare', type: 'REAL' }],
    });
  });

  it('still lists everything when a view no longer compiles, and says why', async () => {
    await engine.exec('create table t(a); create table u(b); create view v as select a from t; drop table t');
    const tables = (await readSchema(engine)).tables;
    expect(tables.map((t) => t.name)).toEqual(['u', 'v']);
    expect(tables[0].columns).toEqual([{ name: 'b', type: '', notNull: false, pk: 0 }]);
    expect(tables[1].columns).toEqual([]);
    expect(tables[1].error).toMatch(/no such table/);
  });

  it('counts the rows of many tables', async () => {
    const names = Array.from({ length: 250 }, (_, i) => `t${i}`);
    await engine.exec(names.map((n, i) => `create table ${n}(a); ${i % 2 ? `insert into ${n} values (1);` : ''}`).join('\n'));
    const tables = (await readSchema(engine)).tables;
    expect(tables).toHaveLength(250);
    expect(tables.find((t) => t.name === 't7')!.rowCount).toBe(1);
    expect(tables.find((t) => t.name === 't248')!.rowCount).toBe(0);
  });

  it('works over the worker client', async () => {
    const worker = createInProcessWorkerEngine();
    await worker.exec('create table t(a)');
    expect((await readSchema(worker)).tables.map((t) => t.name)).toEqual(['t']);
    worker.close();
  });
});

describe('previewSql', () => {
  it('quotes the schema and the name and limits the rows', async () => {
    expect(previewSql({ schema: 'main', name: 'a "b"' })).toBe('SELECT * FROM "main"."a ""b""" LIMIT 20');
    await engine.exec(`create table "a ""b"""(x); insert into "a ""b""" values (1), (2)`);
    expect((await engine.exec(previewSql({ schema: 'main', name: 'a "b"' }, 1))).result.rows).toEqual([[1]]);
  });
});

describe('findTable', () => {
  const schema: SchemaInfo = {
    tables: [
      { schema: 'main', name: 'Trips', id: 'Trips', kind: 'table', columns: [], rowCount: 0 },
      { schema: 'main', name: 'x', id: 'x', kind: 'table', columns: [], rowCount: 0 },
      { schema: 'temp', name: 'x', id: 'temp.x', kind: 'table', columns: [], rowCount: 0 },
    ],
  };

  it('ignores case', () => {
    expect(findTable(schema, 'trips')?.name).toBe('Trips');
  });

  it('resolves an unqualified name to temp first, as SQLite does', () => {
    expect(findTable(schema, 'x')?.schema).toBe('temp');
    expect(findTable(schema, 'main.x')?.schema).toBe('main');
    expect(findTable(schema, 'temp.X')?.schema).toBe('temp');
  });

  it('finds nothing for an unknown name', () => {
    expect(findTable(schema, 'nope')).toBeUndefined();
  });
});
