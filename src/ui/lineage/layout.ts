// Where the lineage view draws each node and edge: one column per lifecycle
// layer (sources, raw, clean, marts) left to right, nodes stacked in their
// column and ordered to keep edges from crossing, edges as curves. A pure
// function of the graph, so it is tested without a DOM.
import { linkHorizontal, scaleBand } from 'd3';
import { LAYERS, type Layer, type LineageEdge, type LineageGraph, type LineageNode } from '../../notebook/lineage';

export interface LayoutOptions {
  nodeWidth: number;
  nodeHeight: number;
  /** Space between columns. */
  columnGap: number;
  /** Space between nodes of a column. */
  rowGap: number;
  padding: number;
  /** Room above the nodes for the column headings. */
  headerHeight: number;
  /** About how wide one character of a label is, to shorten labels that do not fit. */
  charWidth: number;
}

/** How far an edge between two nodes of one column bulges to their right. */
const MAX_LOOP = 40;

export const DEFAULT_LAYOUT: LayoutOptions = {
  nodeWidth: 160,
  nodeHeight: 34,
  columnGap: 64,
  rowGap: 14,
  padding: 12,
  headerHeight: 28,
  charWidth: 7.4,
};

export interface PositionedNode extends LineageNode {
  x: number;
  y: number;
  width: number;
  height: number;
  /** The label, shortened with … to fit the box. */
  text: string;
}

export interface PositionedEdge extends LineageEdge {
  /** SVG path data from the source's side to the target's side. */
  path: string;
}

export interface LayoutColumn {
  layer: Layer;
  x: number;
  width: number;
}

export interface LineageLayout {
  width: number;
  height: number;
  columns: LayoutColumn[];
  nodes: PositionedNode[];
  edges: PositionedEdge[];
}

const link = linkHorizontal();

export function layoutLineage(graph: LineageGraph, options: Partial<LayoutOptions> = {}): LineageLayout {
  const o = { ...DEFAULT_LAYOUT, ...options };
  const columnsEnd = o.padding + LAYERS.length * o.nodeWidth + (LAYERS.length - 1) * o.columnGap;
  // Room on the right for the loops of edges within the last column.
  const width = columnsEnd + Math.max(o.padding, MAX_LOOP);
  const column = scaleBand<Layer>()
    .domain(LAYERS)
    .range([o.padding, columnsEnd])
    .paddingInner(o.columnGap / (o.nodeWidth + o.columnGap));

  const rows = orderColumns(graph);
  const tallest = Math.max(1, ...[...rows.values()].map((r) => r.length));
  const step = o.nodeHeight + o.rowGap;
  const height = o.headerHeight + o.padding * 2 + tallest * step - o.rowGap;

  const nodes: PositionedNode[] = [];
  for (const layer of LAYERS) {
    const list = rows.get(layer) ?? [];
    // Shorter columns are centred against the tallest.
    const top = o.headerHeight + o.padding + ((tallest - list.length) * step) / 2;
    list.forEach((node, i) => {
      nodes.push({ ...node, x: column(layer)!, y: top + i * step, width: o.nodeWidth, height: o.nodeHeight, text: fit(node.label, o) });
    });
  }

  const at = new Map(nodes.map((n) => [n.id, n]));
  const edges: PositionedEdge[] = [];
  for (const edge of graph.edges) {
    const from = at.get(edge.from);
    const to = at.get(edge.to);
    if (from && to) edges.push({ ...edge, path: edgePath(from, to) });
  }
  return {
    width,
    height,
    columns: LAYERS.map((layer) => ({ layer, x: column(layer)!, width: column.bandwidth() })),
    nodes,
    edges,
  };
}

/** From the right side of `from` to the left side of `to`; a loop on the right when both share a column. */
function edgePath(from: PositionedNode, to: PositionedNode): string {
  const y1 = from.y + from.height / 2;
  const y2 = to.y + to.height / 2;
  if (from.x === to.x) {
    const x = from.x + from.width;
    const bulge = Math.min(MAX_LOOP, 12 + Math.abs(y2 - y1) / 4);
    return `M${x},${y1}C${x + bulge},${y1},${x + bulge},${y2},${x},${y2}`;
  }
  if (to.x > from.x) return link({ source: [from.x + from.width, y1], target: [to.x, y2] }) ?? '';
  // Backwards (an author's prefix put a table left of its input): from the left side to the right side.
  return link({ source: [from.x, y1], target: [to.x + to.width, y2] }) ?? '';
}

function fit(label: string, o: LayoutOptions): string {
  const room = Math.max(3, Math.floor((o.nodeWidth - 20) / o.charWidth));
  return label.length <= room ? label : `${label.slice(0, room - 1)}…`;
}

/**
 * Nodes per column, ordered by the mean position of their neighbours in the
 * columns already placed (a barycentre sweep left to right, then right to
 * left), which keeps most edges from crossing. Ties keep the graph's order.
 */
function orderColumns(graph: LineageGraph): Map<Layer, LineageNode[]> {
  const columns = new Map<Layer, LineageNode[]>(LAYERS.map((l) => [l, graph.nodes.filter((n) => n.layer === l)]));
  const preds = new Map<string, string[]>();
  const succs = new Map<string, string[]>();
  for (const e of graph.edges) {
    preds.set(e.to, [...(preds.get(e.to) ?? []), e.from]);
    succs.set(e.from, [...(succs.get(e.from) ?? []), e.to]);
  }
  const position = new Map<string, number>();
  const place = (list: LineageNode[]) => list.forEach((n, i) => position.set(n.id, (i + 0.5) / list.length));
  const sweep = (layers: readonly Layer[], neighbours: Map<string, string[]>) => {
    for (const layer of layers) {
      const list = columns.get(layer)!;
      const centre = (n: LineageNode, i: number) => {
        const placed = (neighbours.get(n.id) ?? []).map((id) => position.get(id)).filter((p) => p !== undefined);
        return placed.length ? placed.reduce((a, b) => a + b, 0) / placed.length : (i + 0.5) / list.length;
      };
      const keyed = list.map((n, i) => ({ n, i, c: centre(n, i) }));
      keyed.sort((a, b) => a.c - b.c || a.i - b.i);
      columns.set(layer, keyed.map((k) => k.n));
      place(columns.get(layer)!);
    }
  };
  sweep(LAYERS, preds);
  sweep([...LAYERS].reverse(), succs);
  return columns;
}
