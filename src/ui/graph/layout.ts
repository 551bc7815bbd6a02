// Where a directed graph's nodes and edges go, computed by dagre (a layered,
// Sugiyama-style layout: ranks along the edges, few crossings). A pure
// function of the graph and a text-measuring callback, so it runs in Node.
// Generic: nothing here knows what the nodes stand for. API: docs/graph.md.
import dagre from '@dagrejs/dagre';
import type { GraphSpec, GraphLayout, LayoutOptions, PositionedGraphEdge, PositionedGraphNode, Point, LayerBand } from './types';

/** A rough width for monospace-ish text when nothing can measure it (Node, tests). */
export function estimateTextWidth(text: string, fontSize: number): number {
  return text.length * fontSize * 0.62;
}

const DEFAULTS = {
  direction: 'LR' as const,
  fontSize: 16,
  paddingX: 12,
  paddingY: 8,
  nodeSep: 18,
  rankSep: 56,
  margin: 16,
};

/** Lays out `spec`. Every node is as wide as its label measures, so no label is ever cut. */
export function layoutGraph(spec: GraphSpec, options: LayoutOptions = {}): GraphLayout {
  const o = { ...DEFAULTS, ...options };
  const measure = options.measure ?? ((text: string) => estimateTextWidth(text, o.fontSize));
  const ids = new Set(spec.nodes.map((n) => n.id));
  const g = new dagre.graphlib.Graph({ multigraph: true });
  g.setGraph({ rankdir: o.direction, nodesep: o.nodeSep, ranksep: o.rankSep, marginx: o.margin, marginy: o.margin });
  g.setDefaultEdgeLabel(() => ({}));

  const ranks = spec.nodes.some((n) => n.layer !== undefined) ? layeredRanks(spec) : null;
  const height = Math.round(o.fontSize * 1.25 + 2 * o.paddingY);
  for (const node of spec.nodes) {
    const width = Math.ceil(measure(node.label) + 2 * o.paddingX);
    // makeSpaceForEdgeLabels doubles every edge's length, so preset ranks are doubled to match.
    g.setNode(node.id, { width, height, ...(ranks ? { rank: 2 * (ranks.get(node.id) ?? 0) } : {}) });
  }
  if (ranks) g.graph().ranker = 'none';
  spec.edges.forEach((edge, i) => {
    if (!ids.has(edge.from) || !ids.has(edge.to)) return;
    const label = edge.label ? { width: Math.ceil(measure(edge.label) * 0.8) + 8, height: Math.round(o.fontSize * 0.8 * 1.3), labelpos: 'c' } : {};
    g.setEdge(edge.from, edge.to, label, String(i));
  });
  dagre.layout(g);

  const nodes: PositionedGraphNode[] = spec.nodes.map((node) => {
    const box = g.node(node.id);
    return { ...node, x: box.x - box.width / 2, y: box.y - box.height / 2, width: box.width, height: box.height };
  });
  const byId = new Map(nodes.map((n) => [n.id, n]));
  const edges: PositionedGraphEdge[] = [];
  spec.edges.forEach((edge, i) => {
    const from = byId.get(edge.from);
    const to = byId.get(edge.to);
    if (!from || !to) return;
    const id = edge.id ?? `${edge.from}->${edge.to}#${i}`;
    if (from === to) {
      edges.push({ ...edge, id, selfLoop: true, path: selfLoopPath(from, o.direction), labelAt: selfLoopLabelAt(from, o.direction) });
      return;
    }
    const laid = g.edge({ v: edge.from, w: edge.to, name: String(i) }) as { points: Point[]; x?: number; y?: number };
    edges.push({
      ...edge,
      id,
      selfLoop: false,
      path: curve(laid.points),
      ...(edge.label && laid.x !== undefined && laid.y !== undefined ? { labelAt: { x: laid.x, y: laid.y } } : {}),
    });
  });
  const size = g.graph() as { width?: number; height?: number };
  // Self-loops are drawn outside their node's box; leave room for them.
  const loopRoom = edges.some((e) => e.selfLoop) ? 28 : 0;
  const width = Math.ceil((size.width ?? 0) + (o.direction === 'LR' ? 0 : loopRoom));
  const heightAll = Math.ceil((size.height ?? 0) + (o.direction === 'LR' ? loopRoom : 0));
  return { width, height: heightAll, direction: o.direction, nodes, edges, bands: ranks ? bands(spec, nodes, o.direction) : [] };
}

/**
 * Ranks that keep each layer in its own band: every node of layer k sits
 * after every node of a lower layer, and after what feeds it. A node without
 * a layer only follows its inputs. null when no such ranks exist (the edges
 * form a cycle, or run from a higher layer to a lower one): then dagre ranks
 * by the edges alone and no bands are drawn.
 */
