// Reads a pipeline cell's YAML into a PipelineSpec. Every problem carries the
// 1-based line of the spec it is about and says how to fix it; the lesson
// parser adds the fence's file line, so authors get file:line errors.
import { LineCounter, isMap, isScalar, isSeq, parseDocument, type Node, type YAMLMap } from 'yaml';
import { stringify } from 'yaml';
import { readChecks } from '../lesson/checks';
import { didYouMean } from '../lesson/suggest';
import type { DataTestCheck } from '../lesson/types';
import { dayStart, isDay, parseDuration, parseTimeOfDay } from './dates';
import type { BackfillMode, FailureRule, PartitionedTable, PipelineAction, PipelineSpec, TaskKind, TaskSpec } from './types';

export interface SpecProblem {
  /** 1-based line in the spec text. */
  line: number;
  message: string;
}

export type PipelineParse = { ok: true; spec: PipelineSpec } | { ok: false; errors: SpecProblem[] };

const TOP_KEYS = ['schedule', 'at', 'start', 'end', 'catchup', 'turned_on', 'tasks', 'failures', 'then'] as const;
const TASK_KEYS = ['id', 'kind', 'sql', 'sql_from', 'test', 'after', 'retries', 'retry_delay', 'timeout', 'poke_interval', 'duration', 'writes'] as const;
const FAILURE_KEYS = ['task', 'dates', 'probability', 'seed', 'until_try', 'message'] as const;
const KINDS: readonly TaskKind[] = ['sql', 'sensor', 'check'];
const DATA_TESTS = ['unique', 'not_null', 'accepted_values', 'relationships', 'row_count', 'no_rows'];
const ACTIONS = ['backfill', 'clear', 'trigger'];
const TASK_ID = /^[A-Za-z_][A-Za-z0-9_]*$/;

interface Entry {
  key: string;
  value: Node | null;
  line: number;
}

