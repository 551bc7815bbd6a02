import { LitElement, html, nothing, type PropertyValues } from 'lit';
import { keyed } from 'lit/directives/keyed.js';
import type { CatalogEntry } from '../../lesson/catalog';
import { formatIssue, type Lesson } from '../../lesson/types';
import type { NotebookRuntime } from '../../notebook/runtime';
import { parseRoute, type Route } from './route';
import { strings } from '../strings';
import '../lesson-list/lesson-list';
import '../notebook/notebook-view';

/** What the app needs to open a lesson: a runtime over a fresh engine, and a way to let both go. */
export interface LessonSession {
  runtime: NotebookRuntime;
  dispose(): void;
}

export type SessionFactory = (lesson: Lesson) => LessonSession;

/** The app shell: reads the hash route and shows the lesson list or one lesson. */
export class WorkbenchApp extends LitElement {
  static override properties = {
    catalog: { attribute: false },
    openSession: { attribute: false },
    route: { state: true },
  };
  declare catalog: CatalogEntry[];
  declare openSession: SessionFactory;
  declare route: Route;

  private session?: { lesson: Lesson; session: LessonSession };
  private readonly onHashChange = () => {
    this.route = parseRoute(location.hash);
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
    this.session?.session.dispose();
    this.session = undefined;
  }

  override render() {
    return html`
      <nav class="app-bar" aria-label="Workbench">
        <a class="brand" href="#/">${strings.appTitle}</a>
        <a href="#/">${strings.home}</a>
      </nav>
      <main id="main">${this.renderPage()}</main>
    `;
  }

  /** Opens the session of the lesson the route names, and closes any other, before rendering. */
  protected override willUpdate(changed: PropertyValues<this>): void {
    if (!changed.has('route') && !changed.has('catalog')) return;
    const route = this.route;
    const entry = route.page === 'lesson' ? this.catalog.find((e) => e.id === route.id) : undefined;
    const lesson = entry?.ok ? entry.lesson : undefined;
    if (this.session && this.session.lesson !== lesson) {
      this.session.session.dispose();
      this.session = undefined;
    }
    if (lesson && !this.session) this.session = { lesson, session: this.openSession(lesson) };
  }

  protected override updated(): void {
    const title = this.route.page === 'lesson' ? this.lessonTitle(this.route.id) : undefined;
    document.title = title ? `${title} · ${strings.appTitle}` : strings.appTitle;
  }

  private renderPage() {
    const route = this.route;
    if (route.page === 'home') {
      return html`<dew-lesson-list .entries=${this.catalog}></dew-lesson-list>`;
    }
    const entry = this.catalog.find((e) => e.id === route.id);
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
    if (!this.session) return nothing;
    const { lesson, session } = this.session;
    return keyed(lesson, html`<dew-notebook .lesson=${lesson} .runtime=${session.runtime}></dew-notebook>`);
  }

  private lessonTitle(id: string): string | undefined {
    return this.catalog.find((e) => e.id === id)?.title;
  }
}

customElements.define('dew-app', WorkbenchApp);

declare global {
  interface HTMLElementTagNameMap {
    'dew-app': WorkbenchApp;
  }
}
