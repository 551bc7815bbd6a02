import { describe, expect, it } from 'vitest';
import { allStaleCells, layerByName, lineageGraph, staleCells, type CellLineage, type LineageGraph } from './lineage';

const ran = (ranAt: number, read: string[], written: string[] = [], sources?: string[]): CellLineage => ({
  ranAt,
  read,
  written,
  ...(sources ? { sources } : {}),
});

describe('staleCells', () => {
  const order = ['load', 'clean', 'mart', 'peek'];

  it('marks a cell below that read a table the cell that just ran rewrote', () => {
    const lineage = new Map([
      ['load', ran(3, [], ['raw_trips'])],
      ['clean', ran(2, ['raw_trips'], ['trips_clean'])],
    ]);
    expect(staleCells(order, lineage, 'load')).toEqual(['clean']);
  });

  it('follows the tables stale cells wrote, transitively, in notebook order', () => {
    const lineage = new Map([
      ['load', ran(5, [], ['raw_trips'])],
      ['clean', ran(2, ['raw_trips'], ['trips_clean'])],
      ['mart', ran(3, ['trips_clean'], ['daily'])],
      ['peek', ran(4, ['daily'])],
    ]);
    expect(staleCells(order, lineage, 'load')).toEqual(['clean', 'mart', 'peek']);
  });

  it('leaves alone cells that read other tables', () => {
    const lineage = new Map([
      ['load', ran(3, [], ['raw_trips'])],
      ['peek', ran(2, ['riders'])],
    ]);
    expect(staleCells(order, lineage, 'load')).toEqual([]);
  });

  it('leaves alone a cell that already ran after the writer', () => {
    const lineage = new Map([
      ['load', ran(2, [], ['raw_trips'])],
      ['clean', ran(3, ['raw_trips'], ['trips_clean'])],
    ]);
    expect(staleCells(order, lineage, 'load')).toEqual([]);
  });

  it('never marks cells above the one that ran, so two cells that rewrite a table do not chase each other', () => {
    const lineage = new Map([
      ['load', ran(1, ['trips'], ['trips'])],
      ['clean', ran(2, ['trips'], ['trips'])],
    ]);
    expect(staleCells(order, lineage, 'clean')).toEqual([]);
    expect(staleCells(order, lineage, 'load')).toEqual([]); // load ran first: clean saw its writes
    lineage.set('load', ran(3, ['trips'], ['trips']));
    expect(staleCells(order, lineage, 'load')).toEqual(['clean']);
  });

  it('matches table names ignoring case', () => {
    const lineage = new Map([
      ['load', ran(3, [], ['Trips'])],
      ['peek', ran(2, ['trips'])],
    ]);
    expect(staleCells(order, lineage, 'load')).toEqual(['peek']);
  });

  it('ignores cells without a record and a cell that is not in the notebook', () => {
    const lineage = new Map([['load', ran(1, [], ['t'])]]);
    expect(staleCells(order, lineage, 'load')).toEqual([]);
    expect(staleCells(order, lineage, 'gone')).toEqual([]);
  });
});

describe('allStaleCells', () => {
  const order = ['load', 'clean', 'mart'];

  it('finds every stale cell from the record alone', () => {
    const lineage = new Map([
      ['load', ran(4, [], ['raw'])],
      ['clean', ran(2, ['raw'], ['clean'])],
      ['mart', ran(3, ['clean'], ['mart'])],
    ]);
    expect(allStaleCells(order, lineage)).toEqual(['clean', 'mart']);
  });

  it('clears a cell once it ran again, leaving the cells below it stale', () => {
    const lineage = new Map([
      ['load', ran(4, [], ['raw'])],
      ['clean', ran(5, ['raw'], ['clean'])],
      ['mart', ran(3, ['clean'], ['mart'])],
    ]);
    expect(allStaleCells(order, lineage)).toEqual(['mart']);
  });

  it('is empty after a run from top to bottom', () => {
    const lineage = new Map([
      ['load', ran(1, [], ['raw'])],
      ['clean', ran(2, ['raw'], ['clean'])],
      ['mart', ran(3, ['clean'], ['mart'])],
    ]);
    expect(allStaleCells(order, lineage)).toEqual([]);
  });

  it('agrees with staleCells after each run', () => {
    const lineage = new Map([
      ['load', ran(1, [], ['raw'])],
      ['clean', ran(2, ['raw'], ['clean'])],
      ['mart', ran(3, ['clean'], ['mart'])],
    ]);
    lineage.set('load', ran(4, [], ['raw']));
    expect(allStaleCells(order, lineage)).toEqual(staleCells(order, lineage, 'load'));
  });
});

