// Every sentence an exercise check can say, in English. A translation is a
// file of the same shape (FeedbackCatalog); the params are language-neutral.
//
// Rule for all of them: say what differs and where, never show a row of the
// solution. Learner rows, counts, column names the task asks for, and the
// values of the check's `key` columns for missing rows are fine.
import type { ErrorTip, ErrorTipCatalog } from './error-tips';
import type { CountedValue, FeedbackCatalog, Subject, ValueType } from './feedback';

const q = (name: string): string => `'${name}'`;

function plural(n: number, one: string, many: string): string {
  return `${n} ${n === 1 ? one : many}`;
}

/** 'a', 'b' and 'c' */
function list(items: readonly string[]): string {
  if (items.length <= 1) return items.join('');
  return `${items.slice(0, -1).join(', ')} and ${items[items.length - 1]}`;
}

/** ", e.g. a, b" when there are more than shown, ": a, b" when all are shown. */
function examples(shown: readonly string[], total: number): string {
  if (shown.length === 0) return '';
  return `${shown.length < total ? ', e.g.' : ':'} ${shown.join(', ')}`;
}

const subject = (s: Subject): string => (s.table === undefined ? 'Your result' : `Table ${q(s.table)}`);
const inSubject = (s: Subject): string => (s.table === undefined ? 'your result' : `table ${q(s.table)}`);
const ofTable = (s: Subject): string => (s.table === undefined ? '' : ` of table ${q(s.table)}`);

const counted = (items: readonly CountedValue[], unit: [string, string]): string[] =>
  items.map((i) => `${i.value} (${plural(i.count, unit[0], unit[1])})`);

const typeWords: Record<ValueType, string> = { text: 'text', number: 'numbers', blob: 'blobs' };

const tipText = (tip: ErrorTip): string => (enTips[tip.code] as (t: ErrorTip) => string)(tip);

const withNote = (text: string, note: string | undefined): string => (note === undefined ? text : `${text} ${note}`);