/** Parses the text of a pipeline cell into a spec, or every problem found. */
export function parsePipelineSpec(text: string): PipelineParse {
  const counter = new LineCounter();
  const doc = parseDocument(text, { lineCounter: counter, uniqueKeys: true, prettyErrors: false });
  const lines = text.split('\n').length;
  const lineAt = (offset: number): number => Math.min(lines, counter.linePos(offset).line);
  const lineOf = (node: unknown, fallback: number): number => {
    const range = (node as Node | null)?.range;
    return range ? lineAt(range[0]) : fallback;
  };
  if (doc.errors.length > 0) {
    return {
      ok: false,
      errors: doc.errors.map((e) => ({
        line: lineAt(e.pos[0]),
        message: e.code === 'DUPLICATE_KEY' ? 'a key appears twice — keep one' : `not valid YAML (${e.message.split('\n')[0]}) — check the indentation`,
      })),
    };
  }
  const errors: SpecProblem[] = [];
  const err = (line: number, message: string): void => void errors.push({ line, message });
  const root = doc.contents;
  if (!isMap(root)) {
    return { ok: false, errors: [{ line: 1, message: 'a pipeline spec is a YAML mapping — start with lines such as start: 2024-04-15, end: 2024-04-21 and tasks:' }] };
  }

  const entries = (map: YAMLMap, allowed: readonly string[], what: string): Map<string, Entry> => {
    const out = new Map<string, Entry>();
    for (const pair of map.items) {
      const key = isScalar(pair.key) ? String(pair.key.value) : '';
      const line = lineOf(pair.key, 1);
      if (!allowed.includes(key)) {
        err(line, `unknown key '${key}' in ${what}${didYouMean(key, allowed)} (keys: ${allowed.join(', ')})`);
        continue;
      }
      out.set(key, { key, value: (pair.value as Node | null) ?? null, line });
    }
    return out;
  };
  const scalar = (e: Entry | undefined): unknown => (e?.value && isScalar(e.value) ? e.value.value : e?.value ? (e.value as Node).toJSON() : undefined);
  const readDay = (e: Entry | undefined, name: string): string | undefined => {
    if (e === undefined) return undefined;
    const v = String(scalar(e) ?? '').trim();
    if (!isDay(v)) {
      err(lineOf(e.value, e.line), `${name} '${v}' is not a date — write it as YYYY-MM-DD, e.g. ${name}: 2024-04-15`);
      return undefined;
    }
    return v;
  };
  const readMinutes = (e: Entry | undefined, name: string, example: string): number | undefined => {
    if (e === undefined) return undefined;
    const v = parseDuration(scalar(e));
    if (v === undefined) err(lineOf(e.value, e.line), `${name} must be a duration such as ${example} (minutes, or with s/m/h)`);
    return v;
  };
  const readCount = (e: Entry | undefined, name: string, min: number): number | undefined => {
    if (e === undefined) return undefined;
    const v = scalar(e);
    if (typeof v !== 'number' || !Number.isInteger(v) || v < min || v > 100) {
      err(lineOf(e.value, e.line), `${name} must be a whole number from ${min} to 100`);
      return undefined;
    }
    return v;
  };
  const readNames = (e: Entry | undefined): { names: string[]; lines: number[] } => {
    if (e === undefined || e.value === null) return { names: [], lines: [] };
    if (isSeq(e.value)) {
      const items = e.value.items as Node[];
      return { names: items.map((n) => String(isScalar(n) ? n.value : '')), lines: items.map((n) => lineOf(n, e.line)) };
    }
    return { names: [String(scalar(e))], lines: [lineOf(e.value, e.line)] };
  };

  const top = entries(root, TOP_KEYS, 'the pipeline');
  // schedule: daily, or 'daily at 02:00'
  let at = 0;
  const schedule = top.get('schedule');
  if (schedule !== undefined) {
    const m = /^daily(?:\s+at\s+(.+))?$/.exec(String(scalar(schedule)).trim());
    if (!m) err(schedule.line, `schedule '${String(scalar(schedule))}' is not supported — write schedule: daily, or schedule: daily at 02:00 (one run per day)`);
    else if (m[1] !== undefined) {
      const t = parseTimeOfDay(m[1]);
      if (t === undefined) err(schedule.line, `'${m[1]}' is not a time of day — write HH:MM, e.g. daily at 02:00`);
      else at = t;
    }
  }
  const atEntry = top.get('at');
  if (atEntry !== undefined) {
    const t = parseTimeOfDay(scalar(atEntry));
    if (t === undefined) err(atEntry.line, `at must be a time of day as HH:MM, e.g. at: "02:00"`);
    else at = t;
  }
  const start = readDay(top.get('start'), 'start');
  const end = readDay(top.get('end'), 'end');
  if (!top.has('start')) err(1, 'missing start — add start: YYYY-MM-DD, the first day the pipeline processes');
  if (!top.has('end')) err(1, 'missing end — add end: YYYY-MM-DD, the last day the schedule runs');
  if (start !== undefined && end !== undefined && end < start) err(top.get('end')!.line, `end ${end} is before start ${start} — swap them`);
  const turnedOn = readDay(top.get('turned_on'), 'turned_on');
  if (turnedOn !== undefined && start !== undefined && turnedOn < start) err(top.get('turned_on')!.line, `turned_on ${turnedOn} is before start ${start} — a pipeline is switched on at or after its start`);
  let catchup = true;
  const catchupEntry = top.get('catchup');
  if (catchupEntry !== undefined) {
    const v = scalar(catchupEntry);
    if (typeof v !== 'boolean') err(catchupEntry.line, 'catchup must be true or false');
    else catchup = v;
  }

  // Tasks
  const tasks: TaskSpec[] = [];
  const tasksEntry = top.get('tasks');
  if (tasksEntry === undefined || !isSeq(tasksEntry.value) || tasksEntry.value.items.length === 0) {
    err(tasksEntry?.line ?? 1, 'a pipeline needs tasks — add tasks: with a list of items such as - id: clean, sql: …');
  } else {
    for (const item of tasksEntry.value.items as Node[]) {
      const line = lineOf(item, tasksEntry.line);
      if (!isMap(item)) {
        err(line, 'each task is a mapping with at least id and sql (or test for a check, or kind: sensor)');
        continue;
      }
      const t = entries(item, TASK_KEYS, 'a task');
      const id = String(scalar(t.get('id')) ?? '');
      if (!t.has('id')) err(line, 'a task has no id — add id: some_name');
      else if (!TASK_ID.test(id)) err(t.get('id')!.line, `task id '${id}' must be letters, digits and _ (it becomes a Python name in the Airflow export)`);
      else if (tasks.some((x) => x.id === id)) err(t.get('id')!.line, `task id '${id}' is used twice — give each task its own id`);
      const kindText = t.has('kind') ? String(scalar(t.get('kind'))) : t.has('test') ? 'check' : 'sql';
      let kind: TaskKind = 'sql';
      if (!(KINDS as readonly string[]).includes(kindText)) err(t.get('kind')!.line, `unknown task kind '${kindText}'${didYouMean(kindText, KINDS)} (kinds: ${KINDS.join(', ')})`);
      else kind = kindText as TaskKind;
      const sqlValue = scalar(t.get('sql'));
      const sql = typeof sqlValue === 'string' ? sqlValue.trim() : '';
      const sqlFrom = t.has('sql_from') ? String(scalar(t.get('sql_from'))) : undefined;
      if (t.has('sql') && sqlFrom !== undefined) err(t.get('sql_from')!.line, 'use either sql (written here) or sql_from (the id of a cell whose SQL to run), not both');
      if (t.has('sql') && sql === '') err(t.get('sql')!.line, 'sql is empty — write the statements, e.g. sql: | followed by indented SQL');
      let check: DataTestCheck | undefined;
      if (kind === 'check') {
        const testEntry = t.get('test');
        if (testEntry === undefined) err(line, `a check task needs test: — one data test such as test: {unique: {table: daily_city_metrics, columns: [day, city]}}`);
        else check = readTest(testEntry, (l, m) => err(l, m));
      } else if (t.has('test')) err(t.get('test')!.line, `test belongs to a check task — add kind: check or remove test`);
      if (kind !== 'check' && !t.has('sql') && sqlFrom === undefined) {
        err(line, kind === 'sensor' ? 'a sensor needs sql: the query that returns a row once the data has arrived' : `task '${id}' has no sql — add sql: (or sql_from: a cell id)`);
      }
      const after = readNames(t.get('after'));
      const writes: PartitionedTable[] = [];
      const writesEntry = t.get('writes');
      if (writesEntry?.value && isSeq(writesEntry.value)) {
        for (const w of writesEntry.value.items as Node[]) {
          if (isScalar(w)) writes.push({ table: String(w.value), column: 'day' });
          else if (isMap(w)) {
            const we = entries(w, ['table', 'column'], 'a written table');
            const table = scalar(we.get('table'));
            if (typeof table !== 'string') err(lineOf(w, writesEntry.line), 'a written table needs table: name (and optionally column: its day column)');
            else writes.push({ table, column: String(scalar(we.get('column')) ?? 'day') });
          }
        }
      } else if (writesEntry?.value && isScalar(writesEntry.value)) writes.push({ table: String(writesEntry.value.value), column: 'day' });
      if (writes.length > 0 && kind !== 'sql') err(writesEntry!.line, `a ${kind} task only reads — writes belongs to sql tasks`);
      const pokeInterval = readMinutes(t.get('poke_interval'), 'poke_interval', '30m') ?? 30;
      if (t.has('poke_interval') && kind !== 'sensor') err(t.get('poke_interval')!.line, 'poke_interval belongs to a sensor — add kind: sensor or remove it');
      if (pokeInterval <= 0) err(t.get('poke_interval')!.line, 'poke_interval must be more than 0');
      const timeout = readMinutes(t.get('timeout'), 'timeout', '2h');
      tasks.push({
        id,
        kind,
        sql,
        ...(sqlFrom !== undefined ? { sqlFrom } : {}),
        ...(check ? { check } : {}),
        after: after.names,
        retries: readCount(t.get('retries'), 'retries', 0) ?? 0,
        retryDelay: readMinutes(t.get('retry_delay'), 'retry_delay', '5m') ?? 5,
        ...(timeout !== undefined ? { timeout } : kind === 'sensor' ? { timeout: 6 * 60 } : {}),
        pokeInterval,
        ...(t.has('duration') ? { duration: readMinutes(t.get('duration'), 'duration', '10m') ?? 1 } : {}),
        writes,
        line,
      });
      (tasks.at(-1) as TaskSpec & { afterLines?: number[] }).afterLines = after.lines;
    }
  }

  // Dependencies: known names, no cycles.
  const ids = tasks.map((t) => t.id);
  for (const task of tasks) {
    const afterLines = (task as TaskSpec & { afterLines?: number[] }).afterLines ?? [];
    delete (task as TaskSpec & { afterLines?: number[] }).afterLines;
    task.after.forEach((up, i) => {
      if (up === task.id) err(afterLines[i] ?? task.line, `task '${task.id}' cannot run after itself — remove it from after`);
      else if (!ids.includes(up)) err(afterLines[i] ?? task.line, `task '${task.id}' runs after '${up}', which is no task here${didYouMean(up, ids)} (tasks: ${ids.join(', ')})`);
    });
  }
  const cycle = findCycle(tasks);
  if (cycle) err(tasks.find((t) => t.id === cycle[0])!.line, `the tasks depend on each other in a circle: ${cycle.join(' → ')} — a pipeline is a DAG, remove one of these after: entries`);

  const failures = readFailures(top.get('failures'), ids, { entries, scalar, lineOf, readNames, err });
  const then = readActions(top.get('then'), ids, { entries, scalar, lineOf, readNames, err });

  if (errors.length > 0 || start === undefined || end === undefined) {
    return { ok: false, errors: errors.sort((a, b) => a.line - b.line) };
  }
  return { ok: true, spec: { at, start, end, catchup, turnedOn: turnedOn ?? start, tasks, failures, then } };

  function readTest(entry: Entry, report: (line: number, message: string) => void): DataTestCheck | undefined {
    const value = entry.value?.toJSON() as unknown;
    const kindName = value && typeof value === 'object' && !Array.isArray(value) ? Object.keys(value)[0] : typeof value === 'string' ? value : undefined;
    if (kindName === undefined || !DATA_TESTS.includes(kindName)) {
      report(entry.line, `test must be one data test: ${DATA_TESTS.join(', ')}${kindName ? didYouMean(kindName, DATA_TESTS) : ''}, e.g. test: {not_null: {table: clean_trips, column: city}}`);
      return undefined;
    }
    const parsed = readChecks(stringify([value]), entry.line, entry.line);
    for (const p of parsed.problems) report(entry.line, p.message);
    return parsed.checks[0] as DataTestCheck | undefined;
  }
}

