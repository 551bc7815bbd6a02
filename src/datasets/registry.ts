// Every dataset a lesson can name in its front matter (`datasets: [trips, riders]`):
// which file it comes from, how to read it, and the table it becomes.

import type { ColumnDef, ColumnType } from '../sql/types';

export type DatasetFormat = 'csv' | 'ndjson' | 'server_log' | 'lines';

export interface DatasetDef {
  name: string;
  /** Path under datasets/. */
  file: string;
  format: DatasetFormat;
  table: string;
  columns: readonly ColumnDef[];
  description: string;
  /** Ground truth for checks; not offered to learners in lists. */
  hidden?: boolean;
}

const col = (spec: string): ColumnDef[] =>
  spec.split(',').map((part) => {
    const [name, type = 'TEXT'] = part.trim().split(/\s+/) as [string, ColumnType?];
    return { name, type: type as ColumnType };
  });

/** Added by the loader to tables read from logs: the line's number in its file, so file order survives. */
export const LINE_NO: ColumnDef = { name: 'line_no', type: 'INTEGER' };

const RAW_COLUMNS = col('line_no INTEGER, line TEXT');

export const DATASETS: readonly DatasetDef[] = [
  {
    name: 'riders', file: 'riders.csv', format: 'csv', table: 'riders',
    columns: col('rider_id, name, email, phone, city, platform, signup_at, acquisition_channel'),
    description: 'App database: one row per rider account, as of the export.',
  },
  {
    name: 'drivers', file: 'drivers.csv', format: 'csv', table: 'drivers',
    columns: col('driver_id, name, city, vehicle_type, joined_at, status'),
    description: 'App database: one row per driver, current values only.',
  },
  {
    name: 'profile_changes', file: 'profile_changes.csv', format: 'csv', table: 'profile_changes',
    columns: col('change_id, user_id, user_type, field, old_value, new_value, changed_at'),
    description: 'App database change feed: every change to a rider or driver profile (for slowly-changing dimensions).',
  },
  {
    name: 'trips', file: 'trips.csv', format: 'csv', table: 'trips',
    columns: col(
      'trip_id, rider_id, driver_id, city, requested_at, accepted_at, pickup_at, dropoff_at, cancelled_at, status, ' +
        'distance_km REAL, duration_min REAL, base_fare INTEGER, surge_multiplier REAL, fare INTEGER, tip INTEGER, ' +
        'payment_method, rating_by_rider INTEGER, rating_by_driver INTEGER',
    ),
    description: 'Ride records: one row per ride request.',
  },
  {
    name: 'app_events', file: 'app_events.ndjson', format: 'ndjson', table: 'app_events',
    columns: [...col('event_id, ts, user_id, user_type, session_id, event, screen, properties, platform, app_version'), LINE_NO],
    description: 'App analytics log, one row per valid JSON line; properties stays JSON text.',
  },
  {
    name: 'app_events_raw', file: 'app_events.ndjson', format: 'lines', table: 'app_events_raw', columns: RAW_COLUMNS,
    description: 'App analytics log as raw text, one row per line, broken lines included (for ELT).',
  },
  {
    name: 'server_log', file: 'server.log', format: 'server_log', table: 'server_log',
    columns: [...col('ts, level, method, path, status INTEGER, latency_ms INTEGER, user_id, request_id, message'), LINE_NO],
    description: 'Server access and error log, parsed into columns, one row per well-formed line.',
  },
  {
    name: 'server_log_raw', file: 'server.log', format: 'lines', table: 'server_log_raw', columns: RAW_COLUMNS,
    description: 'Server log as raw text, one row per line, truncated lines included.',
  },
  {
    name: 'cs_tickets', file: 'cs_tickets.csv', format: 'csv', table: 'cs_tickets',
    columns: col('ticket_id, user_id, created_at, channel, category, body, satisfaction INTEGER'),
    description: 'Support desk database: one row per customer-support ticket.',
  },
  {
    name: 'experiment_assignments', file: 'experiment_assignments.csv', format: 'csv', table: 'experiment_assignments',
    columns: col('user_id, experiment, variant, assigned_at'),
    description: 'A/B experiment platform: which variant each rider got, and when.',
  },
  {
    name: 'ticket_trips', file: 'answers/ticket_trips.csv', format: 'csv', table: 'answers_ticket_trips',
    columns: col('ticket_id, user_id, trip_id, latest_trip_before_ticket, is_latest_trip INTEGER'),
    description: 'Ground truth for the bad-rides capstone: the trip each ticket is about.',
    hidden: true,
  },
];

const BY_NAME = new Map(DATASETS.map((d) => [d.name, d]));

export function findDataset(name: string): DatasetDef | undefined {
  return BY_NAME.get(name);
}

/** Names a lesson may list, hidden answer tables left out. */
export function datasetNames(): string[] {
  return DATASETS.filter((d) => !d.hidden).map((d) => d.name);
}
