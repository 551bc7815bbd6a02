import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createNodeEngine } from '../sql/node-engine';
import type { SqlEngine, SqlValue } from '../sql/types';
import { UnknownDatasetError, loadDataset, loadDatasets, type ReadText } from './load';
import { parseScaledName } from './scaled';

const TRIP_HEADER =
  'trip_id,rider_id,driver_id,city,requested_at,accepted_at,pickup_at,dropoff_at,cancelled_at,status,distance_km,' +
  'duration_min,base_fare,surge_multiplier,fare,tip,payment_method,rating_by_rider,rating_by_driver';

const FILES: Record<string, string> = {
  'trips.csv': [
    TRIP_HEADER,
    't_000001,r_0001,d_001,Seoul,2024-03-04T00:04:45,2024-03-04T00:04:58,2024-03-04T00:10:18,2024-03-04T00:33:18,,completed,14.01,23.0,20900,1.1,23000,0,card,4,5',
    't_000002,r_0002,,Busan,2024-03-04T00:08:41,,,,2024-03-04T00:10:00,no_driver,,,,1.0,0,,cash,,',
    't_000003,r_0003,d_002,Seoul,2024-03-04T00:09:00', // cut short
    't_000004,r_0004,d_003,Daegu,2024-03-04T00:10:00,2024-03-04T00:10:10,2024-03-04T00:15:00,2024-03-04T00:30:00,,completed,5.00,15.0,9800,1.0,nine,0,card,,',
    '',
  ].join('\n'),
  'app_events.ndjson': [
    '{"event_id":"ev_1","ts":"2024-03-04T00:00:00.000Z","user_id":"r_0001","user_type":"rider","session_id":"s_1","event":"app_open","screen":"home","properties":{},"platform":"ios","app_version":"5.11.0"}',
    '{"event_id":"ev_2","ts":"2024-03-04T00:00:01.000Z","user_id":"r_0001","user_type":"rider","session_id":"s_1","event":"button_',
    '{"event_id":"ev_3","ts":1709510402000,"user_id":null,"user_type":"rider","session_id":"s_1","event":"button_click","screen":"ride_options","properties":{"button":"request_ride","request_id":"req_1a2b3c4d","trip_id":"t_000001"},"platform":"ios","app_version":"5.11.0"}',
    '',
  ].join('\n'),
  'cs_tickets.csv': 'ticket_id,user_id,created_at,channel,category,body,satisfaction\ncs_00001,r_0001,2024-03-04T01:00:00Z,chat,lost_item,"Left my umbrella, please help",\n',
  'server.log': [
    '2024-03-04T00:00:02.100Z INFO POST /v1/rides 201 87ms user=r_0001 req=req_1a2b3c4d',
    '2024-03-04T00:00:03.000Z INFO POST /v1/rides/t_000001/accept 200 45ms user=d_0',
    '2024-03-04T00:00:09.000Z ERROR POST /v1/rides 503 3187ms user=r_0002 req=req_5e6f7a8b msg="dispatch service timeout"',
    '',
  ].join('\n'),
};

const source: ReadText = async (file) => {
  const text = FILES[file];
  if (text === undefined) throw new Error(`no fixture ${file}`);
  return text;
};

let engine: SqlEngine;
beforeEach(async () => {
  engine = await createNodeEngine();
});
afterEach(() => engine.close());

async function rows(sql: string): Promise<SqlValue[][]> {
  return (await engine.exec(sql)).result.rows;
}

