// The server log's line format, written and read in one place:
//
//   2024-03-04T14:12:45.123Z INFO POST /v1/rides 201 87ms user=r_0001 req=req_1a2b3c4d
//   2024-03-04T14:12:47.900Z ERROR POST /v1/rides 503 3187ms user=r_0001 req=req_5e6f7a8b msg="dispatch service timeout"
//
// Fields are separated by one space; user is "-" when no user made the request.
// The parser walks the fields in order so a broken line gets a reason that
// names the first field that is wrong, and says "truncated" when the line
// simply stops.

export interface ServerLogRow {
  ts: string;
  level: string;
  method: string;
  path: string;
  status: number;
  latency_ms: number;
  user_id: string | null;
  request_id: string;
  message: string | null;
}

/** The columns of a parsed line, in order. */
export const SERVER_LOG_FIELDS = [
  'ts', 'level', 'method', 'path', 'status', 'latency_ms', 'user_id', 'request_id', 'message',
] as const satisfies readonly (keyof ServerLogRow)[];

export function formatServerLine(row: ServerLogRow): string {
  const base = `${row.ts} ${row.level} ${row.method} ${row.path} ${row.status} ${row.latency_ms}ms user=${row.user_id ?? '-'} req=${row.request_id}`;
  return row.message === null ? base : `${base} msg="${row.message.replaceAll('\\', '\\\\').replaceAll('"', '\\"')}"`;
}

interface Step {
  name: string;
  pattern: RegExp;
}

// Each pattern is sticky (y) and consumes its leading separator.
const STEPS: readonly Step[] = [
  { name: 'timestamp', pattern: /(\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z)/y },
  { name: 'level', pattern: / (INFO|WARN|ERROR)/y },
  { name: 'method', pattern: / (GET|POST|PUT|PATCH|DELETE)/y },
  { name: 'path', pattern: / (\/[^\s]*)/y },
  { name: 'status', pattern: / ([1-5]\d\d)/y },
  { name: 'latency', pattern: / (\d+)ms/y },
  { name: 'user', pattern: / user=(-|[rd]_\d+)/y },
  { name: 'request id', pattern: / req=(req_[0-9a-f]{8})/y },
];
const MESSAGE = / msg="((?:[^"\\]|\\.)*)"/y;

export type LineParse = { ok: true; row: ServerLogRow } | { ok: false; reason: string };

export function parseServerLine(line: string): LineParse {
  const values: string[] = [];
  let pos = 0;
  for (const step of STEPS) {
    step.pattern.lastIndex = pos;
    const m = step.pattern.exec(line);
    if (!m) {
      // A line that stops inside (or right before) a field was cut short; anything else was written wrong.
      return {
        ok: false,
        reason: isPrefixOfField(line.slice(pos), step)
          ? `truncated: the line ends before the ${step.name} is complete`
          : `malformed: expected the ${step.name} at column ${pos + 1}`,
      };
    }
    values.push(m[1]!);
    pos += m[0].length;
  }
  let message: string | null = null;
  if (pos < line.length) {
    MESSAGE.lastIndex = pos;
    const m = MESSAGE.exec(line);
    if (!m || pos + m[0].length !== line.length) {
      const tail = line.slice(pos);
      return {
        ok: false,
        reason: /^ msg="(?:[^"\\]|\\.)*$/.test(tail) || ' msg="'.startsWith(tail)
          ? 'truncated: the message is cut off'
          : `malformed: unexpected text at column ${pos + 1}`,
      };
    }
    message = m[1]!.replace(/\\(.)/g, '$1');
  }
  const [ts, level, method, path, status, latency, user, request] = values as [string, string, string, string, string, string, string, string];
  return {
    ok: true,
    row: {
      ts, level, method, path,
      status: Number(status),
      latency_ms: Number(latency),
      user_id: user === '-' ? null : user,
      request_id: request,
      message,
    },
  };
}

/**
 * Whether the rest of a line could be the start of this field (so the line was
 * cut short rather than written wrong). A loose check: the same kinds of
 * characters, and the line ends inside the field.
 */
function isPrefixOfField(rest: string, step: Step): boolean {
  if (rest.length === 0) return true;
  const samples: Record<string, string> = {
    timestamp: '2024-03-04T14:12:45.123Z',
    level: ' ERROR',
    method: ' DELETE',
    status: ' 503',
    latency: ' 1234ms',
  };
  const sample = samples[step.name];
  if (sample !== undefined) return rest.length < sample.length && /^[ \dA-Z:.T-]*m?$/.test(rest) && !rest.includes(' ', 1);
  if (step.name === 'path') return /^ \/?[^\s]*$/.test(rest);
  if (step.name === 'user') return /^ (u(s(e(r(=([-rd](_\d*)?)?)?)?)?)?)?$/.test(rest);
  return /^ (r(e(q(=(r(e(q(_[0-9a-f]{0,7})?)?)?)?)?)?)?)?$/.test(rest);
}
