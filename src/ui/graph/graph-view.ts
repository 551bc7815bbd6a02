// <dew-graph>: draws a GraphSpec laid out by layout.ts, with pan and zoom
// (d3-zoom: drag, wheel, pinch), zoom and fit buttons, full labels at the
// page's text size, and upstream/downstream highlighting of a selected node.
// Generic: callers decide what nodes mean and what activating one does. API and
// styling hooks: docs/graph.md.
import { LitElement, html, nothing, svg } from 'lit';
import { select, zoom, zoomIdentity, type ZoomBehavior } from 'd3';
import { layoutGraph } from './layout';
import { reach, type Reach } from './reach';
import type { GraphLayout, GraphSpec, PositionedGraphEdge, PositionedGraphNode } from './types';
import { strings } from '../strings';

export interface GraphNodeEventDetail {
  id: string;
}

let instances = 0;
const MIN_SCALE = 0.2;
const MAX_SCALE = 3;

export class GraphView extends LitElement {
  static override properties = {
    spec: { attribute: false },
    label: {},
    direction: {},
    selected: { attribute: false },
  };
  declare spec: GraphSpec;
  /** Accessible name of the drawing. */
  declare label: string;
  /** 'auto': left to right when that fits the width at full size, else top to bottom. */
  declare direction: 'LR' | 'TB' | 'auto';
  /** The highlighted node (its upstream and downstream are highlighted too); null for none. */
  declare selected: string | null;

  private readonly uid = `dew-graph-${++instances}`;
  private layout?: GraphLayout;
  private laidOut?: { spec: GraphSpec; direction: string; width: number; font: string };
  private behavior?: ZoomBehavior<SVGSVGElement, unknown>;
  private observer?: ResizeObserver;
  private viewportWidth = 0;
  private scale = 1;

  constructor() {
    super();
    this.spec = { nodes: [], edges: [] };
    this.label = '';
    this.direction = 'auto';
    this.selected = null;
  }

  protected override createRenderRoot() {
    return this;
  }

  override connectedCallback(): void {
    super.connectedCallback();
    this.observer = new ResizeObserver(() => {
      const width = this.viewport()?.clientWidth ?? 0;
      if (Math.abs(width - this.viewportWidth) < 1) return;
      this.viewportWidth = width;
      this.requestUpdate();
    });
    this.observer.observe(this);
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.observer?.disconnect();
  }

  /** The current layout (after the first render), e.g. for tests. */
  get currentLayout(): GraphLayout | undefined {
    return this.layout;
  }

  /** Scales the drawing to fit the view, never above full size, and centres it. */
  fit(): void {
    const svgEl = this.svgElement();
    const box = this.viewport();
    if (!svgEl || !box || !this.layout || !this.behavior) return;
    const k = Math.max(MIN_SCALE, Math.min(1, box.clientWidth / this.layout.width, box.clientHeight / this.layout.height));
    const x = (box.clientWidth - this.layout.width * k) / 2;
    const y = (box.clientHeight - this.layout.height * k) / 2;
    select(svgEl).call(this.behavior.transform, zoomIdentity.translate(Math.max(0, x), Math.max(0, y)).scale(k));
  }

  zoomBy(factor: number): void {
    const svgEl = this.svgElement();
    if (svgEl && this.behavior) select(svgEl).call(this.behavior.scaleBy, factor);
  }

  /** Full size, top left. */
  actualSize(): void {
    const svgEl = this.svgElement();
    if (svgEl && this.behavior) select(svgEl).call(this.behavior.transform, zoomIdentity);
  }

  /** Keyboard focus on a node's box. */
  focusNode(id: string): void {
    this.querySelector<SVGGElement>(`g.graph-node[data-id="${CSS.escape(id)}"]`)?.focus();
  }

