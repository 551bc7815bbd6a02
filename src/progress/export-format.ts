// The export file, version 1 (see docs/progress.md, "Export format"): writing it,
// and reading it back with every field checked before anything is imported.
import { progressMessages } from './messages';
import { cellKey } from './records';
import type { Records } from './changes';
import type { ExerciseProgress, ImportProblem, SavedEdit, Timestamp } from './types';

export const EXPORT_FORMAT = 'de-workbench-progress';
export const EXPORT_VERSION = 1;
/** Larger files are refused before parsing (characters of JSON text). */
export const IMPORT_MAX_CHARS = 50 * 1024 * 1024;
export const MAX_ID_LENGTH = 200;
export const MAX_CODE_LENGTH = 1_000_000;
/** Problems listed after a failed import; the rest are counted. */
const MAX_PROBLEMS = 50;

export interface EditJson {
  lessonId: string;
  cellId: string;
  code: string;
  original: string;
  /** ISO 8601, e.g. 2025-03-01T12:00:00.000Z */
  createdAt: string;
  updatedAt: string;
}

export interface ExerciseJson {
  lessonId: string;
  cellId: string;
  attempts: number;
  passed: boolean;
  passedAt: string | null;
  hintsRevealed: number;
  solutionSeen: boolean;
  solutionSeenAt: string | null;
  createdAt: string;
  updatedAt: string;
}

export interface ProgressFileV1 {
  format: typeof EXPORT_FORMAT;
  version: typeof EXPORT_VERSION;
  exportedAt: string;
  edits: EditJson[];
  exercises: ExerciseJson[];
}

const iso = (t: Timestamp): string => new Date(t).toISOString();
const isoOrNull = (t: Timestamp | null): string | null => (t === null ? null : iso(t));
const byKey = (a: { lessonId: string; cellId: string }, b: { lessonId: string; cellId: string }): number =>
  a.lessonId < b.lessonId ? -1 : a.lessonId > b.lessonId ? 1 : a.cellId < b.cellId ? -1 : a.cellId > b.cellId ? 1 : 0;

export function toProgressFile(records: Records, now: Timestamp): ProgressFileV1 {
  return {
    format: EXPORT_FORMAT,
    version: EXPORT_VERSION,
    exportedAt: iso(now),
    edits: [...records.edits.values()].sort(byKey).map((e) => ({
      lessonId: e.lessonId,
      cellId: e.cellId,
      code: e.code,
      original: e.original,
      createdAt: iso(e.createdAt),
      updatedAt: iso(e.updatedAt),
    })),
    exercises: [...records.exercises.values()].sort(byKey).map((x) => ({
      lessonId: x.lessonId,
      cellId: x.cellId,
      attempts: x.attempts,
      passed: x.passed,
      passedAt: isoOrNull(x.passedAt),
      hintsRevealed: x.hintsRevealed,
      solutionSeen: x.solutionSeen,
      solutionSeenAt: isoOrNull(x.solutionSeenAt),
      createdAt: iso(x.createdAt),
      updatedAt: iso(x.updatedAt),
    })),
  };
}

export function serializeProgress(records: Records, now: Timestamp): string {
  return JSON.stringify(toProgressFile(records, now), null, 2) + '\n';
}

/** de-workbench-progress-2025-03-01.json, by the UTC date of `now`. */
export function exportFileName(now: Timestamp): string {
  return `${EXPORT_FORMAT}-${iso(now).slice(0, 10)}.json`;
}

export type ParsedProgressFile =
  | { ok: true; edits: SavedEdit[]; exercises: ExerciseProgress[] }
  | { ok: false; message: string; problems: ImportProblem[] };

/** Reads an export file; any problem rejects the whole file, with every problem listed. */
export function parseProgressFile(text: string): ParsedProgressFile {
  const p = progressMessages.importProblems;
  if (text.length > IMPORT_MAX_CHARS) return reject([{ path: '', message: p.tooLarge(text.length, IMPORT_MAX_CHARS) }], 0);
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (error) {
    const detail = error instanceof Error ? error.message : String(error);
    return reject([{ path: '', message: p.notJson(detail) }], 0);
  }
  if (!isObject(data)) return reject([{ path: '', message: p.notObject(describe(data)) }], 0);
  if (!('format' in data)) return reject([{ path: 'format', message: p.noFormat }], 0);
  if (data.format !== EXPORT_FORMAT) return reject([{ path: 'format', message: p.foreignFormat(describe(data.format)) }], 0);
  if (data.version !== EXPORT_VERSION) {
    const v = data.version;
    const message = typeof v === 'number' && Number.isInteger(v) && v > EXPORT_VERSION ? p.newerVersion(v) : p.badVersion(describe(v));
    return reject([{ path: 'version', message }], 0);
  }

  const checker = new Checker();
  const edits = checker.list(data, 'edits', readEdit);
  const exercises = checker.list(data, 'exercises', readExercise);
  if (checker.problems.length > 0 || checker.dropped > 0) return reject(checker.problems, checker.dropped);
  return { ok: true, edits, exercises };
}

function reject(problems: ImportProblem[], dropped: number): ParsedProgressFile {
  const first = problems[0];
  const firstText = first.path === '' ? first.message : `${first.path}: ${first.message}`;
  return { ok: false, message: progressMessages.importRejected(firstText, problems.length - 1 + dropped), problems };
}

