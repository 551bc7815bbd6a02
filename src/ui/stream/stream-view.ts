// A stream cell's output: the timeline with a clock the learner drives (play,
// pause, step, speed, scrubber), the result table as of that clock (revisions
// appear as they happen), the source as a topic with offsets and lag, the same
// replay as text, and the job as Flink SQL and Spark text (generated, not run).
import { LitElement, html, nothing } from 'lit';
import { flinkSql, formatDuration, formatTime, sparkStreaming, type StreamRun, type StreamSpec } from '../../stream';
import type { ResultSet } from '../../sql/types';
import '../result/result-table';
import { streamStrings as s } from './strings';
import { textForm } from './text-form';
import { timeline, visibleEvents } from './timeline';

type Tab = 'timeline' | 'text' | 'production';
const SPEEDS = [1, 4, 16, 64];

export interface TradeFigures {
  dropped: number;
  maxFinalDelayMs: number | null;
}

export class StreamView extends LitElement {
  static override properties = {
    spec: { attribute: false },
    run: { attribute: false },
    result: { attribute: false },
    previous: { attribute: false },
    step: { state: true },
    tab: { state: true },
    playing: { state: true },
    speed: { state: true },
  };
  declare spec: StreamSpec;
  declare run: StreamRun;
  declare result: ResultSet;
  /** The figures of this cell's run before the last one, for "what you traded". */
  declare previous: TradeFigures | undefined;
  declare step: number;
  declare tab: Tab;
  declare playing: boolean;
  declare speed: number;
  private timer: ReturnType<typeof setInterval> | undefined;
  private shownRun?: StreamRun;

  constructor() {
    super();
    this.step = 0;
    this.tab = 'timeline';
    this.playing = false;
    this.speed = 4;
  }

  protected override createRenderRoot() {
    return this;
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.pause();
  }

  override willUpdate(): void {
    // A new run starts at its end, showing the finished result; Play replays it from the start.
    if (this.run !== this.shownRun) {
      this.shownRun = this.run;
      this.pause();
      this.step = Math.max(0, (this.run?.steps ?? 1) - 1);
    }
  }

  private get last(): number {
    return Math.max(0, this.run.steps - 1);
  }

  private play(): void {
    if (this.step >= this.last) this.step = 0;
    this.playing = true;
    this.timer = setInterval(() => {
      this.step = Math.min(this.last, this.step + this.speed);
      if (this.step >= this.last) this.pause();
    }, 250);
  }

  private pause(): void {
    if (this.timer !== undefined) clearInterval(this.timer);
    this.timer = undefined;
    this.playing = false;
  }

  private resultAt(step: number): ResultSet {
    const keep = this.run.rows.map((r) => r.step <= step);
    const rows = this.result.rows.filter((_, i) => keep[i]);
    return { columns: this.result.columns, rows, kinds: this.result.kinds.filter((_, i) => keep[i]) };
  }

  override render() {
    if (!this.spec || !this.run || !this.result) return nothing;
    const { spec, run } = this;
    const { end } = visibleEvents(run, this.step);
    const atStep = this.resultAt(this.step);
    const lastSeen = run.trace[end - 1];
    const wm = lastSeen && Number.isFinite(lastSeen.watermarkAfter) ? formatTime(lastSeen.watermarkAfter) : '—';
    const batch = spec.trigger.type === 'every';
    return html`<div class="stream-view">
      <p class="stream-summary">${s.summary(run.summary)}</p>
      ${this.traded()}
      <div class="stream-tabs" role="tablist">
        ${(['timeline', 'text', 'production'] as const).map(
          (t) => html`<button role="tab" aria-selected=${String(this.tab === t)} @click=${() => (this.tab = t)}>${s.tabs[t]}</button>`,
        )}
      </div>
      ${this.tab === 'production' ? this.production() : html`
        <div class="stream-controls">
          <button class="stream-play" @click=${() => (this.playing ? this.pause() : this.play())}>${this.playing ? s.pause : s.play}</button>
          <button class="stream-step" @click=${() => { this.pause(); this.step = Math.min(this.last, this.step + 1); }}>${batch ? s.stepBatch : s.step}</button>
          <label>${s.speed} <select class="stream-speed" @change=${(e: Event) => (this.speed = Number((e.target as HTMLSelectElement).value))}>
            ${SPEEDS.map((v) => html`<option value=${v} ?selected=${v === this.speed}>${v}×</option>`)}
          </select></label>
          <input class="stream-scrubber" type="range" min="0" max=${this.last} .value=${String(this.step)} aria-label=${s.scrubber}
            @input=${(e: Event) => { this.pause(); this.step = Number((e.target as HTMLInputElement).value); }} />
          <span class="stream-clock" aria-live="polite">${s.clock(this.step, run.steps)} · ${s.watermark(wm)}</span>
        </div>
        <p class="stream-topic">${s.topic(spec.from, end, run.trace.length)}</p>
        ${this.tab === 'timeline'
          ? html`<figure class="stream-figure">${timeline(run, this.step, { width: 720, height: 300 })}
              <figcaption class="stream-legend">${(['on-time', 'out-of-order', 'late-counted', 'dropped', 'side-table'] as const).map((k) => html`<span class=${`key key-${k}`}>${s.status[k]}</span>`)}
              <span class="key key-watermark">${s.watermark('')}</span></figcaption></figure>`
          : html`<pre class="stream-text">${textForm(spec, run, this.step).join('\n')}</pre>`}
        <dew-result-table .result=${atStep} .totalRows=${atStep.rows.length}></dew-result-table>
      `}
    </div>`;
  }

  private traded() {
    const before = this.previous;
    if (!before) return nothing;
    const delay = (ms: number | null) => (ms === null ? '—' : formatDuration(ms));
    const now = this.run.summary;
    if (before.dropped === now.dropped && before.maxFinalDelayMs === now.maxFinalDelayMs) return nothing;
    return html`<p class="stream-traded">${s.traded({ dropped: before.dropped, delay: delay(before.maxFinalDelayMs) }, { dropped: now.dropped, delay: delay(now.maxFinalDelayMs) })}</p>`;
  }

  private production() {
    return html`<div class="stream-production">
      <p class="note">${s.generated}</p>
      <h4>${s.flink}</h4><pre>${flinkSql(this.spec)}</pre>
      <h4>${s.spark}</h4><pre>${sparkStreaming(this.spec)}</pre>
    </div>`;
  }
}

customElements.define('dew-stream-view', StreamView);

declare global {
  interface HTMLElementTagNameMap {
    'dew-stream-view': StreamView;
  }
}