  protected override willUpdate(): void {
    const font = this.font();
    const width = this.viewportWidth;
    const stale = this.laidOut;
    if (stale && stale.spec === this.spec && stale.direction === this.direction && stale.font === font && (this.direction !== 'auto' || stale.width === width)) return;
    const measure = measurer(font);
    const fontSize = parseFloat(font) || 16;
    const lay = (direction: 'LR' | 'TB') => layoutGraph(this.spec, { direction, fontSize, measure });
    let layout = lay(this.direction === 'TB' ? 'TB' : 'LR');
    if (this.direction === 'auto' && width > 0 && layout.width > width) {
      const tall = lay('TB');
      if (tall.width < layout.width) layout = tall;
    }
    this.layout = layout;
    this.laidOut = { spec: this.spec, direction: this.direction, width, font };
    this.needsFit = true;
  }
  private needsFit = true;

  protected override updated(): void {
    const svgEl = this.svgElement();
    if (svgEl && !this.behavior) {
      this.behavior = zoom<SVGSVGElement, unknown>()
        .scaleExtent([MIN_SCALE, MAX_SCALE])
        .on('zoom', (event: { transform: { x: number; y: number; k: number; toString(): string } }) => {
          this.scale = event.transform.k;
          this.querySelector('.graph-stage')?.setAttribute('transform', event.transform.toString());
          const level = this.querySelector('.graph-zoom-level output');
          if (level) level.textContent = `${Math.round(this.scale * 100)}%`;
        });
      select(svgEl).call(this.behavior).on('dblclick.zoom', null);
    }
    if (this.needsFit && svgEl) {
      this.needsFit = false;
      this.fit();
    }
  }

  override render() {
    const layout = this.layout;
    if (!layout) return nothing;
    const on: Reach | null = this.selected && layout.nodes.some((n) => n.id === this.selected) ? reach(this.spec.edges, this.selected) : null;
    // Tall enough for the drawing at the scale that fits the width (the CSS caps it).
    const fitWidth = this.viewportWidth > 0 ? Math.min(1, this.viewportWidth / layout.width) : 1;
    const height = Math.ceil(Math.max(120, layout.height * fitWidth));
    return html`<div class="graph-toolbar" role="toolbar" aria-label=${strings.graphToolbar}>
        <button type="button" class="graph-zoom-out" aria-label=${strings.graphZoomOut} title=${strings.graphZoomOut} @click=${() => this.zoomBy(1 / 1.25)}>−</button>
        <span class="graph-zoom-level"><output aria-live="polite"></output></span>
        <button type="button" class="graph-zoom-in" aria-label=${strings.graphZoomIn} title=${strings.graphZoomIn} @click=${() => this.zoomBy(1.25)}>+</button>
        <button type="button" class="graph-fit" @click=${() => this.fit()}>${strings.graphFit}</button>
        <button type="button" class="graph-actual" @click=${() => this.actualSize()}>${strings.graphActualSize}</button>
      </div>
      <div class="graph-viewport" style="--graph-height:${height}px" @keydown=${this.onKey}>
        <svg class="graph-svg" role="group" aria-label=${this.label || nothing} data-direction=${layout.direction}>
          <defs>
            <marker id="${this.uid}-arrow" viewBox="0 0 10 10" refX="9" refY="5" markerWidth="7" markerHeight="7" orient="auto-start-reverse">
              <path d="M0,0L10,5L0,10z" class="graph-arrow"></path>
            </marker>
          </defs>
          <g class="graph-stage">
            ${layout.bands.map((b) => this.renderBand(b, layout))}
            ${layout.edges.map((e, i) => this.renderEdge(e, i, on))}
            ${layout.nodes.map((n) => this.renderNode(n, on))}
          </g>
        </svg>
      </div>`;
  }

  private renderBand(band: GraphLayout['bands'][number], layout: GraphLayout) {
    const lr = layout.direction === 'LR';
    const pad = 8;
    const [x, y, w, h] = lr
      ? [band.start - pad, 0, band.end - band.start + 2 * pad, layout.height]
      : [0, band.start - pad, layout.width, band.end - band.start + 2 * pad];
    return svg`<g class="graph-band" data-layer=${band.layer}>
      <rect x=${x} y=${y} width=${w} height=${h} rx="8"></rect>
      <text x=${lr ? x + w / 2 : 6} y=${lr ? 12 : y + 12} text-anchor=${lr ? 'middle' : 'start'}>${band.label}</text>
    </g>`;
  }

