import { describe, expect, it } from 'vitest';
import type { ColumnDef } from '../sql/types';
import { parseCsvRows, parseLineRows, parseNdjsonRows, parseServerLogRows } from './parse';

const cols = (...spec: [string, ColumnDef['type']][]): ColumnDef[] => spec.map(([name, type]) => ({ name, type }));

describe('parseCsvRows', () => {
  const columns = cols(['id', 'TEXT'], ['km', 'REAL'], ['fare', 'INTEGER']);

  it('types fields by column and reads empty fields as NULL', () => {
    const { rows, rejected } = parseCsvRows('id,km,fare\nt_1,3.25,15400\nt_2,,\n', columns);
    expect(rows).toEqual([['t_1', 3.25, 15400], ['t_2', null, null]]);
    expect(rejected).toEqual([]);
  });

  it('takes columns by header name, whatever their order in the file', () => {
    const { rows } = parseCsvRows('fare,id,km\n100,t_1,1.5\n', columns);
    expect(rows).toEqual([['t_1', 1.5, 100]]);
  });

  it('rejects a value that does not fit its column, with the line and the source text', () => {
    const { rows, rejected } = parseCsvRows('id,km,fare\nt_1,3.2,abc\nt_2,1,2\n', columns);
    expect(rows).toEqual([['t_2', 1, 2]]);
    expect(rejected).toEqual([{ line: 2, reason: 'fare: expected an integer, found "abc"', text: 't_1,3.2,abc' }]);
  });

  it('keeps negative and huge fares: they are data problems, not parse errors', () => {
    const { rows } = parseCsvRows('id,km,fare\nt_1,1,-5000\nt_2,1,9007199254740993\n', columns);
    expect(rows).toEqual([['t_1', 1, -5000], ['t_2', 1, 9007199254740993n]]);
  });

  it('reports a header that lacks a documented column, and loads the rest as NULL', () => {
    const { rows, rejected } = parseCsvRows('id,km\nt_1,2\n', columns);
    expect(rows).toEqual([['t_1', 2, null]]);
    expect(rejected[0]).toMatchObject({ line: 1, reason: 'header lacks column(s): fare' });
  });
});

describe('parseNdjsonRows', () => {
  const columns = cols(['event_id', 'TEXT'], ['ts', 'TEXT'], ['user_id', 'TEXT'], ['properties', 'TEXT'], ['line_no', 'INTEGER']);

  it('maps keys to columns, keeps objects as JSON text and numbers in text columns as text', () => {
    const text = '{"event_id":"e1","ts":1709561565123,"user_id":"r_1","properties":{"b":1,"a":true}}\n';
    expect(parseNdjsonRows(text, columns).rows).toEqual([['e1', '1709561565123', 'r_1', '{"b":1,"a":true}', 1]]);
  });

  it('reads a missing or null key as NULL', () => {
    const text = '{"event_id":"e1","ts":"x","properties":{}}\n{"event_id":"e2","ts":"y","user_id":null,"properties":{}}\n';
    expect(parseNdjsonRows(text, columns).rows.map((r) => r[2])).toEqual([null, null]);
  });

  it('rejects malformed lines and numbers the good rows by their line', () => {
    const { rows, rejected } = parseNdjsonRows('{"event_id":"e1"}\n{"event_id":\n{"event_id":"e3"}\n', columns);
    expect(rows.map((r) => r[4])).toEqual([1, 3]);
    expect(rejected).toHaveLength(1);
    expect(rejected[0]).toMatchObject({ line: 2, text: '{"event_id":' });
  });
});

describe('parseServerLogRows', () => {
  const columns = cols(['ts', 'TEXT'], ['status', 'INTEGER'], ['user_id', 'TEXT'], ['message', 'TEXT'], ['line_no', 'INTEGER']);
  const good = '2024-03-04T14:12:45.123Z INFO POST /v1/rides 201 87ms user=r_0001 req=req_1a2b3c4d';

  it('turns good lines into rows and truncated ones into rejects', () => {
    const text = `${good}\n${good.slice(0, 50)}\n${good.replace('user=r_0001', 'user=-')}\n`;
    const { rows, rejected } = parseServerLogRows(text, columns);
    expect(rows).toEqual([['2024-03-04T14:12:45.123Z', 201, 'r_0001', null, 1], ['2024-03-04T14:12:45.123Z', 201, null, null, 3]]);
    expect(rejected).toEqual([{ line: 2, reason: expect.stringMatching(/^truncated/), text: good.slice(0, 50) }]);
  });
});

describe('parseLineRows', () => {
  it('keeps every line, broken ones included, with its number', () => {
    expect(parseLineRows('{"a":1}\n{"a":\n').rows).toEqual([[1, '{"a":1}'], [2, '{"a":']]);
  });
});
