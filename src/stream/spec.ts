// Reading a stream cell's YAML into a StreamSpec. Every problem carries the line
// of the spec it is on, so the lesson checker can point at file:line, and every
// message says how to fix it.
import { isMap, isScalar, LineCounter, parseDocument, type Node, type Pair } from 'yaml';
import { didYouMean } from '../lesson/suggest';
import { formatDuration, parseDuration } from './duration';
import {
  AGGREGATE_FUNCTIONS,
  LATE_POLICIES,
  type AggregateSpec,
  type LatePolicy,
  type SpecProblem,
  type StreamSpec,
  type TriggerSpec,
  type WindowSpec,
} from './types';

export type StreamSpecParse = { ok: true; spec: StreamSpec } | { ok: false; errors: SpecProblem[] };

export const STREAM_KEYS = [
  'from', 'where', 'event_time', 'arrival', 'key', 'window', 'aggregate', 'trigger',
  'watermark', 'allowed_lateness', 'late', 'into', 'late_table', 'state_table',
] as const;
const WINDOW_TYPES = ['tumbling', 'sliding', 'session'] as const;
const WINDOW_KEYS = ['type', 'size', 'slide', 'gap'] as const;
const TRIGGERS = ['each-event', 'every', 'once'] as const;
const EXAMPLE = 'from: arrivals, event_time: event_time, window: {type: tumbling, size: 15 min}, aggregate: {requests: count}, into: stream_counts';

interface Field {
  value: unknown;
  line: number;
  node: Node | null;
  /** Lines of the keys of a nested mapping (window: and aggregate: items). */
  subLines: Map<string, number>;
}

/** Parses the text of a stream cell into a spec, or every problem found (with its line). */
export function parseStreamSpec(text: string): StreamSpecParse {
  if (text.trim() === '') return fail(1, `the stream spec is empty — write at least from, event_time, window, aggregate and into, e.g. ${EXAMPLE}`);
  const counter = new LineCounter();
  const doc = parseDocument(text, { uniqueKeys: true, prettyErrors: true, lineCounter: counter });
  if (doc.errors.length > 0) {
    return {
      ok: false,
      errors: doc.errors.map((error) => {
        const line = error.linePos?.[0].line ?? 1;
        if (error.code === 'DUPLICATE_KEY') return { line, message: 'a key appears twice — keep one' };
        return { line, message: `${error.message.split('\n')[0]} — write one 'key: value' per line` };
      }),
    };
  }
  const root = doc.contents;
  if (!isMap(root)) return fail(1, `a stream spec is a list of 'key: value' lines, e.g. ${EXAMPLE}`);
  const lineOf = (node: Node | null | undefined, fallback = 1): number =>
    node?.range ? counter.linePos(node.range[0]).line : fallback;

  const js = doc.toJS() as Record<string, unknown>;
  const errors: SpecProblem[] = [];
  const fields = new Map<string, Field>();
  for (const pair of root.items as Pair<Node, Node | null>[]) {
    const name = isScalar(pair.key) ? String(pair.key.value) : String(pair.key);
    const line = lineOf(pair.key);
    if (!(STREAM_KEYS as readonly string[]).includes(name)) {
      errors.push({ line, message: `unknown key '${name}'${didYouMean(name, STREAM_KEYS)} (keys: ${STREAM_KEYS.join(', ')})` });
      continue;
    }
    const subLines = new Map<string, number>();
    if (isMap(pair.value)) {
      for (const item of pair.value.items as Pair<Node, Node | null>[]) {
        if (isScalar(item.key)) subLines.set(String(item.key.value), lineOf(item.key, line));
      }
    }
    fields.set(name, { value: js[name] ?? null, line, node: pair.value, subLines });
  }
  const r = new Reader(fields, errors);

  const from = r.name('from', 'a table name or the id of another cell', true);
  const where = r.text('where', 'a SQL condition, e.g. where: button = \'request_ride\'');
  const eventTime = r.name('event_time', 'the column holding when each event happened', true);
  const arrival = r.name('arrival', 'the column giving arrival order or arrival time');
  const key = r.name('key', 'the column to group by');
  const window = readWindow(r);
  const aggregates = readAggregates(r);
  const trigger = readTrigger(r);
  const watermarkDelayMs = readWatermark(r);
  const allowedLatenessMs = r.duration('allowed_lateness') ?? 0;
  const late = readLate(r, allowedLatenessMs);
  const into = r.name('into', 'the table the results are written to', true);
  const lateTable = r.name('late_table', 'the table too-late events are written to');
  const stateTable = r.name('state_table', 'the table the open windows are written to at the end of input');
  if (lateTable !== undefined && late !== 'side-table') {
    r.problem('late_table', `late_table is only written with late: side-table — remove it, or set late: side-table`);
  }

  if (errors.length > 0 || !from || !eventTime || !window || !aggregates || !trigger || watermarkDelayMs === undefined || !late || !into) {
    return { ok: false, errors: errors.sort((a, b) => a.line - b.line) };
  }
  const spec: StreamSpec = { from, eventTime, window, aggregates, trigger, watermarkDelayMs, allowedLatenessMs, late, into };
  if (where !== undefined) spec.where = where;
  if (arrival !== undefined) spec.arrival = arrival;
  if (key !== undefined) spec.key = key;
  if (late === 'side-table') spec.lateTable = lateTable ?? `${into}_late`;
  if (stateTable !== undefined) spec.stateTable = stateTable;
  const tables = [into, spec.lateTable, stateTable].filter((t): t is string => t !== undefined);
  if (new Set(tables.map((t) => t.toLowerCase())).size !== tables.length) {
    return fail(fields.get('into')!.line, `into, late_table and state_table must name different tables (${tables.join(', ')})`);
  }
  return { ok: true, spec };
}

