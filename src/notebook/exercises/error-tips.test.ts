import { beforeAll, describe, expect, it } from 'vitest';
import { createNodeEngine } from '../../sql/node-engine';
import type { SqlEngine } from '../../sql/types';
import { errorTip, renderErrorTip } from './error-tips';

/** SQLite's own message for `sql`, so the patterns are tested against what sql.js really says. */
async function messageOf(engine: SqlEngine, sql: string): Promise<string> {
  try {
    await engine.exec(sql);
  } catch (error) {
    return (error as Error).message;
  }
  throw new Error(`expected an error from: ${sql}`);
}

const UPSERT = 'INSERT INTO t SELECT k, v FROM src ON CONFLICT (k) DO UPDATE SET v = excluded.v;';

describe('errorTip', () => {
  let engine: SqlEngine;
  beforeAll(async () => {
    engine = await createNodeEngine();
    await engine.exec(`
      CREATE TABLE t (k INTEGER PRIMARY KEY, v TEXT);
      CREATE TABLE src (k INTEGER, v TEXT);
      CREATE TABLE "my t" (x);
      CREATE VIEW vw AS SELECT 1;
      CREATE INDEX ix ON t (v);
      CREATE TRIGGER tr AFTER INSERT ON t BEGIN SELECT 1; END;
    `);
  });

  it('tells how to make a CREATE rerunnable, with the kind and name SQLite reports', async () => {
    const cases: Array<[string, string]> = [
      ['CREATE TABLE t AS SELECT 1;', 'DROP TABLE IF EXISTS t;'],
      ['CREATE TABLE "my t" (x);', 'DROP TABLE IF EXISTS "my t";'],
      ['CREATE VIEW vw AS SELECT 2;', 'DROP VIEW IF EXISTS vw;'],
      ['CREATE INDEX ix ON t (v);', 'DROP INDEX IF EXISTS ix;'],
      ['CREATE TRIGGER tr AFTER INSERT ON t BEGIN SELECT 1; END;', 'DROP TRIGGER IF EXISTS tr;'],
      // The kind is the existing object's: a table named like a view is blocked by the view.
      ['CREATE TABLE vw (x);', 'DROP VIEW IF EXISTS vw;'],
    ];
    for (const [sql, drop] of cases) {
      const message = await messageOf(engine, sql);
      const tip = errorTip(message, sql);
      expect(tip, message).toBeDefined();
      expect(renderErrorTip(tip!)).toBe(
        `It is there from an earlier run of this cell or another: start your code with ${drop} so the cell can run again.`,
      );
    }
  });

  it('recognises the message inside a JS error, and without the code', async () => {
    const message = await messageOf(engine, 'CREATE TABLE t (x);');
    expect(errorTip(`line 3: ${message}`)).toEqual({ code: 'already-exists', kind: 'table', name: 't' });
    // load() says it in its own words, with its own way out (mode "replace").
    expect(errorTip('load("t"): Cannot create table "t": it already exists. Use mode "replace" to overwrite it.')).toBeUndefined();
  });

  it('explains the ON of an upsert after INSERT … SELECT, in any letter case', async () => {
    for (const sql of [UPSERT, UPSERT.toLowerCase(), 'INSERT INTO t SELECT k, v FROM src ON CONFLICT DO NOTHING;']) {
      const message = await messageOf(engine, sql);
      expect(message).toMatch(/^near "do": syntax error$/i);
      const tip = errorTip(message, sql);
      expect(tip).toEqual({ code: 'upsert-after-select' });
      expect(renderErrorTip(tip!)).toBe(
        "SQLite reads the ON after a SELECT's FROM as the start of a join: put WHERE true (or your WHERE clause) before ON CONFLICT.",
      );
    }
    // The fix works, so the tip is right.
    await engine.exec('INSERT INTO t SELECT k, v FROM src WHERE true ON CONFLICT (k) DO UPDATE SET v = excluded.v;');
  });

  it('finds the upsert in a JS cell’s sql() call', async () => {
    const js = `await sql(\`\n  ${UPSERT}\n\`);`;
    expect(errorTip(`line 1: ${await messageOf(engine, UPSERT)}`, js)).toEqual({ code: 'upsert-after-select' });
  });

  it('gives no upsert tip without the code, or when the code has no INSERT … SELECT … ON CONFLICT', async () => {
    const message = await messageOf(engine, UPSERT);
    expect(errorTip(message)).toBeUndefined();
    expect(errorTip(message, "INSERT INTO t VALUES (1, 'a') ON CONFLICT DO UPDATE SET v = 'b' DO")).toBeUndefined();
    expect(errorTip(await messageOf(engine, 'SELECT FROM t;'), 'SELECT FROM t;')).toBeUndefined();
  });
});
