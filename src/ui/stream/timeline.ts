// The timeline as SVG: x = event time, y = arrival order; a dot per event
// coloured by what happened to it, the watermark as a line that moves with the
// clock, windows as bands (open / fired / final). Scales from d3.
import { scaleLinear } from 'd3';
import { svg, type SVGTemplateResult } from 'lit';
import type { StreamRun } from '../../stream';
import { streamStrings as s } from './strings';

export const TIMELINE_EVENTS = 400;

export interface TimelineSize {
  width: number;
  height: number;
}

/** The events drawn: those read by `step`, the last TIMELINE_EVENTS of them. */
export function visibleEvents(run: StreamRun, step: number) {
  let end = 0;
  while (end < run.trace.length && run.trace[end]!.step <= step) end++;
  return { end, events: run.trace.slice(Math.max(0, end - TIMELINE_EVENTS), end) };
}

export function timeline(run: StreamRun, step: number, size: TimelineSize): SVGTemplateResult {
  const { events } = visibleEvents(run, step);
  const { width, height } = size;
  const m = { left: 48, right: 12, top: 14, bottom: 30 };
  if (events.length === 0) return svg`<svg class="stream-timeline" viewBox="0 0 ${width} ${height}" role="img" aria-label=${s.tabs.timeline}></svg>`;
  const t0 = Math.min(...events.map((e) => e.eventTime));
  const t1 = Math.max(...events.map((e) => e.eventTime), t0 + 60_000);
  const x = scaleLinear().domain([t0, t1]).range([m.left, width - m.right]).nice();
  const first = events[0]!.offset;
  const last = events.at(-1)!.offset;
  const y = scaleLinear().domain([first, Math.max(last, first + 1)]).range([m.top, height - m.bottom]);
  const rows = run.rows.filter((r) => r.step <= step && r.windowEnd >= t0 && r.windowStart <= t1);
  const states = new Map<string, { start: number; end: number; state: 'fired' | 'final' }>();
  for (const r of rows) states.set(`${r.key}|${r.windowStart}|${r.windowEnd}`, { start: r.windowStart, end: r.windowEnd, state: r.final ? 'final' : 'fired' });
  const open = new Map<string, { start: number; end: number }>();
  for (const e of events) for (const [a, b] of e.windows) if (!states.has(`${e.key}|${a}|${b}`)) open.set(`${a}|${b}`, { start: a, end: b });
  const bands = [...[...states.values()], ...[...open.values()].map((w) => ({ ...w, state: 'open' as const }))];
  const clamp = (v: number) => Math.max(m.left, Math.min(width - m.right, v));
  const wm = events.map((e) => `${clamp(x(Number.isFinite(e.watermarkAfter) ? e.watermarkAfter : t0))},${y(e.offset)}`).join(' ');
  const cursor = y(last);
  const ticks = x.ticks(5);
  return svg`<svg class="stream-timeline" viewBox="0 0 ${width} ${height}" role="img" aria-label=${`${s.tabs.timeline}: ${s.axisEventTime} across, ${s.axisArrival} down`}>
    ${bands.map((b) => svg`<rect class=${`band band-${b.state}`} x=${clamp(x(b.start))} y=${m.top} width=${Math.max(1, clamp(x(b.end)) - clamp(x(b.start)))} height=${height - m.top - m.bottom}><title>${s.band[b.state]}</title></rect>`)}
    ${ticks.map((t) => svg`<g class="tick"><line x1=${x(t)} x2=${x(t)} y1=${height - m.bottom} y2=${height - m.bottom + 4}></line><text x=${x(t)} y=${height - m.bottom + 16} text-anchor="middle">${new Date(t).toISOString().slice(11, 16)}</text></g>`)}
    <text class="axis-label" x=${width - m.right} y=${height - 2} text-anchor="end">${s.axisEventTime}</text>
    <text class="axis-label" x="4" y=${m.top - 2}>${s.axisArrival}</text>
    <polyline class="watermark" points=${wm}></polyline>
    ${events.map((e) => svg`<circle class=${`dot dot-${e.status}`} cx=${x(e.eventTime)} cy=${y(e.offset)} r="3"><title>${`#${e.offset} ${s.status[e.status]}`}</title></circle>`)}
    <line class="cursor" x1=${m.left} x2=${width - m.right} y1=${cursor} y2=${cursor}></line>
  </svg>`;
}
