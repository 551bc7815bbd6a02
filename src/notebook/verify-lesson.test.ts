// verifyLesson runs a lesson as a learner would, in Node: the real datasets
// (datasets/), sql.js in-process, and js cells in a real worker_threads thread.
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { loadDatasets } from '../datasets/load';
import { nodeSource } from '../datasets/node-source';
import { parseLesson } from '../lesson/parse';
import { formatIssue, type Lesson } from '../lesson/types';
import { NodeThreadSandboxWorker } from '../sandbox/node-thread-worker';
import { createNodeEngine } from '../sql/node-engine';
import { datasetProblem, datasetTablesOf, verifyLesson, type VerifyLessonOptions } from './verify-lesson';

const FIXTURES = new URL('../../test/lesson-fixtures/check/', import.meta.url);
const readText = nodeSource();

function options(text?: string, timeoutMs?: number): VerifyLessonOptions {
  return {
    createEngine: createNodeEngine,
    loadDatasets: async (names, engine) => datasetTablesOf(await loadDatasets(engine, names, readText)),
    sandbox: { createWorker: () => new NodeThreadSandboxWorker(), readText, ...(timeoutMs ? { timeoutMs } : {}) },
    ...(text === undefined ? {} : { text }),
  };
}

function parse(file: string, text: string): Lesson {
  const parsed = parseLesson(file, text);
  if (!parsed.ok) throw new Error(parsed.errors.map(formatIssue).join('\n'));
  return parsed.lesson;
}

async function verifyFixture(name: string): Promise<string[]> {
  const text = readFileSync(fileURLToPath(new URL(name, FIXTURES)), 'utf8');
  const file = `test/lesson-fixtures/check/${name}`;
  return (await verifyLesson(parse(file, text), options(text))).map(formatIssue);
}

/** A lesson with no datasets, from its body. */
function inline(body: string): Lesson {
  return parse('lessons/42-inline.md', `---\nid: inline\ntitle: T\nstage: processing\nsummary: S.\nobjectives:\n  - o\n---\n${body}`);
}

