import { describe, expect, it } from 'vitest';
import type { SchemaInfo, SchemaTable } from '../../sql/schema';
import { sqlCompletions, sqlName, type SqlCompletion } from './sql-completion';
import { tokenize } from './sql-tokens';

const table = (name: string, columns: string[], extra: Partial<SchemaTable> = {}): SchemaTable => ({
  schema: 'main',
  name,
  id: name,
  kind: 'table',
  rowCount: 10,
  columns: columns.map((c) => {
    const [colName, type = ''] = c.split(':');
    return { name: colName, type, notNull: false, pk: 0 };
  }),
  ...extra,
});

const schema: SchemaInfo = {
  tables: [
    table('riders', ['id:INTEGER', 'name:TEXT', 'city:TEXT']),
    table('trips', ['id:INTEGER', 'rider_id:INTEGER', 'fare:REAL', 'status:TEXT']),
    table('trip log', ['at', 'select']),
    table('seoul_trips', ['id', 'fare'], { kind: 'view', rowCount: null }),
    table('scratch', ['x'], { schema: 'temp', id: 'temp.scratch' }),
  ],
};

/** Completes at the `|` in `text`. */
function complete(textWithCursor: string, trigger?: string) {
  const offset = textWithCursor.indexOf('|');
  const text = textWithCursor.replace('|', '');
  return sqlCompletions({ text, offset, schema, trigger });
}

const labels = (items: SqlCompletion[], kind?: SqlCompletion['kind']) =>
  items.filter((i) => !kind || i.kind === kind).map((i) => i.label);

/** Labels in the order an editor would list them. */
const ranked = (items: SqlCompletion[]) => [...items].sort((a, b) => (a.sortText < b.sortText ? -1 : 1)).map((i) => i.label);

describe('completion after alias.', () => {
  it('offers only the aliased table’s columns, in table order', () => {
    const { items, from } = complete('SELECT t.| FROM trips t');
    expect(labels(items)).toEqual(['id', 'rider_id', 'fare', 'status']);
    expect(from).toBe('SELECT t.'.length);
  });

  it('resolves AS aliases and JOINs, and keeps the word being typed in the range', () => {
    const { items, from } = complete('SELECT r.na| FROM trips AS t JOIN riders AS r ON r.id = t.rider_id');
    expect(labels(items)).toEqual(['id', 'name', 'city']);
    expect(from).toBe('SELECT r.'.length);
  });

  it('resolves comma-separated tables in FROM', () => {
    expect(labels(complete('SELECT x.| FROM trips t, riders x WHERE x.id = t.rider_id').items)).toEqual(['id', 'name', 'city']);
  });

  it('accepts a table name as its own qualifier, ignoring case', () => {
    expect(labels(complete('SELECT TRIPS.| FROM trips').items)).toEqual(['id', 'rider_id', 'fare', 'status']);
  });

  it('takes aliases from the statement the cursor is in, not from its neighbours', () => {
    const text = 'SELECT * FROM riders t;\nSELECT t.| FROM trips t;\nSELECT * FROM riders t';
    expect(labels(complete(text).items)).toEqual(['id', 'rider_id', 'fare', 'status']);
  });

  it('quotes odd column names and quoted table names', () => {
    const items = complete('SELECT l.| FROM "trip log" l').items;
    expect(items.map((i) => i.insertText)).toEqual(['at', '"select"']);
  });

  it('offers the columns a CTE names', () => {
    expect(labels(complete('WITH c(day, n) AS (SELECT 1, 2) SELECT c.| FROM c').items)).toEqual(['day', 'n']);
  });

  it('offers the tables of a schema after main. or temp.', () => {
    expect(labels(complete('SELECT * FROM temp.|').items)).toEqual(['scratch']);
    expect(labels(complete('SELECT temp.scratch.| FROM temp.scratch').items)).toEqual(['x']);
  });

  it('offers nothing for an unknown qualifier', () => {
    expect(complete('SELECT zz.| FROM trips').items).toEqual([]);
  });
});