function fail(line: number, message: string): StreamSpecParse {
  return { ok: false, errors: [{ line, message }] };
}

function kindOf(value: unknown): string {
  return Array.isArray(value) ? 'list' : value === null ? 'nothing' : typeof value === 'object' ? 'mapping' : typeof value;
}

/** Typed reads of the top-level fields, each reporting on its own line. */
class Reader {
  constructor(
    readonly fields: Map<string, Field>,
    readonly errors: SpecProblem[],
  ) {}

  has(key: string): boolean {
    return this.fields.has(key);
  }

  line(key: string): number {
    return this.fields.get(key)?.line ?? 1;
  }

  problem(key: string, message: string, sub?: string): void {
    const field = this.fields.get(key);
    const line = (sub !== undefined ? field?.subLines.get(sub) : undefined) ?? this.line(key);
    this.errors.push({ line, message });
  }

  missing(key: string, what: string, example: string): void {
    this.errors.push({ line: 1, message: `missing ${key} — add '${key}: ${example}' (${what})` });
  }

  raw(key: string): unknown {
    return this.fields.get(key)?.value;
  }

  text(key: string, what: string, required = false): string | undefined {
    const field = this.fields.get(key);
    if (!field || field.value === null || field.value === undefined) {
      if (required) this.missing(key, what, '…');
      else if (field) this.problem(key, `${key} is empty — write ${what}, or remove the line`);
      return undefined;
    }
    if (typeof field.value === 'number') return String(field.value);
    if (typeof field.value !== 'string') {
      this.problem(key, `${key} must be ${what} written as plain text, not a ${kindOf(field.value)}`);
      return undefined;
    }
    if (field.value.trim() === '') {
      this.problem(key, `${key} is empty — write ${what}, or remove the line`);
      return undefined;
    }
    return field.value.trim();
  }

  /** A table or column name: one word, as SQLite would take it unquoted. */
  name(key: string, what: string, required = false): string | undefined {
    const field = this.fields.get(key);
    if (required && !field) {
      this.missing(key, what, key === 'into' ? 'stream_counts' : key === 'from' ? 'arrivals' : 'event_time');
      return undefined;
    }
    const text = this.text(key, what);
    if (text === undefined) return undefined;
    if (!/^[A-Za-z_][A-Za-z0-9_-]*$/.test(text)) {
      this.problem(key, `${key} must be one name (${what}), got '${text}'`);
      return undefined;
    }
    return text;
  }

