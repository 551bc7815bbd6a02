import { beforeEach, describe, expect, it } from 'vitest';
import { parseLesson } from '../../lesson/parse';
import { DEFAULT_COMPARE_OPTIONS, formatIssue, type ExerciseCell } from '../../lesson/types';
import { createNodeEngine } from '../../sql/node-engine';
import type { ColumnDef, SqlEngine, SqlValue } from '../../sql/types';
import { KEPT_ROWS } from '../executors';
import { CHECK_ROWS, checkExercise, sqlRunner, type RunCode } from './check-exercise';
import { verifyExercise } from './verify-exercise';

const SETUP = `
CREATE TABLE trips (trip_id INTEGER, city TEXT, fare REAL);
INSERT INTO trips VALUES (1, 'Seoul', 12.5), (2, 'Busan', 8.0), (3, 'Seoul', 20.0), (4, 'Daegu', 5.25), (5, 'Seoul', 9.0);
CREATE TABLE riders (rider_id INTEGER, name TEXT);
INSERT INTO riders VALUES (1, 'Kim'), (2, NULL), (3, 'Park');
CREATE TABLE city_counts (city TEXT PRIMARY KEY, trips INTEGER);
INSERT INTO city_counts VALUES ('Seoul', 3);
`;

const LESSON = `---
id: practice
title: Practice
stage: processing
summary: Exercises for tests.
objectives: [Practise]
---

\`\`\`sql exercise id=busiest-city
-- Which city has the most trips?
\`\`\`

\`\`\`sql solution for=busiest-city
SELECT city, COUNT(*) AS trips FROM trips GROUP BY city ORDER BY trips DESC LIMIT 1;
\`\`\`

\`\`\`yaml checks for=busiest-city
- result
\`\`\`

\`\`\`sql exercise id=ranking
SELECT city, COUNT(*) AS trips FROM trips GROUP BY city;
\`\`\`

\`\`\`sql solution for=ranking
SELECT city, COUNT(*) AS trips FROM trips GROUP BY city ORDER BY trips DESC, city;
\`\`\`

\`\`\`yaml checks for=ranking
- result: {order: exact, key: city}
\`\`\`

\`\`\`sql exercise id=city-totals
CREATE TABLE city_totals AS SELECT city FROM trips;
\`\`\`

\`\`\`sql solution for=city-totals
CREATE TABLE city_totals AS
SELECT city, COUNT(*) AS trips, SUM(fare) AS revenue FROM trips GROUP BY city;
\`\`\`

\`\`\`yaml checks for=city-totals
- table: {name: city_totals, key: city, tolerance: 0.01}
- unique: {table: city_totals, column: city}
- row_count: {table: city_totals, min: 1, max: 10}
\`\`\`

\`\`\`sql exercise id=clean-fares
-- Delete the trips of Daegu.
\`\`\`

\`\`\`sql solution for=clean-fares
DELETE FROM trips WHERE city = 'Daegu';
\`\`\`

\`\`\`yaml checks for=clean-fares
- table: trips
- no_rows: {sql: "SELECT * FROM trips WHERE city = 'Daegu'", message: No trip of Daegu may remain.}
\`\`\`

\`\`\`js exercise id=named-riders
const riders = await extract('riders');
\`\`\`

\`\`\`js solution for=named-riders
const riders = await extract('riders');
await load('named_riders', riders.filter((r) => r.name != null));
\`\`\`

\`\`\`yaml checks for=named-riders
- not_null: {table: named_riders, column: name}
- table: named_riders
\`\`\`

\`\`\`sql exercise id=load-cities
INSERT INTO city_counts SELECT city, COUNT(*) FROM trips GROUP BY city;
\`\`\`

\`\`\`sql solution for=load-cities
INSERT INTO city_counts
SELECT city, COUNT(*) FROM trips WHERE city NOT IN (SELECT city FROM city_counts) GROUP BY city;
\`\`\`

\`\`\`yaml checks for=load-cities
- table: {name: city_counts, key: city}
- idempotent: city_counts
\`\`\`
`;

