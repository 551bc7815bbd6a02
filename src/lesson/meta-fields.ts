import { STAGES, type LessonMeta, type Stage } from './types';
import type { Problem } from './problem';
import { isKebabCase, toKebabCase } from './ids';
import { didYouMean } from './suggest';

// One entry per front-matter key: how to read it, whether it is required, and an
// example an author can copy. Messages name the fix, not just the fault.

/** A front-matter value with the lines an error about it should point at. */
export interface FieldInput {
  value: unknown;
  /** Line of the value (or of the key, when the value is empty). */
  line: number;
  /** Line of each list item, when the value is a list. */
  itemLines: readonly number[];
}

export type FieldResult<T> = { ok: true; value: T } | { ok: false; problems: Problem[] };

export interface FieldSpec<T> {
  required: boolean;
  /** A line the author can copy, e.g. "title: Counting trips". */
  example: string;
  read(input: FieldInput): FieldResult<T>;
}

export type MetaKey = keyof LessonMeta;

function describe(value: unknown): string {
  if (value === null || value === undefined) return 'empty';
  if (Array.isArray(value)) return 'a list';
  if (typeof value === 'object') return 'a map of keys';
  if (typeof value === 'boolean') return `true/false (${String(value)})`;
  if (typeof value === 'number') return `a number (${value})`;
  return 'text';
}

function fail<T>(line: number, message: string): FieldResult<T> {
  return { ok: false, problems: [{ line, message }] };
}

function readText(key: string, example: string, input: FieldInput): FieldResult<string> {
  const { value, line } = input;
  if (typeof value === 'string') {
    return value.trim() === '' ? fail(line, `${key} is empty — write ${example}`) : { ok: true, value };
  }
  if (value === null || value === undefined) return fail(line, `${key} is empty — write ${example}`);
  if (typeof value === 'number' || typeof value === 'boolean') {
    // YAML turned a bare word into a number or boolean; quotes keep it text.
    return fail(line, `${key} must be text, not ${describe(value)} — put the value in quotes, e.g. ${key}: "${String(value)}"`);
  }
  return fail(line, `${key} must be one line of text, not ${describe(value)} — write ${example}`);
}

function readTextList(key: string, example: string, input: FieldInput): FieldResult<string[]> {
  const { value, line, itemLines } = input;
  if (!Array.isArray(value)) {
    const hint = typeof value === 'string' ? `, even for one item: ${key}: [${value}]` : `, e.g. ${example}`;
    return fail(line, `${key} must be a list, not ${describe(value)} — write it as a YAML list${hint}`);
  }
  const problems: Problem[] = [];
  const items: string[] = [];
  value.forEach((item: unknown, index) => {
    const itemLine = itemLines[index] ?? line;
    if (typeof item === 'string' && item.trim() !== '') items.push(item);
    else if (typeof item === 'string' || item === null) {
      problems.push({ line: itemLine, message: `${key} item ${index + 1} is empty — write some text after the dash, or remove it` });
    } else {
      problems.push({
        line: itemLine,
        message: `${key} item ${index + 1} must be text, not ${describe(item)} — put it in quotes or write it as plain words`,
      });
    }
  });
  return problems.length > 0 ? { ok: false, problems } : { ok: true, value: items };
}

const STAGE_LIST = STAGES.join(', ');

type MetaValues = Required<LessonMeta>;

/** Written as a mapped type so that, for a generic key K, TypeScript knows the reader returns MetaValues[K]. */
type FieldTable = { [K in MetaKey]: FieldSpec<MetaValues[K]> };

export const META_FIELDS: FieldTable = {
  id: {
    required: true,
    example: 'id: first-look',
    read(input) {
      const text = readText('id', 'id: first-look', input);
      if (!text.ok || isKebabCase(text.value)) return text;
      return fail(
        input.line,
        `lesson id '${text.value}' is not kebab-case — use lowercase letters, digits and single hyphens, starting with a letter, e.g. id: ${toKebabCase(text.value, 'lesson')}`,
      );
    },
  },
  title: {
    required: true,
    example: 'title: Counting trips by city',
    read: (input) => readText('title', 'title: Counting trips by city', input),
  },
  stage: {
    required: true,
    example: `stage: ingestion (one of ${STAGE_LIST})`,
    read(input): FieldResult<Stage> {
      const text = readText('stage', `stage: ingestion (one of ${STAGE_LIST})`, input);
      if (!text.ok) return text;
      const stage = STAGES.find((s) => s === text.value);
      if (stage !== undefined) return { ok: true, value: stage };
      return fail(
        input.line,
        `unknown stage '${text.value}'${didYouMean(text.value, STAGES)} (stage is one of ${STAGE_LIST})`,
      );
    },
  },
  summary: {
    required: true,
    example: 'summary: One sentence on what the learner does in this lesson.',
    read: (input) => readText('summary', 'summary: One sentence on what the learner does in this lesson.', input),
  },
  datasets: {
    required: false,
    example: 'datasets: [trips, riders]',
    read: (input) => readTextList('datasets', 'datasets: [trips, riders]', input),
  },
  objectives: {
    required: true,
    example: 'objectives: [Count trips per city with GROUP BY]',
    read(input) {
      const list = readTextList('objectives', 'objectives: [Count trips per city with GROUP BY]', input);
      if (list.ok && list.value.length === 0) {
        return fail(input.line, 'objectives needs at least one item — list what the learner will be able to do, e.g. objectives: [Count trips per city with GROUP BY]');
      }
      return list;
    },
  },
  minutes: {
    required: false,
    example: 'minutes: 20',
    read(input) {
      const { value, line } = input;
      if (typeof value === 'number' && Number.isFinite(value) && value > 0) return { ok: true, value };
      if (typeof value === 'number') return fail(line, `minutes must be a positive number, not ${value} — e.g. minutes: 20, or remove the key`);
      const hint = typeof value === 'string' && Number(value) > 0 ? ` — drop the quotes: minutes: ${Number(value)}` : ' — e.g. minutes: 20, or remove the key';
      return fail(line, `minutes must be a positive number, not ${describe(value)}${hint}`);
    },
  },
};

export const META_KEYS = Object.keys(META_FIELDS) as MetaKey[];

export function isMetaKey(key: string): key is MetaKey {
  return Object.hasOwn(META_FIELDS, key);
}

/** Reads one field into `meta`; generic over the key so the reader and the slot agree in type. */
export function readField<K extends MetaKey>(key: K, input: FieldInput, meta: Partial<MetaValues>): Problem[] {
  const result = META_FIELDS[key].read(input);
  if (!result.ok) return result.problems;
  meta[key] = result.value;
  return [];
}
