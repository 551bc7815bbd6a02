import { LitElement, html, nothing } from 'lit';
import type { CatalogEntry } from '../../lesson/catalog';
import { lessonOutline, type ProgressStore, type ProgressSummary } from '../../progress';
import { lessonHref } from '../app/route';
import { strings } from '../strings';
import { lessonProgressText } from './progress-text';

type Message = { text: string; problem: boolean };

/**
 * "Your progress": counts per stage, the lessons started, export and import of
 * everything, and erase all. Fires `progress-changed` after an import or erase.
 */
export class ProgressPage extends LitElement {
  static override properties = {
    store: { attribute: false },
    catalog: { attribute: false },
    summary: { state: true },
    message: { state: true },
    busy: { state: true },
  };
  declare store: ProgressStore;
  declare catalog: CatalogEntry[];
  declare summary: ProgressSummary | undefined;
  declare message: Message | undefined;
  declare busy: boolean;

  constructor() {
    super();
    this.catalog = [];
    this.busy = false;
  }

  protected override createRenderRoot() {
    return this;
  }

  override connectedCallback(): void {
    super.connectedCallback();
    void this.refresh();
  }

  private lessons() {
    return this.catalog.flatMap((e) => (e.ok ? [e.lesson] : []));
  }

  private async refresh(): Promise<void> {
    if (!this.store) return;
    this.summary = await this.store.summary(this.lessons().map((l) => lessonOutline(l)));
  }

  override render() {
    return html`
      <header class="progress-header">
        <h1>${strings.yourProgress}</h1>
        <p>${strings.progressIntro}</p>
      </header>
      ${this.renderSummary()}
      <section class="progress-section" aria-labelledby="keep-copy">
        <h2 id="keep-copy">${strings.keepCopyTitle}</h2>
        <p>${strings.exportHelp}</p>
        <div class="progress-actions">
          <button class="primary" ?disabled=${this.busy} @click=${this.exportAll}>${strings.exportButton}</button>
          <label class="file-button">
            <span>${strings.importLabel}</span>
            <input type="file" accept=".json,application/json" ?disabled=${this.busy} @change=${this.importFile} />
          </label>
        </div>
        <p class="note">${strings.importHelp}</p>
        ${this.message
          ? html`<p class="progress-message ${this.message.problem ? 'problem' : ''}" role=${this.message.problem ? 'alert' : 'status'}>
              ${this.message.text}
            </p>`
          : nothing}
      </section>
      <section class="progress-section" aria-labelledby="erase">
        <h2 id="erase">${strings.eraseTitle}</h2>
        <p>${strings.eraseHelp}</p>
        <button class="danger" ?disabled=${this.busy} @click=${this.eraseAll}>${strings.eraseButton}</button>
      </section>
    `;
  }

  private renderSummary() {
    const summary = this.summary;
    if (!summary) return nothing;
    const stages = summary.stages.filter((s) => s.lessons > 0);
    const started = this.lessons().filter((l) => summary.lessons.get(l.id)?.started);
    const cells = (s: { lessons: number; lessonsStarted: number; lessonsDone: number; exercises: number; passed: number; hintsUsed: number; solutionsSeen: number }) => html`
      <td class="num">${strings.ofTotal(s.lessonsStarted, s.lessons)}</td>
      <td class="num">${strings.ofTotal(s.lessonsDone, s.lessons)}</td>
      <td class="num">${strings.ofTotal(s.passed, s.exercises)}</td>
      <td class="num">${s.hintsUsed}</td>
      <td class="num">${s.solutionsSeen}</td>`;
    return html`
      <div class="table-scroll progress-table-wrap">
        <table class="progress-table">
          <thead>
            <tr>
              <th scope="col">${strings.progressStage}</th>
              <th scope="col">${strings.progressLessonsStarted}</th>
              <th scope="col">${strings.progressLessonsDone}</th>
              <th scope="col">${strings.progressExercisesPassed}</th>
              <th scope="col">${strings.progressHintsUsed}</th>
              <th scope="col">${strings.progressSolutionsSeen}</th>
            </tr>
          </thead>
          <tbody>
            ${stages.map((s) => html`<tr><th scope="row">${strings.stageNames[s.stage]}</th>${cells(s)}</tr>`)}
          </tbody>
          <tfoot>
            <tr><th scope="row">${strings.progressAllStages}</th>${cells(summary.total)}</tr>
          </tfoot>
        </table>
      </div>
      <section class="progress-section" aria-labelledby="progress-lessons">
        <h2 id="progress-lessons">${strings.progressLessonsTitle}</h2>
        ${started.length === 0
          ? html`<p class="note">${strings.progressNothingYet}</p>`
          : html`<ul class="progress-lessons">
              ${started.map(
                (l) => html`<li>
                  <a href=${lessonHref(l.id)}>${l.title}</a>
                  <span class="card-progress">${lessonProgressText(summary.lessons.get(l.id))}</span>
                </li>`,
              )}
            </ul>`}
      </section>
    `;
  }

  private async exportAll(): Promise<void> {
    await this.run(async () => {
      await this.store.flush();
      const exported = await this.store.exportAll();
      const url = URL.createObjectURL(new Blob([exported.json], { type: 'application/json' }));
      const link = document.createElement('a');
      link.href = url;
      link.download = exported.fileName;
      link.click();
      setTimeout(() => URL.revokeObjectURL(url), 0);
      return { text: strings.exported(exported.fileName, exported.edits, exported.exercises), problem: false };
    });
  }

  private async importFile(event: Event): Promise<void> {
    const input = event.target as HTMLInputElement;
    const file = input.files?.[0];
    if (!file) return;
    await this.run(async () => {
      this.message = { text: strings.importing, problem: false };
      const result = await this.store.importAll(await file.text());
      if (result.ok) this.changed();
      return { text: result.message, problem: !result.ok };
    });
    // The same file may be chosen again (after fixing it, say).
    input.value = '';
  }

  private async eraseAll(): Promise<void> {
    const description = await this.store.describeReset({ kind: 'all' });
    if (description.edits + description.exercises === 0) {
      this.message = { text: description.message, problem: false };
      return;
    }
    if (!window.confirm(description.message)) return;
    await this.run(async () => {
      await this.store.eraseAll();
      this.changed();
      return { text: strings.erased, problem: false };
    });
  }

  private async run(action: () => Promise<Message>): Promise<void> {
    this.busy = true;
    try {
      this.message = await action();
    } catch (error) {
      this.message = { text: error instanceof Error ? error.message : String(error), problem: true };
    } finally {
      this.busy = false;
      await this.refresh();
    }
  }

  private changed(): void {
    this.dispatchEvent(new CustomEvent('progress-changed', { bubbles: true }));
  }
}

customElements.define('dew-progress-page', ProgressPage);

declare global {
  interface HTMLElementTagNameMap {
    'dew-progress-page': ProgressPage;
  }
}
