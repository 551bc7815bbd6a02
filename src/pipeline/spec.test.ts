import { describe, expect, it } from 'vitest';
import { parsePipelineSpec } from './spec';

const ok = (text: string) => {
  const r = parsePipelineSpec(text);
  if (!r.ok) throw new Error(r.errors.map((e) => `${e.line}: ${e.message}`).join('\n'));
  return r.spec;
};
const errors = (text: string) => {
  const r = parsePipelineSpec(text);
  if (r.ok) throw new Error('expected errors');
  return r.errors;
};

const BASE = `schedule: daily at 02:00
start: 2024-04-15
end: 2024-04-21
tasks:
  - id: clean
    sql: |
      DELETE FROM clean WHERE day = :ds;
      INSERT INTO clean SELECT :ds;
    writes: [clean]
    retries: 2
    retry_delay: 10m
  - id: mart
    after: [clean]
    sql: SELECT 1
  - id: test_mart
    after: [mart]
    test: {unique: {table: clean, columns: [day]}}
`;

describe('parsePipelineSpec', () => {
  it('reads schedule, dates, tasks, retries and a check task', () => {
    const spec = ok(BASE);
    expect(spec.at).toBe(120);
    expect(spec.start).toBe('2024-04-15');
    expect(spec.catchup).toBe(true);
    expect(spec.turnedOn).toBe('2024-04-15');
    expect(spec.tasks.map((t) => [t.id, t.kind, t.after])).toEqual([
      ['clean', 'sql', []],
      ['mart', 'sql', ['clean']],
      ['test_mart', 'check', ['mart']],
    ]);
    expect(spec.tasks[0]).toMatchObject({ retries: 2, retryDelay: 10, writes: [{ table: 'clean', column: 'day' }], line: 5 });
    expect(spec.tasks[2]!.check).toMatchObject({ kind: 'unique', table: 'clean', columns: ['day'] });
  });

  it('names an unknown key with its line and a did-you-mean', () => {
    const e = errors(BASE.replace('    retries: 2', '    retires: 2'));
    expect(e).toEqual([{ line: 10, message: expect.stringContaining("unknown key 'retires' in a task — did you mean 'retries'?") }]);
  });

  it('names a cycle with its path', () => {
    const e = errors(BASE.replace('  - id: clean\n', '  - id: clean\n    after: [test_mart]\n'));
    expect(e).toHaveLength(1);
    expect(e[0]!.message).toContain('in a circle');
    expect(e[0]!.message).toMatch(/clean → mart → test_mart → clean|test_mart → clean → mart → test_mart|mart → test_mart → clean → mart/);
  });

  it('names an unknown upstream with the line of the after entry', () => {
    const e = errors(BASE.replace('after: [clean]', 'after: [claen]'));
    expect(e).toEqual([{ line: 13, message: expect.stringContaining("runs after 'claen', which is no task here — did you mean 'clean'?") }]);
  });

  it('rejects bad dates, including ones that do not exist', () => {
    const e = errors(BASE.replace('end: 2024-04-21', 'end: 2024-02-30').replace('start: 2024-04-15', 'start: 15/04/2024'));
    expect(e.map((x) => x.line)).toEqual([2, 3]);
    expect(e[0]!.message).toContain("start '15/04/2024' is not a date");
    expect(e[1]!.message).toContain("end '2024-02-30' is not a date");
  });

  it('rejects end before start and a bad schedule', () => {
    expect(errors(BASE.replace('end: 2024-04-21', 'end: 2024-04-01'))[0]!.message).toContain('before start');
    expect(errors(BASE.replace('daily at 02:00', 'hourly'))[0]).toMatchObject({ line: 1, message: expect.stringContaining("schedule 'hourly' is not supported") });
  });

  it('rejects an unknown data test and an unknown task kind', () => {
    expect(errors(BASE.replace('{unique:', '{uniqe:'))[0]!.message).toContain("did you mean 'unique'?");
    expect(errors(BASE.replace('    sql: SELECT 1', '    kind: sensr\n    sql: SELECT 1'))[0]!.message).toContain("did you mean 'sensor'?");
  });

  it('reads failures and then-actions', () => {
    const spec = ok(`${BASE}failures:
  - {task: clean, dates: [2024-04-17], until_try: 3}
  - {task: mart, probability: 0.5, seed: 7}
then:
  - backfill: {start: 2024-04-15, end: 2024-04-17, only: all}
  - clear: {task: clean, ds: 2024-04-16, downstream: true}
  - trigger: 2024-04-21
`);
    expect(spec.failures).toMatchObject([
      { task: 'clean', dates: ['2024-04-17'], untilTry: 3 },
      { task: 'mart', probability: 0.5, seed: 7 },
    ]);
    expect(spec.then.map((a) => a.kind)).toEqual(['backfill', 'clear', 'trigger']);
  });

  it('points a failure at an unknown task', () => {
    expect(errors(`${BASE}failures:\n  - {task: mrt}\n`)[0]).toMatchObject({ line: 19, message: expect.stringContaining("did you mean 'mart'?") });
  });

  it('says what YAML is broken and where', () => {
    const e = errors('start: 2024-04-15\n  end: : x\n');
    expect(e[0]!.line).toBeGreaterThan(0);
  });
});