function exercises(): Map<string, ExerciseCell> {
  const parsed = parseLesson('lessons/09-practice.md', LESSON);
  if (!parsed.ok) throw new Error(parsed.errors.map(formatIssue).join('\n'));
  return new Map(parsed.lesson.cells.filter((c): c is ExerciseCell => c.kind === 'exercise').map((c) => [c.id, c]));
}

/** A stand-in for the JS sandbox: runs the source with extract() and load() over the engine. */
function jsRunner(engine: SqlEngine): RunCode {
  const AsyncFunction = Object.getPrototypeOf(async () => {}).constructor as new (...args: string[]) => (...a: unknown[]) => Promise<void>;
  return async (source) => {
    const extract = async (table: string) => {
      const { result } = await engine.exec(`SELECT * FROM "${table}"`);
      return result.rows.map((row) => Object.fromEntries(result.columns.map((c, i) => [c, row[i]])));
    };
    const load = async (table: string, rows: Array<Record<string, SqlValue>>) => {
      const names = Object.keys(rows[0] ?? {});
      const columns: ColumnDef[] = names.map((name) => ({ name, type: '' }));
      await engine.insert({ table, columns, rows: rows.map((r) => names.map((n) => r[n] ?? null)), mode: 'replace' });
    };
    const sql = async (query: string) => (await engine.exec(query)).result;
    try {
      await new AsyncFunction('extract', 'load', 'sql', source)(extract, load, sql);
    } catch (error) {
      return { kind: 'error', message: error instanceof Error ? error.message : String(error) };
    }
    return { kind: 'table', result: { columns: [], rows: [], kinds: [] }, totalRows: 0, changes: 0, statements: 0 };
  };
}

