import { LineCounter, isMap, isScalar, isSeq, parseDocument, type Document, type Node, type Pair } from 'yaml';
import { DEFAULT_COMPARE_OPTIONS, PIPELINE_PARTITION_STATUSES, PIPELINE_TI_STATES, type CompareOptions, type ExerciseCheck, type ExerciseCheckKind, type PipelineStateCheck } from './types';
import type { Problem } from './problem';
import { closest } from './suggest';

// Reads the body of a ```yaml checks for=x fence: a YAML list with one check
// per item, `- kind` or `- kind: {options}`. Everything is validated here, so
// the notebook can trust an ExerciseCheck; every problem carries the file line
// of the item, option or value it is about.

type OptionType =
  | { type: 'enum'; values: readonly string[] }
  | { type: 'number'; integer: boolean }
  | { type: 'boolean' }
  /** A table or column name. */
  | { type: 'name' }
  /** A name or a list of names; `of` says which, for messages (columns when unset). */
  | { type: 'names'; of?: 'table' }
  /** A non-empty list of text or numbers. */
  | { type: 'values' }
  | { type: 'text' };

interface KindSpec {
  options: Readonly<Record<string, OptionType>>;
  /** Each group must be given; a group of several names means "one of them". */
  required: ReadonlyArray<readonly string[]>;
  /** What a scalar written after the kind means (`- table: city_totals`). */
  shorthand?: string;
  example: string;
}

const COMPARE: Readonly<Record<string, OptionType>> = {
  order: { type: 'enum', values: ['any', 'exact'] },
  columns: { type: 'enum', values: ['exact', 'ignore-case', 'position'] },
  column_order: { type: 'enum', values: ['any', 'exact'] },
  tolerance: { type: 'number', integer: false },
  relative_tolerance: { type: 'number', integer: false },
  extra_columns: { type: 'boolean' },
  key: { type: 'names' },
};

const NAME: OptionType = { type: 'name' };
const TEXT: OptionType = { type: 'text' };

export const CHECK_KINDS: { readonly [K in ExerciseCheckKind]: KindSpec } = {
  result: { options: COMPARE, required: [], example: '- result: {order: exact, tolerance: 0.01}' },
  table: { options: { name: NAME, ...COMPARE }, required: [['name']], shorthand: 'name', example: '- table: {name: city_totals}' },
  unique: {
    options: { table: NAME, column: NAME, columns: { type: 'names' }, message: TEXT },
    required: [['table'], ['column', 'columns']],
    example: '- unique: {table: trips, column: trip_id}',
  },
  not_null: {
    options: { table: NAME, column: NAME, columns: { type: 'names' }, message: TEXT },
    required: [['table'], ['column', 'columns']],
    example: '- not_null: {table: trips, column: rider_id}',
  },
  accepted_values: {
    options: { table: NAME, column: NAME, values: { type: 'values' }, message: TEXT },
    required: [['table'], ['column'], ['values']],
    example: '- accepted_values: {table: trips, column: status, values: [completed, cancelled]}',
  },
  relationships: {
    options: { table: NAME, column: NAME, to: NAME, field: NAME, message: TEXT },
    required: [['table'], ['column'], ['to'], ['field']],
    example: '- relationships: {table: trips, column: rider_id, to: riders, field: rider_id}',
  },
  row_count: {
    options: { table: NAME, min: { type: 'number', integer: true }, max: { type: 'number', integer: true }, message: TEXT },
    required: [['table'], ['min', 'max']],
    example: '- row_count: {table: city_totals, min: 1, max: 20}',
  },
  no_rows: {
    options: { sql: TEXT, message: TEXT },
    required: [['sql']],
    shorthand: 'sql',
    example: '- no_rows: {sql: "SELECT * FROM trips WHERE fare < 0", message: Fares are never negative.}',
  },
  idempotent: {
    options: { tables: { type: 'names', of: 'table' }, message: TEXT },
    required: [['tables']],
    shorthand: 'tables',
    example: '- idempotent: {tables: [daily_city_metrics]}',
  },
  reads: {
    options: { only: { type: 'names', of: 'table' }, message: TEXT },
    required: [['only']],
    shorthand: 'only',
    example: '- reads: {only: [daily_city_metrics], message: Answer from the mart only.}',
  },
  variant: {
    options: { off: TEXT, setup: TEXT },
    required: [['off', 'setup']],
    example: '- variant: {off: the task counts the defects planted in this very file}',
  },
  pipeline_state: {
    options: {
      task: NAME,
      table: NAME,
      state: { type: 'enum', values: PIPELINE_TI_STATES },
      partitions: { type: 'enum', values: PIPELINE_PARTITION_STATUSES },
      tries: { type: 'number', integer: true },
      rows: { type: 'number', integer: true },
      ds: TEXT,
      from: TEXT,
      to: TEXT,
      message: TEXT,
    },
    required: [['task', 'table'], ['ds', 'from']],
    example: '- pipeline_state: {task: clean_trips, state: success, from: 2024-04-15, to: 2024-04-21}',
  },
};