describe('loadDataset', () => {
  it('loads good CSV rows into a typed table and reports the count', async () => {
    const report = await loadDataset(engine, 'trips', source);
    expect(report).toMatchObject({ dataset: 'trips', table: 'trips', file: 'trips.csv', rowsLoaded: 2, rejectsTable: 'trips_rejects' });
    expect(await rows("SELECT trip_id, typeof(distance_km), typeof(fare), driver_id FROM trips ORDER BY trip_id")).toEqual([
      ['t_000001', 'real', 'integer', 'd_001'],
      ['t_000002', 'null', 'integer', null],
    ]);
  });

  it('keeps broken CSV lines in <table>_rejects with their line and reason instead of failing', async () => {
    const report = await loadDataset(engine, 'trips', source);
    expect(report.rejected.map((r) => [r.line, r.reason])).toEqual([
      [4, 'expected 19 fields, found 5'],
      [5, 'fare: expected an integer, found "nine"'],
    ]);
    expect(await rows('SELECT line_no, reason FROM trips_rejects ORDER BY line_no')).toEqual([
      [4, 'expected 19 fields, found 5'],
      [5, 'fare: expected an integer, found "nine"'],
    ]);
  });

  it('loads NDJSON events, rejects malformed JSON and keeps file order in line_no', async () => {
    const report = await loadDataset(engine, 'app_events', source);
    expect(report.rowsLoaded).toBe(2);
    expect(report.rejected).toHaveLength(1);
    expect(report.rejected[0]).toMatchObject({ line: 2, reason: expect.stringMatching(/^invalid JSON/) });
    expect(await rows("SELECT event_id, ts, user_id, json_extract(properties, '$.trip_id'), line_no FROM app_events ORDER BY line_no")).toEqual([
      ['ev_1', '2024-03-04T00:00:00.000Z', 'r_0001', null, 1],
      ['ev_3', '1709510402000', null, 't_000001', 3],
    ]);
    expect(await rows('SELECT count(*) FROM app_events_rejects')).toEqual([[1]]);
  });

  it('parses server log lines and rejects truncated ones', async () => {
    const report = await loadDataset(engine, 'server_log', source);
    expect(report.rowsLoaded).toBe(2);
    expect(await rows('SELECT status, latency_ms, user_id, message FROM server_log ORDER BY line_no')).toEqual([
      [201, 87, 'r_0001', null],
      [503, 3187, 'r_0002', 'dispatch service timeout'],
    ]);
    expect(await rows('SELECT line_no, reason FROM server_log_rejects')).toEqual([[2, 'truncated: the line ends before the request id is complete']]);
  });

  it('loads a raw variant with every line, broken ones included, and no rejects table', async () => {
    const report = await loadDataset(engine, 'app_events_raw', source);
    expect(report).toMatchObject({ rowsLoaded: 3, rejectsTable: null });
    expect(await rows('SELECT line_no, json_valid(line) FROM app_events_raw ORDER BY line_no')).toEqual([[1, 1], [2, 0], [3, 1]]);
  });

  it('creates an empty rejects table when every line is good, so lessons can always query it', async () => {
    const report = await loadDataset(engine, 'cs_tickets', source);
    expect(report).toMatchObject({ rowsLoaded: 1, rejected: [] });
    expect(await rows('SELECT count(*) FROM cs_tickets_rejects')).toEqual([[0]]);
    expect(await rows('SELECT body, satisfaction FROM cs_tickets')).toEqual([['Left my umbrella, please help', null]]);
  });

  it('replaces the table when loaded again, so a re-run starts clean', async () => {
    await loadDataset(engine, 'trips', source);
    await loadDataset(engine, 'trips', source);
    expect(await rows('SELECT count(*) FROM trips')).toEqual([[2]]);
  });

  it('names the known datasets when asked for one that does not exist', async () => {
    await expect(loadDataset(engine, 'tripz', source)).rejects.toThrow(UnknownDatasetError);
    await expect(loadDataset(engine, 'tripz', source)).rejects.toThrow(/Known datasets: riders, drivers/);
  });
});

describe('loadDatasets', () => {
  it('reads a file shared by two datasets only once', async () => {
    const reads: string[] = [];
    const counting: ReadText = (file) => {
      reads.push(file);
      return source(file);
    };
    const reports = await loadDatasets(engine, ['app_events', 'app_events_raw', 'server_log'], counting);
    expect(reports.map((r) => r.table)).toEqual(['app_events', 'app_events_raw', 'server_log']);
    expect(reads.sort()).toEqual(['app_events.ndjson', 'server.log']);
  });
});

describe('generated sizes', () => {
  it('reads size names like trips@1m and app_events@250k', () => {
    expect(parseScaledName('trips@1m')).toMatchObject({ base: 'trips', trips: 1_000_000, table: 'trips_1m' });
    expect(parseScaledName('app_events@250k')).toMatchObject({ base: 'app_events', trips: 250_000, table: 'app_events_250k' });
    expect(parseScaledName('trips@1.5m')).toMatchObject({ trips: 1_500_000, table: 'trips_1_5m' });
  });

  it('refuses sizes outside 100k to 5m and tables that cannot be generated', () => {
    expect(() => parseScaledName('trips@10k')).toThrow(/100,000 to 5,000,000/);
    expect(() => parseScaledName('trips@6m')).toThrow(/100,000 to 5,000,000/);
    expect(() => parseScaledName('cs_tickets@1m')).toThrow(/one of riders, drivers, trips/);
  });

  it('generates matching riders and trips in the engine without reading any file', async () => {
    const noFiles: ReadText = () => Promise.reject(new Error('no file should be read'));
    const reports = await loadDatasets(engine, ['trips@100k', 'riders@100k'], noFiles);
    expect(reports.map((r) => [r.table, r.rowsLoaded])).toEqual([['trips_100k', 100_000], ['riders_100k', 10_000]]);
    expect(await rows('SELECT count(*) FROM trips_100k t LEFT JOIN riders_100k r USING (rider_id) WHERE r.rider_id IS NULL')).toEqual([[0]]);
  }, 60_000);
});