describe('verifyLesson', () => {
  it('finds nothing wrong with a lesson whose cells run, chart draws and exercise passes — later cells see the tables the solution made', async () => {
    expect(await verifyFixture('01-good-lesson.md')).toEqual([]);
  }, 30_000);

  it('reports every run-time mistake of a broken lesson at the line to fix', async () => {
    const f = 'test/lesson-fixtures/check/90-broken-lesson.md';
    expect(await verifyFixture('90-broken-lesson.md')).toEqual([
      `${f}:8: unknown dataset 'tripz' — did you mean 'trips'? (datasets: riders, drivers, profile_changes, trips, app_events, app_events_raw, server_log, server_log_raw, cs_tickets, experiment_assignments)`,
      `${f}:15: cell bad-column failed: statement 1: no such column: pickup_city`,
      `${f}:25: cell city-chart failed: column 'trip_count' (y) is not in the result; available columns: city, trips`,
      expect.stringMatching(new RegExp(`^${f}:44: the solution of 'cheap-trips' fails its own no_rows check: The solution cannot delete trips`)),
      `${f}:51: the starter code of 'count-trips' already passes every check — make the checks stricter or leave more for the learner to write`,
    ]);
  }, 30_000);

  it('reports a js cell that throws, with the line of the cell', async () => {
    const lesson = inline('\n```js id=boom\nconst x = 1;\nthrow new Error("no data");\n```\n');
    expect((await verifyLesson(lesson, options())).map(formatIssue)).toEqual([
      'lessons/42-inline.md:10: cell boom failed: line 2: no data',
    ]);
  }, 30_000);

  it('reports a stream spec mistake at its own line of the file', async () => {
    const lesson = inline('\n```stream id=s\nfrom: t\nevent_time: e\nwindw: {type: tumbling, size: 1 min}\naggregate: {n: count}\ninto: o\n```\n');
    expect((await verifyLesson(lesson, options())).map(formatIssue)).toEqual([
      'lessons/42-inline.md:11: stream s: missing window — add \'window: {type: tumbling, size: 15 min}\' (tumbling size, sliding size + slide, or session gap)',
      "lessons/42-inline.md:13: stream s: unknown key 'windw' — did you mean 'window'? (keys: from, where, event_time, arrival, key, window, aggregate, trigger, watermark, allowed_lateness, late, into, late_table, state_table)",
    ]);
  }, 30_000);

  it('stops a js cell that never ends at the time limit and reports it', async () => {
    const lesson = inline('\n```js id=spin\nwhile (true) {}\n```\n\n```sql id=after\nSELECT 1 AS one;\n```\n');
    const issues = await verifyLesson(lesson, options(undefined, 500));
    expect(issues.map(formatIssue)).toEqual([expect.stringMatching(/^lessons\/42-inline\.md:10: cell spin failed: Stopped after 0\.5 s: the time limit/)]);
  }, 30_000);

  it('checks a js exercise in the sandbox and keeps the solution’s table for the cells below', async () => {
    const lesson = inline(
      [
        '',
        '```js exercise id=named',
        "await load('named', [{ name: null }]);",
        '```',
        '',
        '```js solution for=named',
        "await load('named', [{ name: 'Ana' }, { name: 'Bo' }]);",
        '```',
        '',
        '```yaml checks for=named',
        '- not_null: {table: named, column: name}',
        '- row_count: {table: named, min: 2}',
        '```',
        '',
        '```sql id=count-named',
        'SELECT count(*) AS n FROM named;',
        '```',
        '',
      ].join('\n'),
    );
    expect(await verifyLesson(lesson, options())).toEqual([]);
  }, 30_000);

  it('reports a solution that cannot run a second time, as a learner who reruns a passed exercise would', async () => {
    const exercise = (id: string, solution: string) =>
      [
        '',
        `\`\`\`sql exercise id=${id}`,
        'SELECT 1;',
        '```',
        '',
        `\`\`\`sql solution for=${id}`,
        solution,
        '```',
        '',
        `\`\`\`yaml checks for=${id}`,
        `- row_count: {table: ${id.replace('-', '_')}, min: 1}`,
        '```',
        '',
      ].join('\n');
    const lesson = inline(
      exercise('once-only', 'CREATE VIEW once_only AS SELECT 1 AS a;') +
        exercise('rerunnable', 'DROP TABLE IF EXISTS rerunnable; CREATE TABLE rerunnable AS SELECT 1 AS a;'),
    );
    expect((await verifyLesson(lesson, options())).map(formatIssue)).toEqual([
      expect.stringMatching(
        /^lessons\/42-inline\.md:14: the solution of 'once-only' fails when it runs a second time, .*view once_only already exists.* — begin it with DROP TABLE\/VIEW IF EXISTS/,
      ),
    ]);
  }, 30_000);

  it('reports a cell that fails because a cell above it broke, so the author sees the chain', async () => {
    const lesson = inline('\n```sql id=make\nCREATE TABLE t AS SELECT nope;\n```\n\n```sql id=use\nSELECT * FROM t;\n```\n');
    expect((await verifyLesson(lesson, options())).map(formatIssue)).toEqual([
      'lessons/42-inline.md:10: cell make failed: statement 1: no such column: nope',
      'lessons/42-inline.md:14: cell use failed: statement 1: no such table: t',
    ]);
  });

  it('without a sandbox, reports js cells as cells that cannot run', async () => {
    const lesson = inline('\n```js id=etl\ndisplay(1);\n```\n');
    const { sandbox: _, ...noSandbox } = options();
    const issues = await verifyLesson(lesson, noSandbox);
    expect(issues.map(formatIssue)).toEqual([expect.stringMatching(/^lessons\/42-inline\.md:10: cell etl failed: .*cannot run js cells/)]);
  });

  it('reports a dataset that fails to load at the datasets key', async () => {
    const text = '---\nid: x\ntitle: T\nstage: processing\nsummary: S.\ndatasets: [trips]\nobjectives:\n  - o\n---\n\n```sql id=q\nSELECT 1;\n```\n';
    const lesson = parse('lessons/43-x.md', text);
    const issues = await verifyLesson(lesson, {
      ...options(text),
      loadDatasets: async () => {
        throw new Error('disk on fire');
      },
    });
    expect(issues.map(formatIssue)).toEqual(["lessons/43-x.md:6: the lesson's datasets could not be loaded: disk on fire"]);
  });
});

describe('datasetProblem', () => {
  it.each([
    ['trips', undefined],
    ['trips@100k', undefined],
    ['ticket_trips', undefined],
  ])('accepts %s', (name, expected) => {
    expect(datasetProblem(name)).toBe(expected);
  });

  it('names the closest known dataset for a typo, and rejects generated sizes of an unknown table or out of range', () => {
    expect(datasetProblem('ridres')).toMatch(/^unknown dataset 'ridres' — did you mean 'riders'\?/);
    expect(datasetProblem('cs_tickets@1m')).toMatch(/is not a generated dataset/);
    expect(datasetProblem('trips@50k')).toMatch(/generated sizes go from/);
  });
});