const DAY = /^\d{4}-\d{2}-\d{2}$/;

/** What the option table cannot say about a pipeline_state check. */
function pipelineStateProblems(values: Map<string, unknown>, raw: Map<string, RawOption>, line: number): Problem[] {
  const problems: Problem[] = [];
  const has = (k: string): boolean => values.has(k);
  if (has('task') && has('table')) problems.push({ line, message: 'pipeline_state checks a task (with state or tries) or a table (with partitions or rows), not both' });
  if (has('task') && !has('state') && !has('tries')) problems.push({ line, message: 'pipeline_state on a task needs state: (success, failed, …) or tries: N' });
  if (has('table') && !has('partitions') && !has('rows')) problems.push({ line, message: 'pipeline_state on a table needs partitions: materialized | failed | missing (or rows: N)' });
  if (has('task') && (has('partitions') || has('rows'))) problems.push({ line, message: 'partitions and rows belong to a table — write table: name instead of task:' });
  if (has('table') && (has('state') || has('tries'))) problems.push({ line, message: 'state and tries belong to a task — write task: id instead of table:' });
  if (has('ds') && (has('from') || has('to'))) problems.push({ line, message: 'give ds (one day) or from and to (a range), not both' });
  if (has('from') !== has('to') && !has('ds')) problems.push({ line, message: 'a range needs both from and to' });
  for (const k of ['ds', 'from', 'to']) {
    const v = values.get(k);
    const d = typeof v === 'string' ? new Date(`${v}T00:00:00Z`) : undefined;
    if (typeof v === 'string' && (!DAY.test(v) || Number.isNaN(d!.getTime()) || d!.toISOString().slice(0, 10) !== v)) {
      problems.push({ line: raw.get(k)?.valueLine ?? line, message: `${k} '${v}' is not a date — write YYYY-MM-DD` });
    }
  }
  return problems;
}

const KINDS = Object.keys(CHECK_KINDS) as ExerciseCheckKind[];

function isKind(word: string): word is ExerciseCheckKind {
  return Object.hasOwn(CHECK_KINDS, word);
}

export interface ChecksResult {
  checks: ExerciseCheck[];
  problems: Problem[];
}

/** An option as written: its value and the lines to point at. */
interface RawOption {
  value: unknown;
  keyLine: number;
  valueLine: number;
  /** Lines of list items, when the value is a list. */
  itemLines: number[];
}

/**
 * `text` is the fence's content; `firstLine` the file line of its first line
 * and `fenceLine` the file line of the opening fence.
 */
