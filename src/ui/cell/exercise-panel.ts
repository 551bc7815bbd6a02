import { LitElement, html, nothing } from 'lit';
import { unsafeHTML } from 'lit/directives/unsafe-html.js';
import type { ExerciseCell } from '../../lesson/types';
import type { CellOutput } from '../../notebook/cell-state';
import { strings } from '../strings';
import { renderMarkdown } from './markdown';
import '../result/result-table';
import { madeByNote } from './made-by-note';

type ExerciseOutput = Extract<CellOutput, { kind: 'exercise' }>;

/** What an exercise needs beyond a code cell: the verdict and feedback, hints one at a time, the solution on request. */
export class ExercisePanel extends LitElement {
  static override properties = {
    cell: { attribute: false },
    output: { attribute: false },
    hintsShown: { type: Number },
    solutionShown: { type: Boolean },
    attempted: { type: Boolean },
  };
  declare cell: ExerciseCell;
  declare output: ExerciseOutput | undefined;
  /** How many hints are revealed; owned by the learner's saved progress. */
  declare hintsShown: number;
  declare solutionShown: boolean;
  /** The solution is offered only after a try. */
  declare attempted: boolean;

  constructor() {
    super();
    this.hintsShown = 0;
    this.solutionShown = false;
    this.attempted = false;
  }

  protected override createRenderRoot() {
    return this;
  }

  override render() {
    const { cell, output } = this;
    if (!cell) return nothing;
    const hints = cell.hints.slice(0, this.hintsShown);
    return html`
      ${output ? this.renderVerdict(output) : nothing}
      ${hints.length
        ? html`<ol class="hints" aria-label=${strings.hints}>
            ${hints.map((hint) => html`<li class="hint">${unsafeHTML(renderMarkdown(hint))}</li>`)}
          </ol>`
        : nothing}
      ${this.solutionShown
        ? html`<div class="solution">
            <h4>${strings.solution}</h4>
            <pre><code>${cell.solution}</code></pre>
          </div>`
        : nothing}
      <div class="exercise-actions">
        ${this.hintsShown < cell.hints.length
          ? html`<button @click=${() => this.emit('reveal-hint')}>
              ${strings.showHint(this.hintsShown + 1, cell.hints.length)}
            </button>`
          : nothing}
        ${this.solutionShown
          ? nothing
          : html`<button ?disabled=${!this.attempted} title=${this.attempted ? '' : strings.solutionAfterTry} @click=${this.revealSolution}>
              ${strings.showSolution}
            </button>`}
      </div>
    `;
  }

  private renderVerdict(output: ExerciseOutput) {
    if (output.pass) {
      return html`<div class="verdict pass" role="status"><strong>✓ ${strings.exercisePassed}</strong></div>`;
    }
    return html`<div class="verdict fail" role="alert">
      <strong>${strings.exerciseNotYet}</strong>
      <ul>
        ${output.feedback.map(
          (item) => html`<li>
            ${item.message}
            ${item.examples ? html`<dew-result-table .result=${item.examples}></dew-result-table>` : nothing}
          </li>`,
        )}
      </ul>
      ${output.madeBy ? madeByNote(this, output.madeBy) : nothing}
    </div>`;
  }

  private revealSolution(): void {
    if (window.confirm(strings.confirmSolution)) this.emit('reveal-solution');
  }

  private emit(type: 'reveal-hint' | 'reveal-solution'): void {
    this.dispatchEvent(new CustomEvent(type, { detail: { id: this.cell.id }, bubbles: true }));
  }
}

customElements.define('dew-exercise-panel', ExercisePanel);

declare global {
  interface HTMLElementTagNameMap {
    'dew-exercise-panel': ExercisePanel;
  }
}
