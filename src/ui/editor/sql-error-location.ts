// Where in a cell's code an SQLite error points, and a "did you mean" for a
// misspelt table or column. SQLite (through sql.js) gives the failing
// statement's number and a message that often names a token (`near ")":
// syntax error`, `no such column: cty`); this finds that token in that
// statement with the editor's light tokenizer. Pure: runs in Node.
import type { SchemaInfo } from '../../sql/schema';
import { tokenize, type Token } from './sql-tokens';

export interface SqlErrorLocation {
  /** 1-based line and columns in the cell's code, as the editor counts them. */
  line: number;
  startColumn: number;
  endColumn: number;
  /** The token the message named, when it names one. */
  token?: string;
}

/** The tokens of each statement, without comments and without empty statements (SQLite does not count those). */
function statements(tokens: Token[]): Token[][] {
  const out: Token[][] = [[]];
  for (const t of tokens) {
    if (t.kind === 'comment') continue;
    if (t.kind === 'punct' && t.value === ';') {
      out.at(-1)!.push(t);
      out.push([]);
    } else out.at(-1)!.push(t);
  }
  return out.filter((s) => s.some((t) => !(t.kind === 'punct' && t.value === ';')));
}

/** What the message says is wrong: a token near which parsing failed, or a missing name. */
export function namedInMessage(message: string): { kind: 'near' | 'table' | 'column' | 'incomplete'; text: string } | undefined {
  const near = /near "((?:[^"]|"")*)": syntax error/.exec(message);
  if (near) return { kind: 'near', text: near[1].replaceAll('""', '"') };
  const missing = /no such (table|column): (\S+)/.exec(message);
  if (missing) return { kind: missing[1] as 'table' | 'column', text: missing[2] };
  if (/incomplete input/.test(message)) return { kind: 'incomplete', text: '' };
  return undefined;
}

function position(source: string, offset: number): { line: number; column: number } {
  const before = source.slice(0, offset);
  const line = before.split('\n').length;
  return { line, column: offset - (before.lastIndexOf('\n') + 1) + 1 };
}

function locationOf(source: string, start: number, end: number, token?: string): SqlErrorLocation {
  const from = position(source, start);
  const to = position(source, end);
  return { line: from.line, startColumn: from.column, endColumn: to.line === from.line ? to.column : from.column + 1, ...(token ? { token } : {}) };
}

/**
 * Where the error of statement `statement` (1-based, as SqlError counts) is in
 * `source`: the token the message names, else the statement's first token.
 */
export function locateSqlError(source: string, message: string, statement = 1): SqlErrorLocation | undefined {
  const all = statements(tokenize(source));
  const tokens = all[statement - 1];
  if (!tokens || tokens.length === 0) return undefined;
  const named = namedInMessage(message);
  if (named?.kind === 'incomplete') {
    const last = tokens.at(-1)!;
    return locationOf(source, last.start, last.end);
  }
  if (named) {
    // `no such column: t.cty` names the qualified column; the marker goes on its last part.
    const wanted = (named.kind === 'near' ? named.text : named.text.split('.').at(-1)!).toLowerCase();
    const hit = tokens.find((t) =>
      named.kind === 'near' ? t.text.toLowerCase() === wanted : (t.kind === 'word' || t.kind === 'quoted') && t.value.toLowerCase() === wanted,
    );
    if (hit) return locationOf(source, hit.start, hit.end, named.text);
  }
  return locationOf(source, tokens[0].start, tokens[0].end);
}

/** Edit distance, for names a typo away. */
function distance(a: string, b: string): number {
  let prev = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i += 1) {
    const row = [i];
    for (let j = 1; j <= b.length; j += 1) {
      row[j] = Math.min(prev[j] + 1, row[j - 1] + 1, prev[j - 1] + (a[i - 1] === b[j - 1] ? 0 : 1));
    }
    prev = row;
  }
  return prev[b.length];
}

/** The candidate closest to `name`, if it is close enough to be a typo (or a missing plural). */
export function closestName(name: string, candidates: readonly string[]): string | undefined {
  const lower = name.toLowerCase();
  const allowed = Math.max(1, Math.floor(lower.length / 3));
  let best: { name: string; d: number } | undefined;
  for (const candidate of new Set(candidates)) {
    const c = candidate.toLowerCase();
    if (c === lower) continue;
    const d = distance(lower, c);
    if (d <= allowed && (!best || d < best.d)) best = { name: candidate, d };
  }
  return best?.name;
}

/**
 * "Did you mean" for `no such table` / `no such column`, from the live schema:
 * a column is looked for first in the tables the statement names.
 */
export function suggestName(source: string, message: string, schema: SchemaInfo, statement = 1): string | undefined {
  const named = namedInMessage(message);
  if (named?.kind === 'table') return closestName(named.text.split('.').at(-1)!, schema.tables.map((t) => t.name));
  if (named?.kind !== 'column') return undefined;
  const column = named.text.split('.').at(-1)!;
  const words = new Set((statements(tokenize(source))[statement - 1] ?? []).map((t) => t.value.toLowerCase()));
  const named_ = schema.tables.filter((t) => words.has(t.name.toLowerCase()));
  const near = closestName(column, named_.flatMap((t) => t.columns.map((c) => c.name)));
  return near ?? closestName(column, schema.tables.flatMap((t) => t.columns.map((c) => c.name)));
}