export function readChecks(text: string, firstLine: number, fenceLine: number): ChecksResult {
  const empty = `this checks fence has no checks — list at least one, e.g. - result (see docs/lesson-format.md, "Checks")`;
  if (text.trim() === '') return { checks: [], problems: [{ line: fenceLine, message: empty }] };

  const lineCounter = new LineCounter();
  const doc = parseDocument(text, { lineCounter, prettyErrors: false });
  const lastLine = firstLine + text.split('\n').length - 1;
  const lineAt = (offset: number): number => Math.min(lastLine, firstLine + lineCounter.linePos(offset).line - 1);
  const lineOf = (node: unknown, fallback: number): number =>
    isNode(node) && node.range ? lineAt(node.range[0]) : fallback;

  if (doc.errors.length > 0) {
    const problems: Problem[] = [];
    for (const error of doc.errors) {
      const line = lineAt(error.pos[0]);
      if (problems.some((p) => p.line === line)) continue;
      const message =
        error.code === 'DUPLICATE_KEY'
          ? `an option is given twice in this check — keep one`
          : error.code === 'TAB_AS_INDENT'
            ? 'checks are indented with a tab — YAML needs spaces'
            : `checks are not valid YAML (${error.message.split('\n')[0]}) — check the indentation, and quote SQL that contains ': ' or starts with one of [ { & * ! | > ' " % @ \``;
      problems.push({ line, message });
    }
    return { checks: [], problems };
  }

  const contents = doc.contents;
  if (contents === null || (isScalar(contents) && contents.value === null)) {
    return { checks: [], problems: [{ line: fenceLine, message: empty }] };
  }
  if (!isSeq(contents)) {
    return {
      checks: [],
      problems: [{ line: lineOf(contents, firstLine), message: 'checks must be a YAML list, one check per "- " line, e.g. - result' }],
    };
  }

  const checks: ExerciseCheck[] = [];
  const problems: Problem[] = [];
  let resultLine: number | undefined;
  for (const item of contents.items) {
    const line = lineOf(item, firstLine);
    const parsed = readItem(doc, item, line, lineOf);
    problems.push(...parsed.problems);
    if (parsed.check === undefined) continue;
    if (parsed.check.kind === 'result') {
      if (resultLine !== undefined) {
        problems.push({ line, message: `there is already a result check at line ${resultLine} — keep one and put all its options there` });
        continue;
      }
      resultLine = line;
    }
    checks.push(parsed.check);
  }
  return { checks, problems };
}

interface ItemResult {
  check?: ExerciseCheck;
  problems: Problem[];
}

