import { LitElement, html, type PropertyValues } from 'lit';
import type { SchemaInfo } from '../../sql/schema';
import { visibleSchema } from './visible-schema';
import { lineageGraph } from '../../notebook/lineage';
import type { NotebookRuntime, NotebookState } from '../../notebook/runtime';
import type { ResultSet } from '../../sql/types';
import type { PreviewTableDetail } from '../schema/schema-browser';
import { setCompletionSchema } from '../editor/sql-completion';
import { strings } from '../strings';
import '../schema/schema-browser';
import '../lineage/lineage-view';

type Tab = 'tables' | 'lineage';

/** The notebook's side panel: the live schema, or the lineage graph of the tables the cells made. */
export class NotebookAside extends LitElement {
  static override properties = {
    runtime: { attribute: false },
    state: { attribute: false },
    tab: { state: true },
    preview: { state: true },
  };
  declare runtime: NotebookRuntime;
  declare state: NotebookState;
  declare tab: Tab;
  declare preview: { table: string; result?: ResultSet; error?: string } | undefined;
  private visible: SchemaInfo = { tables: [] };

  constructor() {
    super();
    this.tab = 'tables';
  }

  protected override createRenderRoot() {
    return this;
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    // Monaco's SQL completion offers what the database holds now.
    if (changed.has('state')) {
      this.visible = visibleSchema(this.state);
      setCompletionSchema(this.visible);
    }
  }

  override render() {
    return html`
      <div class="aside-tabs" role="tablist">
        ${(['tables', 'lineage'] as const).map(
          (tab) => html`<button
            role="tab"
            aria-selected=${String(this.tab === tab)}
            @click=${() => (this.tab = tab)}
          >
            ${tab === 'tables' ? strings.tablesTab : strings.lineageTab}
          </button>`,
        )}
      </div>
      <div role="tabpanel" class="aside-panel">
        ${this.tab === 'tables'
          ? html`<dew-schema-browser
              .schema=${this.visible}
              .preview=${this.preview?.result}
              .previewTable=${this.preview?.table}
              .previewError=${this.preview?.error}
              @preview-table=${this.onPreview}
            ></dew-schema-browser>`
          : html`<dew-lineage-view .graph=${this.graph()} heading=""></dew-lineage-view>`}
      </div>
    `;
  }

  private graph() {
    const { state } = this;
    const order = state.cells.map((c) => c.id);
    const tables = this.visible.tables;
    const shown = new Set(tables.map((t) => t.id));
    const datasets = state.datasetTables.filter((d) => d.tables.some((t) => shown.has(t)));
    return lineageGraph(order, state.lineage, datasets, {
      views: tables.filter((t) => t.kind === 'view').map((t) => t.id),
      existing: tables.map((t) => t.id),
    });
  }

  private async onPreview(event: CustomEvent<PreviewTableDetail>): Promise<void> {
    const { table, sql } = event.detail;
    this.preview = { table };
    try {
      this.preview = { table, result: await this.runtime.preview(sql) };
    } catch (error) {
      this.preview = { table, error: error instanceof Error ? error.message : String(error) };
    }
  }
}

customElements.define('dew-notebook-aside', NotebookAside);

declare global {
  interface HTMLElementTagNameMap {
    'dew-notebook-aside': NotebookAside;
  }
}
