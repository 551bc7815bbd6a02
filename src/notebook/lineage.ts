// Lineage over the tables each cell read and wrote in its last run (for SQL
// cells from SQLite itself: ExecResult.tables; for JS cells from the calls
// they made). Pure functions of that record: which cells are stale, and the
// graph the lineage view draws. Rules and their reasons: docs/lineage.md.

/** What one cell's last successful run touched. Table names as ExecResult.tables gives them. */
export interface CellLineage {
  read: readonly string[];
  written: readonly string[];
  /** Sources (dataset files) a JS cell extracted, e.g. 'app_events.ndjson'. */
  sources?: readonly string[];
  /** A sequence number of the run: a larger one ran later. */
  ranAt: number;
  /**
   * Statement by statement (SQL cells, from ExecResult.tables.statements):
   * edges run from a statement's reads to that statement's writes only.
   * Without it (JS cells) every read is taken to feed every write.
   */
  steps?: readonly { statement: number; read: readonly string[]; written: readonly string[] }[];
}

export type LineageRecord = ReadonlyMap<string, CellLineage>;

/** SQLite's names are case-insensitive. */
const key = (name: string) => name.toLowerCase();

function readsAny(cell: CellLineage, tables: ReadonlySet<string>): boolean {
  return cell.read.some((t) => tables.has(key(t)));
}

function keys(names: readonly string[]): Set<string> {
  return new Set(names.map(key));
}

/**
 * The cells that `justRan` made stale, in notebook order.
 *
 * A notebook reads top to bottom, so a cell depends on the cells above it: a
 * cell below `justRan` that ran before it and read a table `justRan` wrote is
 * stale, and so is (transitively) any cell below a stale cell that read a
 * table the stale cell wrote. Cells above `justRan` never become stale by it,
 * so two cells that rewrite the same table cannot make each other stale in
 * turn. Cells without a record (never ran, or failed) are not stale.
 */
export function staleCells(order: readonly string[], lineage: LineageRecord, justRan: string): string[] {
  const ran = lineage.get(justRan);
  const start = order.indexOf(justRan);
  if (!ran || start < 0) return [];
  const changed = keys(ran.written);
  const outdated = new Set<string>();
  const stale: string[] = [];
  for (const id of order.slice(start + 1)) {
    const cell = lineage.get(id);
    if (!cell) continue;
    if ((cell.ranAt < ran.ranAt && readsAny(cell, changed)) || readsAny(cell, outdated)) {
      stale.push(id);
      for (const t of cell.written) outdated.add(key(t));
    }
  }
  return stale;
}

/**
 * Every stale cell, in notebook order, computed from the record alone: a cell
 * is stale when a cell above it ran later and wrote a table it read, or when
 * it read a table a stale cell above it wrote. After any run this equals the
 * stale cells left over plus staleCells(order, lineage, justRan), minus the
 * cell that just ran, so the notebook can keep no stale state of its own.
 */
export function allStaleCells(order: readonly string[], lineage: LineageRecord): string[] {
  const outdated = new Set<string>();
  const stale: string[] = [];
  const above: CellLineage[] = [];
  for (const id of order) {
    const cell = lineage.get(id);
    if (!cell) continue;
    const rewritten = above.some((w) => w.ranAt > cell.ranAt && readsAny(cell, keys(w.written)));
    if (rewritten || readsAny(cell, outdated)) {
      stale.push(id);
      for (const t of cell.written) outdated.add(key(t));
    }
    above.push(cell);
  }
  return stale;
}

// ---------------------------------------------------------------------------
// The lineage graph

/** Lifecycle stage of a node: where the data came from, landed raw, was cleaned, was served. */
export type Layer = 'source' | 'raw' | 'clean' | 'mart';
export const LAYERS: readonly Layer[] = ['source', 'raw', 'clean', 'mart'];

export type LineageNodeKind = 'source' | 'table' | 'view';

export interface LineageNode {
  /** `source:<name>` or `table:<name in lower case>`. */
  id: string;
  kind: LineageNodeKind;
  label: string;
  layer: Layer;
  /** The cell that made it: the first cell, in notebook order, that wrote it. None for a dataset's tables and for sources. */
  cellId?: string;
  /** Every cell that wrote it, in notebook order. */
  writers: string[];
}

export interface LineageEdge {
  /** `${from}->${to}` */
  id: string;
  from: string;
  to: string;
  /** The cells that made `to` from `from`, in notebook order; empty for a dataset's load. */
  cellIds: string[];
}

