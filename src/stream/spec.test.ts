import { describe, expect, it } from 'vitest';
import { parseStreamSpec } from './spec';

const GOOD = `from: arrivals
where: button = 'request_ride'
event_time: event_time
arrival: arrival_no
window:
  type: tumbling
  size: 15 min
aggregate:
  requests: count
trigger: every 5 min
watermark: 10 min
allowed_lateness: 5 min
late: side-table
into: stream_counts`;

function errors(text: string): string[] {
  const parsed = parseStreamSpec(text);
  if (parsed.ok) throw new Error('expected errors');
  return parsed.errors.map((e) => `${e.line}: ${e.message}`);
}

describe('parseStreamSpec', () => {
  it('reads a full spec', () => {
    const parsed = parseStreamSpec(GOOD);
    expect(parsed).toEqual({
      ok: true,
      spec: {
        from: 'arrivals',
        where: "button = 'request_ride'",
        eventTime: 'event_time',
        arrival: 'arrival_no',
        window: { type: 'tumbling', sizeMs: 900_000 },
        aggregates: [{ name: 'requests', fn: 'count' }],
        trigger: { type: 'every', everyMs: 300_000 },
        watermarkDelayMs: 600_000,
        allowedLatenessMs: 300_000,
        late: 'side-table',
        into: 'stream_counts',
        lateTable: 'stream_counts_late',
      },
    });
  });

  it('defaults to a stream with no delay that drops late events', () => {
    const parsed = parseStreamSpec('from: e\nevent_time: t\nwindow: {type: session, gap: 30 s}\naggregate: {riders: count distinct(rider_id)}\ninto: o');
    expect(parsed.ok && parsed.spec).toMatchObject({
      window: { type: 'session', gapMs: 30_000 },
      aggregates: [{ name: 'riders', fn: 'count distinct', column: 'rider_id' }],
      trigger: { type: 'each-event' },
      watermarkDelayMs: 0,
      late: 'drop',
    });
  });

  it('names the line of an unknown key, with a did-you-mean', () => {
    expect(errors(GOOD.replace('watermark: 10 min', 'watermrak: 10 min'))).toEqual([
      "11: unknown key 'watermrak' — did you mean 'watermark'? (keys: from, where, event_time, arrival, key, window, aggregate, trigger, watermark, allowed_lateness, late, into, late_table, state_table)",
    ]);
  });

  it('says what type a field must be, on its line', () => {
    expect(errors(GOOD.replace('watermark: 10 min', 'watermark: 10'))).toEqual([
      "11: watermark must be a duration with a unit, such as '5 min' or '30 s', not a number",
    ]);
    expect(errors(GOOD.replace('from: arrivals', 'from: [a, b]'))[0]).toBe('1: from must be a table name or the id of another cell written as plain text, not a list');
  });

  it('names a missing field and how to add it', () => {
    expect(errors('from: e\nevent_time: t\nwindow: {type: tumbling, size: 1 min}\ninto: o')).toEqual([
      "1: missing aggregate — add 'aggregate: {requests: count}' (output names and count, sum(col), avg(col), min(col), max(col) or count distinct(col))",
    ]);
  });

  it('catches window mistakes', () => {
    const base = 'from: e\nevent_time: t\naggregate: {n: count}\ninto: o\n';
    expect(errors(`${base}window: {type: tumbling}`)).toEqual(['5: a tumbling window needs size — e.g. size: 15 min']);
    expect(errors(`${base}window: {type: tumblng, size: 1 min}`)[0]).toContain("did you mean 'tumbling'?");
    expect(errors(`${base}window: {type: sliding, size: 5 min, slide: 10 min}`)[0]).toContain('slide (10 min) is longer than size (5 min)');
    expect(errors(`${base}window: {type: session, size: 5 min}`)[0]).toContain('a session window takes no size');
  });

  it('catches aggregate, trigger and lateness mistakes', () => {
    expect(errors(GOOD.replace('requests: count', 'requests: total(fare)'))[0]).toMatch(/^9: aggregate requests: 'total\(fare\)' is not one of/);
    expect(errors(GOOD.replace('trigger: every 5 min', 'trigger: each_event'))[0]).toBe(
      "10: unknown trigger 'each_event' — did you mean 'each-event'? — use each-event (a stream), every 5 min (micro-batches) or once (a batch)",
    );
    expect(errors(GOOD.replace('late: side-table', 'late: drop'))[0]).toMatch(/^12: with late: drop/);
    expect(errors(GOOD.replace('allowed_lateness: 5 min\n', '').replace('late: side-table', 'late: update'))[0]).toMatch(/^12: late: update revises/);
  });

  it('reports YAML syntax errors and duplicate keys with their line', () => {
    expect(errors('from: e\nfrom: f')[0]).toBe('2: a key appears twice — keep one');
    expect(errors('from: e\nwindow: {type: tumbling')[0]).toMatch(/^2: /);
  });
});
