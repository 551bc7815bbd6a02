import { describe, expect, it } from 'vitest';
import type { SchemaInfo, SchemaTable } from '../../sql/schema';
import { closestName, locateSqlError, suggestName } from './sql-error-location';

function table(name: string, columns: string[]): SchemaTable {
  return { schema: 'main', name, id: name, kind: 'table', rowCount: 0, columns: columns.map((c) => ({ name: c, type: '', notNull: false, pk: 0 })) };
}
const SCHEMA: SchemaInfo = {
  tables: [table('trips', ['trip_id', 'city', 'fare']), table('riders', ['rider_id', 'name', 'city']), table('trips_rejects', ['line_no', 'reason'])],
};

describe('locateSqlError', () => {
  it('marks the token of a syntax error in the statement that failed, on its line of the cell', () => {
    const source = 'SELECT 1;\n-- a comment; with a semicolon\nSELECT city,\n  count(*\nFROM trips;';
    expect(locateSqlError(source, 'near "FROM": syntax error', 2)).toEqual({ line: 5, startColumn: 1, endColumn: 5, token: 'FROM' });
  });

  it('finds a punctuation token', () => {
    expect(locateSqlError('SELECT (1 + );', 'near ")": syntax error', 1)).toEqual({ line: 1, startColumn: 13, endColumn: 14, token: ')' });
  });

  it('marks a missing column, qualified or not, and ignores the same word in a string', () => {
    const source = "SELECT 'cty' AS label,\n       t.cty\nFROM trips t;";
    expect(locateSqlError(source, 'no such column: t.cty', 1)).toEqual({ line: 2, startColumn: 10, endColumn: 13, token: 't.cty' });
  });

  it('marks a missing table in the second statement', () => {
    expect(locateSqlError('SELECT 1;\nSELECT * FROM trip;', 'no such table: trip', 2)).toMatchObject({ line: 2, startColumn: 15, endColumn: 19 });
  });

  it('marks the last token of an incomplete statement, and the first token of any other error', () => {
    expect(locateSqlError('SELECT (1', 'incomplete input', 1)).toMatchObject({ line: 1, startColumn: 9, endColumn: 10 });
    expect(locateSqlError('  INSERT INTO t VALUES (1)', 'UNIQUE constraint failed: t.id', 1)).toEqual({ line: 1, startColumn: 3, endColumn: 9 });
  });

  it('finds nothing for a statement that is not there', () => {
    expect(locateSqlError('SELECT 1;', 'near "x": syntax error', 3)).toBeUndefined();
  });
});

describe('did you mean', () => {
  it('suggests the table a typo away, from the live schema', () => {
    expect(suggestName('SELECT * FROM trip', 'no such table: trip', SCHEMA)).toBe('trips');
    expect(suggestName('SELECT * FROM ridrs', 'no such table: main.ridrs', SCHEMA)).toBe('riders');
  });

  it('suggests a column of a table the statement names first', () => {
    expect(suggestName('SELECT cty FROM trips', 'no such column: cty', SCHEMA)).toBe('city');
    expect(suggestName('SELECT reasn FROM trips_rejects', 'no such column: reasn', SCHEMA)).toBe('reason');
  });

  it('says nothing when no name is close, or for another error', () => {
    expect(suggestName('SELECT * FROM payments', 'no such table: payments', SCHEMA)).toBeUndefined();
    expect(suggestName('SELECT 1 +', 'incomplete input', SCHEMA)).toBeUndefined();
    expect(closestName('city', ['city'])).toBeUndefined();
  });
});
