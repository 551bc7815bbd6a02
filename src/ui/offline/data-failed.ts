import { LitElement, html, nothing } from 'lit';
import type { DatasetStatus } from '../../notebook/runtime';
import { strings } from '../strings';
import { offlineStrings as t } from './offline-strings';

/**
 * When a lesson's data did not load: says why in plain words (not saved for
 * offline use, or the loader's message) with a Retry. The lesson's text and the
 * rest of the app keep working; a run also tries again by itself.
 */
export class DataFailed extends LitElement {
  static override properties = { status: { attribute: false }, retrying: { state: true } };
  declare status: DatasetStatus | undefined;
  declare retrying: boolean;
  /** Loads the data again (runtime.prepare). */
  declare retry: (() => Promise<void>) | undefined;

  constructor() {
    super();
    this.retrying = false;
  }

  protected override createRenderRoot() {
    return this;
  }

  override render() {
    const status = this.status;
    if (status?.state !== 'error') return nothing;
    const text = status.notCached ? t.notCached : `${strings.dataFailed}: ${status.message}`;
    return html`<div class="data-not-cached" role="alert">
      <p>${text}</p>
      <button ?disabled=${this.retrying} @click=${() => void this.onRetry()}>${t.retry}</button>
    </div>`;
  }

  private async onRetry(): Promise<void> {
    this.retrying = true;
    try {
      await this.retry?.();
    } finally {
      this.retrying = false;
    }
  }
}

customElements.define('dew-data-failed', DataFailed);

declare global {
  interface HTMLElementTagNameMap {
    'dew-data-failed': DataFailed;
  }
}
