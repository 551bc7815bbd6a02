// Airflow's grid: runs as columns (a bar per run showing its duration above),
// tasks as rows, a coloured square per task instance with its try number.
// Each square is a button; choosing one fires `ti-select`.
import { LitElement, html, nothing } from 'lit';
import { durationText } from '../../pipeline/dates';
import { runDuration } from '../../pipeline/partitions';
import type { PipelineSpec, PipelineState } from '../../pipeline/types';
import { pipelineStrings as t } from './strings';

export interface TiSelectDetail {
  task: string;
  ds: string;
}

export class PipelineGrid extends LitElement {
  static override properties = {
    spec: { attribute: false },
    state: { attribute: false },
    selected: { attribute: false },
  };
  declare spec: PipelineSpec;
  declare state: PipelineState;
  declare selected: TiSelectDetail | undefined;

  protected override createRenderRoot() {
    return this;
  }

  override render() {
    const { spec, state } = this;
    if (state.runs.length === 0) return html`<p class="note">${t.noRuns}</p>`;
    const durations = state.runs.map((r) => runDuration(r, state.clock) ?? 0);
    const longest = Math.max(1, ...durations);
    return html`<div class="pipeline-grid-scroll">
      <table class="pipeline-grid" aria-label=${t.gridLabel}>
        <thead>
          <tr>
            <th scope="col"></th>
            ${state.runs.map((run, i) => {
              const label = t.runDuration(run.ds, run.state, durationText(durations[i]!));
              return html`<th scope="col" class="run-head" data-state=${run.state} title=${label} aria-label=${label}>
                <span class="run-bar-box"><span class="run-bar" style="height:${Math.max(2, (durations[i]! / longest) * 100)}%"></span></span>
                <span class="run-day">${run.ds.slice(5)}</span>
              </th>`;
            })}
          </tr>
        </thead>
        <tbody>
          ${spec.tasks.map(
            (task) => html`<tr>
              <th scope="row" class="task-name"><span class="task-kind" data-kind=${task.kind}>${task.kind === 'sql' ? '' : task.kind}</span>${task.id}</th>
              ${state.runs.map((run) => {
                const ti = run.instances.find((i) => i.task === task.id);
                if (!ti) return html`<td></td>`;
                const label = t.tiLabel(task.id, run.ds, t.states[ti.state], ti.tryNumber);
                const chosen = this.selected?.task === task.id && this.selected.ds === run.ds;
                return html`<td>
                  <button
                    class="ti"
                    data-state=${ti.state}
                    data-task=${task.id}
                    data-ds=${run.ds}
                    aria-pressed=${String(chosen)}
                    aria-label=${label}
                    title=${label}
                    @click=${() => this.select(task.id, run.ds)}
                  >${ti.tryNumber > 1 ? html`<span class="ti-try">${ti.tryNumber}</span>` : nothing}</button>
                </td>`;
              })}
            </tr>`,
          )}
        </tbody>
      </table>
    </div>`;
  }

  private select(task: string, ds: string): void {
    this.dispatchEvent(new CustomEvent<TiSelectDetail>('ti-select', { detail: { task, ds }, bubbles: true }));
  }
}

customElements.define('dew-pipeline-grid', PipelineGrid);

declare global {
  interface HTMLElementTagNameMap {
    'dew-pipeline-grid': PipelineGrid;
  }
}
