// Every planted defect, counted again from a fresh generation by rules written
// here from the README (not by the generator's code), must match manifest.json.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { generateLessonSet, type LessonSet } from './generator/lesson-set';
import { LESSON_SET } from './generator/options';
import { parseCsv } from './formats/csv';
import type { Manifest } from './manifest';
import { DATASETS_DIR } from './node-source';
import { readmeDefectCounts } from './readme-blocks';

const committed = JSON.parse(readFileSync(join(DATASETS_DIR, 'manifest.json'), 'utf8')) as Manifest;
const HOUR = 3_600_000;

interface EventCounts {
  malformed: number[];
  duplicates: string[];
  missingUser: string[];
  epoch: string[];
  offset: string[];
  naive: string[];
  late: string[];
  outOfOrder: string[];
}

/** Reads app_events.ndjson the way the README tells a learner to. */
function countEventDefects(text: string): EventCounts {
  const c: EventCounts = { malformed: [], duplicates: [], missingUser: [], epoch: [], offset: [], naive: [], late: [], outOfOrder: [] };
  const seen = new Set<string>();
  let latest = -Infinity;
  text.split('\n').forEach((line, i) => {
    if (line === '') return;
    let o: Record<string, unknown>;
    try {
      o = JSON.parse(line) as Record<string, unknown>;
    } catch {
      c.malformed.push(i + 1);
      return;
    }
    const id = o.event_id as string;
    if (seen.has(id)) {
      c.duplicates.push(id);
      return;
    }
    seen.add(id);
    if (o.user_id === null || o.user_id === undefined) c.missingUser.push(id);
    const ts = o.ts as string | number;
    let instant: number;
    if (typeof ts === 'number') {
      c.epoch.push(id);
      instant = ts;
    } else if (/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/.test(ts)) {
      instant = Date.parse(ts);
    } else if (ts.endsWith('+09:00')) {
      c.offset.push(id);
      instant = Date.parse(ts);
    } else if (/^\d{4}-\d\d-\d\d \d\d:\d\d:\d\d\.\d{3}$/.test(ts)) {
      c.naive.push(id);
      instant = Date.parse(`${ts.replace(' ', 'T')}+09:00`);
    } else {
      throw new Error(`unexpected ts ${ts}`);
    }
    const lag = latest - instant;
    if (lag > HOUR) c.late.push(id);
    else if (lag > 0) c.outOfOrder.push(id);
    latest = Math.max(latest, instant);
  });
  return c;
}

const LOG_LINE = /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z (INFO|WARN|ERROR) (GET|POST) \/\S* \d{3} \d+ms user=(-|[rd]_\d+) req=req_[0-9a-f]{8}( msg="([^"\\]|\\.)*")?$/;

let set: LessonSet;
let file: (name: string) => string;
beforeAll(() => {
  set = generateLessonSet(LESSON_SET);
  file = (name) => set.files.find((f) => f.file === name)!.text;
});

const sorted = (xs: string[]): string[] => [...xs].sort();

