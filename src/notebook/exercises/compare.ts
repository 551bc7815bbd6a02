// Compares a learner's rows with the solution's and explains what differs,
// without showing the solution: which columns are missing or extra, how many
// rows are missing and which rows are extra, a column whose values are off,
// rows whose key is right but whose other values are not, or rows in the
// wrong order. Pure: no engine, no DOM.
import { DEFAULT_COMPARE_OPTIONS, type CompareOptions } from '../../lesson/types';
import type { ResultSet, SqlValue } from '../../sql/types';
import { feedback, type CountedValue, type Feedback, type Subject, type ValueType } from './feedback';
import { condition, literal, tuple } from './format';
import { matchRows, rowKey, rowsEqual, valuesEqual, type Tolerance } from './match';

export interface Verdict {
  pass: boolean;
  problems: Feedback[];
}

/** Examples shown per problem. */
export const MAX_EXAMPLES = 3;

interface ColumnPair {
  expected: number;
  learner: number;
}

/**
 * `learner` is the attempt's result, `expected` the solution's. `options`
 * default to DEFAULT_COMPARE_OPTIONS. `table` names the table being compared,
 * for a `table` check; messages then speak of that table.
 */
export function compareResults(
  learner: ResultSet,
  expected: ResultSet,
  options: Partial<CompareOptions> = {},
  table?: string,
): Verdict {
  const opts: CompareOptions = { ...DEFAULT_COMPARE_OPTIONS, ...options };
  const subject: Subject = table === undefined ? {} : { table };
  if (learner.columns.length === 0 && expected.columns.length > 0) {
    return fail([feedback('no-result', subject)]);
  }

  const mapping = mapColumns(learner.columns, expected.columns, opts, subject);
  const problems = [...mapping.problems];
  const { pairs } = mapping;
  if (pairs.length === 0) return fail(problems);

  // Both sides projected onto the paired columns, in the solution's column order.
  const mine = learner.rows.map((row) => pairs.map((p) => row[p.learner] ?? null));
  const theirs = expected.rows.map((row) => pairs.map((p) => row[p.expected] ?? null));
  const all = pairs.map((_, i) => i);
  const tol: Tolerance = { absolute: opts.tolerance, relative: opts.relativeTolerance };
  const names = pairs.map((p) => learner.columns[p.learner]!);
  const ctx: RowContext = { learner, mine, theirs, names, pairs, tol, subject, opts, expectedColumns: expected.columns };

  const matching = matchRows(mine, theirs, all, tol);
  const rowProblems =
    matching.onlyA.length > 0 || matching.onlyB.length > 0
      ? explainRowDifferences(ctx, matching.onlyB, matching.onlyA)
      : orderProblems(ctx);
  problems.push(...rowProblems);
  if (mapping.renamed && rowProblems.length === 0) problems.push(feedback('names-only', subject));
  return { pass: problems.length === 0, problems };
}

function fail(problems: Feedback[]): Verdict {
  return { pass: problems.length === 0, problems };
}

// ---------------------------------------------------------------- columns

interface ColumnMapping {
  pairs: ColumnPair[];
  problems: Feedback[];
  /** Columns were paired by position after their names did not match. */
  renamed: boolean;
}

