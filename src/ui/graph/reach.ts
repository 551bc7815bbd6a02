// What lies upstream and downstream of a node: the nodes and edges on some
// directed path into it or out of it. Pure, for the view's highlighting.
import type { GraphEdgeSpec } from './types';

export interface Reach {
  upstream: Set<string>;
  downstream: Set<string>;
  /** Indexes into the edges array of every edge on a path through the node. */
  edges: Set<number>;
}

export function reach(edges: readonly GraphEdgeSpec[], id: string): Reach {
  const walk = (forward: boolean) => {
    const seen = new Set<string>();
    const onPath = new Set<number>();
    const queue = [id];
    while (queue.length) {
      const at = queue.shift()!;
      edges.forEach((e, i) => {
        const [here, there] = forward ? [e.from, e.to] : [e.to, e.from];
        if (here !== at) return;
        onPath.add(i);
        if (there !== id && !seen.has(there)) {
          seen.add(there);
          queue.push(there);
        }
      });
    }
    return { seen, onPath };
  };
  const up = walk(false);
  const down = walk(true);
  return { upstream: up.seen, downstream: down.seen, edges: new Set([...up.onPath, ...down.onPath]) };
}
