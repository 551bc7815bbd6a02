import { LitElement, html, nothing, type PropertyValues } from 'lit';
import { keyed } from 'lit/directives/keyed.js';
import type { CatalogEntry } from '../../lesson/catalog';
import { formatIssue, type Lesson } from '../../lesson/types';
import { findLesson, neighbours } from '../../lesson/course-path';
import type { NotebookRuntime } from '../../notebook/runtime';
import { LessonProgress } from '../../notebook/lesson-progress';
import { lessonOutline, type ProgressStore, type ProgressSummary } from '../../progress';
import { lessonHref, parseRoute, PROGRESS_HREF, type Route } from './route';
import { strings } from '../strings';
import { applySharedLink, type Notice } from '../progress/shared-link';
import '../lesson-list/lesson-list';
import '../notebook/notebook-view';
import '../progress/progress-page';
import '../progress/storage-banner';
import './shortcuts-help';
import '../offline/update-banner';
import '../offline/offline-download';

/** What the app needs to open a lesson: a runtime over a fresh engine, and a way to let both go. */
export interface LessonSession {
  runtime: NotebookRuntime;
  dispose(): void;
}

export type SessionFactory = (lesson: Lesson) => LessonSession;

interface OpenLesson {
  lesson: Lesson;
  session: LessonSession;
  /** The learner's saved work in this lesson, put into the runtime before the cells show. */
  progress: LessonProgress;
}

/** The app shell: reads the hash route and shows the lesson list, one lesson, or the learner's progress. */
export class WorkbenchApp extends LitElement {
  static override properties = {
    catalog: { attribute: false },
    openSession: { attribute: false },
    store: { attribute: false },
    route: { state: true },
    summary: { state: true },
    notice: { state: true },
  };
  declare catalog: CatalogEntry[];
  declare openSession: SessionFactory;
  /** The learner's saved work; lessons open once it is there. */
  declare store: ProgressStore | undefined;
  declare route: Route;
  declare summary: ProgressSummary | undefined;
  /** A message about a shared link, shown above the lesson. */
  declare notice: Notice | undefined;

  private session?: OpenLesson;
  private readonly onHashChange = () => {
    this.route = parseRoute(location.hash);
    // The same lesson with a shared link in the hash: the session stays, the code goes in.
    void this.applyShareLink();
  };

  constructor() {
    super();
    this.catalog = [];
    this.route = parseRoute(location.hash);
  }

  protected override createRenderRoot() {
    return this;
  }

  override connectedCallback(): void {
    super.connectedCallback();
    window.addEventListener('hashchange', this.onHashChange);
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    window.removeEventListener('hashchange', this.onHashChange);
    this.closeSession();
  }

  override render() {
    return html`
      <nav class="app-bar" aria-label="Workbench">
        <a class="brand" href="#/">${strings.appTitle}</a>
        <a href="#/">${strings.home}</a>
        <a href=${PROGRESS_HREF} aria-current=${this.route.page === 'progress' ? 'page' : 'false'}>${strings.yourProgress}</a>
        <dew-shortcuts-help></dew-shortcuts-help>
      </nav>
      <dew-storage-banner .store=${this.store}></dew-storage-banner>
      <dew-update-banner></dew-update-banner>
      <main id="main" @progress-changed=${this.onProgressChanged}>${this.renderNotice()}${this.renderPage()}</main>
    `;
  }

  /** Opens the session of the lesson the route names, and closes any other, before rendering. */
  protected override willUpdate(changed: PropertyValues<this>): void {
    if (!changed.has('route') && !changed.has('catalog') && !changed.has('store')) return;
    const route = this.route;
    if (changed.has('route') && this.notice && (route.page !== 'lesson' || route.id !== this.notice.lessonId)) this.notice = undefined;
    const entry = route.page === 'lesson' ? findLesson(this.catalog, route.id) : undefined;
    const lesson = entry?.ok && this.store ? entry.lesson : undefined;
    if (this.session && this.session.lesson !== lesson) this.closeSession();
    if (lesson && this.store && !this.session) {
      const session = this.openSession(lesson);
      const progress = new LessonProgress(this.store, lesson, session.runtime);
      this.session = { lesson, session, progress };
      void progress.load().then(() => this.applyShareLink());
    }
    if (route.page === 'home' && (changed.has('route') || changed.has('store') || changed.has('catalog'))) void this.refreshSummary();
  }