function readItem(doc: Document, item: unknown, line: number, lineOf: (node: unknown, fallback: number) => number): ItemResult {
  const shape = `each check is a kind with its options, e.g. ${CHECK_KINDS.unique.example}`;
  let kindWord: string;
  let kindLine = line;
  let optionsNode: unknown = null;
  if (isScalar(item) && typeof item.value === 'string') {
    kindWord = item.value;
  } else if (isMap(item) && item.items.length === 1) {
    const pair = item.items[0]!;
    if (!isScalar(pair.key) || typeof pair.key.value !== 'string') return fail(line, shape);
    kindWord = pair.key.value;
    kindLine = lineOf(pair.key, line);
    optionsNode = pair.value;
  } else if (isMap(item) && item.items.length > 1) {
    const keys = item.items.map((p) => (isScalar(p.key) ? String(p.key.value) : '?'));
    const first = keys[0] ?? '';
    const firstValue = item.items[0]?.value;
    if (isKind(first) && (firstValue == null || (isScalar(firstValue) && firstValue.value === null))) {
      return fail(line, `this check has the keys ${keys.join(', ')} side by side — indent the options under '${first}:' by two more spaces, or write ${CHECK_KINDS[first].example}`);
    }
    return fail(line, `one check per list item — this item has the keys ${keys.join(', ')}; start each check with its own "- " (${shape})`);
  } else {
    return fail(line, shape);
  }

  if (!isKind(kindWord)) {
    const meant = closest(kindWord, KINDS);
    const hint = meant === undefined ? '' : ` — did you mean '${meant}'?`;
    return fail(kindLine, `unknown check '${kindWord}'${hint} (checks: ${KINDS.join(', ')})`);
  }
  const kind = kindWord;
  const spec = CHECK_KINDS[kind];

  // Collect the options as written.
  const raw = new Map<string, RawOption>();
  const problems: Problem[] = [];
  if (isMap(optionsNode)) {
    for (const pair of optionsNode.items) {
      const key = isScalar(pair.key) ? pair.key.value : undefined;
      const keyLine = lineOf(pair.key, kindLine);
      if (typeof key !== 'string') {
        problems.push({ line: keyLine, message: `options of ${kind} are plain names (${Object.keys(spec.options).join(', ')})` });
        continue;
      }
      raw.set(key, rawOption(doc, pair, keyLine, lineOf));
    }
  } else if (isScalar(optionsNode) && optionsNode.value !== null) {
    if (spec.shorthand === undefined) {
      return fail(kindLine, `the options of ${kind} are a map — write ${spec.example}`);
    }
    const fake = { value: toJs(doc, optionsNode), keyLine: kindLine, valueLine: lineOf(optionsNode, kindLine), itemLines: [] };
    raw.set(spec.shorthand, fake);
  } else if (isSeq(optionsNode)) {
    return fail(kindLine, `the options of ${kind} are a map, not a list — write ${spec.example}`);
  }

  const known = Object.keys(spec.options);
  for (const [name, option] of raw) {
    if (Object.hasOwn(spec.options, name)) continue;
    const meant = closest(name, known);
    const hint = meant === undefined ? '' : ` — did you mean '${meant}'?`;
    problems.push({ line: option.keyLine, message: `unknown option '${name}' for ${kind}${hint} (${kind} options: ${known.join(', ')})` });
    raw.delete(name);
  }

  const values = new Map<string, unknown>();
  for (const [name, option] of raw) {
    const type = spec.options[name]!;
    const read = readOption(name, type, option);
    if (read.ok) values.set(name, read.value);
    else problems.push(...read.problems);
  }

  for (const group of spec.required) {
    const given = group.filter((name) => raw.has(name));
    if (given.length === 0) {
      const names = group.length === 1 ? group[0] : group.join(' or ');
      problems.push({ line: kindLine, message: `${kind} needs ${names} — e.g. ${spec.example}` });
    } else if (group.length === 2 && group[0] === 'column' && given.length === 2) {
      problems.push({ line: kindLine, message: `${kind} takes column or columns, not both — keep one` });
    }
  }
  const min = values.get('min');
  const max = values.get('max');
  if (typeof min === 'number' && typeof max === 'number' && min > max) {
    problems.push({ line: raw.get('min')!.valueLine, message: `min (${min}) is larger than max (${max}) — swap them` });
  }

  if (kind === 'pipeline_state' && problems.length === 0) problems.push(...pipelineStateProblems(values, raw, kindLine));
  if (problems.length > 0) return { problems };
  return { check: build(kind, kindLine, values), problems };
}

function fail(line: number, message: string): ItemResult {
  return { problems: [{ line, message }] };
}

function rawOption(doc: Document, pair: Pair, keyLine: number, lineOf: (node: unknown, fallback: number) => number): RawOption {
  const node = pair.value;
  const itemLines = isSeq(node) ? node.items.map((item) => lineOf(item, keyLine)) : [];
  return { value: toJs(doc, node), keyLine, valueLine: lineOf(node, keyLine), itemLines };
}

function toJs(doc: Document, node: unknown): unknown {
  if (!isNode(node)) return null;
  try {
    return node.toJS(doc);
  } catch {
    // toJS throws on alias bombs and unresolved aliases; the parser must not.
    return null;
  }
}

function isNode(value: unknown): value is Node {
  return isScalar(value) || isSeq(value) || isMap(value);
}

