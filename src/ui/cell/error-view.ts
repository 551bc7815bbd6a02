import { LitElement, html } from 'lit';
import type { CellOutput } from '../../notebook/cell-state';
import { renderErrorTip } from '../../notebook/exercises';
import { madeByNote } from './made-by-note';
import { strings } from '../strings';

type Failure = Extract<CellOutput, { kind: 'error' | 'stopped' }>;

/** An error as SQLite (or the runtime) said it, announced to assistive technology. */
export class ErrorView extends LitElement {
  static override properties = { output: { attribute: false } };
  declare output: Failure | undefined;

  protected override createRenderRoot() {
    return this;
  }

  override render() {
    const output = this.output;
    if (!output) return null;
    const heading =
      output.kind === 'stopped'
        ? strings.stoppedRunning
        : output.statement
          ? strings.errorInStatement(output.statement)
          : strings.error;
    return html`<div role="alert" class="cell-error ${output.kind}">
      <strong>${heading}</strong>
      <pre>${output.message}</pre>
      ${output.kind === 'error' && output.tip ? html`<p class="error-tip">${renderErrorTip(output.tip)}</p>` : null}
      ${output.kind === 'error' && output.madeBy ? madeByNote(this, output.madeBy) : null}
    </div>`;
  }
}

customElements.define('dew-error-view', ErrorView);

declare global {
  interface HTMLElementTagNameMap {
    'dew-error-view': ErrorView;
  }
}
