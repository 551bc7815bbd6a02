// Which tables, aliases and CTEs a SQL statement names, found with the light
// tokenizer: enough for completion after `alias.`, not for lineage (that comes
// from SQLite itself, src/sql/lineage.ts).
import type { SchemaInfo, SchemaTable } from '../../sql/schema';
import { findTable } from '../../sql/schema';
import type { Token } from './sql-tokens';
import { SQLITE_KEYWORDS } from './sqlite-words';

export const KEYWORDS = new Set(SQLITE_KEYWORDS);
export const isKeyword = (t: Token | undefined, ...words: string[]) =>
  t?.kind === 'word' && (words.length === 0 ? KEYWORDS.has(t.value.toUpperCase()) : words.includes(t.value.toUpperCase()));

/** Where a name in the FROM/JOIN clauses of the statement points. */
export interface Scope {
  /** alias or table name (lower case) -> the table, or the column names of a CTE/subquery (possibly unknown: []). */
  names: Map<string, SchemaTable | { columns: string[] }>;
  /** Tables and views the statement names, in order. */
  tables: SchemaTable[];
  /** CTE names, offered where a table name fits. */
  ctes: string[];
}

/** The tokens of the statement the cursor is in (between semicolons). */
export function statementAround(tokens: Token[], offset: number): Token[] {
  let start = 0;
  let end = tokens.length;
  tokens.forEach((t, i) => {
    if (t.kind !== 'punct' || t.value !== ';') return;
    if (t.end <= offset) start = i + 1;
    else if (end === tokens.length) end = i;
  });
  return tokens.slice(start, end).filter((t) => t.kind !== 'comment');
}

/** Index after the parenthesised group that opens at `i`. */
function skipParens(tokens: Token[], i: number): number {
  let depth = 0;
  for (let j = i; j < tokens.length; j += 1) {
    const t = tokens[j];
    if (t.kind !== 'punct') continue;
    if (t.value === '(') depth += 1;
    else if (t.value === ')') {
      depth -= 1;
      if (depth === 0) return j + 1;
    }
  }
  return tokens.length;
}

const isName = (t: Token | undefined): t is Token => t !== undefined && (t.kind === 'quoted' || (t.kind === 'word' && !KEYWORDS.has(t.value.toUpperCase())));
const isPunct = (t: Token | undefined, p: string) => t?.kind === 'punct' && t.value === p;

/** Tables, aliases and CTEs the statement names. */
export function scopeOf(statement: Token[], schema: SchemaInfo): Scope {
  const scope: Scope = { names: new Map(), tables: [], ctes: [] };
  readCtes(statement, scope);
  for (let i = 0; i < statement.length; i += 1) {
    if (!isKeyword(statement[i], 'FROM', 'JOIN', 'UPDATE', 'INTO')) continue;
    let j = readReference(statement, i + 1, scope, schema);
    while (isKeyword(statement[i], 'FROM') && isPunct(statement[j], ',')) j = readReference(statement, j + 1, scope, schema);
  }
  return scope;
}

/** WITH [RECURSIVE] name [(columns)] AS [NOT] [MATERIALIZED] (…), … */
function readCtes(statement: Token[], scope: Scope): void {
  if (!isKeyword(statement[0], 'WITH')) return;
  let i = isKeyword(statement[1], 'RECURSIVE') ? 2 : 1;
  while (i < statement.length && (statement[i].kind === 'word' || statement[i].kind === 'quoted')) {
    const name = statement[i].value;
    i += 1;
    const columns: string[] = [];
    if (isPunct(statement[i], '(')) {
      const end = skipParens(statement, i);
      for (const t of statement.slice(i + 1, end - 1)) if (t.kind === 'word' || t.kind === 'quoted') columns.push(t.value);
      i = end;
    }
    if (!isKeyword(statement[i], 'AS')) return;
    i += 1;
    while (isKeyword(statement[i], 'NOT', 'MATERIALIZED')) i += 1;
    if (!isPunct(statement[i], '(')) return;
    i = skipParens(statement, i);
    scope.ctes.push(name);
    scope.names.set(name.toLowerCase(), { columns });
    if (!isPunct(statement[i], ',')) return;
    i += 1;
  }
}

/** `[schema.]name [AS] [alias]` or `(subquery) [AS] alias` at `i`; returns the index after it. */
function readReference(tokens: Token[], i: number, scope: Scope, schema: SchemaInfo): number {
  let target: SchemaTable | { columns: string[] } | undefined;
  if (isPunct(tokens[i], '(')) {
    i = skipParens(tokens, i);
    target = { columns: [] };
  } else if (tokens[i]?.kind === 'word' || tokens[i]?.kind === 'quoted') {
    let name = tokens[i].value;
    i += 1;
    if (isPunct(tokens[i], '.') && (tokens[i + 1]?.kind === 'word' || tokens[i + 1]?.kind === 'quoted')) {
      name = `${name}.${tokens[i + 1].value}`;
      i += 2;
    } else if (isPunct(tokens[i], '.')) {
      return i; // `schema.` still being typed
    }
    if (isPunct(tokens[i], '(')) i = skipParens(tokens, i); // a table-valued function
    const cte = scope.names.get(name.toLowerCase());
    const table = findTable(schema, name);
    target = cte ?? table ?? { columns: [] };
    if (table && !cte) scope.tables.push(table);
    scope.names.set(name.toLowerCase(), target);
    if (table) scope.names.set(table.name.toLowerCase(), target);
  } else {
    return i;
  }
  if (isKeyword(tokens[i], 'AS')) i += 1;
  if (isName(tokens[i])) {
    scope.names.set(tokens[i].value.toLowerCase(), target);
    i += 1;
  }
  return i;
}

