// The Gantt chart of one run: each try of each task as a bar on the
// simulated clock, so retries' waits and a sensor's pokes take visible room.
import { LitElement, html, svg } from 'lit';
import { clockText, durationText } from '../../pipeline/dates';
import type { DagRun, PipelineSpec } from '../../pipeline/types';
import { pipelineStrings as t } from './strings';

const ROW = 26;
const LABEL = 130;
const WIDTH = 640;

export class PipelineGantt extends LitElement {
  static override properties = {
    spec: { attribute: false },
    run: { attribute: false },
  };
  declare spec: PipelineSpec;
  declare run: DagRun | undefined;

  protected override createRenderRoot() {
    return this;
  }

  override render() {
    const run = this.run;
    const attempts = run?.instances.flatMap((ti) => ti.attempts.map((a) => ({ task: ti.task, ...a }))) ?? [];
    if (!run || attempts.length === 0) return html`<p class="note">${t.ganttEmpty}</p>`;
    const start = Math.min(...attempts.map((a) => a.start));
    const end = Math.max(...attempts.map((a) => a.end), start + 1);
    const span = end - start;
    const x = (m: number) => LABEL + ((m - start) / span) * (WIDTH - LABEL - 10);
    const tasks = this.spec.tasks.map((task) => task.id);
    const height = tasks.length * ROW + 28;
    const ticks = [0, 0.25, 0.5, 0.75, 1].map((f) => start + f * span);
    return html`<figure class="pipeline-gantt">
      <figcaption>${t.ganttTitle(run.ds)} · ${durationText(span)}</figcaption>
      <svg viewBox="0 0 ${WIDTH} ${height}" width="100%" role="img" aria-label=${t.ganttTitle(run.ds)}>
        ${ticks.map(
          (m) => svg`<line class="gantt-tick" x1=${x(m)} x2=${x(m)} y1="0" y2=${tasks.length * ROW}></line>
            <text class="gantt-tick-label" x=${x(m)} y=${tasks.length * ROW + 16} text-anchor="middle">${clockText(m).slice(6)}</text>`,
        )}
        ${tasks.map(
          (task, i) => svg`<text class="gantt-task" x="4" y=${i * ROW + ROW / 2 + 4}>${task}</text>`,
        )}
        ${attempts.map((a) => {
          const row = tasks.indexOf(a.task);
          const w = Math.max(3, x(a.end) - x(a.start));
          return svg`<rect class="gantt-bar" data-ok=${String(a.ok)} x=${x(a.start)} y=${row * ROW + 5} width=${w} height=${ROW - 10} rx="3">
            <title>${a.task} try ${a.try}: ${a.ok ? 'success' : 'failed'} · ${clockText(a.start)} → ${clockText(a.end)} (${durationText(a.end - a.start)})</title>
          </rect>`;
        })}
      </svg>
    </figure>`;
  }
}

customElements.define('dew-pipeline-gantt', PipelineGantt);

declare global {
  interface HTMLElementTagNameMap {
    'dew-pipeline-gantt': PipelineGantt;
  }
}
