import { describe, expect, it } from 'vitest';
import { runStream, type StreamEvent } from './engine';
import { parseStreamSpec } from './spec';
import type { StreamSpec } from './types';

const MIN = 60_000;
const T0 = Date.parse('2024-03-22T12:00:00Z');

function spec(yaml: string): StreamSpec {
  const parsed = parseStreamSpec(`from: e\nevent_time: t\ninto: out\naggregate: {n: count}\n${yaml}`);
  if (!parsed.ok) throw new Error(JSON.stringify(parsed.errors));
  return parsed.spec;
}

/** Events at these minutes after 12:00, in this arrival order; the clock is the newest event time seen. */
function events(minutes: number[], extra: (i: number) => Record<string, number | string | null> = () => ({})): StreamEvent[] {
  let clock = -Infinity;
  return minutes.map((m, offset) => {
    const eventTime = T0 + m * MIN;
    clock = Math.max(clock, eventTime);
    return { offset, eventTime, procTime: clock, key: null, row: { t: eventTime, ...extra(offset) } };
  });
}

const at = (m: number): number => T0 + m * MIN;
const brief = (rows: ReturnType<typeof runStream>['rows']) =>
  rows.map((r) => ({ start: (r.windowStart - T0) / MIN, n: r.values[0], rev: r.revision, final: r.final, at: (r.emittedAt - T0) / MIN }));

