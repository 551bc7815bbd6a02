import { LitElement, html, nothing } from 'lit';
import type { Lesson } from '../../lesson/types';
import type { LessonProgressState } from '../../notebook/lesson-progress';
import { strings } from '../strings';

type Ready = Extract<LessonProgressState, { phase: 'ready' }>;

/**
 * In the lesson header: how far the learner is with the lesson's exercises, Reset lesson
 * (fires `lesson-reset`), and code of cells the lesson no longer has (fires `orphan-discard`).
 */
export class LessonProgressBar extends LitElement {
  static override properties = { lesson: { attribute: false }, state: { attribute: false } };
  declare lesson: Lesson;
  declare state: Ready;

  protected override createRenderRoot() {
    return this;
  }

  override render() {
    const { lesson, state } = this;
    if (!lesson || !state) return nothing;
    const views = [...state.exercises.values()];
    const passed = views.filter((v) => v.passed).length;
    const hints = views.reduce((n, v) => n + v.hintsShown, 0);
    const facts = [
      views.length > 0 ? strings.lessonExercisesDone(passed, views.length) : '',
      hints > 0 ? strings.hintsUsed(hints) : '',
    ].filter(Boolean);
    return html`
      <div class="lesson-progress">
        ${facts.length ? html`<span class="lesson-progress-facts">${facts.join(' · ')}</span>` : nothing}
        <button class="reset-lesson-button" title=${strings.resetLessonTitle} @click=${() => this.emit('lesson-reset', '')}>
          ${strings.resetLesson}
        </button>
      </div>
      ${state.orphans.map(
        (orphan) => html`<div class="orphan-code" role="status">
          <p>${strings.orphanTitle(orphan.cellId)}</p>
          <pre><code>${orphan.code}</code></pre>
          <button @click=${() => this.emit('orphan-discard', orphan.cellId)}>${strings.discard}</button>
        </div>`,
      )}
    `;
  }

  private emit(type: 'lesson-reset' | 'orphan-discard', id: string): void {
    this.dispatchEvent(new CustomEvent(type, { detail: { id }, bubbles: true }));
  }
}

customElements.define('dew-lesson-progress', LessonProgressBar);

declare global {
  interface HTMLElementTagNameMap {
    'dew-lesson-progress': LessonProgressBar;
  }
}