function mapColumns(learner: readonly string[], expected: readonly string[], opts: CompareOptions, subject: Subject): ColumnMapping {
  const problems: Feedback[] = [];
  if (opts.columns === 'position') {
    const pairs = expected.slice(0, learner.length).map((_, i) => ({ expected: i, learner: i }));
    if (learner.length < expected.length || (learner.length > expected.length && !opts.extraColumns)) {
      problems.push(feedback('column-count', { ...subject, actual: learner.length, expected: expected.length }));
    }
    return { pairs, problems, renamed: false };
  }

  const fold = (name: string): string => name.toLowerCase();
  const used = new Set<number>();
  const found: Array<number | undefined> = expected.map((name) => {
    const same = opts.columns === 'exact' ? (l: string) => l === name : (l: string) => fold(l) === fold(name);
    const index = learner.findIndex((l, i) => !used.has(i) && same(l));
    if (index === -1) return undefined;
    used.add(index);
    return index;
  });
  if (opts.columns === 'exact') {
    // A name that differs only in case is paired, and reported as such.
    expected.forEach((name, e) => {
      if (found[e] !== undefined) return;
      const index = learner.findIndex((l, i) => !used.has(i) && fold(l) === fold(name));
      if (index === -1) return;
      used.add(index);
      found[e] = index;
      problems.push(feedback('column-case', { ...subject, actual: learner[index]!, expected: name }));
    });
  }

  const missing = expected.map((_, e) => e).filter((e) => found[e] === undefined);
  const unmatched = learner.map((_, i) => i).filter((i) => !used.has(i));
  let renamed = false;
  if (missing.length > 0 && missing.length === unmatched.length) {
    // Same number of unknown names on both sides: most often an unnamed
    // expression (COUNT(*)) or a typo. Pair them in order and compare values.
    renamed = true;
    missing.forEach((e, k) => {
      const l = unmatched[k]!;
      found[e] = l;
      problems.push(feedback('column-renamed', { ...subject, actual: learner[l]!, expected: expected[e]! }));
    });
  } else {
    if (missing.length > 0) problems.push(feedback('columns-missing', { ...subject, columns: missing.map((e) => expected[e]!) }));
    if (unmatched.length > 0 && !opts.extraColumns) {
      problems.push(feedback('columns-extra', { ...subject, columns: unmatched.map((i) => learner[i]!) }));
    }
  }

  const pairs: ColumnPair[] = [];
  found.forEach((l, e) => {
    if (l !== undefined) pairs.push({ expected: e, learner: l });
  });
  const complete = pairs.length === expected.length;
  const inOrder = pairs.every((p, k) => k === 0 || p.learner > pairs[k - 1]!.learner);
  if (opts.columnOrder === 'exact' && complete && !renamed && !inOrder) {
    problems.push(feedback('column-order', { ...subject, expected: [...expected] }));
  }
  return { pairs, problems, renamed };
}

// ---------------------------------------------------------------- rows

interface RowContext {
  learner: ResultSet;
  /** Learner rows projected onto the paired columns. */
  mine: SqlValue[][];
  /** Solution rows projected the same way. Never shown; only keys may be. */
  theirs: SqlValue[][];
  /** The learner's names of the paired columns. */
  names: string[];
  pairs: ColumnPair[];
  tol: Tolerance;
  subject: Subject;
  opts: CompareOptions;
  expectedColumns: readonly string[];
}

/** `missing`: solution rows without a partner; `extra`: learner rows without one. */
function explainRowDifferences(ctx: RowContext, missing: number[], extra: number[]): Feedback[] {
  const offColumn = explainingColumn(ctx, missing, extra);
  if (offColumn !== undefined) return [columnProblem(ctx, offColumn.column, offColumn.pairs)];

  const problems: Feedback[] = [];
  const { subject } = ctx;

  // An extra row equal to a solution row is a right row repeated too often,
  // not a row to pair by key with a missing one.
  const all = ctx.pairs.map((_, i) => i);
  const solutionKeys = new Set(ctx.theirs.map((row) => rowKey(row, all)));
  const repeated = extra.filter((i) => solutionKeys.has(rowKey(ctx.mine[i]!, all)));
  const keyed = pairByKey(ctx, missing, extra.filter((i) => !solutionKeys.has(rowKey(ctx.mine[i]!, all))));
  if (keyed.pairs.length > 0) problems.push(differingValues(ctx, keyed.pairs));

  const { surplus } = keyed;
  if (keyed.missing.length > 0) {
    const unpaired = keyed.missing;
    problems.push(feedback('rows-missing', { ...subject, count: unpaired.length, expected: ctx.theirs.length, keys: missingKeys(ctx, unpaired) }));
  }
  if (surplus.length > 0) {
    const shown = surplus.slice(0, MAX_EXAMPLES);
    problems.push(
      feedback(
        'rows-extra',
        { ...subject, count: surplus.length, examples: shown.map((i) => tuple(ctx.mine[i]!)) },
        pickRows(ctx.learner, shown),
      ),
    );
  }
  if (repeated.length > 0) {
    const times = new Map<string, number>();
    for (const row of ctx.mine) {
      const key = rowKey(row, all);
      times.set(key, (times.get(key) ?? 0) + 1);
    }
    const seen = new Set<string>();
    const examples: CountedValue[] = [];
    const rows: number[] = [];
    for (const i of repeated) {
      const key = rowKey(ctx.mine[i]!, all);
      if (seen.has(key)) continue;
      seen.add(key);
      if (examples.length < MAX_EXAMPLES) {
        examples.push({ value: tuple(ctx.mine[i]!), count: times.get(key) ?? 0 });
        rows.push(i);
      }
    }
    problems.push(feedback('rows-repeated', { ...subject, count: seen.size, examples }, pickRows(ctx.learner, rows)));
  }
  return problems;
}

