import { LitElement, html, nothing } from 'lit';
import { strings } from '../strings';
import { copyShareLink } from './share';

export interface CellResetDetail {
  id: string;
}

const NOTE_MS = 4000;

/** A code cell's own actions: Share (copies a link with its code) and Reset cell (fires `cell-reset`). */
export class CellActions extends LitElement {
  static override properties = {
    lessonId: { attribute: false },
    cellId: { attribute: false },
    code: { attribute: false },
    edited: { type: Boolean },
    note: { state: true },
  };
  declare lessonId: string;
  declare cellId: string;
  declare code: string;
  /** The cell's code differs from the lesson's: there is something to reset. */
  declare edited: boolean;
  declare note: { text: string; problem: boolean } | undefined;

  private noteTimer?: ReturnType<typeof setTimeout>;

  constructor() {
    super();
    this.edited = false;
  }

  protected override createRenderRoot() {
    return this;
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    clearTimeout(this.noteTimer);
  }

  override render() {
    return html`
      <button class="share-button" title=${strings.shareTitle} @click=${this.share}>${strings.share}</button>
      ${this.edited
        ? html`<button class="reset-cell-button" title=${strings.resetCellTitle} @click=${this.reset}>${strings.resetCell}</button>`
        : nothing}
      <span class="share-note ${this.note?.problem ? 'problem' : ''}" role="status" ?hidden=${!this.note}>${this.note?.text ?? ''}</span>
    `;
  }

  private async share(): Promise<void> {
    const outcome = await copyShareLink(this.lessonId, this.cellId, this.code ?? '');
    if (outcome.kind === 'prompted') return;
    const problem = outcome.kind === 'refused';
    this.note = { text: problem ? outcome.message : strings.linkCopied, problem };
    clearTimeout(this.noteTimer);
    this.noteTimer = setTimeout(() => (this.note = undefined), problem ? NOTE_MS * 3 : NOTE_MS);
  }

  private reset(): void {
    this.dispatchEvent(new CustomEvent<CellResetDetail>('cell-reset', { detail: { id: this.cellId }, bubbles: true }));
  }
}

customElements.define('dew-cell-actions', CellActions);

declare global {
  interface HTMLElementTagNameMap {
    'dew-cell-actions': CellActions;
  }
}
