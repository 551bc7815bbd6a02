// The committed lesson set: every file in datasets/, as text, with the
// defects planted and the ground truth kept apart. Pure: the script under
// scripts/ writes the files, a test regenerates them in memory.

import { EXPERIMENTS, BASE_CONVERSION } from './experiments';
import { LESSON_SET, type GeneratorOptions } from './options';
import {
  writeEventsWithDefects, writeServerLogWithDefects, plantFareDefects, plantPhoneFormats, ORDER_RULE,
} from './defects';
import {
  ASSIGNMENT_COLUMNS, CHANGE_COLUMNS, DRIVER_COLUMNS, RIDER_COLUMNS, TICKET_COLUMNS, TRIP_COLUMNS,
  assignmentRow, changeRow, csvOf, driverRow, riderRow, ticketRow, tripRow,
} from './render';
import { assignments, createWorld, simulateDays } from './simulate';
import { makeTickets, type TicketTruth } from './tickets';
import { DAY, isoMs } from './time';
import type { TripFacts } from './trips';
import type { AppEvent, Assignment, Rider, ServerRecord } from './types';

export type FileFormat = 'csv' | 'ndjson' | 'log' | 'json';

export interface GeneratedFile {
  /** Path under datasets/, with "/" separators. */
  file: string;
  format: FileFormat;
  /** Data rows: CSV records without the header, NDJSON and log lines. */
  rows: number;
  text: string;
}

export interface DefectEntry {
  file: string;
  count: number;
  rule: string;
  [detail: string]: unknown;
}

export interface ExperimentTruth {
  experiment: string;
  starts_at: string;
  metric: string;
  true_control_rate: number;
  true_treatment_rate: number;
  true_lift: number;
  /** What the clean events show (before defects), per variant. */
  observed: Record<'control' | 'treatment', { riders: number; sessions: number; converted_sessions: number; rate: number }>;
}

export interface LessonSet {
  options: GeneratorOptions;
  files: GeneratedFile[];
  defects: Record<string, DefectEntry>;
  experiments: ExperimentTruth[];
}

const byTsThen = <T>(ts: (x: T) => number, id: (x: T) => string) => (a: T, b: T): number =>
  ts(a) - ts(b) || (id(a) < id(b) ? -1 : id(a) > id(b) ? 1 : 0);

export function generateLessonSet(options: GeneratorOptions = LESSON_SET): LessonSet {
  const world = createWorld(options);
  const facts: TripFacts[] = [];
  const events: AppEvent[] = [];
  const server: ServerRecord[] = [];
  for (const chunk of simulateDays(world)) {
    facts.push(...chunk.facts);
    for (const e of chunk.events) events.push(e);
    for (const s of chunk.server) server.push(s);
  }
  const trips = facts.map((f) => f.trip);
  const rng = world.rng.fork('lesson-set');
  const plan = options.defects;

  const fares = plantFareDefects(trips, plan, rng.fork('fares'), options.edgeCases === true);
  const { tickets, truth } = makeTickets(facts, world.win.end, rng.fork('tickets'));
  const assigned = assignments(world);
  const experiments = experimentTruth(assigned, events, world.win.start);

  const riders: Rider[] = world.riders.filter((r) => !r.deleted).map((r) => ({ ...r.row }));
  const phones = plantPhoneFormats(riders, plan.mixedPhoneFormats, rng.fork('phones'));
  const known = new Set(riders.map((r) => r.rider_id));
  const orphans = trips.filter((t) => !known.has(t.rider_id)).map((t) => t.trip_id);

  events.sort(byTsThen((e) => e.ts, (e) => e.event_id));
  server.sort(byTsThen((s) => s.ts, (s) => s.request_id));
  const eventFile = writeEventsWithDefects(events, plan, rng.fork('events'), options.edgeCases === true);
  const serverFile = writeServerLogWithDefects(server, plan.truncatedLogLines, rng.fork('server'));
  const eventLines = eventFile.text.length === 0 ? 0 : eventFile.text.split('\n').length - 1;

  const files: GeneratedFile[] = [
    { file: 'riders.csv', format: 'csv', rows: riders.length, text: csvOf(RIDER_COLUMNS, riders, riderRow) },
    { file: 'drivers.csv', format: 'csv', rows: world.drivers.length, text: csvOf(DRIVER_COLUMNS, world.drivers.map((d) => d.row), driverRow) },
    { file: 'profile_changes.csv', format: 'csv', rows: world.changes.length, text: csvOf(CHANGE_COLUMNS, world.changes, changeRow) },
    { file: 'trips.csv', format: 'csv', rows: trips.length, text: csvOf(TRIP_COLUMNS, trips, tripRow) },
    { file: 'app_events.ndjson', format: 'ndjson', rows: eventLines, text: eventFile.text },
    { file: 'server.log', format: 'log', rows: server.length, text: serverFile.text },
    { file: 'cs_tickets.csv', format: 'csv', rows: tickets.length, text: csvOf(TICKET_COLUMNS, tickets, ticketRow) },
    { file: 'experiment_assignments.csv', format: 'csv', rows: assigned.length, text: csvOf(ASSIGNMENT_COLUMNS, assigned, assignmentRow) },
    { file: 'answers/ticket_trips.csv', format: 'csv', rows: truth.length, text: csvOf(TRUTH_COLUMNS, truth, truthRow) },
    { file: 'answers/experiments.json', format: 'json', rows: experiments.length, text: JSON.stringify(experiments, null, 2) + '\n' },
  ];

  const ev = eventFile.defects;
  const defects: Record<string, DefectEntry> = {
    duplicate_events: {
      file: 'app_events.ndjson', rule: 'Lines repeating an event_id seen on an earlier line (byte-identical re-sends); count = extra lines.',
      ...ev.duplicate_events,
    },
    missing_user_ids: {
      file: 'app_events.ndjson', rule: 'Valid JSON lines, first occurrence of their event_id, whose user_id is null or absent.',
      ...ev.missing_user_ids,
    },
    malformed_json_lines: { file: 'app_events.ndjson', rule: 'Non-empty lines that are not a valid JSON object; 1-based line numbers.', ...ev.malformed_json_lines },
    late_events: { file: 'app_events.ndjson', rule: ORDER_RULE, ...ev.late_events },
    out_of_order_events: { file: 'app_events.ndjson', rule: ORDER_RULE, ...ev.out_of_order_events },
    mixed_timestamp_formats: {
      file: 'app_events.ndjson',
      rule: 'Valid JSON lines, first occurrence of their event_id, whose ts is not an ISO-8601 UTC string ending in Z: epoch milliseconds (a number), an ISO string with +09:00, or local time with no zone ("YYYY-MM-DD HH:MM:SS.sss").',
      ...ev.mixed_timestamp_formats,
    },
    truncated_log_lines: {
      file: 'server.log', rule: 'Lines that stop before the request id is complete, so they do not match the line format; 1-based line numbers.',
      count: serverFile.lines.length, lines: serverFile.lines,
    },
    negative_fares: { file: 'trips.csv', rule: 'Rows with fare < 0.', ...fares.negative_fares },
    absurd_fares: { file: 'trips.csv', rule: 'Rows with fare > 1000000 (won).', ...fares.absurd_fares },
    orphan_trips: {
      file: 'trips.csv', rule: 'Rows whose rider_id is not in riders.csv (the rider deleted their account).',
      count: orphans.length, rider_ids: [...new Set(trips.filter((t) => !known.has(t.rider_id)).map((t) => t.rider_id))].sort(), trip_ids: orphans,
    },
    mixed_phone_formats: { file: 'riders.csv', rule: 'Rows whose phone is not in the form 010-NNNN-NNNN.', ...phones },
  };
  return { options, files, defects, experiments };
}