describe('planted defects, recounted', () => {
  it('finds in app_events.ndjson exactly the duplicates, missing users, malformed lines and odd timestamps the manifest lists', () => {
    const c = countEventDefects(file('app_events.ndjson'));
    const d = committed.defects;
    expect(c.duplicates.length).toBe(d.duplicate_events!.count);
    expect(sorted(c.duplicates)).toEqual(d.duplicate_events!.event_ids);
    expect(sorted(c.missingUser)).toEqual(d.missing_user_ids!.event_ids);
    expect(c.missingUser.length).toBe(d.missing_user_ids!.count);
    expect(c.malformed).toEqual(d.malformed_json_lines!.lines);
    expect(c.malformed.length).toBe(d.malformed_json_lines!.count);
    expect({ epoch_ms: c.epoch.length, local_offset: c.offset.length, naive_local: c.naive.length }).toEqual({
      epoch_ms: d.mixed_timestamp_formats!.epoch_ms,
      local_offset: d.mixed_timestamp_formats!.local_offset,
      naive_local: d.mixed_timestamp_formats!.naive_local,
    });
    expect(sorted([...c.epoch, ...c.offset, ...c.naive])).toEqual(d.mixed_timestamp_formats!.event_ids);
  });

  it('finds exactly the late and out-of-order events by the documented rule', () => {
    const c = countEventDefects(file('app_events.ndjson'));
    expect(sorted(c.late)).toEqual(committed.defects.late_events!.event_ids);
    expect(c.late.length).toBe(committed.defects.late_events!.count);
    expect(sorted(c.outOfOrder)).toEqual(committed.defects.out_of_order_events!.event_ids);
    expect(c.outOfOrder.length).toBe(committed.defects.out_of_order_events!.count);
  });

  it('finds exactly the truncated server log lines', () => {
    const bad: number[] = [];
    file('server.log').split('\n').forEach((line, i) => {
      if (line !== '' && !LOG_LINE.test(line)) bad.push(i + 1);
    });
    expect(bad).toEqual(committed.defects.truncated_log_lines!.lines);
    expect(bad.length).toBe(committed.defects.truncated_log_lines!.count);
  });

  it('finds exactly the negative, absurd and orphan trips and the odd phone numbers', () => {
    const trips = parseCsv(file('trips.csv'));
    const riders = parseCsv(file('riders.csv'));
    const col = (p: typeof trips, name: string): number => p.header.indexOf(name);
    const fare = col(trips, 'fare');
    const riderIds = new Set(riders.records.map((r) => r.fields[0]));
    const ids = (pred: (f: string[]) => boolean): string[] => trips.records.filter((r) => pred(r.fields)).map((r) => r.fields[0]!).sort();
    const d = committed.defects;
    expect(ids((f) => Number(f[fare]) < 0)).toEqual(d.negative_fares!.trip_ids);
    expect(ids((f) => Number(f[fare]) > 1_000_000)).toEqual(d.absurd_fares!.trip_ids);
    expect(ids((f) => !riderIds.has(f[col(trips, 'rider_id')]))).toEqual(d.orphan_trips!.trip_ids);
    const phone = col(riders, 'phone');
    const odd = riders.records.filter((r) => !/^010-\d{4}-\d{4}$/.test(r.fields[phone]!)).map((r) => r.fields[0]).sort();
    expect(odd).toEqual(d.mixed_phone_formats!.rider_ids);
    for (const name of ['negative_fares', 'absurd_fares', 'orphan_trips']) {
      expect(d[name]!.count, name).toBe((d[name]!.trip_ids as string[]).length);
    }
  });

  it('plants as many of each kind as the options ask for', () => {
    const plan = LESSON_SET.defects;
    const count = (name: string): number => set.defects[name]!.count;
    expect([count('duplicate_events'), count('missing_user_ids'), count('malformed_json_lines'), count('late_events'), count('out_of_order_events'), count('truncated_log_lines'), count('negative_fares'), count('absurd_fares'), count('mixed_phone_formats')])
      .toEqual([plan.duplicateEvents, plan.missingUserIds, plan.malformedJsonLines, plan.lateEvents, plan.outOfOrderEvents, plan.truncatedLogLines, plan.negativeFares, plan.absurdFares, plan.mixedPhoneFormats]);
    expect(count('mixed_timestamp_formats')).toBe(plan.epochMsTimestamps + plan.localOffsetTimestamps + plan.naiveLocalTimestamps);
    expect(count('orphan_trips')).toBeGreaterThan(0);
  });

  it('shows in datasets/README.md the same counts as manifest.json', () => {
    const readme = readFileSync(join(DATASETS_DIR, 'README.md'), 'utf8');
    const counts = Object.fromEntries(Object.entries(committed.defects).map(([k, v]) => [k, v.count]));
    expect(readmeDefectCounts(readme)).toEqual(counts);
  });
});
