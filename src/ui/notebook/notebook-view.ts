import { LitElement, html, nothing, type PropertyValues } from 'lit';
import { unsafeHTML } from 'lit/directives/unsafe-html.js';
import type { Lesson, MarkdownCell } from '../../lesson/types';
import type { NotebookRuntime, NotebookState } from '../../notebook/runtime';
import type { LessonProgress, LessonProgressState } from '../../notebook/lesson-progress';
import { listenForProgressEvents } from '../progress/progress-events';
import { renderMarkdown } from '../cell/markdown';
import type { CellRunDetail, CodeCellView } from '../cell/code-cell';
import { fileFraction } from '../../datasets/progress';
import { strings } from '../strings';
import type { PipelineCommandDetail } from '../pipeline/pipeline-view';
import type { PeekDetail } from '../pipeline/ti-detail';
import { quoteIdentifier } from '../../notebook/exercises/data-tests';
import '../cell/code-cell';
import '../offline/data-failed';
import './notebook-aside';
import '../progress/lesson-progress-bar';

/** A lesson as a notebook: its header, toolbar and cells, rendered from the runtime's state. */
export class NotebookView extends LitElement {
  static override properties = {
    lesson: { attribute: false },
    runtime: { attribute: false },
    progress: { attribute: false },
    state: { state: true },
    saved: { state: true },
  };
  declare lesson: Lesson;
  declare runtime: NotebookRuntime;
  /** The learner's saved work for this lesson; without it, edits are not saved. */
  declare progress: LessonProgress | undefined;
  declare state: NotebookState | undefined;
  declare saved: LessonProgressState | undefined;

  private unsubscribe?: () => void;
  private unsubscribeProgress?: () => void;
  private stopProgressEvents?: () => void;
  private prose = new WeakMap<MarkdownCell, unknown>();

  protected override createRenderRoot() {
    return this;
  }

  override connectedCallback(): void {
    super.connectedCallback();
    this.stopProgressEvents = listenForProgressEvents(this, () => this.progress);
    // After a reconnect, willUpdate subscribes again.
    this.requestUpdate();
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.unsubscribe?.();
    this.unsubscribeProgress?.();
    this.stopProgressEvents?.();
    this.unsubscribe = this.unsubscribeProgress = this.stopProgressEvents = undefined;
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    if (this.runtime && (changed.has('runtime') || !this.unsubscribe)) this.subscribe();
    if (this.progress && (changed.has('progress') || !this.unsubscribeProgress)) {
      this.unsubscribeProgress?.();
      this.unsubscribeProgress = this.progress.subscribe((saved) => (this.saved = saved));
    }
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
    const saved = this.progress ? this.saved : undefined;
    return html`
      <div class="notebook-layout">
      <article class="notebook" @cell-run=${this.onRun} @cell-edit=${this.onEdit} @cell-stop=${this.onStop} @focus-cell=${this.onFocusCell} @pipeline-command=${this.onPipelineCommand} @pipeline-peek=${this.onPipelinePeek}>
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
                  <dew-data-failed .status=${state.datasets} .retry=${() => this.runtime.prepare()}></dew-data-failed>
                  ${this.renderLoadControls()}
                </div>`
              : nothing}
          </div>
          ${saved?.phase === 'ready' ? html`<dew-lesson-progress .lesson=${lesson} .state=${saved}></dew-lesson-progress>` : nothing}
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
        ${saved && saved.phase !== 'ready'
          ? this.renderSavedWorkPending(saved)
          : lesson.cells.map((cell) =>
              cell.kind === 'markdown'
                ? html`<div class="cell markdown-cell">${this.renderProse(cell)}</div>`
                : html`<dew-code-cell
                    .cell=${cell}
                    .state=${cellStates.get(cell.id)}
                    ?staleInputs=${stale.has(cell.id)}
                    .lessonId=${saved ? lesson.id : undefined}
                    .progress=${saved?.exercises.get(cell.id)}
                    .conflict=${saved?.conflicts.get(cell.id)}
                  ></dew-code-cell>`,
            )}
      </article>
      <dew-notebook-aside
        class="notebook-aside"
        aria-label=${strings.schemaTitle}
        .runtime=${this.runtime}
        .state=${state}
        @focus-cell=${this.onFocusCell}
      ></dew-notebook-aside>
      </div>
    `;
  }

  /** Until the learner's code is in the cells, none is shown: they must not type over work they cannot see. */
  private renderSavedWorkPending(saved: Exclude<LessonProgressState, { phase: 'ready' }>) {
    if (saved.phase === 'loading') return html`<p class="page-message saved-work-loading" role="status">${strings.loadingSavedWork}</p>`;
    return html`<div class="page-message saved-work-failed" role="alert">
      <h2>${strings.savedWorkFailed}</h2>
      <p>${saved.message}</p>
    </div>`;
  }

  /** A bar per file while data loads, with Cancel (dew-data-failed offers Retry after a failure or a cancel). */
  private renderLoadControls() {
    const status = this.state!.datasets;
    if (status.state !== 'loading') return nothing;
    const p = status.progress;
    return html`<div class="load-progress" role="status">
      ${p?.files.map(
        (f) => html`<label class="load-file"
          ><code>${f.dataset}</code>
          <progress max="1" value=${fileFraction(f)}></progress>
          <span>${strings.loadFileProgress(f.bytes, f.rows)}</span></label
        >`,
      )}
      ${p ? html`<p>${strings.loadProgress(p.rows, p.rowsPerSecond, p.remainingMs)}</p>` : nothing}
      <button class="load-cancel" @click=${() => void this.runtime.cancelDatasets()}>${strings.cancelLoad}</button>
    </div>`;
  }

  private datasetText(): string {
    const status = this.state!.datasets;
    switch (status.state) {
      case 'loading':
        return strings.loadingData(this.lesson.datasets);
      case 'ready':
        return strings.dataReady;
      case 'error':
        // dew-data-failed below says what went wrong, with a Retry.
        return status.cancelled ? strings.loadCancelled : strings.dataFailed;
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
    if (this.progress) this.progress.edit(event.detail.id, event.detail.source);
    else this.runtime.edit(event.detail.id, event.detail.source);
  }

  private onPipelineCommand(event: CustomEvent<PipelineCommandDetail>): void {
    void this.runtime.pipeline(event.detail.id, event.detail.command);
  }

  /** A task instance's "show this day's rows": the day was validated as a date, and is bound, not spliced. */
  private onPipelinePeek(event: CustomEvent<PeekDetail>): void {
    const { table, column, ds, respond } = event.detail;
    this.runtime
      .preview(`SELECT * FROM ${quoteIdentifier(table)} WHERE ${quoteIdentifier(column)} = ?`, [ds])
      .then(respond, (error: unknown) => respond(error instanceof Error ? error.message : String(error)));
  }

  private onStop(): void {
    void this.runtime.stop();
  }

  private focusCellAfter(id: string): void {
    // The runtime's cells are the code cells, in lesson order.
    const cells = this.state?.cells ?? [];
    const next = cells[cells.findIndex((c) => c.id === id) + 1];
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