export function layeredRanks(spec: GraphSpec): Map<string, number> | null {
  const ids = new Set(spec.nodes.map((n) => n.id));
  const inputs = new Map<string, string[]>(spec.nodes.map((n) => [n.id, []]));
  for (const e of spec.edges) if (e.from !== e.to && ids.has(e.from) && ids.has(e.to)) inputs.get(e.to)!.push(e.from);
  const rank = new Map<string, number>(spec.nodes.map((n) => [n.id, 0]));
  const layers = [...new Set(spec.nodes.flatMap((n) => (n.layer === undefined ? [] : [n.layer])))].sort((a, b) => a - b);
  // Bellman-Ford style relaxation; the bound stops a cycle of edges from climbing forever.
  const limit = spec.nodes.length + layers.length + 1;
  for (let round = 0; round < limit; round++) {
    let changed = false;
    const floor = new Map<number, number>();
    let highest = -1;
    for (const l of layers) {
      floor.set(l, highest + 1);
      for (const n of spec.nodes) if (n.layer === l) highest = Math.max(highest, rank.get(n.id)!);
    }
    for (const n of spec.nodes) {
      let r = n.layer === undefined ? 0 : floor.get(n.layer)!;
      for (const from of inputs.get(n.id)!) r = Math.max(r, rank.get(from)! + 1);
      if (r > rank.get(n.id)! && r <= limit * 2) {
        rank.set(n.id, r);
        changed = true;
      }
    }
    if (!changed) break;
  }
  for (const [to, froms] of inputs) for (const from of froms) if (rank.get(to)! <= rank.get(from)!) return null;
  let below = -1;
  for (const l of layers) {
    const inLayer = spec.nodes.filter((n) => n.layer === l).map((n) => rank.get(n.id)!);
    if (Math.min(...inLayer) <= below) return null;
    below = Math.max(...inLayer);
  }
  return rank;
}

/** One band per layer, spanning its nodes across the ranks' axis. */
function bands(spec: GraphSpec, nodes: PositionedGraphNode[], direction: 'LR' | 'TB'): LayerBand[] {
  const out: LayerBand[] = [];
  for (const band of spec.layers ?? []) {
    const members = nodes.filter((n) => n.layer === band.layer);
    if (members.length === 0) continue;
    const start = Math.min(...members.map((n) => (direction === 'LR' ? n.x : n.y)));
    const end = Math.max(...members.map((n) => (direction === 'LR' ? n.x + n.width : n.y + n.height)));
    out.push({ layer: band.layer, label: band.label, start, end });
  }
  return out;
}

/** A smooth path through dagre's points (a Catmull-Rom spline as cubic Béziers). */
export function curve(points: readonly Point[]): string {
  if (points.length === 0) return '';
  const f = (n: number) => Math.round(n * 10) / 10;
  let d = `M${f(points[0].x)},${f(points[0].y)}`;
  if (points.length === 2) return `${d}L${f(points[1].x)},${f(points[1].y)}`;
  for (let i = 0; i < points.length - 1; i++) {
    const p0 = points[Math.max(0, i - 1)];
    const p1 = points[i];
    const p2 = points[i + 1];
    const p3 = points[Math.min(points.length - 1, i + 2)];
    const c1 = { x: p1.x + (p2.x - p0.x) / 6, y: p1.y + (p2.y - p0.y) / 6 };
    const c2 = { x: p2.x - (p3.x - p1.x) / 6, y: p2.y - (p3.y - p1.y) / 6 };
    d += `C${f(c1.x)},${f(c1.y)} ${f(c2.x)},${f(c2.y)} ${f(p2.x)},${f(p2.y)}`;
  }
  return d;
}

/** A loop that leaves a node and comes back to it, below it (LR) or to its right (TB). */
function selfLoopPath(n: PositionedGraphNode, direction: 'LR' | 'TB'): string {
  if (direction === 'LR') {
    const y = n.y + n.height;
    const a = n.x + n.width * 0.35;
    const b = n.x + n.width * 0.65;
    return `M${a},${y}C${a},${y + 26} ${b},${y + 26} ${b},${y + 2}`;
  }
  const x = n.x + n.width;
  const a = n.y + n.height * 0.25;
  const b = n.y + n.height * 0.75;
  return `M${x},${a}C${x + 26},${a} ${x + 26},${b} ${x + 2},${b}`;
}

function selfLoopLabelAt(n: PositionedGraphNode, direction: 'LR' | 'TB'): Point {
  return direction === 'LR' ? { x: n.x + n.width / 2, y: n.y + n.height + 30 } : { x: n.x + n.width + 30, y: n.y + n.height / 2 };
}