  protected override updated(): void {
    const title = this.route.page === 'lesson' ? this.lessonTitle(this.route.id) : this.route.page === 'progress' ? strings.yourProgress : undefined;
    document.title = title ? `${title} · ${strings.appTitle}` : strings.appTitle;
  }

  private closeSession(): void {
    if (!this.session) return;
    this.session.progress.dispose();
    this.session.session.dispose();
    this.session = undefined;
    void this.store?.flush();
  }

  private async refreshSummary(): Promise<void> {
    if (!this.store) return;
    const outlines = this.catalog.flatMap((e) => (e.ok ? [lessonOutline(e.lesson)] : []));
    this.summary = await this.store.summary(outlines);
  }

  /** Puts the code of a shared link (in the hash) into its cell, once the lesson's saved work is in. */
  private async applyShareLink(): Promise<void> {
    const open = this.session;
    if (!open) return;
    await open.progress.load();
    if (this.session !== open) return;
    const notice = applySharedLink(location.hash, open.progress);
    if (notice === null) return;
    // A reload must not apply it again.
    history.replaceState(history.state, '', lessonHref(open.lesson.id));
    this.notice = notice;
    if (notice.cellId) this.scrollToCell(notice.cellId);
  }

  private async scrollToCell(cellId: string): Promise<void> {
    await this.updateComplete;
    await new Promise((resolve) => requestAnimationFrame(resolve));
    this.querySelector(`[role=region][aria-label="${CSS.escape(cellId)}"]`)?.scrollIntoView({ block: 'center' });
  }

  private onProgressChanged(): void {
    void this.session?.progress.reload();
    void this.refreshSummary();
  }

  private renderNotice() {
    const notice = this.notice;
    if (!notice) return nothing;
    return html`<div class="shared-notice ${notice.problem ? 'problem' : ''}" role=${notice.problem ? 'alert' : 'status'}>
      <p>${notice.text}</p>
      <button @click=${() => (this.notice = undefined)}>${strings.dismiss}</button>
    </div>`;
  }

  private renderPage() {
    const route = this.route;
    if (route.page === 'home') {
      return html`<dew-lesson-list .entries=${this.catalog} .summary=${this.summary}></dew-lesson-list>
        <dew-offline-download></dew-offline-download>`;
    }
    if (route.page === 'progress') {
      return this.store
        ? html`<dew-progress-page .store=${this.store} .catalog=${this.catalog}></dew-progress-page>
            <dew-offline-download></dew-offline-download>`
        : nothing;
    }
    const entry = findLesson(this.catalog, route.id);
    if (!entry) {
      return html`<div class="page-message" role="alert">${strings.lessonNotFound(route.id)}</div>`;
    }
    if (!entry.ok) {
      return html`<div class="page-message lesson-errors">
        <h1>${entry.title}</h1>
        <div role="alert">
          <h2>${strings.lessonBroken}</h2>
          <p>${strings.lessonBrokenHelp}</p>
          <ul>${entry.errors.map((e) => html`<li><code>${formatIssue(e)}</code></li>`)}</ul>
        </div>
      </div>`;
    }
    if (!this.session) return html`<p class="page-message saved-work-loading" role="status">${strings.loadingSavedWork}</p>`;
    const { lesson, session, progress } = this.session;
    return keyed(
      lesson,
      html`<dew-notebook .lesson=${lesson} .runtime=${session.runtime} .progress=${progress}></dew-notebook>
        ${this.renderPathLinks(lesson.id)}`,
    );
  }

  /** Previous and Next lesson, at the end of a lesson. */
  private renderPathLinks(id: string) {
    const { previous, next } = neighbours(this.catalog, id);
    if (!previous && !next) return nothing;
    return html`<nav class="lesson-path" aria-label=${strings.coursePath}>
      ${previous ? html`<a class="previous-lesson" rel="prev" href=${lessonHref(previous.id)}>${strings.previousLesson(previous.title)}</a>` : html`<span></span>`}
      ${next ? html`<a class="next-lesson" rel="next" href=${lessonHref(next.id)}>${strings.nextLesson(next.title)}</a>` : nothing}
    </nav>`;
  }

  private lessonTitle(id: string): string | undefined {
    return findLesson(this.catalog, id)?.title;
  }
}

customElements.define('dew-app', WorkbenchApp);

declare global {
  interface HTMLElementTagNameMap {
    'dew-app': WorkbenchApp;
  }
}