  duration(key: string, value: unknown = this.raw(key)): number | undefined {
    if (value === undefined) return undefined;
    const ms = typeof value === 'string' ? parseDuration(value) : undefined;
    if (ms === undefined) {
      this.problem(key, `${key} must be a duration with a unit, such as '5 min' or '30 s', not ${typeof value === 'string' ? `'${value}'` : `a ${kindOf(value)}`}`);
    }
    return ms;
  }
}

function readWindow(r: Reader): WindowSpec | undefined {
  const value = r.raw('window');
  if (value === undefined) {
    r.missing('window', 'tumbling size, sliding size + slide, or session gap', '{type: tumbling, size: 15 min}');
    return undefined;
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    r.problem('window', `window must be a mapping such as {type: tumbling, size: 15 min}, not a ${kindOf(value)}`);
    return undefined;
  }
  const w = value as Record<string, unknown>;
  for (const k of Object.keys(w)) {
    if (!(WINDOW_KEYS as readonly string[]).includes(k)) r.problem('window', `unknown window key '${k}'${didYouMean(k, WINDOW_KEYS)} (window keys: ${WINDOW_KEYS.join(', ')})`, k);
  }
  const type = String(w.type ?? '');
  if (!(WINDOW_TYPES as readonly string[]).includes(type)) {
    r.problem('window', w.type === undefined ? `window needs a type — one of ${WINDOW_TYPES.join(', ')}` : `unknown window type '${type}'${didYouMean(type, WINDOW_TYPES)} (types: ${WINDOW_TYPES.join(', ')})`);
    return undefined;
  }
  const need = (k: string): number | undefined => {
    if (w[k] === undefined) {
      r.problem('window', `a ${type} window needs ${k} — e.g. ${k}: ${k === 'slide' ? '5 min' : '15 min'}`);
      return undefined;
    }
    const ms = r.duration('window', w[k]);
    if (ms !== undefined && ms <= 0) r.problem('window', `window ${k} must be longer than 0`);
    return ms !== undefined && ms > 0 ? ms : undefined;
  };
  const refuse = (k: string, why: string): void => {
    if (w[k] !== undefined) r.problem('window', `a ${type} window takes no ${k} — ${why}`);
  };
  if (type === 'session') {
    refuse('size', 'a session lasts until a gap with no events; write gap: 10 min');
    refuse('slide', 'only sliding windows slide');
    const gapMs = need('gap');
    return gapMs === undefined ? undefined : { type: 'session', gapMs };
  }
  refuse('gap', 'only session windows have a gap');
  const sizeMs = need('size');
  if (type === 'tumbling') {
    refuse('slide', 'use type: sliding to make windows overlap');
    return sizeMs === undefined ? undefined : { type: 'tumbling', sizeMs };
  }
  const slideMs = need('slide');
  if (sizeMs === undefined || slideMs === undefined) return undefined;
  if (slideMs > sizeMs) {
    r.problem('window', `slide (${formatDuration(slideMs)}) is longer than size (${formatDuration(sizeMs)}), so some events would fall in no window — make slide at most size`);
    return undefined;
  }
  return { type: 'sliding', sizeMs, slideMs };
}

