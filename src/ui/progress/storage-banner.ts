import { LitElement, html, nothing } from 'lit';
import type { ProgressStore, StoreStatus } from '../../progress';
import { strings } from '../strings';

/**
 * Says so while the learner's work is kept in this tab only. Dismissing hides the
 * current message; a different one (or the same after storage recovered) shows again.
 */
export class StorageBanner extends LitElement {
  static override properties = {
    store: { attribute: false },
    status: { state: true },
    dismissed: { state: true },
  };
  declare store: ProgressStore | undefined;
  declare status: StoreStatus | undefined;
  /** The reason the learner dismissed, until the status changes. */
  declare dismissed: string | undefined;

  private unsubscribe?: () => void;
  private subscribedTo?: ProgressStore;

  protected override createRenderRoot() {
    return this;
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.unsubscribe?.();
    this.unsubscribe = this.subscribedTo = undefined;
  }

  protected override willUpdate(): void {
    if (!this.store || this.store === this.subscribedTo) return;
    this.unsubscribe?.();
    this.subscribedTo = this.store;
    this.unsubscribe = this.store.onStatus((status) => {
      const before = this.status?.state === 'memory-only' ? this.status.reason : 'ok';
      const now = status.state === 'memory-only' ? status.reason : 'ok';
      if (now !== before) {
        this.dismissed = undefined;
        if (status.state === 'memory-only') console.warn(`Saved work is kept in this tab only: ${status.detail ?? status.reason}`);
      }
      this.status = status;
    });
  }

  override render() {
    const status = this.status;
    if (!status || status.state !== 'memory-only' || this.dismissed === status.reason) return nothing;
    return html`<div class="storage-banner" role="alert">
      <p>${status.message}</p>
      <button @click=${() => (this.dismissed = status.reason)}>${strings.dismiss}</button>
    </div>`;
  }
}

customElements.define('dew-storage-banner', StorageBanner);

declare global {
  interface HTMLElementTagNameMap {
    'dew-storage-banner': StorageBanner;
  }
}
