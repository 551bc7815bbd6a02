import { LitElement, html, nothing } from 'lit';
import type { ResultSet } from '../../sql/types';
import { strings } from '../strings';
import { formatValue } from './format-value';

/** Rows rendered at most; the rest are counted, not drawn, so a big result cannot freeze the page. */
export const MAX_RENDERED_ROWS = 1000;

export class ResultTable extends LitElement {
  static override properties = { result: { attribute: false }, totalRows: { type: Number } };
  declare result: ResultSet | undefined;
  /** Rows the query returned; more than result.rows when the engine kept only the first ones. */
  declare totalRows: number | undefined;

  protected override createRenderRoot() {
    return this;
  }

  override render() {
    const result = this.result;
    if (!result || result.columns.length === 0) return nothing;
    const total = Math.max(this.totalRows ?? 0, result.rows.length);
    const shown = result.rows.slice(0, MAX_RENDERED_ROWS);
    return html`
      <div class="result-meta">
        <span class="row-count">${strings.rowCount(total)}</span>
        ${total > shown.length ? html`<span class="truncated">${strings.rowsShown(shown.length, total)}</span>` : nothing}
      </div>
      ${total === 0
        ? html`<p class="empty">${strings.noRows}</p>`
        : nothing}
      <div class="table-scroll" tabindex="0">
        <table>
          <thead>
            <tr>
              ${result.columns.map((c) => html`<th scope="col">${c}</th>`)}
            </tr>
          </thead>
          <tbody>
            ${shown.map(
              (row, r) => html`<tr>
                ${row.map((value, c) => {
                  const f = formatValue(value, result.kinds[r]?.[c]);
                  // Cells are cut at 40 characters (app.css); the whole value is in the tooltip.
                  return html`<td class=${f.kind} title=${f.text.length > 40 ? f.text : nothing}>${f.text}</td>`;
                })}
              </tr>`,
            )}
          </tbody>
        </table>
      </div>
    `;
  }
}

customElements.define('dew-result-table', ResultTable);

declare global {
  interface HTMLElementTagNameMap {
    'dew-result-table': ResultTable;
  }
}
