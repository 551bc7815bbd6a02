// The schema browser: a side panel with every table and view, its columns
// and row count. Clicking a table asks the notebook for its first rows
// (`preview-table`); the notebook answers by setting `preview`.
import { LitElement, html, nothing, type PropertyValues } from 'lit';
import { previewSql, type SchemaInfo, type SchemaTable } from '../../sql/schema';
import type { ResultSet } from '../../sql/types';
import '../result/result-table';
import { strings } from '../strings';

export interface PreviewTableDetail {
  /** The table's lineage name (SchemaTable.id): `name`, or `temp.<name>`. */
  table: string;
  /** The query to run for the preview: `SELECT * FROM "schema"."name" LIMIT 20`. */
  sql: string;
}

export class SchemaBrowser extends LitElement {
  static override properties = {
    schema: { attribute: false },
    preview: { attribute: false },
    previewTable: { attribute: false },
    previewError: { attribute: false },
    selected: { state: true },
  };
  declare schema: SchemaInfo;
  /** The first rows of the table `previewTable` (or of the selected table, when previewTable is unset). */
  declare preview: ResultSet | undefined;
  /** Which table `preview` shows (SchemaTable.id), so an answer for an earlier click is not shown under a later one. */
  declare previewTable: string | undefined;
  /** Why the preview failed, if it did. */
  declare previewError: string | undefined;
  /** The table whose preview is open (SchemaTable.id). */
  declare selected: string | undefined;

  constructor() {
    super();
    this.schema = { tables: [] };
  }

  protected override createRenderRoot() {
    return this;
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    if (!changed.has('schema') || this.selected === undefined) return;
    if (!this.schema.tables.some((t) => t.id === this.selected)) {
      this.selected = undefined;
    } else if (changed.get('schema') !== undefined) {
      // A cell ran: the open preview may be out of date, so ask for it again.
      this.requestPreview(this.selected);
    }
  }

  override render() {
    const tables = this.schema.tables;
    return html`<aside class="schema-browser" role="complementary" aria-labelledby="schema-browser-title">
      <h2 class="schema-title" id="schema-browser-title">${strings.schemaTitle}</h2>
      ${tables.length === 0
        ? html`<p class="schema-empty">${strings.schemaEmpty}</p>`
        : html`<ul class="schema-list">
            ${tables.map((t) => this.renderTable(t))}
          </ul>`}
    </aside>`;
  }

  private renderTable(table: SchemaTable) {
    const open = this.selected === table.id;
    const previewId = `schema-preview-${cssId(table.id)}`;
    return html`<li class="schema-table" data-kind=${table.kind}>
      <button
        type="button"
        class="schema-table-button"
        aria-expanded=${open ? 'true' : 'false'}
        aria-controls=${previewId}
        @click=${() => this.toggle(table.id)}
      >
        <span class="schema-caret" aria-hidden="true"></span>
        <span class="schema-table-name">${table.name}</span>
        ${table.schema === 'temp' ? html`<span class="schema-badge">${strings.schemaTemp}</span>` : nothing}
        ${table.kind === 'view' ? html`<span class="schema-badge">${strings.schemaView}</span>` : nothing}
        ${table.rowCount === null ? nothing : html`<span class="schema-row-count">${strings.rowCount(table.rowCount)}</span>`}
      </button>
      ${table.error
        ? html`<p class="schema-broken">${strings.schemaBroken(table.error)}</p>`
        : html`<ul class="schema-columns" aria-label=${strings.schemaColumnsOf(table.name)}>
            ${table.columns.map(
              (c) => html`<li>
                <span class="schema-column-name">${c.name}</span>
                <span class="schema-column-type">${c.type || strings.schemaNoType}</span>
                ${c.pk ? html`<abbr class="schema-flag" title=${strings.schemaPrimaryKey}>PK</abbr>` : nothing}
                ${c.notNull ? html`<span class="schema-flag">${strings.schemaNotNull}</span>` : nothing}
              </li>`,
            )}
          </ul>`}
      ${open ? this.renderPreview(table, previewId) : nothing}
    </li>`;
  }

  private renderPreview(table: SchemaTable, id: string) {
    const mine = (this.previewTable ?? this.selected) === table.id;
    let body;
    if (mine && this.previewError) body = html`<p role="alert" class="cell-error">${this.previewError}</p>`;
    else if (mine && this.preview) {
      body = html`<dew-result-table .result=${this.preview} .totalRows=${table.rowCount ?? undefined}></dew-result-table>`;
    } else body = html`<p class="schema-loading" aria-live="polite">${strings.schemaPreviewLoading}</p>`;
    return html`<section class="schema-preview" id=${id} aria-label=${strings.schemaPreviewOf(table.name)}>${body}</section>`;
  }

  private toggle(id: string): void {
    if (this.selected === id) {
      this.selected = undefined;
      return;
    }
    this.selected = id;
    this.requestPreview(id);
    // The panel scrolls on its own; keep the opened preview in sight.
    void this.updateComplete.then(() => this.querySelector('.schema-preview')?.scrollIntoView?.({ block: 'nearest' }));
  }

  private requestPreview(id: string): void {
    const table = this.schema.tables.find((t) => t.id === id);
    if (!table) return;
    this.dispatchEvent(
      new CustomEvent<PreviewTableDetail>('preview-table', {
        detail: { table: table.id, sql: previewSql(table) },
        bubbles: true,
        composed: true,
      }),
    );
  }
}

/** A string safe in an id attribute (ids may not hold spaces). */
function cssId(name: string): string {
  return Array.from(name, (c) => (/[A-Za-z0-9_-]/.test(c) ? c : `_${c.codePointAt(0)!.toString(16)}`)).join('');
}

customElements.define('dew-schema-browser', SchemaBrowser);

declare global {
  interface HTMLElementTagNameMap {
    'dew-schema-browser': SchemaBrowser;
  }
  interface HTMLElementEventMap {
    'preview-table': CustomEvent<PreviewTableDetail>;
  }
}