/**
 * The one column that explains every difference: ignoring it, each missing
 * row pairs with an extra row. Needs at least two columns (ignoring the only
 * column would pair anything).
 */
function explainingColumn(
  ctx: RowContext,
  missing: number[],
  extra: number[],
): { column: number; pairs: Array<[number, number]> } | undefined {
  const width = ctx.pairs.length;
  if (width < 2 || missing.length !== extra.length) return undefined;
  const mine = extra.map((i) => ctx.mine[i]!);
  const theirs = missing.map((i) => ctx.theirs[i]!);
  for (let column = 0; column < width; column++) {
    const others = ctx.pairs.map((_, i) => i).filter((i) => i !== column);
    const matching = matchRows(mine, theirs, others, ctx.tol);
    if (matching.onlyA.length === 0 && matching.onlyB.length === 0) {
      return { column, pairs: matching.pairs.map(([a, b]) => [extra[a]!, missing[b]!]) };
    }
  }
  return undefined;
}

/** A learner row and a solution row with the same key; `columns` are where they differ (never empty). */
interface KeyedPair {
  learner: number;
  solution: number;
  columns: number[];
}

/**
 * Pairs missing solution rows with extra learner rows of the same key — an
 * INSERT OR IGNORE that kept old values leaves exactly these. Only when the
 * key names one row of the solution each: a partial key would pair rows that
 * have nothing to do with each other. A learner key found twice pairs the row
 * closest to the solution's; the other stays extra.
 */
function pairByKey(ctx: RowContext, missing: number[], surplus: number[]): { pairs: KeyedPair[]; missing: number[]; surplus: number[] } {
  const keys = keyColumns(ctx);
  const none = { pairs: [], missing, surplus };
  if (keys.length === 0 || keys.length === ctx.pairs.length || missing.length === 0 || surplus.length === 0) return none;
  if (new Set(ctx.theirs.map((row) => rowKey(row, keys))).size < ctx.theirs.length) return none;

  const byKey = new Map(missing.map((s) => [rowKey(ctx.theirs[s]!, keys), s]));
  const best = new Map<number, KeyedPair>();
  for (const l of surplus) {
    const s = byKey.get(rowKey(ctx.mine[l]!, keys));
    if (s === undefined) continue;
    const columns = ctx.pairs.map((_, c) => c).filter((c) => !valuesEqual(ctx.mine[l]![c] ?? null, ctx.theirs[s]![c] ?? null, ctx.tol));
    const current = best.get(s);
    if (current === undefined || columns.length < current.columns.length) best.set(s, { learner: l, solution: s, columns });
  }
  const pairs = [...best.values()].sort((a, b) => a.learner - b.learner);
  const learners = new Set(pairs.map((p) => p.learner));
  return {
    // Equal within the tolerance: rows the exact matching left over when there were too many to compare pairwise.
    pairs: pairs.filter((p) => p.columns.length > 0),
    missing: missing.filter((s) => !best.has(s)),
    surplus: surplus.filter((l) => !learners.has(l)),
  };
}

/** One message for rows paired by key: as column-values when one column explains them all. */
function differingValues(ctx: RowContext, pairs: KeyedPair[]): Feedback {
  const counts = new Map<number, number>();
  for (const pair of pairs) for (const c of pair.columns) counts.set(c, (counts.get(c) ?? 0) + 1);
  const [only] = counts.keys();
  if (counts.size === 1 && only !== undefined) return columnProblem(ctx, only, pairs.map((p) => [p.learner, p.solution]));

  const keys = keyColumns(ctx);
  const columns = [...counts].sort(([a, m], [b, n]) => n - m || a - b).map(([c, count]) => ({ column: ctx.names[c]!, count }));
  const shown = pairs.slice(0, MAX_EXAMPLES);
  const examples = shown.map(({ learner, columns: differ }) => ({
    where: condition(keys.map((c) => ctx.names[c]!), keys.map((c) => ctx.mine[learner]![c] ?? null)),
    values: differ.slice(0, MAX_EXAMPLES).map((c) => ({ column: ctx.names[c]!, value: literal(ctx.mine[learner]![c] ?? null) })),
    more: Math.max(0, differ.length - MAX_EXAMPLES),
  }));
  return feedback(
    'row-values',
    { ...ctx.subject, key: keys.map((c) => ctx.names[c]!), count: pairs.length, columns, examples },
    pickRows(ctx.learner, shown.map((p) => p.learner)),
  );
}