interface Helpers {
  entries: (map: YAMLMap, allowed: readonly string[], what: string) => Map<string, Entry>;
  scalar: (e: Entry | undefined) => unknown;
  lineOf: (node: unknown, fallback: number) => number;
  readNames: (e: Entry | undefined) => { names: string[]; lines: number[] };
  err: (line: number, message: string) => void;
}

function readFailures(entry: Entry | undefined, ids: string[], h: Helpers): FailureRule[] {
  if (entry === undefined) return [];
  if (!isSeq(entry.value)) {
    h.err(entry.line, 'failures is a list — each item names a task and when it fails, e.g. - {task: clean, dates: [2024-04-17]}');
    return [];
  }
  const out: FailureRule[] = [];
  for (const item of entry.value.items as Node[]) {
    const line = h.lineOf(item, entry.line);
    if (!isMap(item)) {
      h.err(line, 'each failure is a mapping such as {task: clean, dates: [2024-04-17], until_try: 2}');
      continue;
    }
    const f = h.entries(item, FAILURE_KEYS, 'a failure');
    const task = String(h.scalar(f.get('task')) ?? '');
    if (!f.has('task')) h.err(line, 'a failure needs task: the id of the task that fails');
    else if (!ids.includes(task)) h.err(f.get('task')!.line, `failure names task '${task}', which is no task here${didYouMean(task, ids)}`);
    const dates = f.has('dates') ? h.readNames(f.get('dates')) : undefined;
    dates?.names.forEach((d, i) => {
      if (!isDay(d)) h.err(dates.lines[i]!, `'${d}' is not a date — write YYYY-MM-DD`);
    });
    const p = h.scalar(f.get('probability'));
    if (f.has('probability') && (typeof p !== 'number' || p < 0 || p > 1)) h.err(f.get('probability')!.line, 'probability must be a number from 0 to 1, e.g. 0.2');
    const seed = h.scalar(f.get('seed'));
    if (f.has('seed') && (typeof seed !== 'number' || !Number.isInteger(seed))) h.err(f.get('seed')!.line, 'seed must be a whole number');
    const until = h.scalar(f.get('until_try'));
    if (f.has('until_try') && (typeof until !== 'number' || !Number.isInteger(until) || until < 2)) h.err(f.get('until_try')!.line, 'until_try must be a whole number from 2: the try that finally succeeds');
    const message = h.scalar(f.get('message'));
    out.push({
      task,
      ...(dates ? { dates: dates.names } : {}),
      ...(typeof p === 'number' ? { probability: p } : {}),
      seed: typeof seed === 'number' ? seed : 1,
      ...(typeof until === 'number' ? { untilTry: until } : {}),
      message: typeof message === 'string' ? message : 'injected failure (for teaching)',
      line,
    });
  }
  return out;
}