export interface LineageGraph {
  nodes: LineageNode[];
  edges: LineageEdge[];
}

/** A lesson's dataset (a source) and the tables loading it created. */
export interface DatasetTables {
  name: string;
  tables: readonly string[];
}

export interface LineageGraphOptions {
  /** Names of the tables that are views (from readSchema), drawn as views. */
  views?: Iterable<string>;
  /**
   * Names of the tables and views that exist now (from readSchema). When
   * given, tables no longer there (dropped scratch tables) are left out and
   * their inputs joined straight to their outputs.
   */
  existing?: Iterable<string>;
}

/**
 * Table name prefixes an author can use to put a table in a layer, after
 * common warehouse conventions (dbt's stg_/int_/fct_/dim_). Checked first.
 */
export const LAYER_PREFIXES: Readonly<Record<Exclude<Layer, 'source'>, readonly string[]>> = {
  raw: ['raw_', 'src_', 'landing_'],
  clean: ['stg_', 'staging_', 'clean_', 'cleaned_', 'int_'],
  mart: ['mart_', 'fct_', 'fact_', 'dim_', 'agg_', 'rpt_', 'summary_'],
};

/** The layer a table's name asks for, if it follows a prefix convention. */
export function layerByName(name: string): Exclude<Layer, 'source'> | undefined {
  const bare = key(name).replace(/^temp\./, '');
  for (const layer of ['raw', 'clean', 'mart'] as const) {
    if (LAYER_PREFIXES[layer].some((p) => bare.startsWith(p))) return layer;
  }
  return undefined;
}

const RANK: Record<Layer, number> = { source: 0, raw: 1, clean: 2, mart: 3 };

/**
 * The graph sources → raw → clean → marts. A table's layer is, in order:
 * 1. its name prefix (LAYER_PREFIXES), if any;
 * 2. raw if a dataset created it;
 * 3. else one past the highest layer among what its writers read (a
 *    source → raw, raw → clean, clean or mart → mart); raw when they read
 *    nothing (rows typed in, or loaded by a JS cell from no named source).
 * Query-only cells add nothing; edges run from each table (or source) a cell
 * read to each table it wrote, other than itself.
 */