  private renderEdge(edge: PositionedGraphEdge, index: number, on: Reach | null) {
    const mark = on ? (on.edges.has(index) ? 'on' : 'off') : nothing;
    return svg`<g class="graph-edge" data-id=${edge.id} data-from=${edge.from} data-to=${edge.to} data-self-loop=${edge.selfLoop ? 'true' : nothing} data-reach=${mark}>
      <path d=${edge.path} marker-end="url(#${this.uid}-arrow)"><title>${edge.description ?? `${edge.from} → ${edge.to}`}</title></path>
      ${edge.label && edge.labelAt ? svg`<text class="graph-edge-label" x=${edge.labelAt.x} y=${edge.labelAt.y} text-anchor="middle" dominant-baseline="central">${edge.label}</text>` : nothing}
    </g>`;
  }

  private renderNode(node: PositionedGraphNode, on: Reach | null) {
    const interactive = node.interactive !== false;
    const mark = !on ? nothing : node.id === this.selected ? 'selected' : on.upstream.has(node.id) ? 'upstream' : on.downstream.has(node.id) ? 'downstream' : 'off';
    const name = node.description ? `${node.label}, ${node.description}` : node.label;
    return svg`<g
      class="graph-node"
      data-id=${node.id}
      data-group=${node.group ?? nothing}
      data-state=${node.state ?? nothing}
      data-reach=${mark}
      transform="translate(${node.x},${node.y})"
      role=${interactive ? 'button' : 'img'}
      tabindex=${interactive ? '0' : nothing}
      aria-pressed=${interactive ? String(node.id === this.selected) : nothing}
      aria-label=${name}
      @click=${interactive ? () => this.activate(node.id) : nothing}
    >
      <title>${name}</title>
      <rect width=${node.width} height=${node.height} rx="6"></rect>
      <text x=${node.width / 2} y=${node.height / 2} text-anchor="middle" dominant-baseline="central">${node.label}</text>
    </g>`;
  }

  private onKey = (event: KeyboardEvent) => {
    const target = (event.target as Element).closest?.('g.graph-node');
    if (event.key === 'Escape' && this.selected !== null) {
      this.selected = null;
      this.dispatchEvent(new CustomEvent('graph-selection-clear', { bubbles: true, composed: true }));
      return;
    }
    if (!target || (event.key !== 'Enter' && event.key !== ' ')) return;
    event.preventDefault();
    this.activate(target.getAttribute('data-id')!);
  };

  /** Selects the node and tells the host. */
  private activate(id: string): void {
    this.selected = id;
    this.dispatchEvent(new CustomEvent<GraphNodeEventDetail>('graph-node-activate', { detail: { id }, bubbles: true, composed: true }));
  }

  private viewport(): HTMLElement | null {
    return this.querySelector<HTMLElement>('.graph-viewport');
  }

  private svgElement(): SVGSVGElement | null {
    return this.querySelector<SVGSVGElement>('svg.graph-svg');
  }

  /** The CSS font the node labels are drawn in: the host's (.graph-svg inherits it). */
  private font(): string {
    if (!this.isConnected) return '16px sans-serif';
    const style = getComputedStyle(this);
    return `${style.fontSize} ${style.fontFamily}`;
  }
}

/** Measures text with a canvas in the given CSS font. */
function measurer(font: string): (text: string) => number {
  const context = document.createElement('canvas').getContext('2d');
  if (!context) return (text) => text.length * (parseFloat(font) || 16) * 0.62;
  context.font = font;
  return (text) => context.measureText(text).width;
}

customElements.define('dew-graph', GraphView);

declare global {
  interface HTMLElementTagNameMap {
    'dew-graph': GraphView;
  }
  interface HTMLElementEventMap {
    'graph-node-activate': CustomEvent<GraphNodeEventDetail>;
    'graph-selection-clear': CustomEvent<void>;
  }
}
