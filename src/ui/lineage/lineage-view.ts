// The lineage view: the notebook's tables as a graph from sources through raw
// and cleaned tables to marts, one column per stage. Clicking a table (or
// pressing Enter on it) asks the notebook to show the cell that made it.
import { LitElement, html, nothing, svg } from 'lit';
import type { LineageGraph } from '../../notebook/lineage';
import { strings } from '../strings';
import { layoutLineage, type LineageLayout, type PositionedEdge, type PositionedNode } from './layout';

export interface FocusCellDetail {
  cellId: string;
}

let instances = 0;

export class LineageView extends LitElement {
  static override properties = { graph: { attribute: false }, heading: {} };
  declare graph: LineageGraph;
  /** The heading above the drawing; '' for none (when the page already has one). */
  declare heading: string;

  /** Marker ids are global in light DOM: each view gets its own. */
  private readonly markerId = `lineage-arrow-${++instances}`;
  private layout?: { graph: LineageGraph; value: LineageLayout };

  constructor() {
    super();
    this.graph = { nodes: [], edges: [] };
    this.heading = strings.lineageTitle;
  }

  protected override createRenderRoot() {
    return this;
  }

  override render() {
    const headingId = `${this.markerId}-title`;
    return html`<section class="lineage-view" aria-labelledby=${this.heading ? headingId : nothing}>
      ${this.heading ? html`<h2 class="lineage-title" id=${headingId}>${this.heading}</h2>` : nothing}
      ${this.graph.nodes.length === 0 ? html`<p class="lineage-empty">${strings.lineageEmpty}</p>` : this.renderGraph()}
    </section>`;
  }

  private renderGraph() {
    if (this.layout?.graph !== this.graph) this.layout = { graph: this.graph, value: layoutLineage(this.graph) };
    const layout = this.layout.value;
    const labels = new Map(layout.nodes.map((n) => [n.id, n.label]));
    return html`<div class="lineage-scroll">
      <svg
        class="lineage-svg"
        width=${layout.width}
        height=${layout.height}
        viewBox="0 0 ${layout.width} ${layout.height}"
        role="group"
        aria-label=${this.heading || strings.lineageTitle}
      >
        <defs>
          <marker id=${this.markerId} viewBox="0 0 10 10" refX="9" refY="5" markerWidth="7" markerHeight="7" orient="auto-start-reverse">
            <path d="M0,0L10,5L0,10z" class="lineage-arrow"></path>
          </marker>
        </defs>
        ${layout.columns.map(
          (c) => svg`<g class="lineage-column" data-layer=${c.layer}>
            <rect x=${c.x - 8} y="2" width=${c.width + 16} height=${layout.height - 4} rx="10"></rect>
            <text x=${c.x + c.width / 2} y="20" text-anchor="middle">${strings.lineageLayers[c.layer]}</text>
          </g>`,
        )}
        ${layout.edges.map((e) => this.renderEdge(e, labels))}
        ${layout.nodes.map((n) => this.renderNode(n))}
      </svg>
    </div>`;
  }

  private renderEdge(edge: PositionedEdge, labels: Map<string, string>) {
    return svg`<path class="lineage-edge" d=${edge.path} marker-end="url(#${this.markerId})">
      <title>${strings.lineageEdge(labels.get(edge.from) ?? edge.from, labels.get(edge.to) ?? edge.to, edge.cellIds)}</title>
    </path>`;
  }

  private renderNode(node: PositionedNode) {
    const layer = strings.lineageLayers[node.layer];
    const about =
      node.kind === 'source'
        ? strings.lineageSource
        : node.writers.length
          ? strings.lineageMadeBy(node.writers)
          : strings.lineageLoadedByLesson;
    const cellId = node.cellId;
    return svg`<g
      class="lineage-node"
      data-kind=${node.kind}
      data-layer=${node.layer}
      transform="translate(${node.x},${node.y})"
      role=${cellId ? 'button' : 'img'}
      tabindex=${cellId ? '0' : nothing}
      aria-label=${strings.lineageNode(node.label, layer, cellId)}
      @click=${cellId ? () => this.focusCell(cellId) : nothing}
      @keydown=${cellId ? (e: KeyboardEvent) => this.onKey(e, cellId) : nothing}
    >
      <title>${node.label}${node.kind === 'view' ? ` (${strings.lineageView})` : ''} — ${about}</title>
      <rect width=${node.width} height=${node.height} rx=${node.kind === 'source' ? 4 : 8}></rect>
      <text x="10" y=${node.height / 2} dominant-baseline="central">${node.text}</text>
    </g>`;
  }

  private onKey(event: KeyboardEvent, cellId: string): void {
    if (event.key !== 'Enter' && event.key !== ' ') return;
    event.preventDefault();
    this.focusCell(cellId);
  }

  private focusCell(cellId: string): void {
    this.dispatchEvent(new CustomEvent<FocusCellDetail>('focus-cell', { detail: { cellId }, bubbles: true, composed: true }));
  }
}

customElements.define('dew-lineage-view', LineageView);

declare global {
  interface HTMLElementTagNameMap {
    'dew-lineage-view': LineageView;
  }
  interface HTMLElementEventMap {
    'focus-cell': CustomEvent<FocusCellDetail>;
  }
}
