// Between SQL rows and the engine: reading events from a result set, and the
// rows of the tables a stream cell writes.
import type { ColumnDef, ResultSet, SqlValue } from '../sql/types';
import type { Value } from './aggregate';
import type { StreamEvent, StreamRun } from './engine';
import type { StreamSpec } from './types';

/**
 * A time value as milliseconds since 1970: ISO-8601 text (a missing zone is UTC),
 * or a number — seconds when below 10^11 (unixepoch()), milliseconds above.
 */
export function parseTime(value: SqlValue): number | undefined {
  if (typeof value === 'bigint') return parseTime(Number(value));
  if (typeof value === 'number') return Number.isFinite(value) ? (Math.abs(value) < 1e11 ? value * 1000 : value) : undefined;
  if (typeof value !== 'string') return undefined;
  const text = value.trim();
  if (/^-?\d+(\.\d+)?$/.test(text)) return parseTime(Number(text));
  const iso = /^\d{4}-\d{2}-\d{2}([T ]\d{2}:\d{2}(:\d{2}(\.\d+)?)?)?$/.test(text) ? `${text.replace(' ', 'T')}${text.length > 10 ? 'Z' : ''}` : text;
  const ms = Date.parse(iso);
  return Number.isNaN(ms) ? undefined : ms;
}

export function formatTime(ms: number): string {
  return new Date(ms).toISOString();
}

function plain(value: SqlValue): Value {
  if (typeof value === 'bigint') return Number(value);
  if (value instanceof Uint8Array) return null;
  return value;
}

export type EventsRead = { ok: true; events: StreamEvent[] } | { ok: false; errors: string[] };

/** The result's rows as events in arrival order; problems name the column and the first bad row. */
export function eventsFrom(spec: StreamSpec, result: ResultSet): EventsRead {
  const cols = result.columns;
  const missing = [spec.eventTime, spec.arrival, spec.key, ...spec.aggregates.map((a) => a.column)]
    .filter((c): c is string => c !== undefined && !cols.includes(c));
  if (missing.length > 0) {
    const names = [...new Set(missing)];
    return { ok: false, errors: names.map((c) => `column '${c}' is not in ${spec.from}; its columns are ${cols.join(', ') || '(none)'}`) };
  }
  const at = (c: string): number => cols.indexOf(c);
  const ti = at(spec.eventTime);
  const ai = spec.arrival === undefined ? -1 : at(spec.arrival);
  const ki = spec.key === undefined ? -1 : at(spec.key);
  const staged: Array<{ order: number; eventTime: number; arrival: number | undefined; row: SqlValue[] }> = [];
  for (let r = 0; r < result.rows.length; r++) {
    const row = result.rows[r]!;
    const eventTime = parseTime(row[ti]!);
    if (eventTime === undefined) {
      return { ok: false, errors: [`row ${r + 1}: ${spec.eventTime} is ${JSON.stringify(plain(row[ti]!))}, not a time — use ISO text such as 2024-03-22T11:05:00Z, or seconds since 1970`] };
    }
    let arrival: number | undefined;
    if (ai >= 0) {
      const raw = row[ai]!;
      arrival = typeof raw === 'number' || typeof raw === 'bigint' ? Number(raw) : parseTime(raw);
      if (arrival === undefined) return { ok: false, errors: [`row ${r + 1}: ${spec.arrival} is ${JSON.stringify(plain(raw))}, neither an arrival number nor a time`] };
    }
    staged.push({ order: r, eventTime, arrival, row });
  }
  // An arrival column of times is the processing clock; an arrival number is only an order.
  const arrivalIsTime = ai >= 0 && result.rows.some((row) => typeof row[ai] === 'string');
  if (ai >= 0) staged.sort((a, b) => a.arrival! - b.arrival! || a.order - b.order);
  let clock = -Infinity;
  const events = staged.map((s, offset): StreamEvent => {
    // Without arrival times the clock is the newest event time seen: each event arrives as it happens, or late.
    clock = arrivalIsTime ? parseTime(s.row[ai]!)! : Math.max(clock, s.eventTime);
    const record: Record<string, Value> = {};
    cols.forEach((c, i) => (record[c] = plain(s.row[i]!)));
    return { offset, eventTime: s.eventTime, procTime: clock, key: ki >= 0 ? plain(s.row[ki]!) : null, row: record };
  });
  return { ok: true, events };
}

export interface TableOut {
  table: string;
  columns: ColumnDef[];
  rows: SqlValue[][];
}

/** The result table, the side table (late: side-table) and the state snapshot (state_table), as the cell writes them. */
export function outputTables(spec: StreamSpec, run: StreamRun, source: ResultSet): TableOut[] {
  const keyCol: ColumnDef[] = spec.key === undefined ? [] : [{ name: spec.key, type: '' }];
  const aggCols: ColumnDef[] = spec.aggregates.map((a) => ({ name: a.name, type: a.fn === 'count' || a.fn === 'count distinct' ? 'INTEGER' : '' }));
  const key = (v: Value): SqlValue[] => (spec.key === undefined ? [] : [v]);
  const out: TableOut[] = [
    {
      table: spec.into,
      columns: [
        { name: 'window_start', type: 'TEXT' },
        { name: 'window_end', type: 'TEXT' },
        ...keyCol,
        ...aggCols,
        { name: 'emitted_at', type: 'TEXT' },
        { name: 'revision', type: 'INTEGER' },
        { name: 'final', type: 'INTEGER' },
      ],
      rows: run.rows.map((r) => [formatTime(r.windowStart), formatTime(r.windowEnd), ...key(r.key), ...r.values, formatTime(r.emittedAt), r.revision, r.final ? 1 : 0]),
    },
  ];
  if (spec.lateTable !== undefined) {
    const byOffset = new Map(run.trace.map((t) => [t.offset, t]));
    out.push({
      table: spec.lateTable,
      columns: [{ name: 'arrival_offset', type: 'INTEGER' }, { name: 'watermark', type: 'TEXT' }, ...source.columns.map((c) => ({ name: c, type: '' as const }))],
      rows: run.tooLate.map((e) => [e.offset, formatTime(byOffset.get(e.offset)!.watermarkBefore), ...source.columns.map((c) => e.row[c] ?? null)]),
    });
  }
  if (spec.stateTable !== undefined) {
    out.push({
      table: spec.stateTable,
      columns: [{ name: 'window_start', type: 'TEXT' }, { name: 'window_end', type: 'TEXT' }, ...keyCol, ...aggCols, { name: 'fired', type: 'INTEGER' }],
      rows: run.state.map((w) => [formatTime(w.windowStart), formatTime(w.windowEnd), ...key(w.key), ...w.values, w.fired ? 1 : 0]),
    });
  }
  return out;
}
