import { LitElement, html, nothing } from 'lit';
import { onUpdateReady, type UpdateReady } from '../../offline/register';
import { offlineStrings as t } from './offline-strings';

/**
 * "A new version is ready — Reload": shown while a new version waits. It does not
 * block the page and never reloads by itself; the learner picks the moment.
 */
export class UpdateBanner extends LitElement {
  static override properties = { pending: { state: true }, dismissed: { state: true } };
  declare pending: UpdateReady | undefined;
  declare dismissed: boolean;
  private unsubscribe?: () => void;

  constructor() {
    super();
    this.dismissed = false;
  }

  protected override createRenderRoot() {
    return this;
  }

  override connectedCallback(): void {
    super.connectedCallback();
    this.unsubscribe = onUpdateReady((update) => (this.pending = update));
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.unsubscribe?.();
  }

  override render() {
    if (!this.pending || this.dismissed) return nothing;
    const update = this.pending;
    return html`<div class="update-banner" role="status">
      <p>${t.updateReady} — <button class="update-reload" @click=${() => update.apply()}>${t.reload}</button></p>
      <button class="update-later" @click=${() => (this.dismissed = true)}>${t.later}</button>
    </div>`;
  }
}

customElements.define('dew-update-banner', UpdateBanner);

declare global {
  interface HTMLElementTagNameMap {
    'dew-update-banner': UpdateBanner;
  }
}