function readActions(entry: Entry | undefined, ids: string[], h: Helpers): PipelineAction[] {
  if (entry === undefined) return [];
  if (!isSeq(entry.value)) {
    h.err(entry.line, 'then is a list of actions after the schedule: - backfill: {start, end, only}, - clear: {task, ds, downstream}, - trigger: YYYY-MM-DD');
    return [];
  }
  const out: PipelineAction[] = [];
  for (const item of entry.value.items as Node[]) {
    const line = h.lineOf(item, entry.line);
    if (!isMap(item) || item.items.length !== 1) {
      h.err(line, `each action is one of ${ACTIONS.join(', ')}, e.g. - backfill: {start: 2024-04-15, end: 2024-04-21, only: missing}`);
      continue;
    }
    const e = h.entries(item, ACTIONS, 'then');
    const day = (value: unknown, name: string): string => {
      const v = String(value ?? '');
      if (!isDay(v)) h.err(line, `${name} '${v}' is not a date — write YYYY-MM-DD`);
      return v;
    };
    const trigger = e.get('trigger');
    if (trigger) out.push({ kind: 'trigger', ds: day(h.scalar(trigger), 'trigger'), line });
    for (const name of ['backfill', 'clear'] as const) {
      const a = e.get(name);
      if (!a) continue;
      if (!a.value || !isMap(a.value)) {
        h.err(line, name === 'backfill' ? 'backfill: {start: YYYY-MM-DD, end: YYYY-MM-DD, only: missing | all}' : 'clear: {task: id, ds: YYYY-MM-DD, downstream: true}');
        continue;
      }
      const o = h.entries(a.value, name === 'backfill' ? ['start', 'end', 'only'] : ['task', 'ds', 'downstream'], name);
      if (name === 'backfill') {
        const only = String(h.scalar(o.get('only')) ?? 'missing');
        if (only !== 'missing' && only !== 'all') h.err(line, `only must be missing (missing and failed partitions) or all`);
        const start = day(h.scalar(o.get('start')), 'start');
        const end = day(h.scalar(o.get('end')), 'end');
        if (dayStart(start) !== undefined && dayStart(end) !== undefined && end < start) h.err(line, `backfill end ${end} is before start ${start}`);
        out.push({ kind: 'backfill', start, end, mode: only as BackfillMode, line });
      } else {
        const task = String(h.scalar(o.get('task')) ?? '');
        if (!ids.includes(task)) h.err(line, `clear names task '${task}', which is no task here${didYouMean(task, ids)}`);
        out.push({ kind: 'clear', task, ds: day(h.scalar(o.get('ds')), 'ds'), downstream: h.scalar(o.get('downstream')) === true, line });
      }
    }
  }
  return out;
}

