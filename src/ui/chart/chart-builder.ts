import { LitElement, html, nothing, type PropertyValues } from 'lit';
import { CHART_TYPES, suggestChart, type ChartSpec, type ChartType } from '../../charts';
import type { ResultSet } from '../../sql/types';
import { strings } from '../strings';
import './chart-view';

/**
 * Turns any result table into a chart without writing a spec: a suggested
 * chart to start from, and pickers for type and columns. "Copy spec" gives
 * the text for a chart cell.
 */
export class ChartBuilder extends LitElement {
  static override properties = {
    result: { attribute: false },
    totalRows: { type: Number },
    cellId: {},
    spec: { state: true },
  };
  declare result: ResultSet;
  declare totalRows: number | undefined;
  declare cellId: string;
  declare spec: ChartSpec | undefined;

  protected override createRenderRoot() {
    return this;
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    // A rerun with other columns starts again from a fresh suggestion.
    if (changed.has('result') && (!this.spec || !this.fits(this.spec))) {
      const suggested = suggestChart(this.result);
      this.spec = suggested && { ...suggested, from: this.cellId };
    }
  }

  override render() {
    const { spec, result } = this;
    if (!spec) return html`<p class="note">${strings.nothingToChart}</p>`;
    const columns = result.columns;
    return html`
      <div class="chart-builder" role="group" aria-label=${strings.chartBuilder}>
        ${this.picker(strings.chartType, spec.type, CHART_TYPES, (type) => this.applyPatch({ type: type as ChartType }))}
        ${this.picker('x', spec.x, columns, (x) => this.applyPatch({ x }))}
        ${spec.type === 'histogram' ? nothing : this.picker('y', spec.y ?? '', columns, (y) => this.applyPatch({ y }))}
        ${this.picker(strings.chartColor, spec.color ?? '', ['', ...columns], (color) => this.applyPatch({ color: color || undefined }))}
      </div>
      <dew-chart-view .spec=${spec} .result=${result} .totalRows=${this.totalRows} name=${this.cellId}></dew-chart-view>
    `;
  }

  private picker(label: string, value: string, options: readonly string[], onChange: (value: string) => void) {
    return html`<label
      >${label}
      <select @change=${(e: Event) => onChange((e.target as HTMLSelectElement).value)}>
        ${options.map((o) => html`<option value=${o} ?selected=${o === value}>${o || strings.none}</option>`)}
      </select></label
    >`;
  }

  private applyPatch(patch: Partial<ChartSpec>): void {
    const next: ChartSpec = { ...this.spec!, ...patch };
    if (next.type === 'histogram') delete next.y;
    else next.y ??= this.result.columns.find((c) => c !== next.x) ?? next.x;
    if (next.type === 'grouped-bar') next.color ??= this.result.columns.find((c) => c !== next.x && c !== next.y);
    this.spec = next;
  }

  private fits(spec: ChartSpec): boolean {
    const has = (c: string | undefined) => c === undefined || this.result.columns.includes(c);
    return has(spec.x) && has(spec.y) && has(spec.color);
  }
}

customElements.define('dew-chart-builder', ChartBuilder);

declare global {
  interface HTMLElementTagNameMap {
    'dew-chart-builder': ChartBuilder;
  }
}
