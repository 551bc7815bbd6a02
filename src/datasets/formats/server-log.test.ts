import { describe, expect, it } from 'vitest';
import { formatServerLine, parseServerLine, type ServerLogRow } from './server-log';

const access: ServerLogRow = {
  ts: '2024-03-04T14:12:45.123Z', level: 'INFO', method: 'POST', path: '/v1/rides', status: 201, latency_ms: 87,
  user_id: 'r_0001', request_id: 'req_1a2b3c4d', message: null,
};
const error: ServerLogRow = {
  ...access, level: 'ERROR', status: 503, latency_ms: 3187, request_id: 'req_5e6f7a8b', message: 'dispatch "service" timeout',
};

describe('server log lines', () => {
  it('writes the documented format', () => {
    expect(formatServerLine(access)).toBe('2024-03-04T14:12:45.123Z INFO POST /v1/rides 201 87ms user=r_0001 req=req_1a2b3c4d');
  });

  it('parses what it writes, messages with quotes included', () => {
    for (const row of [access, error, { ...access, user_id: null }]) {
      expect(parseServerLine(formatServerLine(row))).toEqual({ ok: true, row });
    }
  });

  it('calls every line cut before its request id ends truncated', () => {
    const line = formatServerLine(access);
    for (let cut = 1; cut < line.length; cut++) {
      const parsed = parseServerLine(line.slice(0, cut));
      expect(parsed.ok, `cut at ${cut}`).toBe(false);
      if (!parsed.ok) expect(parsed.reason, `cut at ${cut}: ${line.slice(0, cut)}`).toMatch(/^truncated: /);
    }
  });

  it('calls a cut-off message truncated', () => {
    const line = formatServerLine(error);
    const parsed = parseServerLine(line.slice(0, line.length - 4));
    expect(parsed).toEqual({ ok: false, reason: 'truncated: the message is cut off' });
  });

  it('calls a line in another format malformed and names the field', () => {
    expect(parseServerLine('2024-03-04T14:12:45.123Z DEBUG POST /v1/rides 201 87ms user=r_0001 req=req_1a2b3c4d'))
      .toEqual({ ok: false, reason: 'malformed: expected the level at column 25' });
    expect(parseServerLine('127.0.0.1 - - [04/Mar/2024] "GET / HTTP/1.1" 200')).toMatchObject({ ok: false, reason: expect.stringMatching(/^malformed: expected the timestamp/) });
  });
});