type OptionResult = { ok: true; value: unknown } | { ok: false; problems: Problem[] };

function describe(value: unknown): string {
  if (value === null || value === undefined) return 'empty';
  if (Array.isArray(value)) return 'a list';
  if (typeof value === 'object') return 'a map';
  if (typeof value === 'string') return `'${value}'`;
  return String(value);
}

function readOption(name: string, type: OptionType, option: RawOption): OptionResult {
  const { value, valueLine } = option;
  const bad = (message: string): OptionResult => ({ ok: false, problems: [{ line: valueLine, message }] });
  switch (type.type) {
    case 'enum':
      if (typeof value === 'string' && type.values.includes(value)) return { ok: true, value };
      return bad(`${name} must be one of ${type.values.join(', ')}, not ${describe(value)}${typeof value === 'string' ? didYouMean(value, type.values) : ''}`);
    case 'number': {
      const whole = type.integer ? 'a whole number' : 'a number';
      if (typeof value === 'number' && Number.isFinite(value) && value >= 0 && (!type.integer || Number.isInteger(value))) {
        return { ok: true, value };
      }
      const unquote = typeof value === 'string' && Number(value) >= 0 ? ` — drop the quotes: ${name}: ${Number(value)}` : '';
      return bad(`${name} must be ${whole} of 0 or more, not ${describe(value)}${unquote}`);
    }
    case 'boolean':
      if (typeof value === 'boolean') return { ok: true, value };
      return bad(`${name} must be true or false, not ${describe(value)}`);
    case 'name':
      if (typeof value === 'string' && value.trim() !== '') return { ok: true, value };
      if (typeof value === 'number') return bad(`${name} must be a name, not a number — quote it: ${name}: "${value}"`);
      return bad(`${name} must be a name (text), not ${describe(value)}`);
    case 'names': {
      if (typeof value === 'string' && value.trim() !== '') return { ok: true, value: [value] };
      if (Array.isArray(value) && value.length > 0 && value.every((v) => typeof v === 'string' && v.trim() !== '')) {
        return { ok: true, value };
      }
      const example = type.of === 'table' ? '[trips, riders]' : '[city, day]';
      return bad(`${name} must be a ${type.of ?? 'column'} name or a list of them, e.g. ${name}: ${example}, not ${describe(value)}`);
    }
    case 'values': {
      if (!Array.isArray(value) || value.length === 0) {
        return bad(`${name} must be a list of the accepted values, e.g. ${name}: [completed, cancelled], not ${describe(value)}`);
      }
      const problems: Problem[] = [];
      value.forEach((item: unknown, index) => {
        if (typeof item === 'string' || (typeof item === 'number' && Number.isFinite(item))) return;
        const line = option.itemLines[index] ?? valueLine;
        const fix = typeof item === 'boolean' || item === null ? ` — quote it: "${String(item)}"` : '';
        problems.push({ line, message: `${name} item ${index + 1} must be text or a number, not ${describe(item)}${fix}` });
      });
      return problems.length > 0 ? { ok: false, problems } : { ok: true, value };
    }
    case 'text':
      if (typeof value === 'string' && value.trim() !== '') return { ok: true, value };
      return bad(`${name} must be text, not ${describe(value)}`);
    default:
      return type satisfies never;
  }
}

function didYouMean(word: string, candidates: readonly string[]): string {
  const meant = closest(word, candidates);
  return meant === undefined || meant === word ? '' : ` — did you mean '${meant}'?`;
}

// Readers for values that readOption has already validated.
const text = (values: Map<string, unknown>, name: string): string => {
  const value = values.get(name);
  return typeof value === 'string' ? value : '';
};
const optionalText = (values: Map<string, unknown>, name: string): string | undefined => {
  const value = values.get(name);
  return typeof value === 'string' ? value : undefined;
};
const names = (values: Map<string, unknown>, ...keys: string[]): string[] => {
  for (const key of keys) {
    const value = values.get(key);
    if (typeof value === 'string') return [value];
    if (Array.isArray(value)) return value.filter((v): v is string => typeof v === 'string');
  }
  return [];
};
const optionalNumber = (values: Map<string, unknown>, name: string): number | undefined => {
  const value = values.get(name);
  return typeof value === 'number' ? value : undefined;
};

