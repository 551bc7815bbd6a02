import { describe, expect, it } from 'vitest';
import { lineageGraph, type CellLineage, type LineageGraph } from '../../notebook/lineage';
import { DEFAULT_LAYOUT, layoutLineage, type PositionedNode } from './layout';

const ran = (ranAt: number, read: string[], written: string[]): CellLineage => ({ ranAt, read, written });

/** A course-sized notebook: three sources, raw tables, cleaned tables, marts. */
function course(): LineageGraph {
  const order = ['events', 'clean-trips', 'clean-events', 'tickets', 'daily', 'bad-rides', 'view'];
  const lineage = new Map<string, CellLineage>([
    ['events', { ...ran(1, [], ['app_events']), sources: ['app_events.ndjson'] }],
    ['clean-trips', ran(2, ['trips', 'riders'], ['trips_clean'])],
    ['clean-events', ran(3, ['app_events'], ['stg_events'])],
    ['tickets', ran(4, ['cs_tickets', 'trips_clean'], ['tickets_with_trip'])],
    ['daily', ran(5, ['trips_clean'], ['mart_daily_rides'])],
    ['bad-rides', ran(6, ['tickets_with_trip', 'stg_events'], ['bad_rides'])],
    ['view', ran(7, ['bad_rides'], ['bad_rides_by_city'])],
  ]);
  return lineageGraph(order, lineage, [
    { name: 'rides', tables: ['trips', 'riders'] },
    { name: 'support', tables: ['cs_tickets'] },
  ]);
}

function overlap(a: PositionedNode, b: PositionedNode): boolean {
  return a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height;
}

describe('layoutLineage', () => {
  const layout = layoutLineage(course());

  it('places every node inside the drawing', () => {
    expect(layout.nodes).toHaveLength(course().nodes.length);
    for (const n of layout.nodes) {
      expect(n.x).toBeGreaterThanOrEqual(0);
      expect(n.y).toBeGreaterThanOrEqual(DEFAULT_LAYOUT.headerHeight);
      expect(n.x + n.width).toBeLessThanOrEqual(layout.width);
      expect(n.y + n.height).toBeLessThanOrEqual(layout.height);
    }
  });

  it('gives each layer its own column, left to right: sources, raw, clean, marts', () => {
    const xs = layout.columns.map((c) => c.x);
    expect(layout.columns.map((c) => c.layer)).toEqual(['source', 'raw', 'clean', 'mart']);
    expect([...xs].sort((a, b) => a - b)).toEqual(xs);
    expect(new Set(xs).size).toBe(4);
    for (const n of layout.nodes) expect(n.x).toBe(layout.columns.find((c) => c.layer === n.layer)!.x);
  });

  it('keeps columns apart so that no column’s nodes reach into the next', () => {
    for (let i = 1; i < layout.columns.length; i += 1) {
      expect(layout.columns[i].x).toBeGreaterThanOrEqual(layout.columns[i - 1].x + DEFAULT_LAYOUT.nodeWidth);
    }
  });

  it('lets no two nodes overlap', () => {
    for (const [i, a] of layout.nodes.entries()) {
      for (const b of layout.nodes.slice(i + 1)) expect(overlap(a, b), `${a.label} / ${b.label}`).toBe(false);
    }
  });

  it('draws every edge from its source’s right side to its target’s left side (right side within a column)', () => {
    expect(layout.edges).toHaveLength(course().edges.length);
    const at = new Map(layout.nodes.map((n) => [n.id, n]));
    for (const e of layout.edges) {
      const from = at.get(e.from)!;
      const to = at.get(e.to)!;
      expect(e.path.startsWith(`M${from.x + from.width},${from.y + from.height / 2}`)).toBe(true);
      const endX = from.layer === to.layer ? to.x + to.width : to.x;
      expect(e.path.endsWith(`${endX},${to.y + to.height / 2}`), e.id).toBe(true);
    }
  });

  it('orders a column after its inputs, so edges from one source do not cross', () => {
    const graph = lineageGraph(
      ['a', 'b'],
      new Map([
        ['a', ran(1, ['z_raw'], ['from_z'])],
        ['b', ran(2, ['a_raw'], ['from_a'])],
      ]),
      [{ name: 'src', tables: ['a_raw', 'z_raw'] }],
    );
    const placed = layoutLineage(graph).nodes;
    const y = (label: string) => placed.find((n) => n.label === label)!.y;
    expect(Math.sign(y('from_a') - y('from_z'))).toBe(Math.sign(y('a_raw') - y('z_raw')));
  });

  it('draws an edge between two nodes of one column as a loop on their right, inside the drawing', () => {
    const graph = lineageGraph(['m'], new Map([['m', ran(1, ['mart_a'], ['mart_b'])]]));
    const layout = layoutLineage(graph);
    const [edge] = layout.edges;
    const a = layout.nodes.find((n) => n.label === 'mart_a')!;
    expect(edge.path.startsWith(`M${a.x + a.width},`)).toBe(true);
    const xs = (edge.path.match(/-?[\d.]+/g) ?? []).map(Number).filter((_, i) => i % 2 === 0);
    expect(xs).toHaveLength(4);
    expect(Math.max(...xs)).toBeLessThanOrEqual(layout.width);
  });

  it('shortens labels that do not fit their box', () => {
    const graph = lineageGraph([], new Map(), [{ name: 's', tables: ['a_very_long_table_name_that_goes_on_and_on'] }]);
    const node = layoutLineage(graph).nodes.find((n) => n.kind === 'table')!;
    expect(node.text.endsWith('…')).toBe(true);
    expect(node.text.length * DEFAULT_LAYOUT.charWidth).toBeLessThanOrEqual(DEFAULT_LAYOUT.nodeWidth);
    expect(node.label).toBe('a_very_long_table_name_that_goes_on_and_on');
  });

  it('lays out an empty graph as four empty columns', () => {
    const empty = layoutLineage({ nodes: [], edges: [] });
    expect(empty.nodes).toEqual([]);
    expect(empty.columns).toHaveLength(4);
    expect(empty.height).toBeGreaterThan(0);
  });
});
