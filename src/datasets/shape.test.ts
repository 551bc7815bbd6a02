// What the README promises about the data's shape, checked on the committed
// lesson set: the lessons' findings must really be in the data.
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createNodeEngine } from '../sql/node-engine';
import type { SqlEngine, SqlValue } from '../sql/types';
import { parseCsv } from './formats/csv';
import { loadDatasets } from './load';
import { DATASETS_DIR, nodeSource } from './node-source';

let engine: SqlEngine;
beforeAll(async () => {
  engine = await createNodeEngine();
  await loadDatasets(engine, ['trips', 'riders', 'drivers', 'profile_changes', 'app_events', 'server_log', 'cs_tickets', 'ticket_trips'], nodeSource());
}, 60_000);
afterAll(() => engine.close());

async function one(sql: string): Promise<SqlValue> {
  return (await engine.exec(sql)).result.rows[0]![0]!;
}
async function num(sql: string): Promise<number> {
  return Number(await one(sql));
}
const csv = (file: string) => parseCsv(readFileSync(join(DATASETS_DIR, file), 'utf8'));

describe('the shape of the lesson set', () => {
  it('has a midnight peak and rush hours in local time', async () => {
    const hour = (h: number) => num(`SELECT count(*) FROM trips WHERE CAST(strftime('%H', requested_at) AS INTEGER) = ${h}`);
    expect(await hour(0)).toBeGreaterThan(3 * (await hour(4)));
    expect(await hour(23)).toBeGreaterThan(await hour(18));
    expect(await hour(8)).toBeGreaterThan(await hour(11));
    expect(await hour(18)).toBeGreaterThan(await hour(14));
  });

  it('is busier on Friday and Saturday than on Monday and Tuesday, and busiest in Seoul', async () => {
    const days = (list: string) => num(`SELECT count(*) FROM trips WHERE strftime('%w', requested_at) IN (${list})`);
    expect(await days("'5','6'")).toBeGreaterThan(1.2 * (await days("'1','2'")));
    expect(await one('SELECT city FROM trips GROUP BY city ORDER BY count(*) DESC LIMIT 1')).toBe('Seoul');
  });

  it('charges base fare times surge, rounded to 100 won, on every completed trip without a planted fare defect', async () => {
    expect(await num(`SELECT count(*) FROM trips WHERE status = 'completed' AND fare BETWEEN 0 AND 1000000
      AND fare <> CAST(round(base_fare * surge_multiplier / 100.0) AS INTEGER) * 100`)).toBe(0);
    expect(await num("SELECT count(*) FROM trips WHERE status = 'completed' AND surge_multiplier > 1")).toBeGreaterThan(1000);
  });

  it('has riders cancel more often after long waits', async () => {
    const share = (where: string) => num(`SELECT avg(status = 'cancelled_by_rider') FROM trips
      WHERE accepted_at IS NOT NULL AND ${where}`);
    const minutes = "(julianday(coalesce(pickup_at, cancelled_at)) - julianday(accepted_at)) * 1440";
    expect(await share(`${minutes} >= 12`)).toBeGreaterThan(2 * (await share(`${minutes} < 4`)));
  });

  it('clusters app errors on rider app 5.12.0', async () => {
    const rate = (where: string) => num(`SELECT 1.0 * count(*) FILTER (WHERE event = 'app_error') / count(*) FILTER (WHERE event = 'app_open')
      FROM app_events WHERE user_type = 'rider' AND ${where}`);
    expect(await rate("app_version = '5.12.0'")).toBeGreaterThan(5 * (await rate("app_version <> '5.12.0'")));
  });

  it('joins app events to server log lines on request_id, with the same user', async () => {
    const events = await num("SELECT count(*) FROM app_events WHERE json_extract(properties, '$.request_id') IS NOT NULL");
    const joined = await num(`SELECT count(*) FROM app_events e JOIN server_log s
      ON s.request_id = json_extract(e.properties, '$.request_id') AND s.user_id = e.user_id`);
    expect(joined).toBeGreaterThan(0.98 * events);
  });

  it('puts each trip in the city its driver worked in at that time (replaying profile_changes), which drivers.csv alone gets wrong', () => {
    const drivers = csv('drivers.csv');
    const changes = csv('profile_changes.csv').records.map((r) => r.fields).filter((f) => f[2] === 'driver' && f[3] === 'city');
    const trips = csv('trips.csv').records.map((r) => r.fields);
    const cityAt = (driver: string, at: string): string => {
      const mine = changes.filter((c) => c[1] === driver);
      let city = mine.length > 0 ? mine[0]![4]! : drivers.records.find((r) => r.fields[0] === driver)!.fields[2]!;
      for (const c of mine) if (c[6]! <= at) city = c[5]!;
      return city;
    };
    const current = new Map(drivers.records.map((r) => [r.fields[0]!, r.fields[2]!]));
    const withDriver = trips.filter((t) => t[2] !== '');
    expect(withDriver.filter((t) => cityAt(t[2]!, t[4]!) !== t[3]).length).toBe(0);
    expect(withDriver.filter((t) => current.get(t[2]!) !== t[3]).length).toBeGreaterThan(50);
  });

  it('has every ticket follow a real trip of its author, usually but not always the latest one', async () => {
    expect(await num(`SELECT count(*) FROM answers_ticket_trips a JOIN cs_tickets c USING (ticket_id) JOIN trips t ON t.trip_id = a.trip_id
      WHERE a.user_id IN (t.rider_id, t.driver_id) AND c.user_id = a.user_id
        AND datetime(t.requested_at) < datetime(c.created_at, '+9 hours')`)).toBe(await num('SELECT count(*) FROM cs_tickets'));
    const latest = await num('SELECT avg(is_latest_trip) FROM answers_ticket_trips');
    expect(latest).toBeGreaterThan(0.7);
    expect(latest).toBeLessThan(1);
  });

  it('shows the new_home_screen lift and no dark_mode_banner lift in the answers', () => {
    const truth = JSON.parse(readFileSync(join(DATASETS_DIR, 'answers/experiments.json'), 'utf8')) as {
      experiment: string;
      true_lift: number;
      observed: Record<'control' | 'treatment', { rate: number }>;
    }[];
    const lift = (name: string) => {
      const e = truth.find((x) => x.experiment === name)!;
      return e.observed.treatment.rate - e.observed.control.rate;
    };
    expect(lift('new_home_screen')).toBeGreaterThan(0.02);
    expect(Math.abs(lift('dark_mode_banner'))).toBeLessThan(0.02);
  });

  it('has referral riders ride more than tiktok riders', async () => {
    const perRider = (channel: string) => num(`SELECT 1.0 * count(t.trip_id) / count(DISTINCT r.rider_id)
      FROM riders r LEFT JOIN trips t USING (rider_id) WHERE r.acquisition_channel = '${channel}'`);
    expect(await perRider('referral')).toBeGreaterThan(1.5 * (await perRider('tiktok')));
  });
});

describe('the generator is browser code', () => {
  it('imports nothing from Node and never reads the clock or Math.random', () => {
    const dir = join(DATASETS_DIR, '../src/datasets');
    const files = [
      ...readdirSync(join(dir, 'generator')).map((f) => join('generator', f)),
      ...readdirSync(join(dir, 'formats')).map((f) => join('formats', f)),
      'load.ts', 'parse.ts', 'registry.ts', 'scaled.ts', 'rows.ts', 'manifest.ts', 'readme-blocks.ts', 'browser-source.ts',
    ].filter((f) => f.endsWith('.ts') && !f.endsWith('.test.ts'));
    for (const f of files) {
      const text = readFileSync(join(dir, f), 'utf8');
      expect(text, f).not.toMatch(/from ['"]node:|require\(|Math\.random|Date\.now|new Date\(\)/);
    }
  });
});