function typeOf(value: SqlValue): ValueType | 'null' {
  if (value === null) return 'null';
  if (typeof value === 'string') return 'text';
  if (value instanceof Uint8Array) return 'blob';
  return 'number';
}

/** pairs are [learner row, solution row] that differ only in `column`. */
function columnProblem(ctx: RowContext, column: number, pairs: Array<[number, number]>): Feedback {
  const { subject } = ctx;
  const name = ctx.names[column]!;
  const values = pairs.map(([l, s]) => [ctx.mine[l]![column] ?? null, ctx.theirs[s]![column] ?? null] as const);

  // The same value stored as another type: '12.5' against 12.5.
  const first = values[0];
  if (first !== undefined) {
    const actual = typeOf(first[0]);
    const expected = typeOf(first[1]);
    const sameLooking = values.every(([mine, theirs]) => {
      if (typeOf(mine) !== actual || typeOf(theirs) !== expected) return false;
      if (typeof mine === 'string' && (typeof theirs === 'number' || typeof theirs === 'bigint')) {
        return mine.trim() !== '' && valuesEqual(Number(mine), theirs, ctx.tol);
      }
      if (typeof theirs === 'string' && (typeof mine === 'number' || typeof mine === 'bigint')) {
        return theirs.trim() !== '' && valuesEqual(mine, Number(theirs), ctx.tol);
      }
      return false;
    });
    if (sameLooking && actual !== 'null' && expected !== 'null') {
      const kinds = new Set(ctx.theirs.map((row) => typeOf(row[column] ?? null)));
      const mixed = kinds.has('text') && kinds.has('number');
      return feedback('column-type', { ...subject, column: name, actual, expected, example: literal(first[0]), ...(mixed ? { mixed } : {}) });
    }
  }

  const shown = pairs.slice(0, MAX_EXAMPLES).map(([l]) => l);
  const where = whereColumns(ctx, column);
  const examples = shown.map((l) => ({
    where: condition(where.map((c) => ctx.names[c]!), where.map((c) => ctx.mine[l]![c] ?? null)),
    yours: literal(ctx.mine[l]![column] ?? null),
  }));
  return feedback('column-values', { ...subject, column: name, count: pairs.length, examples }, pickRows(ctx.learner, shown));
}

/** Columns that identify a row in messages: the check's key if given, else up to two others. */
function whereColumns(ctx: RowContext, except: number): number[] {
  const keyed = keyColumns(ctx).filter((c) => c !== except);
  if (keyed.length > 0) return keyed;
  return ctx.pairs.map((_, i) => i).filter((i) => i !== except).slice(0, 2);
}

/** Positions (in the projection) of the check's key columns, matched by name ignoring case. */
function keyColumns(ctx: RowContext): number[] {
  const positions: number[] = [];
  for (const key of ctx.opts.key) {
    const index = ctx.pairs.findIndex((p) => ctx.expectedColumns[p.expected]!.toLowerCase() === key.toLowerCase());
    if (index !== -1 && !positions.includes(index)) positions.push(index);
  }
  return positions;
}

/** "city = 'Daegu'" for a few missing rows, only when the author named key columns. */
function missingKeys(ctx: RowContext, missing: number[]): string[] {
  const keys = keyColumns(ctx);
  if (keys.length === 0) return [];
  const seen = new Set<string>();
  for (const s of missing) {
    const row = ctx.theirs[s]!;
    seen.add(condition(keys.map((c) => ctx.expectedColumns[ctx.pairs[c]!.expected]!), keys.map((c) => row[c] ?? null)));
    if (seen.size === MAX_EXAMPLES) break;
  }
  return [...seen];
}

function orderProblems(ctx: RowContext): Feedback[] {
  if (ctx.opts.order !== 'exact') return [];
  const all = ctx.pairs.map((_, i) => i);
  const first = ctx.mine.findIndex((row, i) => !rowsEqual(row, ctx.theirs[i]!, all, ctx.tol));
  return first === -1 ? [] : [feedback('wrong-order', { ...ctx.subject, row: first + 1 })];
}

/** The learner's rows at `indices`, whole, as a small result set for display. */
export function pickRows(result: ResultSet, indices: readonly number[]): ResultSet {
  return {
    columns: [...result.columns],
    rows: indices.map((i) => result.rows[i]!),
    kinds: indices.map((i) => result.kinds[i] ?? ''),
  };
}