/** A dependency cycle as task ids, first repeated at the end (a → b → a), or undefined. */
export function findCycle(tasks: readonly Pick<TaskSpec, 'id' | 'after'>[]): string[] | undefined {
  const byId = new Map(tasks.map((t) => [t.id, t]));
  const state = new Map<string, 'open' | 'done'>();
  const path: string[] = [];
  const visit = (id: string): string[] | undefined => {
    if (state.get(id) === 'done') return undefined;
    if (state.get(id) === 'open') return [...path.slice(path.indexOf(id)), id];
    state.set(id, 'open');
    path.push(id);
    for (const up of byId.get(id)?.after ?? []) {
      if (!byId.has(up)) continue;
      const found = visit(up);
      if (found) return found;
    }
    path.pop();
    state.set(id, 'done');
    return undefined;
  };
  for (const t of tasks) {
    const found = visit(t.id);
    if (found) return found.reverse();
  }
  return undefined;
}

/** Task ids in an order where each comes after everything in its `after` (stable: spec order breaks ties). */
export function topoOrder(tasks: readonly Pick<TaskSpec, 'id' | 'after'>[]): string[] {
  const done = new Set<string>();
  const out: string[] = [];
  while (out.length < tasks.length) {
    const next = tasks.find((t) => !done.has(t.id) && t.after.every((u) => done.has(u)));
    if (!next) break;
    done.add(next.id);
    out.push(next.id);
  }
  return out;
}