describe('completion where a table name goes', () => {
  it.each([
    ['SELECT * FROM |'],
    ['SELECT * FROM trips JOIN |'],
    ['INSERT INTO |'],
    ['UPDATE |'],
    ['DROP TABLE IF EXISTS |'],
    ['SELECT * FROM trips, |'],
  ])('%s offers tables and views only', (text) => {
    const { items } = complete(text, ' ');
    expect(labels(items)).toEqual(['riders', 'trips', 'trip log', 'seoul_trips', 'scratch']);
    expect(items.find((i) => i.label === 'seoul_trips')!.kind).toBe('view');
    expect(items.find((i) => i.label === 'trip log')!.insertText).toBe('"trip log"');
  });

  it('offers the CTEs of the statement as tables', () => {
    expect(labels(complete('WITH paid AS (SELECT * FROM trips) SELECT * FROM |').items)).toContain('paid');
  });

  it('offers nothing where a new name is being made', () => {
    expect(complete('CREATE TABLE |', ' ').items).toEqual([]);
    expect(complete('CREATE VIEW IF NOT EXISTS |', ' ').items).toEqual([]);
    expect(complete('SELECT count(*) AS |').items).toEqual([]);
  });
});

describe('completion anywhere else', () => {
  it('ranks the columns of the tables in the statement first, then tables, functions and keywords', () => {
    const items = complete('SELECT | FROM trips').items;
    const order = ranked(items);
    expect(order.slice(0, 4)).toEqual(['fare', 'id', 'rider_id', 'status']);
    expect(order.indexOf('riders')).toBeLessThan(order.indexOf('count'));
    expect(order.indexOf('count')).toBeLessThan(order.indexOf('SELECT'));
    expect(order.indexOf('SELECT')).toBeLessThan(order.indexOf('name'));
  });

  it('names the tables a shared column comes from', () => {
    const id = complete('SELECT | FROM trips t JOIN riders r ON r.id = t.rider_id').items.find((i) => i.label === 'id');
    expect(id?.detail).toBe('trips, riders');
  });

  it('offers SQLite functions as snippets and SQLite keywords', () => {
    const items = complete('SELECT str|').items;
    expect(items.find((i) => i.label === 'strftime')).toMatchObject({ kind: 'function', insertText: 'strftime($0)', snippet: true });
    expect(labels(items, 'keyword')).toEqual(expect.arrayContaining(['SELECT', 'GROUP', 'RETURNING', 'WINDOW', 'INTEGER']));
    expect(labels(items, 'function')).toEqual(expect.arrayContaining(['json_extract', 'row_number', 'count', 'unixepoch']));
  });

  it('does not pop up on a space outside a table position', () => {
    expect(complete('SELECT |', ' ').items).toEqual([]);
  });

  it('offers nothing inside a string or a comment', () => {
    expect(complete("SELECT 'Seo|'").items).toEqual([]);
    expect(complete('SELECT 1 -- fro|').items).toEqual([]);
    expect(complete('SELECT 1 -- fro|\nFROM trips').items).toEqual([]);
    expect(complete('SELECT 1 /* FROM | */').items).toEqual([]);
  });

  it('completes a quoted name being typed from its opening quote', () => {
    const { from, items } = complete('SELECT * FROM "trip l|');
    expect(from).toBe('SELECT * FROM '.length);
    expect(labels(items)).toContain('trip log');
  });
});

describe('sqlName', () => {
  it.each([
    ['trips', 'trips'],
    ['trip log', '"trip log"'],
    ['select', '"select"'],
    ['a"b', '"a""b"'],
    ['2nd', '"2nd"'],
  ])('%s → %s', (name, written) => {
    expect(sqlName(name)).toBe(written);
  });
});

describe('tokenize', () => {
  it('reads strings, quoted names, comments, parameters and punctuation', () => {
    const tokens = tokenize(`select 'it''s', "a ""b""", [c d], \`e\`, :p, ?1 -- x\n/* y */ from t;`);
    expect(tokens.map((t) => [t.kind, t.value])).toEqual([
      ['word', 'select'],
      ['string', "it's"],
      ['punct', ','],
      ['quoted', 'a "b"'],
      ['punct', ','],
      ['quoted', 'c d'],
      ['punct', ','],
      ['quoted', 'e'],
      ['punct', ','],
      ['param', ':p'],
      ['punct', ','],
      ['param', '?1'],
      ['comment', '-- x'],
      ['comment', '/* y */'],
      ['word', 'from'],
      ['word', 't'],
      ['punct', ';'],
    ]);
  });

  it('marks an unclosed string as open', () => {
    expect(tokenize("select 'abc")[1]).toMatchObject({ kind: 'string', open: true, value: 'abc' });
  });
});
