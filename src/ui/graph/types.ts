// The graph module's data: what a caller hands in (GraphSpec) and what the
// layout hands back (GraphLayout). Generic on purpose: lineage, pipeline DAGs
// and anything else with boxes and arrows use the same shapes. See docs/graph.md.

export interface GraphNodeSpec {
  id: string;
  /** Drawn in full, at the page's text size; the box grows to fit it. */
  label: string;
  /** Optional band (column in LR, row in TB): nodes of a lower layer are drawn before those of a higher one. */
  layer?: number;
  /** Optional colouring: becomes data-group on the node (the caller's CSS gives it a colour). */
  group?: string;
  /** Optional state (e.g. a task's "running"/"failed"): becomes data-state on the node. */
  state?: string;
  /** Extra words for the tooltip and the accessible name, after the label. */
  description?: string;
  /** false: the node cannot be activated (no click, not focusable). Default true. */
  interactive?: boolean;
}

export interface GraphEdgeSpec {
  /** Defaults to `${from}->${to}#<index>`. */
  id?: string;
  from: string;
  to: string;
  /** Optional small text drawn at the edge's middle. */
  label?: string;
  /** Tooltip for the edge. */
  description?: string;
}

export interface GraphSpec {
  nodes: readonly GraphNodeSpec[];
  /** Edges whose ends are not nodes are ignored. from === to draws a self-loop. */
  edges: readonly GraphEdgeSpec[];
  /** Headings for the layer bands, drawn behind their nodes. */
  layers?: readonly { layer: number; label: string }[];
}

export interface Point {
  x: number;
  y: number;
}

export interface LayoutOptions {
  /** LR: ranks run left to right; TB: top to bottom. */
  direction?: 'LR' | 'TB';
  /** Text size in px the labels are drawn at (and measured for). */
  fontSize?: number;
  /** Width of a label in px; defaults to an estimate from its length. */
  measure?: (text: string) => number;
  paddingX?: number;
  paddingY?: number;
  /** Space between nodes of a rank, and between ranks. */
  nodeSep?: number;
  rankSep?: number;
  margin?: number;
}

export interface PositionedGraphNode extends GraphNodeSpec {
  /** Top-left corner and size of the node's box. */
  x: number;
  y: number;
  width: number;
  height: number;
}

export interface PositionedGraphEdge extends GraphEdgeSpec {
  id: string;
  selfLoop: boolean;
  /** SVG path data. */
  path: string;
  /** Where the label goes, when the edge has one. */
  labelAt?: Point;
}

export interface LayerBand {
  layer: number;
  label: string;
  /** Extent along the ranks' axis (x in LR, y in TB). */
  start: number;
  end: number;
}

export interface GraphLayout {
  width: number;
  height: number;
  direction: 'LR' | 'TB';
  nodes: PositionedGraphNode[];
  edges: PositionedGraphEdge[];
  bands: LayerBand[];
}