export const en: FeedbackCatalog = {
  'no-result': (p) =>
    p.table === undefined
      ? 'Your code ran, but its last statement returned no rows to check — end it with the query (SELECT …) whose result should be checked.'
      : `Table ${q(p.table)} has no columns to check.`,
  'columns-missing': (p) =>
    `${subject(p)} is missing the ${p.columns.length === 1 ? 'column' : 'columns'} ${list(p.columns.map(q))}.`,
  'columns-extra': (p) =>
    p.columns.length === 1
      ? `${subject(p)} has a column that was not asked for: ${q(p.columns[0]!)} — remove it.`
      : `${subject(p)} has columns that were not asked for: ${list(p.columns.map(q))} — remove them.`,
  'column-renamed': (p) => `${subject(p)} has no column ${q(p.expected)}; ${q(p.actual)} stands where it should be.`,
  'column-case': (p) => `Column ${q(p.actual)}${ofTable(p)} should be written ${q(p.expected)} — names are compared letter for letter here.`,
  'column-count': (p) => `${subject(p)} has ${plural(p.actual, 'column', 'columns')}; ${p.expected} ${p.expected === 1 ? 'is' : 'are'} expected.`,
  'column-order': (p) => `The columns${ofTable(p)} are right but in another order — put them in this order: ${p.expected.join(', ')}.`,
  'names-only': () => 'The values are right; only the column names differ — rename the columns with AS.',
  'rows-missing': (p) => {
    const some = `${p.count} of the ${plural(p.expected, 'expected row', 'expected rows')} ${p.count === 1 ? 'is' : 'are'} missing from ${inSubject(p)}`;
    if (p.keys.length === 0) return `${some}.`;
    return `${some} (${p.keys.length < p.count ? 'for example ' : ''}the ${p.keys.length === 1 ? 'row' : 'rows'} with ${list(p.keys)}).`;
  },
  'rows-extra': (p) =>
    `${subject(p)} has ${plural(p.count, 'row', 'rows')} that should not be there${examples(p.examples, p.count)}.`,
  'rows-repeated': (p) =>
    `${p.count === 1 ? '1 row appears' : `${p.count} rows appear`} more often in ${inSubject(p)} than ${p.count === 1 ? 'it' : 'they'} should${examples(counted(p.examples, ['time', 'times']), p.count)} — look for duplicates (DISTINCT, or a join that repeats rows).`,
  'column-values': (p) =>
    `Column ${q(p.column)}${ofTable(p)} has a different value in ${plural(p.count, 'row', 'rows')}${examples(
      p.examples.map((e) => `where ${e.where} (yours: ${e.yours})`),
      p.count,
    )}.`,
  'row-values': (p) => {
    const one = p.count === 1;
    // The first count carries its unit; the rest are read with it.
    const columns = p.columns.map((c, i) => (one ? c.column : `${c.column} (${i === 0 ? plural(c.count, 'row', 'rows') : c.count})`));
    const shown = p.examples.map((e) => {
      const values = e.values.map((v) => `${v.column} ${v.value}`);
      return `${e.where}: yours has ${list(e.more === 0 ? values : [...values, `${e.more} more`])}`;
    });
    const tail = shown.length === 0 ? '' : `${shown.length < p.count ? '; e.g.' : ':'} ${shown.join('; ')}`;
    return `${one ? '1 row' : `${p.count} rows`}${p.table === undefined ? ' of your result' : ofTable(p)} ${one ? 'has' : 'have'} the right ${list(p.key)} but other values differ — in ${list(columns)}${tail}.`;
  },
  'column-type': (p) =>
    p.mixed
      ? `Column ${q(p.column)}${ofTable(p)} holds ${typeWords[p.actual]} in some rows where ${typeWords[p.expected]} are expected (e.g. ${p.example}). This column mixes numbers and text: keep each value as it is, rather than converting the whole column (a declared column type converts it too).`
      : `Column ${q(p.column)}${ofTable(p)} holds ${typeWords[p.actual]} where ${typeWords[p.expected]} are expected (e.g. ${p.example}) — convert it with ${p.js ? (p.expected === 'number' ? 'Number(…) before load()' : 'String(…) before load()') : 'CAST'}.`,
  'too-many-rows': (p) =>
    `${subject(p)} has ${p.count} rows, far more than expected (the checker compares at most ${p.limit}) — check the joins and the filters.`,
  'wrong-order': (p) =>
    `All the rows are right, but in another order — the first difference is at row ${p.row}. Check the ORDER BY.`,
  'table-missing': (p) => `There is no table ${q(p.table)} — your code should create it.`,
  'column-missing': (p) => `Table ${q(p.table)} has no column ${q(p.column)}.`,
  unique: (p) => {
    const what =
      p.columns.length === 1
        ? `${p.count} ${p.columns[0]} ${p.count === 1 ? 'value appears' : 'values appear'}`
        : `${p.count} ${p.count === 1 ? 'combination' : 'combinations'} of (${p.columns.join(', ')}) ${p.count === 1 ? 'appears' : 'appear'}`;
    return withNote(`${what} more than once in table ${q(p.table)}${examples(counted(p.examples, ['time', 'times']), p.count)}.`, p.note);
  },
  'not-null': (p) =>
    withNote(`${plural(p.count, 'row', 'rows')} of table ${q(p.table)} ${p.count === 1 ? 'has' : 'have'} no ${p.column} (NULL).`, p.note),
  'accepted-values': (p) =>
    withNote(
      `${p.column} in table ${q(p.table)} has ${p.count === 1 ? '1 value that is' : `${p.count} values that are`} not accepted, in ${plural(p.rows, 'row', 'rows')}${examples(counted(p.examples, ['row', 'rows']), p.count)}.`,
      p.note,
    ),
  relationships: (p) =>
    withNote(
      `${p.count === 1 ? `1 ${p.column} value` : `${p.count} ${p.column} values`} in table ${q(p.table)} (${plural(p.rows, 'row', 'rows')}) ${p.count === 1 ? 'has' : 'have'} no match in ${p.to}.${p.field}${examples(counted(p.examples, ['row', 'rows']), p.count)}.`,
      p.note,
    ),
  'row-count': (p) => {
    const { min, max } = p;
    const want =
      min !== undefined && max !== undefined
        ? min === max
          ? `exactly ${min}`
          : `between ${min} and ${max}`
        : min !== undefined
          ? `at least ${min}`
          : `at most ${max ?? 0}`;
    return withNote(`Table ${q(p.table)} has ${plural(p.count, 'row', 'rows')}; it should have ${want}.`, p.note);
  },
  'pipeline-state': (p) => {
    const what = 'task' in p.of ? `Task ${q(p.of.task)}` : `Table ${q(p.of.table)}'s partition`;
    const shown = p.days.map((d) => `${d.ds}: ${d.found}`).join(', ');
    const more = p.total > p.days.length ? ` and ${p.total - p.days.length} more` : '';
    const base = `${what} should be ${p.expected} on ${plural(p.total, 'day', 'days')} where it is not — ${shown}${more}.`;
    return p.note === undefined ? base : `${base} ${p.note}`;
  },
  'pipeline-missing': () => 'This check needs a pipeline run: run the pipeline cell.',
  'no-rows': (p) =>
    p.note === undefined
      ? `A check found ${plural(p.count, 'row', 'rows')} that should not exist.`
      : // One row is often the whole answer to a yes/no rule ("there is no such index"): a count adds nothing.
        p.count === 1
        ? p.note
        : `${p.note} (${p.count} rows break this rule.)`,
  'learner-error': (p) => {
    const where = p.statement === undefined ? '' : ` in statement ${p.statement}`;
    const tip = p.tip === undefined ? '' : `${/[.!?]$/.test(p.message) ? '' : '.'} ${tipText(p.tip)}`;
    return `Your code stopped with an error${where}: ${p.message}${tip}`;
  },
  'rerun-changed': (p) => {
    const counts = [
      p.more > 0 ? plural(p.more, 'row more', 'rows more') : '',
      p.fewer > 0 ? plural(p.fewer, 'row fewer', 'rows fewer') : '',
      p.changed > 0 ? plural(p.changed, 'row changed', 'rows changed') : '',
    ].filter((c) => c !== '');
    // Only added rows have one obvious cause: the load inserted again what it had already inserted.
    const skip = p.fewer === 0 && p.changed === 0 ? ' — skip what is already there' : '';
    const total = p.gone ? p.fewer : p.more + p.changed;
    const shown = p.examples.length === 0 ? '' : ` ${p.gone ? 'Rows the second run removed' : 'New rows after the second run'}${examples(p.examples, total)}.`;
    return withNote(`Running your code a second time changed table ${q(p.table)}: ${list(counts)} (a rerun must change nothing${skip}).${shown}`, p.note);
  },
  'rerun-schema': (p) =>
    withNote(
      p.columns === undefined
        ? `Running your code a second time left no table ${q(p.table)} (a rerun must change nothing).`
        : `Running your code a second time changed the columns of table ${q(p.table)} to ${list(p.columns.map(q))} (a rerun must change nothing).`,
      p.note,
    ),
  'rerun-error': (p) => {
    const where = p.statement === undefined ? '' : ` in statement ${p.statement}`;
    const stop = /[.!?]$/.test(p.message) ? '' : '.';
    const after = p.tip === undefined ? 'A rerun must run without errors and change nothing — skip what is already there.' : tipText(p.tip);
    return withNote(`Running your code a second time failed${where}: ${p.message}${stop} ${after}`, p.note);
  },
  'reads-forbidden': (p) =>
    withNote(
      `Your answer reads ${p.tables.length === 1 ? 'table' : 'tables'} ${list(p.tables.map(q))}, which this exercise does not allow — read only ${list(p.allowed.map(q))}.`,
      p.note,
    ),
  'variant-differs': () =>
    'Your query gives the right answer on this data but not on a second data set with other values — does it depend on something specific to this data (a date, an id, a count written by hand, or a case that happens not to occur here)?',
  'on-variant': (p) => `On the second data set: ${(en[p.detail.code] as (params: typeof p.detail.params) => string)(p.detail.params)}`,
  stopped: () => 'The check was stopped. The database is as it was before.',
  'solution-error': (p) =>
    `The lesson's solution did not run (${p.message}), so your answer could not be compared. This is a mistake in the lesson, not in your answer.`,
  'check-error': (p) => {
    // A rule the author wrote as SQL names columns the task asked for; say which one is missing, not the SQL.
    const column = /no such column: (?:[\w"]+\.)?"?(\w+)/.exec(p.message)?.[1];
    return column === undefined
      ? `A check could not run on your tables: ${p.message}`
      : `A check needs a column ${q(column)} that your table does not have — keep every column the task asks for, by that name.`;
  },
  'cannot-isolate': (p) =>
    `The check did not start, because the database could not be copied first (${p.message}). If a cell ran BEGIN, end it with COMMIT or ROLLBACK, then check again.`,
};

export const enTips: ErrorTipCatalog = {
  'already-exists': (t) =>
    `It is there from an earlier run of this cell or another: start your code with DROP ${t.kind.toUpperCase()} IF EXISTS ${t.name}; so the cell can run again.`,
  'upsert-after-select': () =>
    "SQLite reads the ON after a SELECT's FROM as the start of a join: put WHERE true (or your WHERE clause) before ON CONFLICT.",
};
