import { describe, expect, it } from 'vitest';
import { layoutGraph, layeredRanks, estimateTextWidth } from './layout';
import { reach } from './reach';
import type { GraphSpec } from './types';

const chain: GraphSpec = {
  nodes: [
    { id: 'a', label: 'a_very_long_table_name_indeed' },
    { id: 'b', label: 'b' },
    { id: 'c', label: 'c' },
  ],
  edges: [
    { from: 'a', to: 'b' },
    { from: 'b', to: 'c', label: 'step 2' },
    { from: 'c', to: 'c' },
  ],
};

const overlaps = (p: { x: number; y: number; width: number; height: number }, q: typeof p) =>
  p.x < q.x + q.width && q.x < p.x + p.width && p.y < q.y + q.height && q.y < p.y + p.height;

describe('layoutGraph', () => {
  it('places nodes along the edges, left to right, with no overlaps and every box wide enough for its label', () => {
    const layout = layoutGraph(chain, { fontSize: 14 });
    const [a, b, c] = layout.nodes;
    expect(a.x + a.width).toBeLessThan(b.x);
    expect(b.x + b.width).toBeLessThan(c.x);
    expect(a.width).toBeGreaterThanOrEqual(estimateTextWidth(a.label, 14));
    for (const n of layout.nodes) {
      expect(n.x).toBeGreaterThanOrEqual(0);
      expect(n.y).toBeGreaterThanOrEqual(0);
      expect(n.x + n.width).toBeLessThanOrEqual(layout.width);
      expect(n.y + n.height).toBeLessThanOrEqual(layout.height);
    }
  });

  it('top to bottom puts ranks one under another', () => {
    const layout = layoutGraph(chain, { direction: 'TB' });
    const [a, b, c] = layout.nodes;
    expect(a.y + a.height).toBeLessThan(b.y);
    expect(b.y + b.height).toBeLessThan(c.y);
    expect(layout.direction).toBe('TB');
  });

  it('draws a self-loop as a loop on its node, not an edge through others, and places edge labels', () => {
    const layout = layoutGraph(chain);
    const loop = layout.edges.find((e) => e.from === 'c' && e.to === 'c')!;
    expect(loop.selfLoop).toBe(true);
    expect(loop.path).toMatch(/^M/);
    const labelled = layout.edges.find((e) => e.label === 'step 2')!;
    expect(labelled.labelAt).toBeDefined();
    const [, b, c] = layout.nodes;
    expect(labelled.labelAt!.x).toBeGreaterThan(b.x);
    expect(labelled.labelAt!.x).toBeLessThan(c.x + c.width);
  });

  it('ignores edges to nodes that do not exist', () => {
    const layout = layoutGraph({ nodes: [{ id: 'x', label: 'x' }], edges: [{ from: 'x', to: 'nowhere' }] });
    expect(layout.edges).toEqual([]);
    expect(layout.nodes).toHaveLength(1);
  });

  it('uses the measure callback for box widths', () => {
    const layout = layoutGraph({ nodes: [{ id: 'x', label: 'x' }], edges: [] }, { measure: () => 300, paddingX: 10 });
    expect(layout.nodes[0].width).toBe(320);
  });

  it('keeps layers in bands: a node of a higher layer never sits before one of a lower layer', () => {
    const spec: GraphSpec = {
      nodes: [
        { id: 'src', label: 'src', layer: 0 },
        { id: 'raw', label: 'raw', layer: 1 },
        { id: 'lonely_mart', label: 'lonely_mart', layer: 3 },
        { id: 'clean', label: 'clean', layer: 2 },
        { id: 'clean2', label: 'clean2', layer: 2 },
        { id: 'mart', label: 'mart', layer: 3 },
      ],
      edges: [
        { from: 'src', to: 'raw' },
        { from: 'raw', to: 'clean' },
        { from: 'clean', to: 'clean2' },
        { from: 'clean2', to: 'mart' },
      ],
      layers: [0, 1, 2, 3].map((layer) => ({ layer, label: `L${layer}` })),
    };
    const layout = layoutGraph(spec);
    const at = new Map(layout.nodes.map((n) => [n.id, n]));
    const centre = (id: string) => at.get(id)!.x + at.get(id)!.width / 2;
    expect(centre('lonely_mart')).toBe(centre('mart'));
    expect(at.get('clean2')!.x).toBeGreaterThan(at.get('clean')!.x);
    expect(layout.bands.map((b) => b.label)).toEqual(['L0', 'L1', 'L2', 'L3']);
    for (let i = 1; i < layout.bands.length; i++) expect(layout.bands[i].start).toBeGreaterThan(layout.bands[i - 1].end);
  });

  it('gives up on layers where they contradict the edges or the edges cycle, and still lays out', () => {
    const contradicting: GraphSpec = {
      nodes: [
        { id: 'late', label: 'late', layer: 2 },
        { id: 'early', label: 'early', layer: 0 },
        { id: 'x', label: 'x' },
        { id: 'y', label: 'y' },
      ],
      edges: [{ from: 'late', to: 'early' }],
      layers: [{ layer: 0, label: 'L0' }, { layer: 2, label: 'L2' }],
    };
    expect(layeredRanks(contradicting)).toBeNull();
    const layout = layoutGraph(contradicting);
    expect(layout.bands).toEqual([]);
    expect(layout.edges[0].path).toMatch(/^M/);
    const cycle: GraphSpec = { nodes: [{ id: 'x', label: 'x', layer: 1 }, { id: 'y', label: 'y', layer: 1 }], edges: [{ from: 'x', to: 'y' }, { from: 'y', to: 'x' }] };
    expect(layeredRanks(cycle)).toBeNull();
    expect(layoutGraph(cycle).edges.every((e) => e.path.startsWith('M'))).toBe(true);
  });

  it('lays out a wide graph without overlapping boxes', () => {
    const nodes = Array.from({ length: 12 }, (_, i) => ({ id: `n${i}`, label: `node_number_${i}` }));
    const edges = nodes.slice(1).map((n, i) => ({ from: `n${Math.floor(i / 3)}`, to: n.id }));
    const layout = layoutGraph({ nodes, edges });
    for (const p of layout.nodes) for (const q of layout.nodes) if (p !== q) expect(overlaps(p, q)).toBe(false);
  });
});

describe('reach', () => {
  const edges = [
    { from: 'a', to: 'b' },
    { from: 'b', to: 'c' },
    { from: 'x', to: 'c' },
    { from: 'c', to: 'd' },
    { from: 'b', to: 'b' },
  ];
  it('finds everything upstream and downstream, and the edges on those paths', () => {
    const r = reach(edges, 'b');
    expect([...r.upstream].sort()).toEqual(['a']);
    expect([...r.downstream].sort()).toEqual(['c', 'd']);
    expect([...r.edges].sort()).toEqual([0, 1, 3, 4]);
  });
  it('a node with nothing around it reaches nothing', () => {
    const r = reach(edges, 'lonely');
    expect(r.upstream.size + r.downstream.size + r.edges.size).toBe(0);
  });
});
