import { LitElement, html, nothing } from 'lit';
import { downloadCourse, missingFiles, type DownloadProgress } from '../../offline/download';
import { browserCourseStore, canWorkOffline, spaceUsed, type SpaceUsed } from '../../offline/browser-store';
import { offlineStrings as t } from './offline-strings';

type State =
  | { phase: 'idle' }
  | { phase: 'downloading'; progress: DownloadProgress }
  | { phase: 'stopped'; progress: DownloadProgress; message: string }
  | { phase: 'ready'; totalBytes: number; space: SpaceUsed };

/**
 * The "Make the course available offline" button (home and progress pages):
 * a bar in MB and files while it runs, Cancel, and the space used when done.
 */
export class OfflineDownload extends LitElement {
  static override properties = { state: { state: true } };
  declare state: State;
  private abort?: AbortController;
  private progress?: DownloadProgress;

  constructor() {
    super();
    this.state = { phase: 'idle' };
  }

  protected override createRenderRoot() {
    return this;
  }

  override connectedCallback(): void {
    super.connectedCallback();
    if (canWorkOffline()) void this.checkReady();
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    // Leaving the page stops the download; what finished stays saved.
    this.abort?.abort();
  }

  /** Shows "available offline" straight away when an earlier download finished. */
  private async checkReady(): Promise<void> {
    const { all, missing } = await missingFiles(browserCourseStore()).catch(() => ({ all: [], missing: [null] }));
    if (missing.length === 0 && all.length > 0 && this.state.phase === 'idle') {
      this.state = { phase: 'ready', totalBytes: all.reduce((n, f) => n + f.bytes, 0), space: await spaceUsed() };
    }
  }

  private async start(): Promise<void> {
    const abort = (this.abort = new AbortController());
    // Ask the browser not to evict the course under storage pressure (it may say no).
    void navigator.storage?.persist?.().catch(() => false);
    try {
      const done = await downloadCourse(browserCourseStore(), abort.signal, (progress) => {
        this.progress = progress;
        this.state = { phase: 'downloading', progress };
      });
      this.state = { phase: 'ready', totalBytes: done.totalBytes, space: await spaceUsed() };
    } catch (error) {
      const progress = this.progress ?? { doneBytes: 0, totalBytes: 0, doneFiles: 0, totalFiles: 0 };
      const message = abort.signal.aborted
        ? t.cancelled(progress.doneFiles, progress.totalFiles)
        : t.failed(error instanceof Error ? error.message : String(error));
      this.state = { phase: 'stopped', progress, message };
    } finally {
      if (this.abort === abort) this.abort = undefined;
    }
  }

  override render() {
    if (!canWorkOffline()) return html`<section class="offline-download"><p class="muted">${t.unavailable}</p></section>`;
    const state = this.state;
    return html`<section class="offline-download" aria-label=${t.makeOffline}>
      ${state.phase === 'downloading' ? this.renderProgress(state.progress) : this.renderStart()}
      ${state.phase === 'stopped' ? html`<p class="offline-stopped" role="status">${state.message}</p>` : nothing}
      ${state.phase === 'ready'
        ? html`<p class="offline-ready" role="status">${t.ready(state.totalBytes, state.space.usage, state.space.quota)}</p>`
        : nothing}
    </section>`;
  }

  private renderStart() {
    if (this.state.phase === 'ready') return nothing;
    return html`<button class="offline-start" @click=${() => void this.start()}>${t.makeOffline}</button>
      <p class="muted">${t.makeOfflineHelp}</p>`;
  }

  private renderProgress(p: DownloadProgress) {
    const text = t.downloading(p.doneBytes, p.totalBytes, p.doneFiles, p.totalFiles);
    return html`<div class="offline-progress">
      <progress aria-label=${t.downloadLabel} aria-valuetext=${text} max=${p.totalBytes || 1} .value=${p.doneBytes}></progress>
      <span role="status">${text}</span>
      <button class="offline-cancel" @click=${() => this.abort?.abort()}>${t.cancel}</button>
    </div>`;
  }
}

customElements.define('dew-offline-download', OfflineDownload);

declare global {
  interface HTMLElementTagNameMap {
    'dew-offline-download': OfflineDownload;
  }
}
