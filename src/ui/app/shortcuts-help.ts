// The "Keyboard shortcuts" help: a `?` button in the app bar, and the `?` key
// anywhere outside an editor or a form field, open a dialog listing them.
import { LitElement, html } from 'lit';
import { strings } from '../strings';

/** True when a key typed at `target` is text for a field, not a command. */
function typingInto(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  return target.isContentEditable || target.closest('input, textarea, select, dew-code-editor') !== null;
}

export class ShortcutsHelp extends LitElement {
  private readonly onKey = (event: KeyboardEvent) => {
    if (event.key !== '?' || event.ctrlKey || event.metaKey || event.altKey || typingInto(event.target)) return;
    event.preventDefault();
    this.open();
  };

  protected override createRenderRoot() {
    return this;
  }

  override connectedCallback(): void {
    super.connectedCallback();
    document.addEventListener('keydown', this.onKey);
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    document.removeEventListener('keydown', this.onKey);
  }

  open(): void {
    const dialog = this.querySelector('dialog');
    if (dialog && !dialog.open) dialog.showModal();
  }

  override render() {
    return html`
      <button class="shortcuts-button" aria-label=${strings.shortcutsTitle} title=${strings.shortcutsTitle} @click=${this.open}>?</button>
      <dialog class="shortcuts-dialog" aria-labelledby="shortcuts-title">
        <h2 id="shortcuts-title">${strings.shortcutsTitle}</h2>
        <dl>
          ${strings.shortcuts.map(([keys, what]) => html`<dt><kbd>${keys}</kbd></dt><dd>${what}</dd>`)}
        </dl>
        <form method="dialog"><button class="primary">${strings.close}</button></form>
      </dialog>
    `;
  }
}

customElements.define('dew-shortcuts-help', ShortcutsHelp);

declare global {
  interface HTMLElementTagNameMap {
    'dew-shortcuts-help': ShortcutsHelp;
  }
}
