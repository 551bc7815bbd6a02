import { LitElement, html, nothing, type PropertyValues } from 'lit';
import { unsafeHTML } from 'lit/directives/unsafe-html.js';
import type { CodeCell, Lesson, MarkdownCell } from '../../lesson/types';
import type { NotebookRuntime, NotebookState } from '../../notebook/runtime';
import { renderMarkdown } from '../cell/markdown';
import type { CellRunDetail, CodeCellView } from '../cell/code-cell';
import { strings } from '../strings';
import '../cell/code-cell';
import './notebook-aside';

/** A lesson as a notebook: its header, toolbar and cells, rendered from the runtime's state. */
export class NotebookView extends LitElement {
  static override properties = {
    lesson: { attribute: false },
    runtime: { attribute: false },
    state: { state: true },
  };
  declare lesson: Lesson;
  declare runtime: NotebookRuntime;
  declare state: NotebookState | undefined;

  private unsubscribe?: () => void;
  private prose = new WeakMap<MarkdownCell, unknown>();

  protected override createRenderRoot() {
    return this;
  }

  override connectedCallback(): void {
    super.connectedCallback();
    // After a reconnect, willUpdate subscribes again.
    this.requestUpdate();
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.unsubscribe?.();
    this.unsubscribe = undefined;
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    if (this.runtime && (changed.has('runtime') || !this.unsubscribe)) this.subscribe();
  }

  private subscribe(): void {
    this.unsubscribe?.();
    this.unsubscribe = this.runtime.subscribe((state) => (this.state = state));
    // Start fetching the data while the learner reads, so the first run is quick.
    void this.runtime.prepare();
  }

  override render() {
    const { lesson, state } = this;
    if (!state) return nothing;
    const cellStates = new Map(state.cells.map((c) => [c.id, c]));
    const stale = new Set(state.staleInputs);
    return html`
      <div class="notebook-layout">
      <article class="notebook" @cell-run=${this.onRun} @cell-edit=${this.onEdit} @cell-stop=${this.onStop}>
        <header class="lesson-header">
          <p class="lesson-stage">${strings.stageNames[lesson.stage]}${lesson.minutes ? html` · ${strings.minutes(lesson.minutes)}` : nothing}</p>
          <h1>${lesson.title}</h1>
          <p class="lesson-summary">${lesson.summary}</p>
          <div class="lesson-facts">
            <div>
              <h2>${strings.objectives}</h2>
              <ul>${lesson.objectives.map((o) => html`<li>${o}</li>`)}</ul>
            </div>
            ${lesson.datasets.length
              ? html`<div>
                  <h2>${strings.datasets}</h2>
                  <p class="dataset-status" data-state=${state.datasets.state}>
                    ${lesson.datasets.map((d) => html`<code>${d}</code> `)}
                    <span>${this.datasetText()}</span>
                  </p>
                </div>`
              : nothing}
          </div>
        </header>
        <div class="notebook-toolbar" role="toolbar">
          <button class="primary" @click=${() => void this.runtime.runAll()}>${strings.runAll}</button>
          <button ?disabled=${!state.running} @click=${this.onStop}>${strings.stop}</button>
          ${state.staleInputs.length > 0
            ? html`<button class="stale-button" @click=${() => void this.runtime.runStale()}>
                ${strings.runStaleCells} (${state.staleInputs.length})
              </button>`
            : nothing}
          <span class="hint">${strings.keyboardHint}</span>
        </div>
        ${lesson.cells.map((cell) =>
          cell.kind === 'markdown'
            ? html`<div class="cell markdown-cell">${this.renderProse(cell)}</div>`
            : html`<dew-code-cell
                .cell=${cell}
                .state=${cellStates.get(cell.id)}
                ?staleInputs=${stale.has(cell.id)}
              ></dew-code-cell>`,
        )}
      </article>
      <dew-notebook-aside
        class="notebook-aside"
        aria-label=${strings.schemaTitle}
        .lesson=${lesson}
        .runtime=${this.runtime}
        .state=${state}
        @focus-cell=${this.onFocusCell}
      ></dew-notebook-aside>
      </div>
    `;
  }

  private datasetText(): string {
    const status = this.state!.datasets;
    switch (status.state) {
      case 'loading':
        return strings.loadingData(this.lesson.datasets);
      case 'ready':
        return strings.dataReady;
      case 'error':
        return `${strings.dataFailed}: ${status.message}`;
      default:
        return '';
    }
  }

  /** Markdown is parsed once per cell, not on every state change. */
  private renderProse(cell: MarkdownCell) {
    let rendered = this.prose.get(cell);
    if (!rendered) {
      rendered = unsafeHTML(renderMarkdown(cell.source));
      this.prose.set(cell, rendered);
    }
    return rendered;
  }

  private onRun(event: CustomEvent<CellRunDetail>): void {
    const { id, advance } = event.detail;
    void this.runtime.run(id);
    if (advance) this.focusCellAfter(id);
  }

  private onEdit(event: CustomEvent<{ id: string; source: string }>): void {
    this.runtime.edit(event.detail.id, event.detail.source);
  }

  private onStop(): void {
    void this.runtime.stop();
  }

  private focusCellAfter(id: string): void {
    const code = this.lesson.cells.filter((c): c is CodeCell => c.kind !== 'markdown');
    const next = code[code.findIndex((c) => c.id === id) + 1];
    if (next) this.focusCell(next.id, 'nearest');
  }

  private onFocusCell(event: CustomEvent<{ cellId: string }>): void {
    this.focusCell(event.detail.cellId, 'start');
  }

  private focusCell(id: string, block: ScrollLogicalPosition): void {
    const view = [...this.querySelectorAll<CodeCellView>('dew-code-cell')].find((v) => v.cell.id === id);
    view?.focusEditor();
    view?.scrollIntoView({ block, behavior: 'smooth' });
  }
}

customElements.define('dew-notebook', NotebookView);

declare global {
  interface HTMLElementTagNameMap {
    'dew-notebook': NotebookView;
  }
}
