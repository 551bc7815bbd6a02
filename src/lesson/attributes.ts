import { CELL_LANGUAGES, type CellAttrs, type CellLanguage } from './types';
import { cellIdProblem, isKebabCase, toKebabCase } from './ids';
import { didYouMean } from './suggest';

// The info string of a fence is `language key=value key="quoted value" flag ...`.
// Parsing it is separate from deciding what is allowed, so a new cell kind (e.g.
// exercises with `exercise`, `solution`, `for=...`) is a new row in CELL_ATTRIBUTES,
// not a change to the tokenizer.

export interface Attribute {
  key: string;
  /** The value of `key=value` (quotes removed), or true for a bare flag. */
  value: string | true;
}

export interface InfoString {
  /** The first word of the info string, e.g. "sql"; "" when the fence has none. */
  language: string;
  attributes: Attribute[];
  /** Syntax problems in the attributes, as messages ready for an author. */
  problems: string[];
}

const KEY = /^[A-Za-z][\w-]*$/;

const isSpace = (ch: string | undefined): boolean => ch !== undefined && /\s/.test(ch);

/** Reads a quoted value starting after the opening quote; a backslash escapes the next character. */
function readQuoted(text: string, start: number, quote: string): { value: string; end: number; closed: boolean } {
  let value = '';
  let pos = start;
  while (pos < text.length) {
    const ch = text[pos];
    if (ch === quote) return { value, end: pos + 1, closed: true };
    if (ch === '\\' && pos + 1 < text.length) {
      value += text[pos + 1];
      pos += 2;
    } else {
      value += ch;
      pos++;
    }
  }
  return { value, end: pos, closed: false };
}

