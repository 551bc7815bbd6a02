import { LitElement, html, nothing } from 'lit';
import { unsafeHTML } from 'lit/directives/unsafe-html.js';
import { ChartError, renderChart, type ChartSpec } from '../../charts';
import type { ResultSet } from '../../sql/types';
import { strings } from '../strings';
import { currentTheme, savePng, saveSvg } from './download';
import { specText } from './spec-text';

/** A chart drawn from a spec and rows, with save and copy actions. */
export class ChartView extends LitElement {
  static override properties = {
    spec: { attribute: false },
    result: { attribute: false },
    totalRows: { type: Number },
    name: {},
    copied: { state: true },
  };
  declare spec: ChartSpec;
  declare result: ResultSet;
  declare totalRows: number | undefined;
  /** File name for downloads. */
  declare name: string;
  declare copied: boolean;

  private drawn?: { spec: ChartSpec; result: ResultSet; svg: string; note?: string; error?: string };

  protected override createRenderRoot() {
    return this;
  }

  override render() {
    const { spec, result } = this;
    if (!spec || !result) return nothing;
    const drawn = this.draw(spec, result);
    if (drawn.error) return html`<div role="alert" class="cell-error"><pre>${drawn.error}</pre></div>`;
    const partial = this.totalRows !== undefined && this.totalRows > result.rows.length;
    return html`
      <figure class="chart" aria-label=${spec.title ?? strings.chart}>
        ${unsafeHTML(drawn.svg)}
        ${drawn.note || partial
          ? html`<figcaption>
              ${drawn.note ?? ''} ${partial ? strings.chartFirstRows(result.rows.length, this.totalRows!) : ''}
            </figcaption>`
          : nothing}
      </figure>
      <div class="chart-actions">
        <button @click=${() => saveSvg(drawn.svg, currentTheme(), this.name || 'chart')}>${strings.saveSvg}</button>
        <button @click=${() => void savePng(drawn.svg, currentTheme(), this.name || 'chart')}>${strings.savePng}</button>
        <button @click=${this.copySpec}>${this.copied ? strings.copied : strings.copySpec}</button>
      </div>
    `;
  }

  /** Charts are redrawn only when the spec or rows change, not on every status tick. */
  private draw(spec: ChartSpec, result: ResultSet) {
    if (this.drawn?.spec === spec && this.drawn.result === result) return this.drawn;
    try {
      const { svg, note } = renderChart(spec, result, { theme: currentTheme() });
      this.drawn = { spec, result, svg, note };
    } catch (error) {
      const message = error instanceof ChartError ? error.errors.join('\n') : String(error);
      this.drawn = { spec, result, svg: '', error: message };
    }
    return this.drawn;
  }

  private async copySpec(): Promise<void> {
    try {
      await navigator.clipboard.writeText(specText(this.spec));
      this.copied = true;
      setTimeout(() => (this.copied = false), 1500);
    } catch {
      // Clipboard access can be refused; show the text so it can be copied by hand.
      window.prompt(strings.copySpec, specText(this.spec));
    }
  }
}

customElements.define('dew-chart-view', ChartView);

declare global {
  interface HTMLElementTagNameMap {
    'dew-chart-view': ChartView;
  }
}
