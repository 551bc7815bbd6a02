import { LitElement, html, nothing } from 'lit';
import type { DiffLine } from '../../progress';
import { strings } from '../strings';

const SIGN: Record<DiffLine['kind'], string> = { same: ' ', removed: '−', added: '+' };

/** A line diff as rows: old and new line numbers, a sign, the text; removed lines are <del>, added ones <ins>. */
export class LineDiffView extends LitElement {
  static override properties = { lines: { attribute: false }, label: {} };
  declare lines: DiffLine[];
  declare label: string;

  constructor() {
    super();
    this.lines = [];
    this.label = '';
  }

  protected override createRenderRoot() {
    return this;
  }

  override render() {
    const changed = this.lines.some((l) => l.kind !== 'same');
    return html`
      <p class="diff-legend">
        <span class="removed">− ${strings.diffLegendRemoved}</span>
        <span class="added">+ ${strings.diffLegendAdded}</span>
      </p>
      ${changed ? nothing : html`<p class="note">${strings.diffSame}</p>`}
      <div class="line-diff" role="group" aria-label=${this.label}>
        ${this.lines.map((line) => {
          const body = html`<span class="diff-old">${line.oldLine ?? ''}</span><span class="diff-new">${line.newLine ?? ''}</span><span class="diff-sign" aria-hidden="true">${SIGN[line.kind]}</span><code>${line.text || ' '}</code>`;
          if (line.kind === 'removed') return html`<del class="diff-line removed">${body}</del>`;
          if (line.kind === 'added') return html`<ins class="diff-line added">${body}</ins>`;
          return html`<div class="diff-line">${body}</div>`;
        })}
      </div>
    `;
  }
}

customElements.define('dew-line-diff', LineDiffView);

declare global {
  interface HTMLElementTagNameMap {
    'dew-line-diff': LineDiffView;
  }
}