describe('event-time windows', () => {
  it('counts an out-of-order event that arrives before the watermark passes its window', () => {
    // 10-minute windows, watermark 5 min behind. Arrivals: 1, 8, 12, 3 (out of order; watermark 7), 16, 30.
    const run = runStream(spec('window: {type: tumbling, size: 10 min}\nwatermark: 5 min'), events([1, 8, 12, 3, 16, 30]));
    expect(run.trace.map((t) => t.status)).toEqual(['on-time', 'on-time', 'on-time', 'out-of-order', 'on-time', 'on-time']);
    // Window 12:00 fires when 16 arrives (watermark 11 ≥ 10), with 3 events; 12:10 when 30 arrives (watermark 25).
    expect(brief(run.rows)).toEqual([
      { start: 0, n: 3, rev: 1, final: true, at: 16 },
      { start: 10, n: 2, rev: 1, final: true, at: 30 },
      { start: 30, n: 1, rev: 1, final: true, at: 30 },
    ]);
    expect(run.trace[3]!.watermarkBefore).toBe(at(7));
    expect(run.summary.dropped).toBe(0);
  });

  it('revises a fired window for an event within allowed lateness, and closes it as final later', () => {
    // Watermark 0 behind, lateness 10 min. 5, 12 (fires 12:00 with 1), 7 (late: revision 2), 25 (closes 12:00, fires 12:10).
    const run = runStream(spec('window: {type: tumbling, size: 10 min}\nallowed_lateness: 10 min\nlate: update'), events([5, 12, 7, 25]));
    expect(run.trace.map((t) => t.status)).toEqual(['on-time', 'on-time', 'late-counted', 'on-time']);
    expect(brief(run.rows)).toEqual([
      { start: 0, n: 1, rev: 1, final: false, at: 12 },
      { start: 0, n: 2, rev: 2, final: false, at: 12 },
      { start: 0, n: 2, rev: 3, final: true, at: 25 },
      { start: 10, n: 1, rev: 1, final: false, at: 25 },
      { start: 10, n: 1, rev: 2, final: true, at: 25 },
      { start: 20, n: 1, rev: 1, final: true, at: 25 },
    ]);
    expect(run.summary.revisions).toBe(3);
  });

  it('drops an event beyond allowed lateness, or routes it to the side table', () => {
    const minutes = [5, 12, 7, 25, 8];
    const updated = runStream(spec('window: {type: tumbling, size: 10 min}\nallowed_lateness: 10 min\nlate: update'), events(minutes));
    expect(updated.trace[4]!.status).toBe('dropped'); // 12:00 window closed at watermark 25 ≥ 10 + 10
    expect(updated.summary.dropped).toBe(1);
    const side = runStream(spec('window: {type: tumbling, size: 10 min}\nallowed_lateness: 10 min\nlate: side-table'), events(minutes));
    expect(side.trace[4]!.status).toBe('side-table');
    expect(side.tooLate.map((e) => e.offset)).toEqual([4]);
    const dropped = runStream(spec('window: {type: tumbling, size: 10 min}\nlate: drop'), events(minutes));
    // Without lateness the 7 is already too late (its window fired at watermark 12).
    expect(dropped.trace.map((t) => t.status)).toEqual(['on-time', 'on-time', 'dropped', 'on-time', 'dropped']);
    expect(brief(dropped.rows)[0]).toEqual({ start: 0, n: 1, rev: 1, final: true, at: 12 });
  });

  it('gives the same final results as a stream and in micro-batches when nothing is late', () => {
    const minutes = [1, 4, 3, 9, 12, 11, 18, 22, 21, 29, 35, 33, 41];
    const finals = (trigger: string) =>
      brief(runStream(spec(`window: {type: tumbling, size: 10 min}\nwatermark: 5 min\ntrigger: ${trigger}`), events(minutes)).rows)
        .filter((r) => r.final)
        .map((r) => [r.start, r.n]);
    const stream = finals('each-event');
    expect(stream).toEqual([[0, 4], [10, 3], [20, 3], [30, 2], [40, 1]]);
    expect(finals('every 5 min')).toEqual(stream);
    expect(finals('once')).toEqual(stream);
  });

  it('as a batch equals a GROUP BY, late events included', () => {
    const minutes = [1, 50, 3, 12, 55, 14, 2];
    const run = runStream(spec('window: {type: tumbling, size: 10 min}\ntrigger: once'), events(minutes));
    const groupBy = new Map<number, number>();
    for (const m of minutes) groupBy.set(Math.floor(m / 10) * 10, (groupBy.get(Math.floor(m / 10) * 10) ?? 0) + 1);
    expect(brief(run.rows).map((r) => [r.start, r.n])).toEqual([...groupBy].sort((a, b) => a[0] - b[0]));
    expect(run.rows.every((r) => r.final && r.revision === 1)).toBe(true);
  });

  it('micro-batches judge lateness against the watermark of the batch start, as Spark does', () => {
    // 5-minute batches. Batch [0,5): 1, 4 → watermark 4. Batch [10,15): 11, 2 → 2's window [0,10) has not fired (watermark was 4).
    const run = runStream(spec('window: {type: tumbling, size: 10 min}\ntrigger: every 5 min'), events([1, 4, 11, 2]));
    expect(run.trace.map((t) => t.status)).toEqual(['on-time', 'on-time', 'on-time', 'out-of-order']);
    expect(brief(run.rows)).toEqual([
      { start: 0, n: 3, rev: 1, final: true, at: 15 },
      { start: 10, n: 1, rev: 1, final: true, at: 15 },
    ]);
  });

  it('puts an event in every sliding window that covers it', () => {
    const run = runStream(spec('window: {type: sliding, size: 10 min, slide: 5 min}\ntrigger: once'), events([1, 7, 12]));
    expect(brief(run.rows).map((r) => [r.start, r.n])).toEqual([[-5, 1], [0, 2], [5, 2], [10, 1]]);
  });

  it('merges session windows that come within the gap, even when the bridge arrives out of order', () => {
    const run = runStream(spec('window: {type: session, gap: 5 min}\nwatermark: 30 min'), events([0, 8, 4, 20]));
    expect(brief(run.rows).map((r) => [r.start, (r.rev), r.n])).toEqual([[0, 1, 3], [20, 1, 1]]);
    expect((run.rows[0]!.windowEnd - T0) / MIN).toBe(13);
  });

  it('computes sum, avg, min, max and count distinct per key, skipping NULLs', () => {
    const fares = [10, null, 4, 6];
    const riders = ['a', 'b', 'a', 'c'];
    const s = parseStreamSpec(
      'from: e\nevent_time: t\nkey: city\ninto: out\nwindow: {type: tumbling, size: 1 h}\ntrigger: once\naggregate:\n  n: count\n  fares: count(fare)\n  total: sum(fare)\n  mean: avg(fare)\n  low: min(fare)\n  high: max(fare)\n  riders: count distinct(rider)',
    );
    if (!s.ok) throw new Error(JSON.stringify(s.errors));
    const evs = events([1, 2, 3, 4], (i) => ({ fare: fares[i]!, rider: riders[i]!, city: i === 3 ? 'Busan' : 'Seoul' })).map((e) => ({ ...e, key: e.row.city! }));
    const run = runStream(s.spec, evs);
    expect(run.rows.map((r) => [r.key, ...r.values])).toEqual([
      ['Busan', 1, 1, 6, 6, 6, 6, 1],
      ['Seoul', 3, 2, 14, 7, 4, 10, 2],
    ]);
  });

  it('snapshots the windows still open at the end of input', () => {
    const run = runStream(spec('window: {type: tumbling, size: 10 min}\nwatermark: 15 min'), events([1, 12, 14]));
    expect(run.state.map((w) => [(w.windowStart - T0) / MIN, w.values[0], w.fired])).toEqual([[0, 1, false], [10, 2, false]]);
  });

  it('is deterministic', () => {
    const s = spec('window: {type: tumbling, size: 10 min}\nwatermark: 2 min\nallowed_lateness: 5 min\nlate: update');
    const evs = events([3, 9, 1, 15, 7, 22, 11, 30, 2]);
    expect(runStream(s, evs)).toEqual(runStream(s, evs));
  });
});