/** `name: count`, `name: sum(fare)`, `name: count distinct(rider)`, also `count(distinct rider)`. */
export function parseAggregate(name: string, text: string): AggregateSpec | string {
  const t = text.trim().toLowerCase().replace(/\s+/g, ' ');
  if (t === 'count' || t === 'count(*)' || t === 'count()') return { name, fn: 'count' };
  const m = /^(count distinct|count|sum|avg|min|max) ?\( ?(distinct )?([A-Za-z_][A-Za-z0-9_]*) ?\)$/i.exec(text.trim().replace(/\s+/g, ' '));
  if (!m) {
    const word = t.split(/[ (]/)[0] ?? t;
    return `aggregate ${name}: '${text}' is not one of ${AGGREGATE_FUNCTIONS.map((f) => (f === 'count' ? 'count' : `${f}(column)`)).join(', ')}${didYouMean(word, ['count', 'sum', 'avg', 'min', 'max'])}`;
  }
  const base = m[1]!.toLowerCase();
  const fn = base === 'count' && m[2] ? 'count distinct' : (base as AggregateSpec['fn']);
  return { name, fn, column: m[3]! };
}

function readAggregates(r: Reader): AggregateSpec[] | undefined {
  const value = r.raw('aggregate');
  if (value === undefined) {
    r.missing('aggregate', 'output names and count, sum(col), avg(col), min(col), max(col) or count distinct(col)', '{requests: count}');
    return undefined;
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value) || Object.keys(value).length === 0) {
    r.problem('aggregate', `aggregate must map output names to functions, e.g. aggregate: {requests: count, riders: count distinct(rider_id)}`);
    return undefined;
  }
  const out: AggregateSpec[] = [];
  for (const [name, expr] of Object.entries(value as Record<string, unknown>)) {
    if (typeof expr !== 'string') {
      r.problem('aggregate', `aggregate ${name} must be a function written as text, such as count or sum(fare), not a ${kindOf(expr)}`, name);
      continue;
    }
    const parsed = parseAggregate(name, expr);
    if (typeof parsed === 'string') r.problem('aggregate', parsed, name);
    else out.push(parsed);
  }
  return out.length === Object.keys(value).length ? out : undefined;
}

function readTrigger(r: Reader): TriggerSpec | undefined {
  const value = r.raw('trigger');
  if (value === undefined) return { type: 'each-event' };
  if (typeof value === 'object' && value !== null && !Array.isArray(value)) {
    const keys = Object.keys(value);
    if (keys.length === 1 && keys[0] === 'every') {
      const ms = r.duration('trigger', (value as Record<string, unknown>).every);
      return ms === undefined ? undefined : { type: 'every', everyMs: ms };
    }
  }
  if (typeof value === 'string') {
    const text = value.trim();
    if (text === 'each-event' || text === 'once') return { type: text };
    const every = /^every\s+(.+)$/.exec(text);
    if (every) {
      const ms = r.duration('trigger', every[1]);
      if (ms !== undefined && ms <= 0) r.problem('trigger', 'trigger every must be longer than 0');
      return ms === undefined || ms <= 0 ? undefined : { type: 'every', everyMs: ms };
    }
    r.problem('trigger', `unknown trigger '${text}'${didYouMean(text, TRIGGERS)} — use each-event (a stream), every 5 min (micro-batches) or once (a batch)`);
    return undefined;
  }
  r.problem('trigger', `trigger must be each-event, every 5 min or once, not a ${kindOf(value)}`);
  return undefined;
}

function readWatermark(r: Reader): number | undefined {
  const value = r.raw('watermark');
  if (value === undefined) return 0;
  if (typeof value === 'object' && value !== null && !Array.isArray(value)) {
    const delay = (value as Record<string, unknown>).delay;
    const extra = Object.keys(value).filter((k) => k !== 'delay');
    if (extra.length > 0 || delay === undefined) {
      r.problem('watermark', `watermark takes one key, delay (the watermark is the newest event time seen minus delay), e.g. watermark: {delay: 5 min}`);
      return undefined;
    }
    return r.duration('watermark', delay);
  }
  return r.duration('watermark', value);
}

function readLate(r: Reader, allowedLatenessMs: number): LatePolicy | undefined {
  const value = r.raw('late');
  const text = value === undefined ? 'drop' : String(value).trim();
  if (!(LATE_POLICIES as readonly string[]).includes(text)) {
    r.problem('late', `unknown late policy '${text}'${didYouMean(text, LATE_POLICIES)} — use drop, side-table or update`);
    return undefined;
  }
  const late = text as LatePolicy;
  if (late === 'drop' && allowedLatenessMs > 0) {
    r.problem('allowed_lateness', `with late: drop an event for a window that has fired is dropped at once, so allowed_lateness does nothing — use late: update (revise) or late: side-table, or remove allowed_lateness`);
  }
  if (late === 'update' && allowedLatenessMs === 0 && r.has('late')) {
    r.problem('late', `late: update revises a window for events that arrive within allowed_lateness after it fired — add allowed_lateness, e.g. allowed_lateness: 10 min`);
  }
  return late;
}
