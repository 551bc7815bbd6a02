import { LitElement, html, nothing } from 'lit';
import type { SandboxOutput } from '../../sandbox/protocol';
import { strings } from '../strings';
import '../result/result-table';

/** A JavaScript cell's outputs in the order the code produced them. */
export class JsOutput extends LitElement {
  static override properties = { outputs: { attribute: false } };
  declare outputs: SandboxOutput[];

  protected override createRenderRoot() {
    return this;
  }

  override render() {
    const outputs = this.outputs ?? [];
    if (outputs.length === 0) return html`<p class="note">${strings.jsNoOutput}</p>`;
    return outputs.map((output) => this.renderOne(output));
  }

  private renderOne(output: SandboxOutput) {
    switch (output.kind) {
      case 'log':
        return html`<pre class="js-log ${output.level}">${output.text}</pre>`;
      case 'text':
        return html`${output.title ? html`<h4 class="js-title">${output.title}</h4>` : nothing}<pre class="js-text">${output.text}</pre>`;
      case 'value':
        return html`${output.title ? html`<h4 class="js-title">${output.title}</h4>` : nothing}<pre class="js-value">${output.json}</pre>`;
      case 'table':
        return html`${output.title ? html`<h4 class="js-title">${output.title}</h4>` : nothing}
          <dew-result-table .result=${output.result} .totalRows=${output.totalRows}></dew-result-table>`;
      case 'error':
        return html`<div role="alert" class="cell-error ${output.stopped ? 'stopped' : ''}">
          <strong>${output.stopped ? strings.stoppedRunning : output.line ? strings.errorOnLine(output.line) : strings.error}</strong>
          <pre>${output.message}</pre>
        </div>`;
    }
  }
}

customElements.define('dew-js-output', JsOutput);

declare global {
  interface HTMLElementTagNameMap {
    'dew-js-output': JsOutput;
  }
}
