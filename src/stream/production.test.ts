import { readFileSync, writeFileSync, existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { flinkSql, sparkStreaming } from './production';
import { parseStreamSpec } from './spec';

// Golden files: set UPDATE_GOLDEN=1 to rewrite them, then read the diff.
const CASES: Record<string, string> = {
  'tumbling-micro-batch': `from: arrivals\nwhere: button = 'request_ride'\nevent_time: event_time\nwindow: {type: tumbling, size: 15 min}\naggregate: {requests: count}\ntrigger: every 5 min\nwatermark: 10 min\nallowed_lateness: 5 min\nlate: side-table\ninto: stream_counts`,
  'sliding-keyed': `from: trips\nevent_time: pickup_at\nkey: city\nwindow: {type: sliding, size: 1 h, slide: 15 min}\naggregate: {trips: count, fare_total: sum(fare), riders: count distinct(rider_id)}\nwatermark: 2 min\ninto: trips_hourly`,
  'session-update': `from: app_events\nevent_time: ts\nkey: device_id\nwindow: {type: session, gap: 30 min}\naggregate: {events: count, last_seen: max(ts)}\nwatermark: 5 min\nallowed_lateness: 1 h\nlate: update\ntrigger: once\ninto: sessions`,
};

function golden(name: string, text: string): void {
  const path = fileURLToPath(new URL(`./golden/${name}`, import.meta.url));
  if (process.env.UPDATE_GOLDEN) writeFileSync(path, text);
  expect(existsSync(path), `missing golden file ${name}: run with UPDATE_GOLDEN=1`).toBe(true);
  expect(text).toBe(readFileSync(path, 'utf8'));
}

describe('generated production code', () => {
  for (const [name, yaml] of Object.entries(CASES)) {
    it(`${name} as Flink SQL and Spark Structured Streaming`, () => {
      const parsed = parseStreamSpec(yaml);
      if (!parsed.ok) throw new Error(JSON.stringify(parsed.errors));
      golden(`${name}.flink.sql`, flinkSql(parsed.spec));
      golden(`${name}.spark.py`, sparkStreaming(parsed.spec));
    });
  }
});
