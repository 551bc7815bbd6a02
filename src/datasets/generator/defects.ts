// Planted data-quality defects. Each kind is planted on its own records (no
// record carries two defects), so each count is exact and a learner who finds
// every defect of one kind gets exactly the number in manifest.json.

import type { DefectPlan } from './options';
import type { Rng } from './random';
import { eventLine, serverLine, type EventLineOptions } from './render';
import { HOUR, MINUTE, isoLocalOffset, naiveLocal } from './time';
import type { AppEvent, Rider, ServerRecord, Trip } from './types';
import { ABSURD_FARE } from './fares';

/** How late-vs-out-of-order is decided; written into the manifest so lessons and tests use the same rule. */
export const ORDER_RULE =
  'Read app_events.ndjson top to bottom, skipping lines that are not valid JSON and repeated event_ids. ' +
  "An event is out of order when its ts is earlier than the latest ts seen on the lines above it; it is late when " +
  'it is more than 1 hour earlier, out_of_order when it is 1 hour or less earlier. Timestamps in any format are ' +
  'compared as instants (naive local times are Asia/Seoul, UTC+9).';

export const LATE_THRESHOLD_MS = HOUR;

export interface EventDefects {
  duplicate_events: { count: number; event_ids: string[] };
  missing_user_ids: { count: number; null_user_id: number; absent_user_id: number; event_ids: string[] };
  malformed_json_lines: { count: number; lines: number[] };
  late_events: { count: number; event_ids: string[] };
  out_of_order_events: { count: number; event_ids: string[] };
  mixed_timestamp_formats: { count: number; epoch_ms: number; local_offset: number; naive_local: number; event_ids: string[] };
}

interface LineSpec {
  event: AppEvent;
  options: EventLineOptions;
  malformed: 'truncated' | 'single_quotes' | 'trailing_comma' | null;
}

/**
 * Writes the events (already in time order) as NDJSON lines with defects
 * planted. Late and out-of-order events are moved down the file to where
 * they would arrive; duplicates are re-sent a few lines after the original.
 */