type Json = Record<string, unknown>;

const isObject = (v: unknown): v is Json => typeof v === 'object' && v !== null && !Array.isArray(v);

/** A found value, phrased for a message: `a number (42)`, `"yesterday"`, `null`. */
export function describe(value: unknown): string {
  if (value === undefined) return 'nothing (the field is missing)';
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'a list';
  if (typeof value === 'string') return value.length > 40 ? `${JSON.stringify(value.slice(0, 40))}…` : JSON.stringify(value);
  if (typeof value === 'number') return `the number ${value}`;
  if (typeof value === 'boolean') return String(value);
  return 'an object';
}

const ISO_DATE = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,9})?)?(Z|[+-]\d{2}:\d{2})$/;

/** One record's fields, each read with its own check; problems name the field. */
class FieldReader {
  constructor(
    private readonly record: Json,
    private readonly where: string,
    private readonly checker: Checker,
  ) {}

  private problem(field: string, expected: string): void {
    this.checker.add(`${this.where}.${field}`, progressMessages.importProblems.field(field, expected, describe(this.record[field])));
  }

  id(field: string): string {
    const v = this.record[field];
    if (typeof v === 'string' && v.length > 0 && v.length <= MAX_ID_LENGTH) return v;
    this.problem(field, `text of 1 to ${MAX_ID_LENGTH} characters`);
    return '';
  }

  text(field: string): string {
    const v = this.record[field];
    if (typeof v === 'string' && v.length <= MAX_CODE_LENGTH) return v;
    this.problem(field, `text of at most ${MAX_CODE_LENGTH.toLocaleString('en-US')} characters`);
    return '';
  }

  count(field: string): number {
    const v = this.record[field];
    if (typeof v === 'number' && Number.isInteger(v) && v >= 0 && v <= 1_000_000_000) return v;
    this.problem(field, 'a whole number, 0 or more');
    return 0;
  }

  /** null when the field is not a boolean (already reported). */
  flag(field: string): boolean | null {
    const v = this.record[field];
    if (typeof v === 'boolean') return v;
    this.problem(field, 'true or false');
    return null;
  }

  date(field: string): Timestamp {
    const v = this.record[field];
    if (typeof v === 'string' && ISO_DATE.test(v)) {
      const t = Date.parse(v);
      if (Number.isFinite(t)) return t;
    }
    this.problem(field, 'a date such as "2025-03-01T12:00:00.000Z"');
    return 0;
  }

  /** A date when `flag` is true, null when it is false. */
  dateIf(field: string, flag: string, value: boolean | null): Timestamp | null {
    if (value === null) return null;
    const v = this.record[field];
    if (value ? v === null || v === undefined : v !== null) {
      this.checker.add(`${this.where}.${field}`, progressMessages.importProblems.inconsistent(field, flag, value));
      return null;
    }
    return value ? this.date(field) : null;
  }
}

class Checker {
  readonly problems: ImportProblem[] = [];
  dropped = 0;

  add(path: string, message: string): void {
    if (this.problems.length < MAX_PROBLEMS) this.problems.push({ path, message });
    else this.dropped++;
  }

  list<T extends { lessonId: string; cellId: string }>(data: Json, field: string, read: (r: FieldReader) => T): T[] {
    const list = data[field];
    if (!Array.isArray(list)) {
      this.add(field, progressMessages.importProblems.notList(field, describe(list)));
      return [];
    }
    const out: T[] = [];
    const seen = new Map<string, string>();
    list.forEach((item: unknown, index) => {
      const where = `${field}[${index}]`;
      if (!isObject(item)) {
        this.add(where, progressMessages.importProblems.notRecord(describe(item)));
        return;
      }
      const before = this.problems.length + this.dropped;
      const record = read(new FieldReader(item, where, this));
      if (this.problems.length + this.dropped > before) return;
      const key = cellKey(record.lessonId, record.cellId);
      const first = seen.get(key);
      if (first !== undefined) {
        this.add(where, progressMessages.importProblems.duplicate(record.lessonId, record.cellId, first));
        return;
      }
      seen.set(key, where);
      out.push(record);
    });
    return out;
  }
}

function readEdit(r: FieldReader): SavedEdit {
  return {
    lessonId: r.id('lessonId'),
    cellId: r.id('cellId'),
    code: r.text('code'),
    original: r.text('original'),
    createdAt: r.date('createdAt'),
    updatedAt: r.date('updatedAt'),
  };
}

function readExercise(r: FieldReader): ExerciseProgress {
  const passed = r.flag('passed');
  const solutionSeen = r.flag('solutionSeen');
  return {
    lessonId: r.id('lessonId'),
    cellId: r.id('cellId'),
    attempts: r.count('attempts'),
    passed: passed ?? false,
    passedAt: r.dateIf('passedAt', 'passed', passed),
    hintsRevealed: r.count('hintsRevealed'),
    solutionSeen: solutionSeen ?? false,
    solutionSeenAt: r.dateIf('solutionSeenAt', 'solutionSeen', solutionSeen),
    createdAt: r.date('createdAt'),
    updatedAt: r.date('updatedAt'),
  };
}