function compareOptions(values: Map<string, unknown>): CompareOptions {
  const d = DEFAULT_COMPARE_OPTIONS;
  const pick = <T extends string>(name: string, fallback: T): T => (values.get(name) as T | undefined) ?? fallback;
  const extra = values.get('extra_columns');
  return {
    order: pick('order', d.order),
    columns: pick('columns', d.columns),
    columnOrder: pick('column_order', d.columnOrder),
    tolerance: optionalNumber(values, 'tolerance') ?? d.tolerance,
    relativeTolerance: optionalNumber(values, 'relative_tolerance') ?? d.relativeTolerance,
    extraColumns: typeof extra === 'boolean' ? extra : d.extraColumns,
    key: values.has('key') ? names(values, 'key') : [...d.key],
  };
}

function withMessage<T extends object>(check: T, values: Map<string, unknown>): T & { message?: string } {
  const message = optionalText(values, 'message');
  return message === undefined ? check : { ...check, message };
}

function build(kind: ExerciseCheckKind, line: number, values: Map<string, unknown>): ExerciseCheck {
  switch (kind) {
    case 'result':
      return { kind, line, ...compareOptions(values) };
    case 'table':
      return { kind, line, table: text(values, 'name'), ...compareOptions(values) };
    case 'unique':
    case 'not_null':
      return withMessage({ kind, line, table: text(values, 'table'), columns: names(values, 'column', 'columns') }, values);
    case 'accepted_values': {
      const list = values.get('values');
      const accepted = Array.isArray(list) ? list.filter((v): v is string | number => typeof v === 'string' || typeof v === 'number') : [];
      return withMessage({ kind, line, table: text(values, 'table'), column: text(values, 'column'), values: accepted }, values);
    }
    case 'relationships':
      return withMessage(
        { kind, line, table: text(values, 'table'), column: text(values, 'column'), to: text(values, 'to'), field: text(values, 'field') },
        values,
      );
    case 'row_count': {
      const check: ExerciseCheck = { kind, line, table: text(values, 'table') };
      const min = optionalNumber(values, 'min');
      const max = optionalNumber(values, 'max');
      if (min !== undefined) check.min = min;
      if (max !== undefined) check.max = max;
      return withMessage(check, values);
    }
    case 'no_rows':
      return withMessage({ kind, line, sql: text(values, 'sql') }, values);
    case 'idempotent':
      // A table listed twice would be compared twice and reported twice.
      return withMessage({ kind, line, tables: [...new Set(names(values, 'tables'))] }, values);
    case 'reads':
      return withMessage({ kind, line, only: [...new Set(names(values, 'only'))] }, values);
    case 'variant':
      return {
        kind,
        line,
        ...(values.has('off') ? { off: text(values, 'off') } : {}),
        ...(values.has('setup') ? { setup: text(values, 'setup') } : {}),
      };
    case 'pipeline_state': {
      const check: PipelineStateCheck = { kind, line, from: text(values, values.has('ds') ? 'ds' : 'from'), to: text(values, values.has('ds') ? 'ds' : 'to') };
      for (const k of ['task', 'table', 'state', 'partitions'] as const) {
        const v = optionalText(values, k);
        if (v !== undefined) (check as unknown as Record<string, string>)[k] = v;
      }
      const tries = optionalNumber(values, 'tries');
      const rows = optionalNumber(values, 'rows');
      if (tries !== undefined) check.tries = tries;
      if (rows !== undefined) check.rows = rows;
      return withMessage(check, values);
    }
    default:
      return kind satisfies never;
  }
}