export function writeEventsWithDefects(
  events: readonly AppEvent[],
  plan: DefectPlan,
  rng: Rng,
  edgeCases = false,
): { text: string; defects: EventDefects } {
  const n = events.length;
  const used = new Uint8Array(n);
  const order = rng.shuffle(Array.from({ length: n }, (_, i) => i));
  let cursor = 0;
  const lastTs = events[n - 1]?.ts ?? 0;
  /** Next unused event index (in shuffled order) that passes the test. */
  const take = (ok: (i: number) => boolean): number => {
    for (let tries = 0; cursor < order.length && tries < 4 * n; tries++) {
      const i = order[cursor++]!;
      if (!used[i] && ok(i)) {
        used[i] = 1;
        return i;
      }
      if (!used[i]) order.push(i); // give it back for a later pick with another test
    }
    throw new Error('not enough events to plant the defects');
  };
  const movable = (i: number): boolean => i > 50 && events[i]!.ts < lastTs - 36 * HOUR;

  const late = Array.from({ length: plan.lateEvents }, () => take(movable));
  const outOfOrder = Array.from({ length: plan.outOfOrderEvents }, () => take(movable));
  const duplicates = Array.from({ length: plan.duplicateEvents }, () => take((i) => i < n - 10));
  const missing = Array.from({ length: plan.missingUserIds }, () => take(() => true));
  const malformed = Array.from({ length: plan.malformedJsonLines }, () => take(() => true));
  const byPlatform = (p: string) => (i: number) => events[i]!.platform === p;
  const epoch = Array.from({ length: plan.epochMsTimestamps }, () => take(byPlatform('android')));
  const offset = Array.from({ length: plan.localOffsetTimestamps }, () => take(byPlatform('ios')));
  const naive = Array.from({ length: plan.naiveLocalTimestamps }, () => take(byPlatform('web')));

  const specs: LineSpec[] = events.map((event) => ({ event, options: {}, malformed: null }));
  const missingKinds = { null: 0, absent: 0 };
  for (const i of missing) {
    const kind = rng.chance(0.5) ? 'null' : 'absent';
    missingKinds[kind]++;
    specs[i]!.options.user = kind;
  }
  for (const i of epoch) specs[i]!.options.ts = events[i]!.ts;
  for (const i of offset) specs[i]!.options.ts = isoLocalOffset(events[i]!.ts);
  for (const i of naive) specs[i]!.options.ts = naiveLocal(events[i]!.ts);
  for (const i of malformed) specs[i]!.malformed = rng.pick(['truncated', 'truncated', 'single_quotes', 'trailing_comma'] as const);

  // Where moved lines land: after the first staying, readable event whose ts is past the delay.
  const moved = new Set([...late, ...outOfOrder]);
  const stays = (j: number): boolean => !moved.has(j) && specs[j]!.malformed === null;
  const after = new Map<number, number[]>();
  const place = (i: number, j: number): void => {
    const list = after.get(j);
    if (list) list.push(i);
    else after.set(j, [i]);
  };
  const landing = (i: number, delay: number): number => {
    const target = events[i]!.ts + delay;
    let lo = i + 1;
    let hi = n;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (events[mid]!.ts > target) hi = mid;
      else lo = mid + 1;
    }
    let j = lo;
    while (j < n && !stays(j)) j++;
    if (j >= n) throw new Error('no place to move a late event to');
    return j;
  };
  let pairing = edgeCases;
  let firstLateAt: number | undefined;
  for (const i of late) {
    const j = landing(i, rng.range(HOUR + 1000, 30 * HOUR));
    // Edge case: the second late event lands right after the first, two late lines in a row
    // (when it is more than the threshold older than the line they both follow).
    const pair = pairing && firstLateAt !== undefined && events[firstLateAt]!.ts - events[i]!.ts > LATE_THRESHOLD_MS && after.get(firstLateAt)?.length === 1;
    place(i, pair ? firstLateAt! : j);
    firstLateAt ??= j;
    if (pair) pairing = false;
  }
  for (let k = 0; k < outOfOrder.length; k++) {
    let i = outOfOrder[k]!;
    let j = landing(i, rng.range(2_000, 20 * MINUTE));
    // At a quiet hour the next event can be far away; then pick another event.
    while (events[j]!.ts - events[i]!.ts > LATE_THRESHOLD_MS) {
      moved.delete(i);
      i = take(movable);
      moved.add(i);
      outOfOrder[k] = i;
      j = landing(i, rng.range(2_000, 20 * MINUTE));
    }
    place(i, j);
  }
  const copies = new Map<number, number[]>();
  for (const i of duplicates) {
    let j = i + rng.int(0, 3);
    while (j < n && !stays(j)) j++;
    const list = copies.get(j);
    if (list) list.push(i);
    else copies.set(j, [i]);
  }

  const lines: string[] = [];
  const malformedLines: number[] = [];
  const emit = (i: number): void => {
    const spec = specs[i]!;
    const line = eventLine(spec.event, spec.options);
    if (spec.malformed === null) {
      lines.push(line);
      return;
    }
    malformedLines.push(lines.length + 1);
    if (spec.malformed === 'truncated') lines.push(line.slice(0, rng.int(20, line.length - 5)));
    else if (spec.malformed === 'single_quotes') lines.push(line.replaceAll('"', "'"));
    else lines.push(`${line},`);
  };
  // Edge case: the first duplicate is sent twice more, so one event_id has three copies.
  const third = edgeCases ? duplicates[0] : undefined;
  for (let i = 0; i < n; i++) {
    if (moved.has(i)) continue;
    emit(i);
    for (const c of copies.get(i) ?? []) {
      emit(c);
      if (c === third) emit(c);
    }
    for (const m of after.get(i) ?? []) emit(m);
  }

  const ids = (list: number[]): string[] => list.map((i) => events[i]!.event_id).sort();
  return {
    text: lines.join('\n') + '\n',
    defects: {
      duplicate_events: { count: duplicates.length, event_ids: ids(duplicates) },
      missing_user_ids: { count: missing.length, null_user_id: missingKinds.null, absent_user_id: missingKinds.absent, event_ids: ids(missing) },
      malformed_json_lines: { count: malformedLines.length, lines: malformedLines },
      late_events: { count: late.length, event_ids: ids(late) },
      out_of_order_events: { count: outOfOrder.length, event_ids: ids(outOfOrder) },
      mixed_timestamp_formats: {
        count: epoch.length + offset.length + naive.length,
        epoch_ms: epoch.length,
        local_offset: offset.length,
        naive_local: naive.length,
        event_ids: ids([...epoch, ...offset, ...naive]),
      },
    },
  };
}

