// The lineage view: the notebook's tables as a graph from sources through raw
// and cleaned tables to marts, drawn by the generic graph module. Activating a
// table (click, Enter) asks the notebook to show the cell that made it.
import { LitElement, html, nothing } from 'lit';
import type { LineageGraph } from '../../notebook/lineage';
import { strings } from '../strings';
import type { GraphSpec } from '../graph/types';
import type { GraphNodeEventDetail } from '../graph/graph-view';
import { lineageSpec } from './lineage-spec';
import '../graph/graph-view';

export interface FocusCellDetail {
  cellId: string;
}

let instances = 0;

export class LineageView extends LitElement {
  static override properties = { graph: { attribute: false }, heading: {} };
  declare graph: LineageGraph;
  /** The heading above the drawing; '' for none (when the page already has one). */
  declare heading: string;

  private readonly uid = `lineage-${++instances}`;
  private spec?: { graph: LineageGraph; value: GraphSpec };

  constructor() {
    super();
    this.graph = { nodes: [], edges: [] };
    this.heading = strings.lineageTitle;
  }

  protected override createRenderRoot() {
    return this;
  }

  override render() {
    const headingId = `${this.uid}-title`;
    if (this.spec?.graph !== this.graph) this.spec = { graph: this.graph, value: lineageSpec(this.graph) };
    return html`<section class="lineage-view" aria-labelledby=${this.heading ? headingId : nothing}>
      ${this.heading ? html`<h2 class="lineage-title" id=${headingId}>${this.heading}</h2>` : nothing}
      ${this.graph.nodes.length === 0
        ? html`<p class="lineage-empty">${strings.lineageEmpty}</p>`
        : html`<dew-graph .spec=${this.spec.value} label=${this.heading || strings.lineageTitle} @graph-node-activate=${this.onActivate}></dew-graph>`}
    </section>`;
  }

  private onActivate = (event: CustomEvent<GraphNodeEventDetail>) => {
    const cellId = this.graph.nodes.find((n) => n.id === event.detail.id)?.cellId;
    if (cellId) this.dispatchEvent(new CustomEvent<FocusCellDetail>('focus-cell', { detail: { cellId }, bubbles: true, composed: true }));
  };
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
