import { LitElement, html } from 'lit';
import type { CellOutput } from '../../notebook/cell-state';
import { renderErrorTip } from '../../notebook/exercises';
import { madeByNote } from './made-by-note';
import { strings } from '../strings';

type Failure = Extract<CellOutput, { kind: 'error' | 'stopped' }>;

/** An error as SQLite (or the runtime) said it, announced to assistive technology. */
export class ErrorView extends LitElement {
  static override properties = { output: { attribute: false }, line: { attribute: false }, suggestion: { attribute: false } };
  declare output: Failure | undefined;
  /** The line of the cell's code the error points at, when known. */
  declare line: number | undefined;
  /** A table or column name from the live schema that the misspelt one is close to. */
  declare suggestion: string | undefined;

  protected override createRenderRoot() {
    return this;
  }

  override render() {
    const output = this.output;
    if (!output) return null;
    const heading =
      output.kind === 'stopped'
        ? strings.stoppedRunning
        : output.statement || this.line
          ? strings.errorAt(output.statement, this.line)
          : strings.error;
    return html`<div role="alert" class="cell-error ${output.kind}">
      <strong>${heading}</strong>
      <pre>${output.message}</pre>
      ${output.kind === 'error' && this.suggestion ? html`<p class="did-you-mean">${strings.didYouMean(this.suggestion)}</p>` : null}
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