export function parseInfoString(info: string): InfoString {
  const trimmed = info.trim();
  const space = trimmed.search(/\s/);
  const first = space === -1 ? trimmed : trimmed.slice(0, space);
  // "``` id=x" has attributes but no language; the first word is then an attribute.
  const language = /[="']/.test(first) ? '' : first;
  const rest = language === '' ? trimmed : trimmed.slice(first.length);
  const attributes: Attribute[] = [];
  const problems: string[] = [];
  const add = (key: string, value: string | true): void => {
    if (!KEY.test(key)) {
      const token = value === true ? key : `${key}=…`;
      problems.push(`'${token}' is not an attribute — write key=value pairs or bare flags after the language, e.g. id=some-name static`);
    } else if (attributes.some((a) => a.key === key)) {
      problems.push(`attribute '${key}' is given twice — keep one`);
    } else {
      attributes.push({ key, value });
    }
  };

  let pos = 0;
  while (pos < rest.length) {
    if (isSpace(rest[pos])) {
      pos++;
      continue;
    }
    const keyStart = pos;
    while (pos < rest.length && !isSpace(rest[pos]) && rest[pos] !== '=') pos++;
    const key = rest.slice(keyStart, pos);
    if (rest[pos] !== '=') {
      add(key, true);
      continue;
    }
    pos++;
    const quote = rest[pos];
    if (quote === '"' || quote === "'") {
      const quoted = readQuoted(rest, pos + 1, quote);
      pos = quoted.end;
      // The value read so far is kept either way, so the fence is not also reported as having no id.
      add(key, quoted.value);
      if (!quoted.closed) {
        problems.push(`attribute '${key}' opens a ${quote} quote but never closes it — add ${quote} at the end of the value`);
      } else if (pos < rest.length && !isSpace(rest[pos])) {
        problems.push(`attribute '${key}' has text right after its closing quote — put a space between attributes`);
        while (pos < rest.length && !isSpace(rest[pos])) pos++;
      }
      continue;
    }
    const valueStart = pos;
    while (pos < rest.length && !isSpace(rest[pos])) pos++;
    const value = rest.slice(valueStart, pos);
    if (value === '') {
      problems.push(`attribute '${key}=' has no value — write ${key}=some-value, or ${key}="" for an empty one`);
    } else {
      add(key, value);
    }
  }
  return { language, attributes, problems };
}

export function toAttrs(attributes: readonly Attribute[]): CellAttrs {
  const attrs: CellAttrs = {};
  for (const { key, value } of attributes) attrs[key] = value;
  return attrs;
}

export function isCellLanguage(language: string): language is CellLanguage {
  return (CELL_LANGUAGES as readonly string[]).includes(language);
}

export type AttributeSpec =
  | { kind: 'flag'; purpose: string }
  | {
      kind: 'value';
      purpose: string;
      /** Shown in messages as the form to write, e.g. "id=some-name". */
      example: string;
      /** Why a value is wrong, phrased as a fix; undefined when it is fine. */
      check?: (value: string) => string | undefined;
    };

const ID: AttributeSpec = {
  kind: 'value',
  purpose: 'names the cell; unique in the lesson and stable, because saved work is keyed by it',
  example: 'id=some-name',
  check: cellIdProblem,
};

const STATIC: AttributeSpec = {
  kind: 'flag',
  purpose: 'keeps the block as a code example in the prose instead of a runnable cell',
};

const EXERCISE: AttributeSpec = {
  kind: 'flag',
  purpose: 'makes the cell an exercise: its code is the starter, and companion fences give the solution, checks and hints',
};

const SOLUTION: AttributeSpec = {
  kind: 'flag',
  purpose: 'holds the hidden solution of the exercise named by for=; never shown as prose',
};

const FOR: AttributeSpec = {
  kind: 'value',
  purpose: 'names the exercise this companion fence (solution, checks, hint) belongs to',
  example: 'for=exercise-id',
  check(value) {
    if (cellIdProblem(value) === undefined) return undefined;
    if (!isKebabCase(value)) {
      return `for=${value} cannot name an exercise: exercise ids are kebab-case — write for=${toKebabCase(value, 'exercise')} (the id of the exercise's fence)`;
    }
    return `for=${value} names a prose cell (md-<number>), not an exercise — write the id of the exercise's fence`;
  },
};

const CHECKS: AttributeSpec = {
  kind: 'flag',
  purpose: 'holds the checks of the exercise named by for=, as a YAML list',
};

const TIMEOUT: AttributeSpec = {
  kind: 'value',
  purpose: 'the time limit of a js cell in seconds (default 10); the run is stopped after it',
  example: 'timeout=30',
  check(value) {
    const seconds = Number(value);
    if (Number.isFinite(seconds) && seconds > 0 && seconds <= 600) return undefined;
    return `timeout=${value} is not a time limit — write a number of seconds between 1 and 600, e.g. timeout=30`;
  },
};

/** Which attributes each cell language accepts. */
export const CELL_ATTRIBUTES: { readonly [K in CellLanguage]: Readonly<Record<string, AttributeSpec>> } = {
  sql: { id: ID, static: STATIC, exercise: EXERCISE, solution: SOLUTION, for: FOR },
  js: { id: ID, static: STATIC, exercise: EXERCISE, solution: SOLUTION, for: FOR, timeout: TIMEOUT },
  chart: { id: ID, static: STATIC },
  stream: { id: ID, static: STATIC },
  pipeline: { id: ID, static: STATIC, exercise: EXERCISE, solution: SOLUTION, for: FOR },
};

/**
 * Fences in languages that are no cell language but belong to an exercise:
 * ```yaml checks for=x (when it has `checks` or `for`) and ```hint for=x.
 */
export const COMPANION_LANGUAGES = ['yaml', 'hint'] as const;
export type CompanionLanguage = (typeof COMPANION_LANGUAGES)[number];

export const COMPANION_ATTRIBUTES: { readonly [K in CompanionLanguage]: Readonly<Record<string, AttributeSpec>> } = {
  yaml: { checks: CHECKS, for: FOR },
  hint: { for: FOR },
};

export type AttributeTable = Readonly<Record<string, AttributeSpec>>;

/**
 * On a fence without an id, a lone unknown word that is no typo of a known
 * attribute is most often the id written without "id=" (```sql top-cities).
 * On a companion fence (`solution`, `checks`, `hint`) it is the exercise id
 * written without "for=". Returns the word and the key it most likely lacks.
 */
export function bareValueGuess(
  table: AttributeTable,
  attributes: readonly Attribute[],
): { word: string; key: 'id' | 'for' } | undefined {
  const companion = attributes.some((a) => a.key === 'solution') || !Object.hasOwn(table, 'id');
  const key = companion ? 'for' : 'id';
  if (!Object.hasOwn(table, key) || attributes.some((a) => a.key === key)) return undefined;
  const known = Object.keys(table);
  const word = attributes.find(
    ({ key: k, value }) =>
      value === true && !Object.hasOwn(table, k) && didYouMean(k, known) === '' && cellIdProblem(k) === undefined,
  )?.key;
  return word === undefined ? undefined : { word, key };
}

export function bareIdGuess(language: CellLanguage, attributes: readonly Attribute[]): string | undefined {
  const guess = bareValueGuess(CELL_ATTRIBUTES[language], attributes);
  return guess?.key === 'id' ? guess.word : undefined;
}

/** Problems with attributes that parse but are not allowed or not valid for `language`. */
export function checkAttributes(language: CellLanguage, attributes: readonly Attribute[]): string[] {
  return checkAgainst(CELL_ATTRIBUTES[language], language, attributes);
}

/** The same for a companion fence (```yaml checks, ```hint). */
export function checkCompanionAttributes(language: CompanionLanguage, attributes: readonly Attribute[]): string[] {
  return checkAgainst(COMPANION_ATTRIBUTES[language], language, attributes);
}

function checkAgainst(table: AttributeTable, language: string, attributes: readonly Attribute[]): string[] {
  const known = Object.keys(table);
  const guess = bareValueGuess(table, attributes);
  const problems: string[] = [];
  for (const { key, value } of attributes) {
    // hasOwn, so that names like 'constructor' are not found on Object.prototype.
    const spec = Object.hasOwn(table, key) ? table[key] : undefined;
    if (spec === undefined) {
      const hint = key === guess?.word ? ` — did you mean ${guess.key}=${key}?` : didYouMean(key, known);
      problems.push(`unknown attribute '${key}' on a ${language} fence${hint} (${language} fences accept: ${known.join(', ')})`);
    } else if (spec.kind === 'flag' && value !== true) {
      problems.push(`'${key}' is a flag and takes no value — write just ${key}`);
    } else if (spec.kind === 'value' && value === true) {
      problems.push(`'${key}' needs a value — write ${spec.example}`);
    } else if (spec.kind === 'value' && typeof value === 'string' && spec.check) {
      const problem = spec.check(value);
      if (problem !== undefined) problems.push(problem);
    }
  }
  return problems;
}