export function lineageGraph(
  order: readonly string[],
  lineage: LineageRecord,
  datasets: readonly DatasetTables[] = [],
  options: LineageGraphOptions = {},
): LineageGraph {
  const cells = order.flatMap((id) => {
    const cell = lineage.get(id);
    return cell ? [{ id, ...cell }] : [];
  });
  const labels = new Map<string, string>();
  const label = (name: string) => {
    if (!labels.has(key(name))) labels.set(key(name), name);
    return key(name);
  };
  if (options.existing) for (const name of options.existing) label(name);

  const datasetTables = new Set<string>();
  const writers = new Map<string, string[]>();
  const inputs = new Map<string, Set<string>>(); // table key -> table keys / `source:` ids read by its writers
  const edges = new Map<string, LineageEdge>();
  const addEdge = (from: string, to: string, cellId?: string) => {
    const id = `${from}->${to}`;
    const edge = edges.get(id) ?? { id, from, to, cellIds: [] };
    if (cellId && !edge.cellIds.includes(cellId)) edge.cellIds.push(cellId);
    edges.set(id, edge);
  };
  const sources = new Set<string>();

  for (const dataset of datasets) {
    sources.add(dataset.name);
    for (const table of dataset.tables) {
      datasetTables.add(label(table));
      addEdge(`source:${dataset.name}`, `table:${key(table)}`);
    }
  }
  for (const cell of cells) {
    for (const written of cell.written) {
      const w = label(written);
      writers.set(w, [...(writers.get(w) ?? []), cell.id]);
    }
    const steps = cell.steps ?? [{ read: cell.read, written: cell.written }];
    for (const step of steps) {
      for (const written of step.written) {
        const w = label(written);
        const into = inputs.get(w) ?? new Set<string>();
        inputs.set(w, into);
        for (const read of step.read) {
          const r = label(read);
          // A table a statement both reads and rewrites gets a self-loop, not a layer of its own.
          if (r !== w) into.add(r);
          addEdge(`table:${r}`, `table:${w}`, cell.id);
        }
      }
    }
    for (const written of cell.written) {
      const w = label(written);
      const into = inputs.get(w) ?? new Set<string>();
      inputs.set(w, into);
      for (const source of cell.sources ?? []) {
        sources.add(source);
        into.add(`source:${source}`);
        addEdge(`source:${source}`, `table:${w}`, cell.id);
      }
    }
  }

  const layers = new Map<string, Layer>();
  const visiting = new Set<string>();
  const layerOf = (table: string): Layer => {
    const known = layers.get(table);
    if (known) return known;
    const named = layerByName(labels.get(table) ?? table);
    if (named) return named;
    // A table in a cycle of writes (a reads b, b reads a) stops the climb at raw.
    if (datasetTables.has(table) || visiting.has(table)) return 'raw';
    visiting.add(table);
    let highest = -1;
    for (const input of inputs.get(table) ?? []) {
      highest = Math.max(highest, input.startsWith('source:') ? RANK.source : RANK[layerOf(input)]);
    }
    visiting.delete(table);
    const layer: Layer = highest < RANK.raw ? 'raw' : highest === RANK.raw ? 'clean' : 'mart';
    layers.set(table, layer);
    return layer;
  };

  const views = new Set([...(options.views ?? [])].map(key));
  const tableKeys = new Set<string>([...datasetTables, ...writers.keys(), ...[...inputs.values()].flatMap((s) => [...s])]);
  const nodes: LineageNode[] = [];
  for (const source of sources) nodes.push({ id: `source:${source}`, kind: 'source', label: source, layer: 'source', writers: [] });
  for (const table of tableKeys) {
    if (table.startsWith('source:')) continue;
    const tableWriters = writers.get(table) ?? [];
    nodes.push({
      id: `table:${table}`,
      kind: views.has(table) ? 'view' : 'table',
      label: labels.get(table) ?? table,
      layer: layerOf(table),
      ...(datasetTables.has(table) || tableWriters.length === 0 ? {} : { cellId: tableWriters[0] }),
      writers: tableWriters,
    });
  }

  let graph: LineageGraph = { nodes, edges: [...edges.values()] };
  if (options.existing) {
    const existing = new Set([...options.existing].map((n) => `table:${key(n)}`));
    graph = withoutNodes(graph, (n) => n.kind !== 'source' && !existing.has(n.id));
  }
  return sortGraph(graph, order);
}

/** Removes nodes, joining each removed node's inputs straight to its outputs. */
function withoutNodes(graph: LineageGraph, remove: (node: LineageNode) => boolean): LineageGraph {
  const gone = new Set(graph.nodes.filter(remove).map((n) => n.id));
  let edges = graph.edges;
  for (const id of gone) {
    const incoming = edges.filter((e) => e.to === id && e.from !== id);
    const outgoing = edges.filter((e) => e.from === id && e.to !== id);
    const kept = edges.filter((e) => e.to !== id && e.from !== id);
    const byId = new Map(kept.map((e) => [e.id, e]));
    for (const a of incoming) {
      for (const b of outgoing) {
        if (a.from === b.to) continue;
        const joinedId = `${a.from}->${b.to}`;
        const joined = byId.get(joinedId) ?? { id: joinedId, from: a.from, to: b.to, cellIds: [] };
        joined.cellIds = [...new Set([...joined.cellIds, ...a.cellIds, ...b.cellIds])];
        byId.set(joinedId, joined);
      }
    }
    edges = [...byId.values()];
  }
  return { nodes: graph.nodes.filter((n) => !gone.has(n.id)), edges };
}

/** Nodes by layer, then by the notebook position of the cell that made them, then by name; edges follow. */
function sortGraph(graph: LineageGraph, order: readonly string[]): LineageGraph {
  const position = (id?: string) => (id === undefined ? -1 : order.indexOf(id));
  const nodes = [...graph.nodes].sort(
    (a, b) =>
      RANK[a.layer] - RANK[b.layer] ||
      position(a.writers[0]) - position(b.writers[0]) ||
      (a.label.toLowerCase() < b.label.toLowerCase() ? -1 : a.label.toLowerCase() > b.label.toLowerCase() ? 1 : 0),
  );
  const index = new Map(nodes.map((n, i) => [n.id, i]));
  const edges = graph.edges
    .map((e) => ({ ...e, cellIds: [...e.cellIds].sort((a, b) => position(a) - position(b)) }))
    .sort((a, b) => index.get(a.from)! - index.get(b.from)! || index.get(a.to)! - index.get(b.to)!);
  return { nodes, edges };
}
