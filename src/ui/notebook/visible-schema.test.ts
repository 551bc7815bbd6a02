import { describe, expect, it } from 'vitest';
import type { SchemaTable } from '../../sql/schema';
import { visibleSchema } from './visible-schema';

const table = (name: string): SchemaTable => ({ schema: 'main', name, id: name, kind: 'table', columns: [], rowCount: 0 });

describe('visibleSchema', () => {
  it('leaves out the tables of hidden datasets, such as an answer key, and keeps the rest', () => {
    const schema = { tables: [table('trips'), table('answers_ticket_trips'), table('answers_ticket_trips_rejects'), table('mine')] };
    const datasetTables = [
      { name: 'trips', tables: ['trips'] },
      { name: 'ticket_trips', tables: ['answers_ticket_trips', 'answers_ticket_trips_rejects'] },
    ];
    expect(visibleSchema({ schema, datasetTables }).tables.map((t) => t.name)).toEqual(['trips', 'mine']);
  });

  it('is empty before the schema has been read', () => {
    expect(visibleSchema({ schema: undefined, datasetTables: [] })).toEqual({ tables: [] });
  });
});
