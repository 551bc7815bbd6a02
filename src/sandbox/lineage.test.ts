import { beforeEach, describe, expect, it } from 'vitest';
import { createNodeEngine } from '../sql/node-engine';
import type { SqlEngine } from '../sql/types';
import { explainTables, isSingleStatement, readSchema, schemaChanges } from './lineage';

describe('isSingleStatement', () => {
  it.each([
    ['SELECT 1', true],
    ['SELECT 1;', true],
    ['SELECT 1; -- done', true],
    ["SELECT 'a;b'", true],
    ['SELECT "x;" FROM [y;]', true],
    ['SELECT 1; SELECT 2', false],
    ['', false],
    ['CREATE TRIGGER t AFTER INSERT ON a BEGIN SELECT 1; END', false],
  ])('%j -> %s', (sql, single) => {
    expect(isSingleStatement(sql)).toBe(single);
  });
});

describe('tables a statement reads and writes, per SQLite', () => {
  let engine: SqlEngine;
  beforeEach(async () => {
    engine = await createNodeEngine();
    await engine.exec('CREATE TABLE trips(id INTEGER PRIMARY KEY, city TEXT); CREATE INDEX trips_city ON trips(city); CREATE TABLE cities(name TEXT); CREATE VIEW v AS SELECT * FROM cities');
  });

  async function explain(sql: string) {
    const schema = await readSchema(engine);
    return explainTables(engine, sql, schema!);
  }

  it.each([
    ['SELECT * FROM trips', ['trips'], []],
    ["SELECT id FROM trips WHERE city = 'Seoul'", ['trips'], []],
    ['SELECT * FROM v', ['cities'], []],
    ['INSERT INTO cities SELECT DISTINCT city FROM trips', ['trips'], ['cities']],
    ['DELETE FROM cities', [], ['cities']],
    ['CREATE TABLE big AS SELECT * FROM trips JOIN cities ON city = name', ['cities', 'trips'], []],
  ])('%s', async (sql, read, written) => {
    const touched = await explain(sql);
    expect(touched?.read.sort()).toEqual(read);
    expect(touched?.written.sort()).toEqual(written);
  });

  it('does not explain several statements', async () => {
    expect(await explain('SELECT 1; DELETE FROM trips')).toBeNull();
    expect((await engine.exec('SELECT count(*) FROM sqlite_schema')).result.rows).toEqual([[4]]);
  });

  it('sees tables created, dropped and altered in the schema', async () => {
    const before = (await readSchema(engine))!;
    await engine.exec('CREATE TABLE n(a); DROP TABLE cities; ALTER TABLE trips ADD COLUMN fare REAL');
    expect(schemaChanges(before, (await readSchema(engine))!).sort()).toEqual(['cities', 'n', 'trips']);
  });
});