describe('checkExercise', () => {
  let engine: SqlEngine;
  let all: Map<string, ExerciseCell>;
  beforeEach(async () => {
    engine = await createNodeEngine();
    await engine.exec(SETUP);
    all = exercises();
  });
  const exercise = (id: string): ExerciseCell => all.get(id)!;
  const dump = async () => (await engine.exec("SELECT name, sql FROM sqlite_schema ORDER BY name")).result.rows;
  const tripRows = async () => (await engine.exec('SELECT * FROM trips ORDER BY trip_id')).result.rows;

  it('passes each solution against its own checks', async () => {
    for (const ex of all.values()) {
      const run = ex.language === 'js' ? jsRunner(engine) : undefined;
      const report = await checkExercise(engine, ex, ex.solution, run ? { run } : {});
      expect({ id: ex.id, pass: report.pass, feedback: report.feedback.map((f) => f.message) }).toEqual({ id: ex.id, pass: true, feedback: [] });
      expect(report.results.every((r) => r.pass)).toBe(true);
    }
  });

  it('fails an empty or starter attempt', async () => {
    const empty = await checkExercise(engine, exercise('busiest-city'), exercise('busiest-city').source);
    expect(empty.pass).toBe(false);
    expect(empty.feedback.map((f) => f.message)).toEqual([
      'Your code ran, but its last statement returned no rows to check — end it with the query (SELECT …) whose result should be checked.',
    ]);
    const starter = await checkExercise(engine, exercise('city-totals'), exercise('city-totals').source);
    expect(starter.pass).toBe(false);
    expect(starter.feedback.map((f) => f.message)).toEqual([
      "Table 'city_totals' is missing the columns 'trips' and 'revenue'.",
      "1 row appears more often in table 'city_totals' than it should: 'Seoul' (3 times) — look for duplicates (DISTINCT, or a join that repeats rows).",
      "1 city value appears more than once in table 'city_totals': 'Seoul' (3 times).",
    ]);
  });

  it('returns the learner’s own result for display, pass or fail', async () => {
    const report = await checkExercise(engine, exercise('busiest-city'), "SELECT city, COUNT(*) AS trips FROM trips WHERE city <> 'Seoul' GROUP BY city;");
    expect(report.pass).toBe(false);
    expect(report.learnerOutput).toMatchObject({ kind: 'table', result: { columns: ['city', 'trips'], rows: [['Busan', 1], ['Daegu', 1]] } });
    expect(report.feedback.map((f) => f.message)).toEqual([
      '1 of the 1 expected row is missing from your result.',
      "Your result has 2 rows that should not be there: ('Busan', 1), ('Daegu', 1).",
    ]);
  });

  it('does not compare a runaway result, and keeps only what a sql cell shows', async () => {
    const huge = `WITH RECURSIVE n(x) AS (SELECT 1 UNION ALL SELECT x + 1 FROM n WHERE x < ${CHECK_ROWS + 1}) SELECT x AS city, 1 AS trips FROM n;`;
    const report = await checkExercise(engine, exercise('busiest-city'), huge);
    expect(report.feedback.map((f) => f.message)).toEqual([
      `Your result has ${CHECK_ROWS + 1} rows, far more than expected (the checker compares at most ${CHECK_ROWS}) — check the joins and the filters.`,
    ]);
    expect(report.learnerOutput).toMatchObject({ kind: 'table', totalRows: CHECK_ROWS + 1 });
    expect(report.learnerOutput.kind === 'table' && report.learnerOutput.result.rows.length).toBe(KEPT_ROWS);
  });

  it('reports rows in the wrong order when order matters', async () => {
    const report = await checkExercise(engine, exercise('ranking'), 'SELECT city, COUNT(*) AS trips FROM trips GROUP BY city ORDER BY trips, city;');
    expect(report.feedback.map((f) => f.message)).toEqual([
      'All the rows are right, but in another order — the first difference is at row 1. Check the ORDER BY.',
    ]);
    expect(report.results.map((r) => [r.check.kind, r.pass])).toEqual([['result', false]]);
  });

  it('leaves every table intact after a wrong DELETE in the attempt', async () => {
    const schema = await dump();
    const before = await tripRows();
    const report = await checkExercise(engine, exercise('clean-fares'), "DELETE FROM trips WHERE city = 'Busan';");
    expect(report.pass).toBe(false);
    expect(report.feedback.map((f) => f.message)).toEqual([
      "1 of the 4 expected rows is missing from table 'trips'.",
      "Table 'trips' has 1 row that should not be there: (4, 'Daegu', 5.25).",
      'No trip of Daegu may remain.',
    ]);
    const everything = await checkExercise(engine, exercise('clean-fares'), 'DELETE FROM trips;');
    expect(everything.feedback.map((f) => f.message)).toEqual(["4 of the 4 expected rows are missing from table 'trips'."]);
    expect(await tripRows()).toEqual(before);
    expect(await dump()).toEqual(schema);
  });

  it('leaves the database as before even when the attempt passes', async () => {
    const schema = await dump();
    const report = await checkExercise(engine, exercise('city-totals'), exercise('city-totals').solution);
    expect(report.pass).toBe(true);
    expect(await dump()).toEqual(schema);
  });

  it('keeps a passing attempt’s tables with keepPassingState, but never a failing one’s', async () => {
    const failing = await checkExercise(engine, exercise('city-totals'), exercise('city-totals').source, { keepPassingState: true });
    expect(failing.pass).toBe(false);
    expect((await engine.exec("SELECT COUNT(*) FROM sqlite_schema WHERE name = 'city_totals'")).result.rows).toEqual([[0]]);
    const passing = await checkExercise(engine, exercise('city-totals'), exercise('city-totals').solution, { keepPassingState: true });
    expect(passing.pass).toBe(true);
    expect((await engine.exec('SELECT city, trips FROM city_totals ORDER BY city')).result.rows).toEqual([
      ['Busan', 1],
      ['Daegu', 1],
      ['Seoul', 3],
    ]);
  });

  it('turns an error in the learner’s SQL into feedback and undoes the statements before it', async () => {
    const schema = await dump();
    const report = await checkExercise(engine, exercise('city-totals'), 'CREATE TABLE city_totals (city TEXT);\nSELECT nope FROM city_totals;');
    expect(report.pass).toBe(false);
    expect(report.feedback.map((f) => [f.code, f.message])).toEqual([
      ['learner-error', 'Your code stopped with an error in statement 2: no such column: nope'],
    ]);
    expect(report.learnerOutput).toEqual({
      kind: 'error',
      message: 'no such column: nope',
      statement: 2,
      tables: { read: [], written: ['city_totals'], statements: [{ statement: 1, read: [], written: ['city_totals'] }] },
    });
    expect(await dump()).toEqual(schema);
  });

  it('discards a transaction the attempt left open', async () => {
    const before = await tripRows();
    const report = await checkExercise(engine, exercise('clean-fares'), 'BEGIN; DELETE FROM trips;');
    expect(report.pass).toBe(false);
    expect(await tripRows()).toEqual(before);
    await engine.exec('BEGIN; DELETE FROM riders WHERE rider_id = 2; COMMIT;');
    expect((await engine.exec('SELECT COUNT(*) FROM riders')).result.rows).toEqual([[2]]);
  });

  it('does not start while an earlier cell holds a transaction open', async () => {
    await engine.exec("BEGIN; INSERT INTO trips VALUES (6, 'Ulsan', 3.0);");
    const report = await checkExercise(engine, exercise('clean-fares'), 'DELETE FROM trips;');
    expect(report.pass).toBe(false);
    expect(report.feedback.map((f) => f.code)).toEqual(['cannot-isolate']);
    expect(report.feedback[0]!.message).toMatch(/^The check did not start, because the database could not be copied first \(.+\)\. If a cell ran BEGIN, end it with COMMIT or ROLLBACK, then check again\.$/);
    expect((await engine.exec('SELECT COUNT(*) FROM trips')).result.rows).toEqual([[6]]);
  });

  it('reports a broken solution once, as the lesson’s mistake', async () => {
    const broken: ExerciseCell = { ...exercise('city-totals'), solution: 'CREATE TABLE city_totals AS SELECT * FROM tripz;' };
    const report = await checkExercise(engine, broken, exercise('city-totals').solution);
    expect(report.pass).toBe(false);
    expect(report.feedback.map((f) => f.message)).toEqual([
      "The lesson's solution did not run (no such table: tripz), so your answer could not be compared. This is a mistake in the lesson, not in your answer.",
    ]);
  });

  it('reports a stopped attempt and restores the database', async () => {
    const before = await tripRows();
    const stopping: RunCode = async (source) => {
      await engine.exec(source);
      return { kind: 'stopped', message: 'The query was stopped.' };
    };
    const report = await checkExercise(engine, exercise('clean-fares'), 'DELETE FROM trips;', { run: stopping });
    expect(report.feedback.map((f) => f.message)).toEqual(['The check was stopped. The database is as it was before.']);
    expect(await tripRows()).toEqual(before);
  });

  it('tells a learner who reruns a passed CREATE TABLE how to make it rerunnable', async () => {
    const ex = exercise('city-totals');
    const rerunnable: ExerciseCell = { ...ex, solution: `DROP TABLE IF EXISTS city_totals;\n${ex.solution}` };
    const first = await checkExercise(engine, rerunnable, ex.solution, { keepPassingState: true });
    expect(first.pass).toBe(true);
    const again = await checkExercise(engine, rerunnable, ex.solution, { keepPassingState: true });
    expect(again.feedback.map((f) => f.message)).toEqual([
      'Your code stopped with an error in statement 1: table city_totals already exists. It is there from an earlier run of this cell or another: start your code with DROP TABLE IF EXISTS city_totals; so the cell can run again.',
    ]);
    const fixed = await checkExercise(engine, rerunnable, `DROP TABLE IF EXISTS city_totals;\n${ex.solution}`, { keepPassingState: true });
    expect(fixed.pass).toBe(true);
  });

  describe('an upsert that SQLite reads as a join', () => {
    const upsert = (where: string) =>
      `INSERT INTO riders SELECT trip_id, city FROM trips${where} ON CONFLICT (rider_id) DO UPDATE SET name = excluded.name;`;
    const tip = "SQLite reads the ON after a SELECT's FROM as the start of a join: put WHERE true (or your WHERE clause) before ON CONFLICT.";
    const upsertExercise = (language: 'sql' | 'js', solution: string): ExerciseCell => ({
      ...exercise('clean-fares'),
      language,
      solution,
      checks: [{ ...DEFAULT_COMPARE_OPTIONS, kind: 'table', line: 1, table: 'riders', key: ['rider_id'] }],
    });
    beforeEach(async () => {
      await engine.exec('CREATE UNIQUE INDEX riders_id ON riders (rider_id);');
    });

    it('in a sql exercise', async () => {
      const ex = upsertExercise('sql', upsert(' WHERE true'));
      const report = await checkExercise(engine, ex, upsert(''));
      expect(report.feedback.map((f) => f.message)).toEqual([`Your code stopped with an error in statement 1: near "DO": syntax error. ${tip}`]);
      expect((await checkExercise(engine, ex, upsert(' WHERE true'))).pass).toBe(true);
    });

    it('in a js exercise whose sql() call failed', async () => {
      const run = jsRunner(engine);
      const ex = upsertExercise('js', `await sql(\`${upsert(' WHERE true')}\`);`);
      const report = await checkExercise(engine, ex, `await sql(\`\n  ${upsert('')}\n\`);`, { run });
      expect(report.feedback.map((f) => f.message)).toEqual([`Your code stopped with an error: near "DO": syntax error. ${tip}`]);
    });
  });

  it('checks a js exercise through the tables it loaded', async () => {
    const run = jsRunner(engine);
    const ex = exercise('named-riders');
    const starter = await checkExercise(engine, ex, ex.source, { run });
    expect(starter.feedback.map((f) => f.message)).toEqual([
      "There is no table 'named_riders' — your code should create it.",
    ]);
    expect(starter.results.map((r) => [r.check.kind, r.feedback.length])).toEqual([
      ['not_null', 1],
      ['table', 1],
    ]);
    const unfiltered = await checkExercise(engine, ex, "await load('named_riders', await extract('riders'));", { run });
    expect(unfiltered.feedback.map((f) => f.message)).toEqual([
      "1 row of table 'named_riders' has no name (NULL).",
      "Table 'named_riders' has 1 row that should not be there: (2, NULL).",
    ]);
    const texts = await checkExercise(
      engine,
      ex,
      "await load('named_riders', (await extract('riders')).filter((r) => r.name != null).map((r) => ({ ...r, rider_id: String(r.rider_id) })));",
      { run },
    );
    expect(texts.feedback.map((f) => f.message)).toEqual([
      expect.stringMatching(/^Column 'rider_id' of table 'named_riders' holds text where numbers are expected \(e\.g\. '\d+'\) — convert it with Number\(…\) before load\(\)\.$/),
    ]);
    const thrown = await checkExercise(engine, ex, "throw new Error('extract() needs a dataset name')", { run });
    expect(thrown.feedback.map((f) => f.message)).toEqual(['Your code stopped with an error: extract() needs a dataset name']);
    expect((await engine.exec("SELECT COUNT(*) FROM sqlite_schema WHERE name = 'named_riders'")).result.rows).toEqual([[0]]);
  });
});