describe('layerByName', () => {
  it.each([
    ['raw_app_events', 'raw'],
    ['stg_trips', 'clean'],
    ['CLEAN_trips', 'clean'],
    ['int_rides_with_tickets', 'clean'],
    ['mart_daily_rides', 'mart'],
    ['fct_trips', 'mart'],
    ['dim_riders', 'mart'],
    ['temp.agg_hourly', 'mart'],
    ['trips', undefined],
    ['rawness', undefined],
  ])('%s → %s', (name, layer) => {
    expect(layerByName(name)).toBe(layer);
  });
});

function layers(graph: LineageGraph): Record<string, string> {
  return Object.fromEntries(graph.nodes.map((n) => [n.label, n.layer]));
}

describe('lineageGraph', () => {
  it('puts a dataset as a source in front of the raw tables it loaded', () => {
    const graph = lineageGraph([], new Map(), [{ name: 'trips.csv', tables: ['trips'] }]);
    expect(graph).toEqual({
      nodes: [
        { id: 'source:trips.csv', kind: 'source', label: 'trips.csv', layer: 'source', writers: [] },
        { id: 'table:trips', kind: 'table', label: 'trips', layer: 'raw', writers: [] },
      ],
      edges: [{ id: 'source:trips.csv->table:trips', from: 'source:trips.csv', to: 'table:trips', cellIds: [] }],
    });
  });

  it('layers tables by what their writers read: raw → clean → mart', () => {
    const order = ['clean', 'daily', 'city'];
    const lineage = new Map([
      ['clean', ran(1, ['trips'], ['trips_ok'])],
      ['daily', ran(2, ['trips_ok', 'riders'], ['rides_per_day'])],
      ['city', ran(3, ['rides_per_day'], ['rides_per_city'])],
    ]);
    const graph = lineageGraph(order, lineage, [{ name: 'rides', tables: ['trips', 'riders'] }]);
    expect(layers(graph)).toEqual({
      rides: 'source',
      trips: 'raw',
      riders: 'raw',
      trips_ok: 'clean',
      rides_per_day: 'mart',
      rides_per_city: 'mart',
    });
  });

  it('lets a name prefix choose the layer', () => {
    const lineage = new Map([['a', ran(1, ['trips'], ['mart_daily_rides'])]]);
    expect(layers(lineageGraph(['a'], lineage, [{ name: 'rides', tables: ['trips'] }]))).toMatchObject({
      mart_daily_rides: 'mart',
    });
  });

  it('makes a table loaded by a JS cell from a source raw, with an edge from the source', () => {
    const lineage = new Map([['ingest', ran(1, [], ['app_events'], ['app_events.ndjson'])]]);
    const graph = lineageGraph(['ingest'], lineage);
    expect(layers(graph)).toEqual({ 'app_events.ndjson': 'source', app_events: 'raw' });
    expect(graph.edges).toEqual([
      { id: 'source:app_events.ndjson->table:app_events', from: 'source:app_events.ndjson', to: 'table:app_events', cellIds: ['ingest'] },
    ]);
  });

  it('links each table to the first cell, in notebook order, that wrote it', () => {
    const lineage = new Map([
      ['more', ran(1, ['trips'], ['trips_ok'])],
      ['make', ran(2, ['trips'], ['trips_ok'])],
    ]);
    const node = lineageGraph(['make', 'more'], lineage, [{ name: 'rides', tables: ['trips'] }]).nodes.find(
      (n) => n.label === 'trips_ok',
    );
    expect(node).toMatchObject({ cellId: 'make', writers: ['make', 'more'] });
  });

  it('draws one edge per pair of tables, naming every cell that made it', () => {
    const lineage = new Map([
      ['b', ran(1, ['trips'], ['trips_ok'])],
      ['a', ran(2, ['trips'], ['trips_ok'])],
    ]);
    const graph = lineageGraph(['a', 'b'], lineage, [{ name: 'rides', tables: ['trips'] }]);
    expect(graph.edges.filter((e) => e.to === 'table:trips_ok')).toEqual([
      { id: 'table:trips->table:trips_ok', from: 'table:trips', to: 'table:trips_ok', cellIds: ['a', 'b'] },
    ]);
  });

  it('draws a self-loop, not a layer change, when a cell fixes a table in place', () => {
    const lineage = new Map([['fix', ran(1, ['trips'], ['trips'])]]);
    const graph = lineageGraph(['fix'], lineage, [{ name: 'rides', tables: ['trips'] }]);
    expect(graph.edges.map((e) => e.id)).toEqual(['source:rides->table:trips', 'table:trips->table:trips']);
    expect(graph.nodes.find((n) => n.label === 'trips')).toMatchObject({ layer: 'raw', writers: ['fix'] });
    expect(graph.nodes.find((n) => n.label === 'trips')!.cellId).toBeUndefined();
  });

  it('connects a statement’s reads to that statement’s writes only, not to the cell’s other writes', () => {
    // Lesson 09's third-arrival: rebuild trips_arrived from trips, then upsert daily_city_metrics from it.
    const cell = {
      ...ran(1, ['trips', 'trips_arrived', 'daily_city_metrics'], ['trips_arrived', 'daily_city_metrics']),
      steps: [
        { statement: 1, read: ['trips'], written: ['trips_arrived'] },
        { statement: 2, read: ['trips_arrived', 'daily_city_metrics'], written: ['daily_city_metrics'] },
        { statement: 3, read: ['daily_city_metrics'], written: [] },
      ],
    };
    const graph = lineageGraph(['third'], new Map([['third', cell]]), [{ name: 'trips', tables: ['trips'] }]);
    expect(graph.edges.map((e) => e.id).sort()).toEqual([
      'source:trips->table:trips',
      'table:daily_city_metrics->table:daily_city_metrics',
      'table:trips->table:trips_arrived',
      'table:trips_arrived->table:daily_city_metrics',
    ]);
    const layer = (name: string) => graph.nodes.find((n) => n.kind !== 'source' && n.label === name)!.layer;
    expect([layer('trips'), layer('trips_arrived'), layer('daily_city_metrics')]).toEqual(['raw', 'clean', 'mart']);
  });

  it('adds nothing for cells that only query', () => {
    const lineage = new Map([['peek', ran(1, ['trips'])]]);
    expect(lineageGraph(['peek'], lineage)).toEqual({ nodes: [], edges: [] });
  });

  it('draws views as views', () => {
    const lineage = new Map([['v', ran(1, ['trips'], ['Seoul_Trips'])]]);
    const graph = lineageGraph(['v'], lineage, [], { views: ['seoul_trips'] });
    expect(graph.nodes.find((n) => n.label === 'Seoul_Trips')!.kind).toBe('view');
  });

  it('leaves out dropped tables and joins their inputs to their outputs', () => {
    const lineage = new Map([
      ['tmp', ran(1, ['trips'], ['scratch'])],
      ['use', ran(2, ['scratch'], ['mart_x'])],
    ]);
    const graph = lineageGraph(['tmp', 'use'], lineage, [{ name: 'rides', tables: ['trips'] }], {
      existing: ['trips', 'mart_x'],
    });
    expect(graph.nodes.map((n) => n.label)).toEqual(['rides', 'trips', 'mart_x']);
    expect(graph.edges).toContainEqual({ id: 'table:trips->table:mart_x', from: 'table:trips', to: 'table:mart_x', cellIds: ['tmp', 'use'] });
  });

  it('ends the climb at raw for tables that feed each other', () => {
    const lineage = new Map([
      ['a', ran(1, ['y'], ['x'])],
      ['b', ran(2, ['x'], ['y'])],
    ]);
    const graph = lineageGraph(['a', 'b'], lineage);
    expect(graph.nodes).toHaveLength(2);
    for (const node of graph.nodes) expect(['raw', 'clean', 'mart']).toContain(node.layer);
  });

  it('uses one node per table whatever the case of its name', () => {
    const lineage = new Map([['a', ran(1, ['TRIPS'], ['ok'])]]);
    const graph = lineageGraph(['a'], lineage, [{ name: 'rides', tables: ['trips'] }]);
    expect(graph.nodes.filter((n) => n.kind === 'table').map((n) => n.label)).toEqual(['trips', 'ok']);
  });

  it('orders nodes by layer, then by the cell that made them', () => {
    const lineage = new Map([
      ['second', ran(2, ['trips'], ['b_table'])],
      ['first', ran(1, ['trips'], ['z_table'])],
    ]);
    const graph = lineageGraph(['first', 'second'], lineage, [{ name: 'rides', tables: ['trips'] }]);
    expect(graph.nodes.map((n) => n.label)).toEqual(['rides', 'trips', 'z_table', 'b_table']);
  });
});