const TRUTH_COLUMNS = ['ticket_id', 'user_id', 'trip_id', 'latest_trip_before_ticket', 'is_latest_trip'] as const;
const truthRow = (t: TicketTruth) => [t.ticket_id, t.user_id, t.trip_id, t.latest_trip_before_ticket, t.is_latest_trip];

/** The experiments' true parameters, and what the clean events show after each rider's assignment. */
function experimentTruth(assigned: readonly Assignment[], events: readonly AppEvent[], windowStart: number): ExperimentTruth[] {
  const sessions = new Map<string, { user: string; ts: number; converted: boolean }>();
  for (const e of events) {
    if (e.event === 'app_open') sessions.set(e.session_id, { user: e.user_id, ts: e.ts, converted: false });
  }
  for (const e of events) {
    if (e.event === 'button_click' && e.properties.button === 'request_ride') {
      const s = sessions.get(e.session_id);
      if (s) s.converted = true;
    }
  }
  const byUser = new Map<string, { ts: number; converted: boolean }[]>();
  for (const s of sessions.values()) {
    const list = byUser.get(s.user);
    if (list) list.push(s);
    else byUser.set(s.user, [s]);
  }
  return EXPERIMENTS.map((x) => {
    const observed = {
      control: { riders: 0, sessions: 0, converted_sessions: 0, rate: 0 },
      treatment: { riders: 0, sessions: 0, converted_sessions: 0, rate: 0 },
    };
    for (const a of assigned) {
      if (a.experiment !== x.name) continue;
      const o = observed[a.variant];
      o.riders++;
      for (const s of byUser.get(a.user_id) ?? []) {
        if (s.ts < a.assigned_at) continue;
        o.sessions++;
        if (s.converted) o.converted_sessions++;
      }
    }
    for (const o of Object.values(observed)) o.rate = o.sessions === 0 ? 0 : Math.round((o.converted_sessions / o.sessions) * 1e6) / 1e6;
    return {
      experiment: x.name,
      starts_at: isoMs(windowStart + x.startDay * DAY),
      metric: 'Share of a rider\'s app sessions (app_open) at or after their assigned_at that contain a button_click with properties.button = "request_ride".',
      true_control_rate: BASE_CONVERSION,
      true_treatment_rate: Math.round((BASE_CONVERSION + x.lift) * 1e6) / 1e6,
      true_lift: x.lift,
      observed,
    };
  });
}
