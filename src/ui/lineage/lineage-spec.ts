// The lineage graph as the generic graph module draws it: one node per table
// or source, its lifecycle layer as the band it sits in, one edge per
// table-to-table step. Pure, so it is tested in Node.
import { LAYERS, type LineageGraph } from '../../notebook/lineage';
import type { GraphSpec } from '../graph/types';
import { strings } from '../strings';

export function lineageSpec(graph: LineageGraph): GraphSpec {
  return {
    nodes: graph.nodes.map((node) => {
      const about =
        node.kind === 'source' ? strings.lineageSource : node.writers.length ? strings.lineageMadeBy(node.writers) : strings.lineageLoadedByLesson;
      const layer = strings.lineageLayers[node.layer];
      return {
        id: node.id,
        label: node.label,
        layer: LAYERS.indexOf(node.layer),
        group: node.kind === 'source' ? 'source' : node.layer,
        ...(node.kind === 'view' ? { state: 'view' } : {}),
        description: `${node.kind === 'view' ? `${strings.lineageView}, ` : ''}${layer}, ${about}`,
        interactive: node.cellId !== undefined,
      };
    }),
    edges: graph.edges.map((edge) => ({
      id: edge.id,
      from: edge.from,
      to: edge.to,
      description: strings.lineageEdge(label(graph, edge.from), label(graph, edge.to), edge.cellIds),
    })),
    layers: LAYERS.map((layer, i) => ({ layer: i, label: strings.lineageLayers[layer] })),
  };
}

function label(graph: LineageGraph, id: string): string {
  return graph.nodes.find((n) => n.id === id)?.label ?? id;
}
