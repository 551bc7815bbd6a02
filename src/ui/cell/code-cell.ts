import { LitElement, html, nothing, type TemplateResult } from 'lit';
import type { CodeCell as CodeCellDef } from '../../lesson/types';
import type { CellOutput, CellState } from '../../notebook/cell-state';
import type { CellConflict, ExerciseProgressView } from '../../notebook/lesson-progress';
import { strings } from '../strings';
import type { CodeEditor, EditorLanguage, RunRequestDetail } from '../editor/code-editor';
import '../editor/code-editor';
import type { EditorMarker } from '../editor/code-editor';
import { currentCompletionSchema } from '../editor/sql-completion';
import { locateSqlError, suggestName, type SqlErrorLocation } from '../editor/sql-error-location';
import '../result/result-table';
import './error-view';
import './exercise-panel';
import './js-output';
import '../chart/chart-builder';
import '../chart/chart-view';
import '../stream/stream-view';
import type { StreamRun } from '../../stream';
import type { TradeFigures } from '../stream/stream-view';
import '../pipeline/pipeline-view';
import '../progress/cell-actions';
import '../progress/conflict-notice';

export interface CellRunDetail extends RunRequestDetail {
  id: string;
}

export type { ExerciseProgressView };

type Language = 'sql' | 'js' | 'chart' | 'stream' | 'pipeline';
const EDITOR_LANGUAGE: Record<Language, EditorLanguage> = { sql: 'sql', js: 'javascript', chart: 'yaml', stream: 'yaml', pipeline: 'yaml' };
const LANGUAGE_LABEL: Record<Language, string> = { sql: 'SQL', js: 'JavaScript', chart: 'Chart', stream: 'Stream', pipeline: 'Pipeline' };

/** An exercise is written in SQL or JavaScript; every other cell's kind is its language. */
function languageOf(cell: CodeCellDef): Language {
  return cell.kind === 'exercise' ? cell.language : cell.kind;
}

/** One code cell: its toolbar, editor and output. Renders a CellState; all actions are events. */
export class CodeCellView extends LitElement {
  static override properties = {
    cell: { attribute: false },
    state: { attribute: false },
    asChart: { state: true },
    staleInputs: { type: Boolean },
    progress: { attribute: false },
    lessonId: { attribute: false },
    conflict: { attribute: false },
  };
  declare cell: CodeCellDef;
  declare state: CellState;
  /** The learner turned this cell's result table into a chart. */
  declare asChart: boolean;
  /** Another cell rewrote a table this cell read, after it ran. */
  declare staleInputs: boolean;
  /** The learner's saved progress on this exercise. */
  declare progress: ExerciseProgressView | undefined;
  /** For the Share link; without it the cell has no Share or Reset (saved work is off). */
  declare lessonId: string | undefined;
  /** The lesson's code for this cell changed since the learner edited it. */
  declare conflict: CellConflict | undefined;

  protected override createRenderRoot() {
    return this;
  }

  /** Where the last SQL error points in the code, worked out once per error (not per render). */
  private located?: { output: CellOutput; location?: SqlErrorLocation; suggestion?: string };

  private sqlErrorHelp(): { location?: SqlErrorLocation; suggestion?: string } | undefined {
    const output = this.state.output;
    const error = output?.kind === 'error' ? output : output?.kind === 'exercise' && output.learner.kind === 'error' ? output.learner : undefined;
    if (!error || error.kind !== 'error' || languageOf(this.cell) !== 'sql') return undefined;
    if (this.located?.output !== output) {
      const { source } = this.state;
      this.located = {
        output: output!,
        location: locateSqlError(source, error.message, error.statement),
        suggestion: suggestName(source, error.message, currentCompletionSchema(), error.statement),
      };
    }
    return this.located;
  }

  private marker(): EditorMarker | undefined {
    const help = this.sqlErrorHelp();
    const output = this.state.output;
    const error = output?.kind === 'exercise' ? output.learner : output;
    if (!help?.location || error?.kind !== 'error') return undefined;
    const message = help.suggestion ? `${error.message}\n${strings.didYouMean(help.suggestion)}` : error.message;
    return { ...help.location, message };
  }

  focusEditor(): void {
    this.querySelector<CodeEditor>('dew-code-editor')?.focus();
  }

