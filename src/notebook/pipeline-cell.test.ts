// A pipeline cell in a lesson: parsed with file:line errors, run by the
// runtime (reads and writes reported for lineage), driven by commands, and
// as an exercise judged by pipeline_state checks.
import { describe, expect, it } from 'vitest';
import { parseLesson } from '../lesson/parse';
import { lessonFromBody } from '../lesson/testing';
import { createNodeEngine } from '../sql/node-engine';
import { NotebookRuntime } from './runtime';

const SETUP = "CREATE TABLE raw (day TEXT, v INTEGER); INSERT INTO raw VALUES ('2024-04-15', 1), ('2024-04-16', 2), ('2024-04-16', 3), ('2024-04-17', 4); CREATE TABLE clean (day TEXT, v INTEGER);";

const PIPELINE = `start: 2024-04-15
end: 2024-04-17
tasks:
  - id: load
    sql_from: load-sql
    writes: [clean]
  - id: one_row_per_day
    after: [load]
    test: {not_null: {table: clean, column: v}}
failures:
  - {task: load, dates: [2024-04-16]}`;

const body = `
\`\`\`sql id=setup
${SETUP}
\`\`\`

\`\`\`sql id=load-sql
DELETE FROM clean WHERE day = :ds;
INSERT INTO clean SELECT day, v FROM raw WHERE day = :ds;
\`\`\`

\`\`\`pipeline id=nightly
${PIPELINE}
\`\`\`

\`\`\`pipeline exercise id=fix-it
${PIPELINE}
\`\`\`

\`\`\`pipeline solution for=fix-it
${PIPELINE.replace('failures:\n  - {task: load, dates: [2024-04-16]}', 'failures:\n  - {task: load, dates: [2024-04-16], until_try: 2}').replace('    writes: [clean]', '    writes: [clean]\n    retries: 1')}
\`\`\`

\`\`\`yaml checks for=fix-it
- pipeline_state: {task: load, state: success, from: 2024-04-15, to: 2024-04-17}
- pipeline_state: {table: clean, partitions: materialized, from: 2024-04-15, to: 2024-04-17}
- pipeline_state: {task: load, ds: 2024-04-16, tries: 2}
\`\`\`
`;

async function runtime() {
  const lesson = lessonFromBody(body);
  return new NotebookRuntime(lesson, { engine: await createNodeEngine(), loadDatasets: async () => {} });
}

describe('pipeline cells', () => {
  it('runs the schedule, takes SQL from another cell and reports reads and writes for lineage', async () => {
    const rt = await runtime();
    await rt.run('setup');
    await rt.run('nightly');
    const out = rt.cell('nightly')!.output!;
    expect(out.kind).toBe('pipeline');
    if (out.kind !== 'pipeline') return;
    expect(out.state.runs.map((r) => `${r.ds} ${r.state}`)).toEqual(['2024-04-15 success', '2024-04-16 failed', '2024-04-17 success']);
    expect(out.tables.written).toEqual(['clean']);
    expect(out.tables.read).toContain('raw');
    expect(rt.state.lineage.get('nightly')?.written).toEqual(['clean']);
  });

  it('continues the same session with commands: reset, step, backfill', async () => {
    const rt = await runtime();
    await rt.run('setup');
    await rt.run('nightly');
    await rt.pipeline('nightly', { kind: 'reset' });
    let out = rt.cell('nightly')!.output!;
    expect(out.kind === 'pipeline' && out.state.runs.length).toBe(0);
    await rt.pipeline('nightly', { kind: 'step' });
    out = rt.cell('nightly')!.output!;
    expect(out.kind === 'pipeline' && out.state.runs.map((r) => r.ds)).toEqual(['2024-04-15']);
    await rt.pipeline('nightly', { kind: 'backfill', start: '2024-04-15', end: '2024-04-17', mode: 'missing' });
    out = rt.cell('nightly')!.output!;
    expect(out.kind === 'pipeline' && out.state.runs.map((r) => `${r.ds} ${r.type}`)).toEqual(['2024-04-15 scheduled', '2024-04-16 backfill', '2024-04-17 backfill']);
  });

  it('judges a pipeline exercise by the states of its run', async () => {
    const rt = await runtime();
    await rt.run('setup');
    await rt.run('load-sql');
    await rt.run('fix-it');
    const wrong = rt.cell('fix-it')!.output!;
    expect(wrong.kind === 'exercise' && wrong.pass).toBe(false);
    expect(wrong.kind === 'exercise' && wrong.feedback.map((f) => f.message)).toEqual([
      "Task 'load' should be success on 1 day where it is not — 2024-04-16: failed.",
      "Table 'clean''s partition should be materialized on 1 day where it is not — 2024-04-16: failed.",
      "Task 'load' should be at least 2 tries on 1 day where it is not — 2024-04-16: 1 try.",
    ]);
    const lesson = rt['lesson'] as { cells: Array<{ id: string; kind: string; solution?: string }> };
    rt.edit('fix-it', lesson.cells.find((c) => c.id === 'fix-it')!.solution!);
    await rt.run('fix-it');
    const right = rt.cell('fix-it')!.output!;
    expect(right.kind === 'exercise' && right.feedback).toEqual([]);
    expect(right.kind === 'exercise' && right.pass).toBe(true);
  });

  it('reports spec problems at their file line', () => {
    const text = `---\nid: p\ntitle: P\nstage: processing\nsummary: s\ndatasets: []\nobjectives: [o]\n---\n\n\`\`\`pipeline id=p\nstart: 2024-04-15\nend: 2024-04-17\ntasks:\n  - id: a\n    sql: SELECT 1\n    aftr: [b]\n  - id: b\n    sql_from: nowhere\n\`\`\`\n`;
    const result = parseLesson('lessons/50-p.md', text);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.errors.map((e) => `${e.line}: ${e.message.slice(0, 60)}`)).toEqual(["16: pipeline spec: unknown key 'aftr' in a task — did you mean '"]);
    // Once the spec reads, a sql_from naming no cell is found too.
    const fixed = parseLesson('lessons/50-p.md', text.replace('aftr', 'after'));
    expect(fixed.ok === false && fixed.errors.map((e) => `${e.line}: ${e.message.slice(0, 60)}`)).toEqual([
      "17: pipeline spec: task 'b' takes its SQL from cell 'nowhere', w",
    ]);
  });

  it('reports a bad pipeline_state check at its line', () => {
    const text = `---\nid: p\ntitle: P\nstage: processing\nsummary: s\ndatasets: []\nobjectives: [o]\n---\n\n\`\`\`pipeline exercise id=p\nstart: 2024-04-15\nend: 2024-04-17\ntasks:\n  - {id: a, sql: SELECT 1}\n\`\`\`\n\n\`\`\`pipeline solution for=p\nstart: 2024-04-15\nend: 2024-04-17\ntasks:\n  - {id: a, sql: SELECT 1}\n\`\`\`\n\n\`\`\`yaml checks for=p\n- pipeline_state: {task: a, state: sucess, ds: 2024-04-15}\n- pipeline_state: {table: t, partitions: materialized, from: 2024-04-15}\n\`\`\`\n`;
    const result = parseLesson('lessons/50-p.md', text);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.errors.map((e) => `${e.line}: ${e.message}`)).toEqual([
      "25: state must be one of success, failed, up_for_retry, upstream_failed, skipped, none, not 'sucess' — did you mean 'success'?",
      '26: a range needs both from and to',
    ]);
  });
});
