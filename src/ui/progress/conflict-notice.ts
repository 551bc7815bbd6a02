import { LitElement, html, nothing } from 'lit';
import { lineDiff } from '../../progress';
import type { CellConflict } from '../../notebook/lesson-progress';
import { strings } from '../strings';
import './line-diff-view';

export interface ConflictActionDetail {
  id: string;
}

/**
 * On a cell whose lesson code changed since the learner edited it: says so, compares
 * their code with the new lesson code, and fires `conflict-keep` or `conflict-take`.
 */
export class ConflictNotice extends LitElement {
  static override properties = {
    conflict: { attribute: false },
    mine: { attribute: false },
    comparing: { state: true },
  };
  declare conflict: CellConflict;
  /** The learner's code in the cell as it is now. */
  declare mine: string;
  declare comparing: boolean;

  constructor() {
    super();
    this.comparing = false;
  }

  protected override createRenderRoot() {
    return this;
  }

  override render() {
    const { conflict } = this;
    if (!conflict) return nothing;
    return html`<div class="conflict-notice" role="status">
      <p><strong>${strings.conflictTitle}</strong> ${strings.conflictHelp}</p>
      <div class="conflict-actions">
        <button aria-expanded=${String(this.comparing)} @click=${() => (this.comparing = !this.comparing)}>
          ${this.comparing ? strings.hideComparison : strings.compare}
        </button>
        <button @click=${() => this.emit('conflict-keep')}>${strings.keepMine}</button>
        <button @click=${() => this.emit('conflict-take')}>${strings.takeNew}</button>
      </div>
      ${this.comparing
        ? html`<dew-line-diff .lines=${lineDiff(this.mine ?? '', conflict.currentOriginal)} label=${strings.diffLabel}></dew-line-diff>`
        : nothing}
    </div>`;
  }

  private emit(type: 'conflict-keep' | 'conflict-take'): void {
    this.dispatchEvent(new CustomEvent<ConflictActionDetail>(type, { detail: { id: this.conflict.cellId }, bubbles: true }));
  }
}

customElements.define('dew-conflict-notice', ConflictNotice);

declare global {
  interface HTMLElementTagNameMap {
    'dew-conflict-notice': ConflictNotice;
  }
}