  override render() {
    const { cell, state } = this;
    if (!cell || !state) return nothing;
    const busy = state.status === 'running' || state.status === 'queued';
    return html`
      <section
        class="cell code-cell ${cell.kind === 'exercise' ? 'exercise-cell' : ''}"
        data-status=${state.status}
        ?data-stale-inputs=${this.staleInputs}
        role="region"
        aria-label=${cell.id}
      >
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
          ${cell.kind === 'exercise'
            ? html`<span class="exercise-badge">${strings.exercise}${this.progress?.passed ? html` · ✓ ${strings.exerciseDone}` : nothing}</span>`
            : nothing}
          <span class="cell-kind">${LANGUAGE_LABEL[languageOf(cell)]}</span>
          <span class="cell-id">${cell.id}</span>
          ${this.staleInputs && state.status !== 'running' && state.status !== 'queued'
            ? html`<span class="stale-inputs" title=${strings.staleInputs}>⟳ ${strings.staleInputs}</span>`
            : nothing}
          <span class="cell-status" aria-live="polite">${this.statusText()}</span>
          ${this.lessonId
            ? html`<dew-cell-actions
                class="cell-actions"
                .lessonId=${this.lessonId}
                .cellId=${cell.id}
                .code=${state.source}
                ?edited=${state.source !== cell.source}
              ></dew-cell-actions>`
            : nothing}
        </header>
        ${this.conflict ? html`<dew-conflict-notice .conflict=${this.conflict} .mine=${state.source}></dew-conflict-notice>` : nothing}
        <dew-code-editor
          .value=${state.source}
          language=${EDITOR_LANGUAGE[languageOf(cell)]}
          label="${LANGUAGE_LABEL[languageOf(cell)]} ${cell.id}"
          .marker=${this.marker()}
          @code-change=${this.onEdit}
          @run-request=${this.onRunRequest}
        ></dew-code-editor>
        ${busy && !state.output ? nothing : this.renderOutput()}
        ${cell.kind === 'exercise'
          ? html`<dew-exercise-panel
              .cell=${cell}
              .output=${state.output?.kind === 'exercise' ? state.output : undefined}
              .hintsShown=${this.progress?.hintsShown ?? 0}
              .solutionShown=${this.progress?.solutionSeen ?? false}
              .attempted=${(this.progress?.attempts ?? 0) > 0 || state.output !== undefined}
            ></dew-exercise-panel>`
          : nothing}
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

  private streamRun?: StreamRun;
  private streamPrevious?: TradeFigures;

  private renderOutput() {
    const output = this.state.output;
    return output ? this.renderBody(output) : nothing;
  }

  private renderBody(output: CellOutput, written?: readonly string[]): TemplateResult | typeof nothing {
    if (output.kind === 'js') return html`<div class="cell-output"><dew-js-output .outputs=${output.outputs}></dew-js-output></div>`;
    // What an exercise's attempt wrote is on the exercise output, and only when it passed: a wrong attempt is rolled back.
    if (output.kind === 'exercise') return this.renderBody(output.learner, output.tables?.written ?? []);
    if (output.kind === 'stream') {
      // A rerun with other settings shows what changed ("what you traded") against the run before it.
      if (this.streamRun !== output.run) {
        this.streamPrevious = this.streamRun ? { dropped: this.streamRun.summary.dropped + this.streamRun.summary.sideTable, maxFinalDelayMs: this.streamRun.summary.maxFinalDelayMs } : undefined;
        this.streamRun = output.run;
      }
      return html`<div class="cell-output">
        <dew-stream-view .spec=${output.spec} .run=${output.run} .result=${output.result} .previous=${this.streamPrevious}></dew-stream-view>
      </div>`;
    }
    if (output.kind === 'pipeline') {
      const busy = this.state.status === 'running' || this.state.status === 'queued';
      return html`<div class="cell-output"><dew-pipeline-view .output=${output} .cellId=${this.cell.id} ?busy=${busy}></dew-pipeline-view></div>`;
    }
    if (output.kind === 'chart') {
      return html`<div class="cell-output">
        <dew-chart-view .spec=${output.spec} .result=${output.result} .totalRows=${output.totalRows} name=${this.cell.id}></dew-chart-view>
      </div>`;
    }
    if (output.kind !== 'table') {
      const help = this.sqlErrorHelp();
      return html`<div class="cell-output">
        <dew-error-view .output=${output} .line=${help?.location?.line} .suggestion=${help?.suggestion}></dew-error-view>
      </div>`;
    }
    const { result, totalRows, changes, statements } = output;
    if (result.columns.length === 0) {
      const wrote = (written ?? output.tables?.written ?? []).filter((t) => !t.startsWith('sqlite_'));
      const note = changes > 0 ? strings.changes(changes, wrote) : wrote.length > 0 ? strings.wroteTables(wrote) : strings.noResult;
      return html`<div class="cell-output"><p class="note">${note}</p></div>`;
    }
    return html`<div class="cell-output">
      <div class="output-switch" role="group">
        <button aria-pressed=${String(!this.asChart)} @click=${() => (this.asChart = false)}>${strings.showTable}</button>
        <button aria-pressed=${String(!!this.asChart)} @click=${() => (this.asChart = true)}>${strings.showChart}</button>
        ${statements > 1 ? html`<span class="note">${strings.statementsRan(statements)}</span>` : nothing}
      </div>
      ${this.asChart
        ? html`<dew-chart-builder .result=${result} .totalRows=${totalRows} cellId=${this.cell.id}></dew-chart-builder>`
        : html`<dew-result-table .result=${result} .totalRows=${totalRows}></dew-result-table>`}
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
