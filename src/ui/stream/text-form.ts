// The replay as lines of text, for screen readers and tests: what happened at
// each arrival, and what each step emitted.
import { formatTime, type EmittedRow, type StreamRun, type StreamSpec } from '../../stream';
import { streamStrings as s } from './strings';

const hhmm = (ms: number): string => (Number.isFinite(ms) ? formatTime(ms).slice(11, 16) : ms > 0 ? '+∞' : '−∞');
const day = (ms: number): string => formatTime(ms).slice(0, 10);

export function windowLabel(start: number, end: number): string {
  return `${day(start)} ${hhmm(start)}–${hhmm(end)}`;
}

function rowText(spec: StreamSpec, r: EmittedRow): string {
  const values = spec.aggregates.map((a, i) => `${a.name} ${r.values[i] ?? 'NULL'}`).join(', ');
  const key = spec.key === undefined ? '' : ` ${spec.key}=${r.key ?? 'NULL'}`;
  return `window ${windowLabel(r.windowStart, r.windowEnd)}${key} ${values} (revision ${r.revision}${r.final ? ', final' : ''})`;
}

/** Lines for every step up to and including `step`, at most `limit` of the last ones. */
export function textForm(spec: StreamSpec, run: StreamRun, step: number, limit = 200): string[] {
  const lines: string[] = [];
  let e = 0;
  let r = 0;
  for (let st = 0; st <= step && st < run.steps; st++) {
    while (e < run.trace.length && run.trace[e]!.step === st) {
      const t = run.trace[e++]!;
      const where = t.windows.length === 0 ? 'no window' : t.windows.map(([a, b]) => windowLabel(a, b)).join(', ');
      lines.push(`at arrival ${t.offset}: event at ${day(t.eventTime)} ${hhmm(t.eventTime)} ${s.status[t.status]} → ${where}; watermark ${hhmm(t.watermarkAfter)}`);
    }
    if (st === run.steps - 1) lines.push(s.flush);
    while (r < run.rows.length && run.rows[r]!.step === st) lines.push(`  emitted ${rowText(spec, run.rows[r++]!)}`);
  }
  return lines.slice(-limit);
}