describe('an idempotent check', () => {
  let engine: SqlEngine;
  let ex: ExerciseCell;
  beforeEach(async () => {
    engine = await createNodeEngine();
    await engine.exec(SETUP);
    ex = exercises().get('load-cities')!;
  });
  const messages = async (source: string, options: { run?: RunCode; keepPassingState?: boolean } = {}) =>
    (await checkExercise(engine, ex, source, options)).feedback.map((f) => f.message);
  /** The same exercise with only an idempotent check on `table`. */
  const only = (table: string, language: 'sql' | 'js' = 'sql'): ExerciseCell => ({
    ...ex,
    language,
    checks: [{ kind: 'idempotent', line: 1, tables: [table] }],
  });
  const countingRunner = (engineRunner: RunCode) => {
    const sources: string[] = [];
    const run: RunCode = (source) => {
      sources.push(source);
      return engineRunner(source);
    };
    return { run, sources };
  };

  it('fails a load that breaks the primary key when it runs again, even though its first run is right', async () => {
    const report = await checkExercise(engine, ex, "INSERT INTO city_counts SELECT city, COUNT(*) FROM trips WHERE city <> 'Seoul' GROUP BY city;");
    expect(report.results.map((r) => [r.check.kind, r.pass])).toEqual([
      ['table', true],
      ['idempotent', false],
    ]);
    expect(report.feedback.map((f) => f.message)).toEqual([
      'Running your code a second time failed in statement 1: UNIQUE constraint failed: city_counts.city. A rerun must run without errors and change nothing — skip what is already there.',
    ]);
  });

  it('passes a full refresh and an anti-join load, which a second run leaves alone', async () => {
    expect(await messages('DELETE FROM city_counts; INSERT INTO city_counts SELECT city, COUNT(*) FROM trips GROUP BY city;')).toEqual([]);
    expect(await messages('INSERT OR IGNORE INTO city_counts SELECT city, COUNT(*) FROM trips GROUP BY city;')).toEqual([]);
  });

  it('counts the rows a second run adds to a table without a key', async () => {
    expect(await checkExercise(engine, only('riders'), "INSERT INTO riders VALUES (4, 'Lee');")).toMatchObject({
      pass: false,
      feedback: [
        {
          code: 'rerun-changed',
          message:
            "Running your code a second time changed table 'riders': 1 row more (a rerun must change nothing — skip what is already there). New rows after the second run: (4, 'Lee').",
          examples: { columns: ['rider_id', 'name'], rows: [[4, 'Lee']] },
        },
      ],
    });
  });

  it('reruns only when an idempotent check asks for it, and keeps the state of the first run', async () => {
    const once = countingRunner(sqlRunner(engine));
    await checkExercise(engine, exercises().get('city-totals')!, exercises().get('city-totals')!.solution, { run: once.run });
    expect(once.sources).toHaveLength(2); // the attempt, then the solution

    // The riders row is outside the checked table: it shows which run's state was kept.
    const attempt = "INSERT OR IGNORE INTO city_counts SELECT city, COUNT(*) FROM trips GROUP BY city; INSERT INTO riders VALUES (4, 'Lee');";
    const twice = countingRunner(sqlRunner(engine));
    const report = await checkExercise(engine, ex, attempt, { run: twice.run, keepPassingState: true });
    expect(report.pass).toBe(true);
    expect(twice.sources).toEqual([attempt, attempt, ex.solution]);
    expect((await engine.exec("SELECT COUNT(*) FROM riders WHERE name = 'Lee'")).result.rows).toEqual([[1]]);
    expect((await engine.exec('SELECT COUNT(*) FROM city_counts')).result.rows).toEqual([[3]]);
  });

  it('puts the database back when the second run is stopped', async () => {
    const sql = sqlRunner(engine);
    let runs = 0;
    const stopsSecond: RunCode = async (source) => (++runs === 2 ? { kind: 'stopped', message: 'The query was stopped.' } : sql(source));
    const report = await checkExercise(engine, ex, ex.solution, { run: stopsSecond, keepPassingState: true });
    expect(report.feedback.map((f) => f.message)).toEqual(['The check was stopped. The database is as it was before.']);
    expect((await engine.exec('SELECT * FROM city_counts')).result.rows).toEqual([['Seoul', 3]]);
  });

  it('runs a js exercise again through the same runner, with the error tips of a first run', async () => {
    const run = jsRunner(engine);
    const appends = await checkExercise(engine, only('riders', 'js'), "await sql(\"INSERT INTO riders VALUES (4, 'Lee')\");", { run });
    expect(appends.feedback.map((f) => f.code)).toEqual(['rerun-changed']);
    const creates = await checkExercise(engine, only('extra', 'js'), "await sql('CREATE TABLE extra AS SELECT * FROM riders');", { run });
    expect(creates.feedback.map((f) => f.message)).toEqual([
      'Running your code a second time failed: table extra already exists. It is there from an earlier run of this cell or another: start your code with DROP TABLE IF EXISTS extra; so the cell can run again.',
    ]);
    const loads = await checkExercise(engine, only('named_riders', 'js'), exercises().get('named-riders')!.solution, { run });
    expect(loads.pass).toBe(true);
  });

  it('adds the author’s message and reports a table the first run did not make', async () => {
    const noted: ExerciseCell = { ...only('city_counts'), checks: [{ kind: 'idempotent', line: 1, tables: ['city_counts', 'nowhere'], message: 'Jobs are retried.' }] };
    const report = await checkExercise(engine, noted, "INSERT INTO city_counts VALUES ('Ulsan', 0);");
    expect(report.feedback.map((f) => f.message)).toEqual([
      'Running your code a second time failed in statement 1: UNIQUE constraint failed: city_counts.city. A rerun must run without errors and change nothing — skip what is already there. Jobs are retried.',
    ]);
    const missing = await checkExercise(engine, noted, 'SELECT 1;');
    expect(missing.feedback.map((f) => f.message)).toEqual(["There is no table 'nowhere' — your code should create it."]);
  });

  it('lets verifyExercise pass an idempotent solution and report one that is not, at the check’s line', async () => {
    expect(await verifyExercise(engine, ex)).toEqual([]);
    const appending: ExerciseCell = { ...ex, solution: 'INSERT INTO city_counts SELECT city || \'!\', COUNT(*) FROM trips GROUP BY city;' };
    const line = ex.checks[1]!.line;
    expect(await verifyExercise(engine, appending)).toEqual([
      {
        line,
        message:
          "the solution of 'load-cities' fails its own idempotent check: Running your code a second time failed in statement 1: UNIQUE constraint failed: city_counts.city. A rerun must run without errors and change nothing — skip what is already there.",
      },
    ]);
  });
});

describe('verifyExercise', () => {
  let engine: SqlEngine;
  beforeEach(async () => {
    engine = await createNodeEngine();
    await engine.exec(SETUP);
  });

  it('finds nothing wrong with a sound exercise', async () => {
    expect(await verifyExercise(engine, exercises().get('city-totals')!)).toEqual([]);
  });

  it('reports a check the solution itself fails, at the check’s line, and a starter that already passes', async () => {
    const ex = exercises().get('city-totals')!;
    const strict: ExerciseCell = {
      ...ex,
      source: ex.solution,
      checks: [...ex.checks, { kind: 'row_count', line: 99, table: 'city_totals', max: 2 }],
    };
    expect(await verifyExercise(engine, strict)).toEqual([
      { line: 99, message: "the solution of 'city-totals' fails its own row_count check: Table 'city_totals' has 3 rows; it should have at most 2." },
    ]);
    const easy: ExerciseCell = { ...ex, source: ex.solution };
    expect(await verifyExercise(engine, easy)).toEqual([
      { line: ex.line, message: "the starter code of 'city-totals' already passes every check — make the checks stricter or leave more for the learner to write" },
    ]);
  });
});
