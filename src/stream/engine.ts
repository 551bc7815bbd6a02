// The event-time engine: replays events in arrival order on a simulated clock,
// with windows, a watermark, allowed lateness and a trigger. Pure and
// deterministic: the same events and spec give the same rows every time.
// The semantics follow Flink's event-time windows (and Spark's micro-batches for
// `every`); docs/stream-cells.md says where they differ.
import { accumulate, mergeInto, newAccumulator, results, type Accumulator, type Value } from './aggregate';
import type { StreamSpec } from './types';

export interface StreamEvent {
  /** 0-based position in arrival order: the event's offset in the topic. */
  offset: number;
  eventTime: number;
  /** Processing time at arrival (ms). */
  procTime: number;
  key: Value;
  row: Record<string, Value>;
}

export type EventStatus = 'on-time' | 'out-of-order' | 'late-counted' | 'dropped' | 'side-table';

export interface EventTrace {
  offset: number;
  eventTime: number;
  key: Value;
  status: EventStatus;
  /** The watermark the event was judged against. */
  watermarkBefore: number;
  /** The watermark after the step (event or micro-batch) the event was in. */
  watermarkAfter: number;
  /** The windows it counted in. */
  windows: Array<[number, number]>;
  /** Index of the step (one event, or one micro-batch) it was processed in. */
  step: number;
}

export interface EmittedRow {
  windowStart: number;
  windowEnd: number;
  key: Value;
  values: Value[];
  emittedAt: number;
  revision: number;
  final: boolean;
  /** The step whose end emitted the row (the last step is the end-of-input flush). */
  step: number;
}

export interface OpenWindow {
  windowStart: number;
  windowEnd: number;
  key: Value;
  values: Value[];
  fired: boolean;
}

export interface StreamSummary {
  events: number;
  onTime: number;
  outOfOrder: number;
  lateCounted: number;
  dropped: number;
  sideTable: number;
  windows: number;
  revisions: number;
  /** Largest time from a window's end to the emission of its final row, over windows made final before the end of input. */
  maxFinalDelayMs: number | null;
  /** Largest number of windows held in state at once. */
  largestState: number;
}

export interface StreamRun {
  rows: EmittedRow[];
  trace: EventTrace[];
  /** Events that missed a window past its allowed lateness (late: side-table writes them). */
  tooLate: StreamEvent[];
  /** Windows still in state at the end of input, before the final flush. */
  state: OpenWindow[];
  steps: number;
  summary: StreamSummary;
}

interface Win {
  key: Value;
  keyId: string;
  start: number;
  end: number;
  acc: Accumulator;
  fired: boolean;
  revision: number;
  lastFinal: boolean;
  dirty: boolean;
}

const keyId = (v: Value): string => (v === null ? 'n' : typeof v === 'number' ? `#${v}` : `s${v}`);

/** Sorts events by arrival (stable), then runs them. */
export function runStream(spec: StreamSpec, events: readonly StreamEvent[]): StreamRun {
  return new Run(spec).all(events);
}

class Run {
  private readonly wins = new Map<string, Win>();
  private watermark = -Infinity;
  private maxSeen = -Infinity;
  /** The newest event time among the events processed so far, for telling out-of-order events. */
  private maxArrived = -Infinity;
  private readonly rows: EmittedRow[] = [];
  private readonly trace: EventTrace[] = [];
  private readonly tooLate: StreamEvent[] = [];
  private largestState = 0;
  private maxFinalDelay: number | null = null;

  constructor(private readonly spec: StreamSpec) {}

  all(events: readonly StreamEvent[]): StreamRun {
    const batches = this.batches(events);
    batches.forEach((batch, step) => this.step(batch, step));
    const state = this.snapshot();
    const last = events.length === 0 ? 0 : batches.at(-1)!.at(-1)!.procTime;
    const lastStep = batches.length;
    // A bounded source ends with the watermark at +infinity, as Flink does: everything fires.
    this.watermark = Infinity;
    this.emit(this.spec.trigger.type === 'every' ? this.batchEnd(last) : last, lastStep, true);
    return { rows: this.rows, trace: this.trace, tooLate: this.tooLate, state, steps: lastStep + 1, summary: this.summary() };
  }

  private batchEnd(procTime: number): number {
    const t = this.spec.trigger;
    return t.type === 'every' ? (Math.floor(procTime / t.everyMs) + 1) * t.everyMs : procTime;
  }

  private batches(events: readonly StreamEvent[]): StreamEvent[][] {
    const t = this.spec.trigger;
    if (t.type === 'each-event') return events.map((e) => [e]);
    if (t.type === 'once') return events.length === 0 ? [] : [[...events]];
    const out: StreamEvent[][] = [];
    let current: StreamEvent[] = [];
    let end = -Infinity;
    for (const e of events) {
      if (current.length > 0 && this.batchEnd(e.procTime) > end) {
        out.push(current);
        current = [];
      }
      if (current.length === 0) end = this.batchEnd(e.procTime);
      current.push(e);
    }
    if (current.length > 0) out.push(current);
    return out;
  }

  private step(batch: StreamEvent[], step: number): void {
    const before = this.watermark;
    const traced: EventTrace[] = [];
    for (const e of batch) traced.push(this.add(e, before, step));
    for (const e of batch) this.maxSeen = Math.max(this.maxSeen, e.eventTime);
    this.watermark = Math.max(this.watermark, this.maxSeen - this.spec.watermarkDelayMs);
    for (const t of traced) t.watermarkAfter = this.watermark;
    const at = this.spec.trigger.type === 'every' ? this.batchEnd(batch[0]!.procTime) : batch.at(-1)!.procTime;
    this.largestState = Math.max(this.largestState, this.wins.size);
    this.emit(at, step, false);
  }

