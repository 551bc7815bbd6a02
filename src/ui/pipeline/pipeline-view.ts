// A pipeline cell's output: the controls, the simulated clock, the grid /
// graph / partitions / Gantt views, the chosen task instance's log, the text
// form for screen readers, and the Airflow export. Renders the scheduler's
// state; every action is a `pipeline-command` event for the notebook's queue.
import { LitElement, html, nothing, type PropertyValues } from 'lit';
import { clockText } from '../../pipeline/dates';
import { gridText, partitionsText } from '../../pipeline/partitions';
import type { CellOutput } from '../../notebook/cell-state';
import type { PipelineCommand } from '../../notebook/pipeline-executor';
import type { TiSelectDetail } from './pipeline-grid';
import { pipelineStrings as t } from './strings';
import './pipeline-grid';
import './partition-strip';
import './pipeline-gantt';
import './pipeline-controls';
import './ti-detail';
import './pipeline-export';

type PipelineOutput = Extract<CellOutput, { kind: 'pipeline' }>;
type Tab = 'grid' | 'partitions' | 'gantt';
const TABS: readonly Tab[] = ['grid', 'partitions', 'gantt'];

/** Simulated days played per second while Play is on. */
const PLAY_DELAY_MS = 450;

export interface PipelineCommandDetail {
  id: string;
  command: PipelineCommand;
}

export class PipelineView extends LitElement {
  static override properties = {
    output: { attribute: false },
    cellId: { attribute: false },
    busy: { type: Boolean },
    tab: { state: true },
    selected: { state: true },
    runDs: { state: true },
    playing: { state: true },
  };
  declare output: PipelineOutput;
  declare cellId: string;
  declare busy: boolean;
  declare tab: Tab;
  declare selected: TiSelectDetail | undefined;
  /** The run the graph and the Gantt show; the latest when unset. */
  declare runDs: string | undefined;
  declare playing: boolean;
  private timer: ReturnType<typeof setTimeout> | undefined;

  constructor() {
    super();
    this.tab = 'grid';
    this.playing = false;
    this.busy = false;
  }

  protected override createRenderRoot() {
    return this;
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.stopPlaying();
  }

  protected override updated(changed: PropertyValues<this>): void {
    // Play is a step per new output: the next step is sent once the last one has come back.
    if ((changed.has('output') || changed.has('playing')) && this.playing && !this.busy) {
      if (this.output.session.scheduler.done) this.stopPlaying();
      else {
        clearTimeout(this.timer);
        this.timer = setTimeout(() => this.send({ kind: 'step' }), PLAY_DELAY_MS);
      }
    }
  }

  override render() {
    const { spec, state, session } = this.output;
    const scheduler = session.scheduler;
    const run = state.runs.find((r) => r.ds === this.runDs) ?? state.runs.at(-1);
    const ti = this.selected ? state.runs.find((r) => r.ds === this.selected!.ds)?.instances.find((i) => i.task === this.selected!.task) : undefined;
    return html`<div
      class="pipeline-view"
      @ti-select=${this.onSelect}
      @ti-close=${() => (this.selected = undefined)}
      @pipeline-control=${this.onControl}
      @pipeline-play=${() => (this.playing = true)}
      @pipeline-pause=${() => this.stopPlaying()}
    >
      <dew-pipeline-controls
        .spec=${spec}
        ?playing=${this.playing}
        ?done=${scheduler.done}
        ?busy=${this.busy}
        .preview=${(a: string, b: string, m: 'missing' | 'all') => scheduler.previewBackfill(a, b, m)}
      ></dew-pipeline-controls>
      <p class="pipeline-clock" role="status">${t.clock(clockText(state.clock), state.runs.length, state.nextDs)}</p>
      <div class="pipeline-tabs" role="tablist" aria-label=${t.tabsLabel}>
        ${TABS.map(
          (tab) => html`<button role="tab" data-tab=${tab} aria-selected=${String(this.tab === tab)} @click=${() => (this.tab = tab)}>${t.tabs[tab]}</button>`,
        )}
        ${this.tab === 'gantt' && state.runs.length > 0
          ? html`<label class="pipeline-run-pick">${t.pickRun}
              <select @change=${(e: Event) => (this.runDs = (e.target as HTMLSelectElement).value)}>
                ${state.runs.map((r) => html`<option value=${r.ds} ?selected=${r === run}>${r.ds} · ${r.state}</option>`)}
              </select>
            </label>`
          : nothing}
      </div>
      <div class="pipeline-panel" role="tabpanel">
        ${this.tab === 'grid'
          ? html`<dew-pipeline-grid .spec=${spec} .state=${state} .selected=${this.selected}></dew-pipeline-grid>`
          : this.tab === 'partitions'
            ? html`<dew-partition-strip .spec=${spec} .state=${state}></dew-partition-strip>`
            : html`<dew-pipeline-gantt .spec=${spec} .run=${run}></dew-pipeline-gantt>`}
      </div>
      ${ti ? html`<dew-ti-detail .spec=${spec} .ti=${ti}></dew-ti-detail>` : nothing}
      <details class="pipeline-text">
        <summary>${t.asText}</summary>
        <pre class="pipeline-grid-text">${gridText(spec, state)}</pre>
        <pre class="pipeline-partitions-text">${partitionsText(spec, state)}</pre>
      </details>
      <dew-pipeline-export .spec=${spec} .name=${this.cellId}></dew-pipeline-export>
    </div>`;
  }

  private onSelect(event: CustomEvent<TiSelectDetail>): void {
    event.stopPropagation();
    this.selected = event.detail;
    this.runDs = event.detail.ds;
  }

  private onControl(event: CustomEvent<PipelineCommand>): void {
    event.stopPropagation();
    if (event.detail.kind === 'reset') {
      this.stopPlaying();
      this.selected = undefined;
      this.runDs = undefined;
    }
    this.send(event.detail);
  }

  private send(command: PipelineCommand): void {
    this.dispatchEvent(new CustomEvent<PipelineCommandDetail>('pipeline-command', { detail: { id: this.cellId, command }, bubbles: true }));
  }

  private stopPlaying(): void {
    clearTimeout(this.timer);
    this.timer = undefined;
    this.playing = false;
  }
}

customElements.define('dew-pipeline-view', PipelineView);

declare global {
  interface HTMLElementTagNameMap {
    'dew-pipeline-view': PipelineView;
  }
}
