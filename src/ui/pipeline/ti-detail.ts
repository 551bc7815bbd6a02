// One task instance, opened from the grid or a partition: every try's log
// (time on the simulated clock, the SQL with its bound parameters beside it,
// the rows in each written partition, the error), and its actions.
import { LitElement, html, nothing } from 'lit';
import { clockText, durationText } from '../../pipeline/dates';
import type { PipelineSpec, TaskInstance } from '../../pipeline/types';
import type { ResultSet } from '../../sql/types';
import '../result/result-table';
import { pipelineStrings as t } from './strings';

export interface PeekDetail {
  table: string;
  column: string;
  ds: string;
  respond: (result: ResultSet | string) => void;
}

export class TiDetail extends LitElement {
  static override properties = {
    spec: { attribute: false },
    ti: { attribute: false },
    peek: { state: true },
  };
  declare spec: PipelineSpec;
  declare ti: TaskInstance;
  declare peek: { table: string; result?: ResultSet | string } | undefined;

  protected override createRenderRoot() {
    return this;
  }

  override willUpdate(changed: Map<string, unknown>): void {
    const before = changed.get('ti') as TaskInstance | undefined;
    if (before && (before.task !== this.ti.task || before.ds !== this.ti.ds)) this.peek = undefined;
  }

  override render() {
    const { ti } = this;
    const task = this.spec.tasks.find((x) => x.id === ti.task)!;
    return html`<section class="ti-detail" aria-label=${t.detailTitle(ti.task, ti.ds)}>
      <header>
        <h4>${t.detailTitle(ti.task, ti.ds)}</h4>
        <span class="ti-state-text" data-state=${ti.state}>${t.detailState(t.states[ti.state], ti.tryNumber, Math.max(ti.tryNumber, task.retries + 1))}</span>
        <span class="ti-actions">
          <button class="ti-clear" @click=${() => this.command(false)}>${t.clear}</button>
          <button class="ti-clear-downstream" @click=${() => this.command(true)}>${t.clearDownstream}</button>
          <button @click=${() => this.dispatchEvent(new CustomEvent('ti-close', { bubbles: true }))}>${t.close}</button>
        </span>
      </header>
      ${ti.attempts.length === 0 ? html`<p class="note">${t.noTries}</p>` : nothing}
      <ol class="ti-attempts">
        ${ti.attempts.map(
          (a) => html`<li class="ti-attempt" data-ok=${String(a.ok)}>
            <p><strong>${t.attempt(a.try)}</strong> · ${a.ok ? t.states.success : t.states.failed} · ${t.attemptTime(clockText(a.start), clockText(a.end), durationText(a.end - a.start))}${a.pokes !== undefined ? ` · ${t.pokes(a.pokes)}` : ''}${a.changes > 0 ? ` · ${t.changes(a.changes)}` : ''}</p>
            ${a.statements.length > 0 ? html`<details><summary>${t.statements}</summary><pre class="ti-sql">${a.statements.join('\n')}</pre></details>` : nothing}
            <p class="ti-params">${t.params}: ${Object.entries(a.params).map(([k, v]) => html`<code>:${k} = '${v}'</code> `)}</p>
            ${Object.entries(a.partitionRows).map(([table, rows]) => html`<p class="ti-rows">${t.partitionRows(table, ti.ds, rows)}</p>`)}
            ${a.error !== undefined ? html`<pre class="ti-error">${a.error}</pre>` : nothing}
          </li>`,
        )}
      </ol>
      ${task.writes.map((w) => html`<button class="ti-show-rows" @click=${() => this.showRows(w.table, w.column)}>${t.showRows(w.table)}</button>`)}
      ${this.peek
        ? typeof this.peek.result === 'string'
          ? html`<p class="note">${this.peek.result}</p>`
          : this.peek.result
            ? html`<dew-result-table .result=${this.peek.result} .totalRows=${this.peek.result.rows.length}></dew-result-table>`
            : nothing
        : nothing}
    </section>`;
  }

  private command(downstream: boolean): void {
    const { task, ds } = this.ti;
    this.dispatchEvent(new CustomEvent('pipeline-control', { detail: { kind: 'clear', task, ds, downstream }, bubbles: true }));
  }

  private showRows(table: string, column: string): void {
    this.peek = { table };
    const respond = (result: ResultSet | string) => {
      if (this.peek?.table === table) this.peek = { table, result };
    };
    this.dispatchEvent(new CustomEvent<PeekDetail>('pipeline-peek', { detail: { table, column, ds: this.ti.ds, respond }, bubbles: true, composed: true }));
  }
}

customElements.define('dew-ti-detail', TiDetail);

declare global {
  interface HTMLElementTagNameMap {
    'dew-ti-detail': TiDetail;
  }
}
