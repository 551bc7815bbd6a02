import { LitElement, html, nothing } from 'lit';
import type { CodeCell as CodeCellDef } from '../../lesson/types';
import type { CellState } from '../../notebook/cell-state';
import { strings } from '../strings';
import type { CodeEditor, EditorLanguage, RunRequestDetail } from '../editor/code-editor';
import '../editor/code-editor';
import '../result/result-table';
import './error-view';

export interface CellRunDetail extends RunRequestDetail {
  id: string;
}

const LANGUAGE: Record<CodeCellDef['kind'], EditorLanguage> = { sql: 'sql', js: 'javascript', chart: 'json' };
const KIND_LABEL: Record<CodeCellDef['kind'], string> = { sql: 'SQL', js: 'JavaScript', chart: 'Chart' };

/** One code cell: its toolbar, editor and output. Renders a CellState; all actions are events. */
export class CodeCellView extends LitElement {
  static override properties = {
    cell: { attribute: false },
    state: { attribute: false },
  };
  declare cell: CodeCellDef;
  declare state: CellState;

  protected override createRenderRoot() {
    return this;
  }

  focusEditor(): void {
    this.querySelector<CodeEditor>('dew-code-editor')?.focus();
  }

  override render() {
    const { cell, state } = this;
    if (!cell || !state) return nothing;
    const busy = state.status === 'running' || state.status === 'queued';
    return html`
      <section class="cell code-cell" data-status=${state.status} role="region" aria-label=${cell.id}>
        <header class="cell-toolbar">
          <button
            class="run-button"
            aria-label=${strings.runCell}
            title="${strings.runCell} (Shift+Enter)"
            @click=${() => this.emitRun(false)}
          >
            <span aria-hidden="true">▶</span>
          </button>
          ${state.status === 'running'
            ? html`<button class="stop-button" @click=${this.emitStop}>${strings.stop}</button>`
            : nothing}
          <span class="cell-kind">${KIND_LABEL[cell.kind]}</span>
          <span class="cell-id">${cell.id}</span>
          <span class="cell-status" aria-live="polite">${this.statusText()}</span>
        </header>
        <dew-code-editor
          .value=${state.source}
          language=${LANGUAGE[cell.kind]}
          label="${KIND_LABEL[cell.kind]} ${cell.id}"
          @code-change=${this.onEdit}
          @run-request=${this.onRunRequest}
        ></dew-code-editor>
        ${busy && !state.output ? nothing : this.renderOutput()}
      </section>
    `;
  }

  private statusText() {
    const { state } = this;
    switch (state.status) {
      case 'queued':
        return strings.queued;
      case 'running':
        return strings.running;
      case 'stale':
        return strings.stale;
      case 'done':
      case 'error':
        return state.elapsedMs === undefined ? '' : strings.elapsed(state.elapsedMs);
      default:
        return '';
    }
  }

  private renderOutput() {
    const output = this.state.output;
    if (!output) return nothing;
    if (output.kind !== 'table') return html`<div class="cell-output"><dew-error-view .output=${output}></dew-error-view></div>`;
    const { result, totalRows, changes, statements } = output;
    return html`<div class="cell-output">
      ${statements > 1 && result.columns.length > 0 ? html`<p class="note">${strings.statementsRan(statements)}</p>` : nothing}
      ${result.columns.length > 0
        ? html`<dew-result-table .result=${result} .totalRows=${totalRows}></dew-result-table>`
        : html`<p class="note">${changes > 0 ? strings.changes(changes) : strings.noResult}</p>`}
    </div>`;
  }

  private onEdit(event: CustomEvent<string>): void {
    event.stopPropagation();
    this.dispatchEvent(new CustomEvent('cell-edit', { detail: { id: this.cell.id, source: event.detail }, bubbles: true }));
  }

  private onRunRequest(event: CustomEvent<RunRequestDetail>): void {
    event.stopPropagation();
    this.emitRun(event.detail.advance);
  }

  private emitRun(advance: boolean): void {
    this.dispatchEvent(new CustomEvent<CellRunDetail>('cell-run', { detail: { id: this.cell.id, advance }, bubbles: true }));
  }

  private emitStop(): void {
    this.dispatchEvent(new CustomEvent('cell-stop', { bubbles: true }));
  }
}

customElements.define('dew-code-cell', CodeCellView);

declare global {
  interface HTMLElementTagNameMap {
    'dew-code-cell': CodeCellView;
  }
}
