// Partitions per written table (as Dagster's asset partitions): one square
// per day, missing / failed / materialized, with its row count. Choosing a
// day selects the task instance that writes it.
import { LitElement, html } from 'lit';
import { partitionsOf } from '../../pipeline/partitions';
import type { PipelineSpec, PipelineState } from '../../pipeline/types';
import type { TiSelectDetail } from './pipeline-grid';
import { pipelineStrings as t } from './strings';

export class PartitionStrip extends LitElement {
  static override properties = {
    spec: { attribute: false },
    state: { attribute: false },
  };
  declare spec: PipelineSpec;
  declare state: PipelineState;

  protected override createRenderRoot() {
    return this;
  }

  override render() {
    const tables = partitionsOf(this.spec, this.state);
    if (tables.length === 0) return html`<p class="note">${t.noPartitions}</p>`;
    return html`${tables.map(
      (table) => html`<section class="partition-table">
        <h4>${table.table}</h4>
        <ul class="partition-strip" aria-label=${t.partitionsLabel(table.table)}>
          ${table.partitions.map((p) => {
            const label = t.partitionLabel(p.ds, t.partition[p.status], p.rows);
            return html`<li>
              <button class="partition" data-status=${p.status} data-ds=${p.ds} data-table=${table.table} aria-label=${label} title=${label} @click=${() => this.select(p.task, p.ds)}>
                <span class="partition-day">${p.ds.slice(8)}</span>
                <span class="partition-rows">${p.rows ?? ''}</span>
              </button>
            </li>`;
          })}
        </ul>
      </section>`,
    )}`;
  }

  private select(task: string, ds: string): void {
    this.dispatchEvent(new CustomEvent<TiSelectDetail>('ti-select', { detail: { task, ds }, bubbles: true }));
  }
}

customElements.define('dew-partition-strip', PartitionStrip);

declare global {
  interface HTMLElementTagNameMap {
    'dew-partition-strip': PartitionStrip;
  }
}
