// The pipeline's controls: play the schedule day by day, pause, step one run,
// reset, trigger a run by hand, and backfill a range after previewing which
// partitions it will run. Each action is a `pipeline-control` event carrying
// a PipelineCommand; play/pause are `pipeline-play` / `pipeline-pause`.
import { LitElement, html, nothing } from 'lit';
import type { BackfillPlan } from '../../pipeline/scheduler';
import type { BackfillMode, PipelineSpec } from '../../pipeline/types';
import type { PipelineCommand } from '../../notebook/pipeline-executor';
import { pipelineStrings as t } from './strings';

export class PipelineControls extends LitElement {
  static override properties = {
    spec: { attribute: false },
    playing: { type: Boolean },
    done: { type: Boolean },
    busy: { type: Boolean },
    preview: { attribute: false },
    plan: { state: true },
    from: { state: true },
    to: { state: true },
    mode: { state: true },
    triggerDay: { state: true },
  };
  declare spec: PipelineSpec;
  declare playing: boolean;
  declare done: boolean;
  declare busy: boolean;
  declare preview: (start: string, end: string, mode: BackfillMode) => BackfillPlan[];
  declare plan: BackfillPlan[] | undefined;
  declare from: string;
  declare to: string;
  declare mode: BackfillMode;
  declare triggerDay: string;

  constructor() {
    super();
    this.mode = 'missing';
    this.playing = false;
    this.done = false;
    this.busy = false;
  }

  protected override createRenderRoot() {
    return this;
  }

  override willUpdate(changed: Map<string, unknown>): void {
    if (changed.has('spec')) {
      this.from ??= this.spec.start;
      this.to ??= this.spec.end;
      this.triggerDay ??= this.spec.end;
    }
  }

  override render() {
    const { spec } = this;
    const work = this.plan?.filter((p) => p.action !== 'keep').length ?? 0;
    return html`<div class="pipeline-controls" role="toolbar" aria-label="Pipeline controls">
        <button class="pl-reset" title=${t.resetHint} ?disabled=${this.busy && !this.playing} @click=${() => this.send({ kind: 'reset' })}>${t.reset}</button>
        ${this.playing
          ? html`<button class="pl-pause" @click=${() => this.emit('pipeline-pause')}>${t.pause}</button>`
          : html`<button class="pl-play primary" ?disabled=${this.done || this.busy} @click=${() => this.emit('pipeline-play')}>${t.play}</button>`}
        <button class="pl-step" ?disabled=${this.done || this.playing || this.busy} @click=${() => this.send({ kind: 'step' })}>${t.step}</button>
        <span class="pl-group">
          <label>${t.triggerDay} <input class="pl-trigger-day" type="date" min=${spec.start} max=${spec.end} .value=${this.triggerDay} @change=${(e: Event) => (this.triggerDay = (e.target as HTMLInputElement).value)} /></label>
          <button class="pl-trigger" ?disabled=${this.busy} @click=${() => this.send({ kind: 'trigger', ds: this.triggerDay })}>${t.trigger}</button>
        </span>
      </div>
      <details class="pl-backfill">
        <summary>${t.backfill}</summary>
        <div class="pl-group">
          <label>${t.backfillFrom} <input class="pl-from" type="date" min=${spec.start} max=${spec.end} .value=${this.from} @change=${(e: Event) => this.setRange('from', e)} /></label>
          <label>${t.backfillTo} <input class="pl-to" type="date" min=${spec.start} max=${spec.end} .value=${this.to} @change=${(e: Event) => this.setRange('to', e)} /></label>
          <label>${t.backfillMode}
            <select class="pl-mode" @change=${(e: Event) => this.setMode((e.target as HTMLSelectElement).value as BackfillMode)}>
              <option value="missing" ?selected=${this.mode === 'missing'}>${t.backfillMissing}</option>
              <option value="all" ?selected=${this.mode === 'all'}>${t.backfillAll}</option>
            </select>
          </label>
          <button class="pl-preview" ?disabled=${!(this.from <= this.to)} @click=${this.showPlan}>${t.preview}</button>
        </div>
        ${this.plan
          ? html`<ul class="pl-plan">
                ${this.plan.map(
                  (p) => html`<li data-action=${p.action}><code>${p.ds}</code> ${p.action === 'create' ? t.planCreate : p.action === 'rerun' ? t.planRerun(p.tasks) : t.planKeep}</li>`,
                )}
              </ul>
              <button class="pl-run-backfill primary" ?disabled=${work === 0 || this.busy} @click=${this.runBackfill}>${t.runBackfill(work)}</button>`
          : nothing}
      </details>`;
  }

  private setRange(which: 'from' | 'to', e: Event): void {
    this[which] = (e.target as HTMLInputElement).value;
    this.plan = undefined;
  }

  private setMode(mode: BackfillMode): void {
    this.mode = mode;
    this.plan = undefined;
  }

  private showPlan = (): void => {
    this.plan = this.preview(this.from, this.to, this.mode);
  };

  private runBackfill = (): void => {
    this.send({ kind: 'backfill', start: this.from, end: this.to, mode: this.mode });
    this.plan = undefined;
  };

  private send(command: PipelineCommand): void {
    this.dispatchEvent(new CustomEvent<PipelineCommand>('pipeline-control', { detail: command, bubbles: true }));
  }

  private emit(name: string): void {
    this.dispatchEvent(new CustomEvent(name, { bubbles: true }));
  }
}

customElements.define('dew-pipeline-controls', PipelineControls);

declare global {
  interface HTMLElementTagNameMap {
    'dew-pipeline-controls': PipelineControls;
  }
}