  /** Puts one event into its windows, judged against the watermark of the step's start. */
  private add(e: StreamEvent, watermark: number, step: number): EventTrace {
    const L = this.spec.allowedLatenessMs;
    const counted: Win[] = [];
    let missed = false;
    const spans = this.assign(e.eventTime);
    for (const [start, end] of spans) {
      if (end + L <= watermark) {
        missed = true;
        continue;
      }
      counted.push(this.windowFor(e.key, start, end));
    }
    let wins = counted;
    if (this.spec.window.type === 'session' && counted.length > 0) wins = [this.mergeSessions(counted[0]!)];
    for (const w of wins) {
      accumulate(w.acc, this.spec.aggregates, e.row);
      w.dirty = true;
    }
    const late = wins.some((w) => w.end <= watermark);
    let status: EventStatus;
    if (missed) {
      status = this.spec.late === 'side-table' ? 'side-table' : 'dropped';
      this.tooLate.push(e);
    } else if (late) status = 'late-counted';
    else if (e.eventTime < this.maxArrived) status = 'out-of-order';
    else status = 'on-time';
    this.maxArrived = Math.max(this.maxArrived, e.eventTime);
    const trace: EventTrace = {
      offset: e.offset,
      eventTime: e.eventTime,
      key: e.key,
      status,
      watermarkBefore: watermark,
      watermarkAfter: watermark,
      windows: wins.map((w) => [w.start, w.end]),
      step,
    };
    this.trace.push(trace);
    return trace;
  }

  private assign(t: number): Array<[number, number]> {
    const w = this.spec.window;
    if (w.type === 'tumbling') {
      const start = Math.floor(t / w.sizeMs) * w.sizeMs;
      return [[start, start + w.sizeMs]];
    }
    if (w.type === 'session') return [[t, t + w.gapMs]];
    const out: Array<[number, number]> = [];
    for (let start = Math.floor(t / w.slideMs) * w.slideMs; start > t - w.sizeMs; start -= w.slideMs) {
      out.push([start, start + w.sizeMs]);
    }
    return out.reverse();
  }

  private windowFor(key: Value, start: number, end: number): Win {
    const id = `${keyId(key)}|${start}|${end}`;
    let w = this.wins.get(id);
    if (!w) {
      w = { key, keyId: keyId(key), start, end, acc: newAccumulator(this.spec.aggregates), fired: false, revision: 0, lastFinal: false, dirty: false };
      this.wins.set(id, w);
    }
    return w;
  }

  /** Merges a session window with every session of its key it overlaps (Flink's intersect rule). */
  private mergeSessions(w: Win): Win {
    let merged = w;
    let changed = true;
    while (changed) {
      changed = false;
      for (const [id, other] of this.wins) {
        if (other === merged || other.keyId !== merged.keyId) continue;
        if (other.start <= merged.end && merged.start <= other.end) {
          const start = Math.min(merged.start, other.start);
          const end = Math.max(merged.end, other.end);
          mergeInto(other.acc, merged.acc);
          this.wins.delete(id);
          this.wins.delete(`${merged.keyId}|${merged.start}|${merged.end}`);
          other.fired ||= merged.fired;
          other.revision = Math.max(other.revision, merged.revision);
          other.start = start;
          other.end = end;
          other.dirty = true;
          merged = other;
          this.wins.set(`${merged.keyId}|${start}|${end}`, merged);
          changed = true;
          break;
        }
      }
    }
    return merged;
  }

  /** Fires, revises and closes windows for the current watermark. */
  private emit(at: number, step: number, endOfInput: boolean): void {
    const L = this.spec.allowedLatenessMs;
    const W = this.watermark;
    const due = [...this.wins.entries()].sort(([, a], [, b]) => a.end - b.end || a.start - b.start || (a.keyId < b.keyId ? -1 : a.keyId > b.keyId ? 1 : 0));
    for (const [id, w] of due) {
      const closes = w.end + L <= W;
      const fires = (!w.fired && w.end <= W) || (w.fired && w.dirty);
      if (fires || (closes && w.fired && !w.lastFinal)) {
        w.revision += 1;
        w.fired = true;
        w.lastFinal = closes;
        this.rows.push({ windowStart: w.start, windowEnd: w.end, key: w.key, values: results(w.acc, this.spec.aggregates), emittedAt: at, revision: w.revision, final: closes, step });
        if (closes && !endOfInput) this.maxFinalDelay = Math.max(this.maxFinalDelay ?? 0, at - w.end);
      }
      w.dirty = false;
      if (closes) this.wins.delete(id);
    }
  }

  private snapshot(): OpenWindow[] {
    return [...this.wins.values()]
      .sort((a, b) => a.end - b.end || a.start - b.start)
      .map((w) => ({ windowStart: w.start, windowEnd: w.end, key: w.key, values: results(w.acc, this.spec.aggregates), fired: w.fired }));
  }

  private summary(): StreamSummary {
    const count = (s: EventStatus): number => this.trace.filter((t) => t.status === s).length;
    const windows = new Set(this.rows.map((r) => `${keyId(r.key)}|${r.windowStart}`)).size;
    return {
      events: this.trace.length,
      onTime: count('on-time'),
      outOfOrder: count('out-of-order'),
      lateCounted: count('late-counted'),
      dropped: count('dropped'),
      sideTable: count('side-table'),
      windows,
      revisions: this.rows.filter((r) => r.revision > 1).length,
      maxFinalDelayMs: this.maxFinalDelay,
      largestState: this.largestState,
    };
  }
}
