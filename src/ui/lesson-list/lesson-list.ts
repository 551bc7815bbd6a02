import { LitElement, html, nothing } from 'lit';
import { STAGES } from '../../lesson/types';
import type { CatalogEntry } from '../../lesson/catalog';
import type { ProgressSummary } from '../../progress';
import { lessonHref, PROGRESS_HREF } from '../app/route';
import { strings } from '../strings';
import { lessonProgressText, stageProgressText } from '../progress/progress-text';

/** The home page: every lesson, grouped by the stage of the data lifecycle it teaches. */
export class LessonList extends LitElement {
  static override properties = { entries: { attribute: false }, summary: { attribute: false } };
  declare entries: CatalogEntry[];
  /** The learner's progress per lesson and stage, once read. */
  declare summary: ProgressSummary | undefined;

  protected override createRenderRoot() {
    return this;
  }

  override render() {
    const entries = this.entries ?? [];
    if (entries.length === 0) return html`<p>${strings.noLessons}</p>`;
    return html`
      <header class="home-header">
        <h1>${strings.appTitle}</h1>
        <p>${strings.appTagline}</p>
        ${this.summary && this.summary.total.lessonsStarted > 0
          ? html`<p class="home-progress">
              ${strings.lessonExercisesDone(this.summary.total.passed, this.summary.total.exercises)} ·
              <a href=${PROGRESS_HREF}>${strings.yourProgress}</a>
            </p>`
          : nothing}
      </header>
      ${STAGES.map((stage) => {
        const inStage = entries.filter((e) => e.stage === stage);
        if (inStage.length === 0) return nothing;
        const stageText = stageProgressText(this.summary?.stages.find((s) => s.stage === stage));
        return html`<section class="stage" aria-labelledby="stage-${stage}">
          <h2 id="stage-${stage}">${strings.stageNames[stage]}</h2>
          ${stageText ? html`<p class="stage-progress">${stageText}</p>` : nothing}
          <p class="stage-blurb">${strings.stageBlurbs[stage]}</p>
          <ol class="lesson-cards">
            ${inStage.map((entry) => this.renderEntry(entry))}
          </ol>
        </section>`;
      })}
    `;
  }

  private renderEntry(entry: CatalogEntry) {
    if (!entry.ok) {
      return html`<li class="lesson-card broken">
        <a href=${lessonHref(entry.id)}>
          <span class="lesson-order">${String(entry.order).padStart(2, '0')}</span>
          <span class="lesson-title">${entry.title}</span>
          <span class="card-summary">${strings.lessonBroken}</span>
        </a>
      </li>`;
    }
    const { lesson } = entry;
    const progress = this.summary?.lessons.get(lesson.id);
    const progressText = lessonProgressText(progress);
    return html`<li class="lesson-card" ?data-done=${progress?.done} ?data-started=${progress?.started}>
      <a href=${lessonHref(lesson.id)}>
        <span class="lesson-order">${String(lesson.order).padStart(2, '0')}</span>
        <span class="lesson-title">${lesson.title}</span>
        <span class="card-summary">${lesson.summary}</span>
        ${lesson.minutes ? html`<span class="lesson-minutes">${strings.minutes(lesson.minutes)}</span>` : nothing}
        ${progressText ? html`<span class="card-progress">${progressText}</span>` : nothing}
      </a>
    </li>`;
  }
}

customElements.define('dew-lesson-list', LessonList);

declare global {
  interface HTMLElementTagNameMap {
    'dew-lesson-list': LessonList;
  }
}