/** Server log lines, some cut short as if the writer died mid-line. */
export function writeServerLogWithDefects(records: readonly ServerRecord[], count: number, rng: Rng): { text: string; lines: number[] } {
  const lines = records.map(serverLine);
  const chosen = rng.sample(Array.from({ length: lines.length }, (_, i) => i), count).sort((a, b) => a - b);
  for (const i of chosen) {
    const line = lines[i]!;
    // Cut before the request id ends, so what is left can never read as a whole line.
    const reqEnd = line.indexOf(' req=') + ' req=req_'.length + 8;
    lines[i] = line.slice(0, rng.int(12, reqEnd - 1));
  }
  return { text: lines.join('\n') + '\n', lines: chosen.map((i) => i + 1) };
}

export interface FareDefects {
  negative_fares: { count: number; trip_ids: string[] };
  absurd_fares: { count: number; threshold: number; trip_ids: string[] };
}

/** Sign and unit bugs in the payment export: a refund recorded as a fare, a fare recorded in hundredths. */
export function plantFareDefects(trips: Trip[], plan: DefectPlan, rng: Rng, edgeCases = false): FareDefects {
  const completed = trips.filter((t) => t.status === 'completed');
  const absurd = rng.sample(completed.filter((t) => t.fare >= 12_000), plan.absurdFares);
  const taken = new Set(absurd);
  const negative = rng.sample(completed.filter((t) => !taken.has(t)), plan.negativeFares);
  for (const t of absurd) t.fare *= 100;
  for (const t of negative) t.fare = -t.fare;
  if (edgeCases) plantFareEdges(completed, new Set([...absurd, ...negative]));
  const ids = (list: Trip[]): string[] => list.map((t) => t.trip_id).sort();
  return {
    negative_fares: { count: negative.length, trip_ids: ids(negative) },
    absurd_fares: { count: absurd.length, threshold: ABSURD_FARE, trip_ids: ids(absurd) },
  };
}

/** The highest fare a load may accept, for the boundary edge case. */
export const FARE_LIMIT = 1_000_000;

/**
 * Edge cases on fares that are not defects: one fare of exactly FARE_LIMIT
 * (in range, on the boundary) and a tie between the 10th and 11th highest
 * of the other fares, so "the top ten" must say what it does with ties.
 */
function plantFareEdges(completed: Trip[], defective: ReadonlySet<Trip>): void {
  const clean = completed.filter((t) => !defective.has(t)).sort((a, b) => b.fare - a.fare || (a.trip_id < b.trip_id ? -1 : 1));
  if (clean.length < 12) return;
  clean[0]!.fare = FARE_LIMIT;
  // Ranks 10 and 11 of the fares below the boundary one.
  clean[11]!.fare = clean[10]!.fare;
}

/** Phone numbers typed in other formats before the app normalised input. */
export function plantPhoneFormats(riders: Rider[], count: number, rng: Rng): { count: number; rider_ids: string[] } {
  const chosen = rng.sample(riders, count);
  for (const r of chosen) {
    const digits = r.phone.replaceAll('-', '');
    const style = rng.int(0, 2);
    r.phone = style === 0 ? digits : style === 1 ? `+82 ${r.phone.slice(1)}` : `+82${digits.slice(1)}`;
  }
  return { count: chosen.length, rider_ids: chosen.map((r) => r.rider_id).sort() };
}
