// A stream cell in the notebook: reads through the engine, writes with
// engine.insert, replaces its tables on rerun and reports lineage.
import { describe, expect, it } from 'vitest';
import { lessonFromBody } from '../lesson/testing';
import { createNodeEngine } from '../sql/node-engine';
import { defaultExecutors } from './executors';
import { NotebookRuntime } from './runtime';

const fence = (info: string, code: string) => `\n\`\`\`${info}\n${code}\n\`\`\`\n`;
const events = fence(
  'sql id=events',
  `DROP TABLE IF EXISTS events;
CREATE TABLE events(arrival_no INTEGER, event_time TEXT, button TEXT);
INSERT INTO events VALUES
  (1, '2024-03-22T12:01:00Z', 'request_ride'), (2, '2024-03-22T12:08:00Z', 'request_ride'),
  (3, '2024-03-22T12:12:00Z', 'request_ride'), (4, '2024-03-22T12:03:00Z', 'request_ride'),
  (5, '2024-03-22T12:16:00Z', 'open_app'),     (6, '2024-03-22T12:30:00Z', 'request_ride'),
  (7, '2024-03-22T12:02:00Z', 'request_ride');`,
);
const stream = (extra: string) =>
  fence(
    'stream id=counts',
    `from: events
where: button = 'request_ride'
event_time: event_time
arrival: arrival_no
window: {type: tumbling, size: 10 min}
aggregate: {requests: count}
${extra}into: counts`,
  );

async function run(body: string) {
  const engine = await createNodeEngine();
  const runtime = new NotebookRuntime(lessonFromBody(body, { file: 'lessons/01-t.md' }), {
    engine,
    loadDatasets: async () => [],
    executors: defaultExecutors,
  });
  await runtime.runAll();
  return { engine, runtime };
}

describe('stream cells', () => {
  it('writes the windows, the side table and lineage', async () => {
    const { engine, runtime } = await run(events + stream('watermark: 5 min\nlate: side-table\n'));
    const out = runtime.cell('counts')?.output;
    expect(out?.kind).toBe('stream');
    const rows = await engine.exec('SELECT window_start, requests, revision, final FROM counts ORDER BY window_start');
    expect(rows.result.rows).toEqual([
      ['2024-03-22T12:00:00.000Z', 3, 1, 1],
      ['2024-03-22T12:10:00.000Z', 1, 1, 1],
      ['2024-03-22T12:30:00.000Z', 1, 1, 1],
    ]);
    // The 12:02 event arrives with the watermark at 12:25: past its window, into the side table.
    const late = await engine.exec('SELECT arrival_offset, event_time, watermark FROM counts_late');
    expect(late.result.rows).toEqual([[5, '2024-03-22T12:02:00Z', '2024-03-22T12:25:00.000Z']]);
    expect(runtime.state.lineage.get('counts')).toMatchObject({ read: ['events'], written: ['counts', 'counts_late'] });
  });

  it('replaces its tables on rerun, so a second run leaves the same rows', async () => {
    const { engine, runtime } = await run(events + stream('watermark: 5 min\n'));
    const first = await engine.exec('SELECT * FROM counts');
    await runtime.run('counts');
    expect((await engine.exec('SELECT * FROM counts')).result.rows).toEqual(first.result.rows);
  });

  it('marks a stream cell stale when its input is rewritten, and says what is wrong with a bad spec', async () => {
    const { runtime } = await run(events + stream('watermark: 5 min\n') + fence('stream id=bad', 'from: events\nevent_time: nope\nwindow: {type: tumbling, size: 1 min}\naggregate: {n: count}\ninto: x\nlate: dorp'));
    const bad = runtime.cell('bad')?.output;
    expect(bad).toMatchObject({ kind: 'error' });
    expect(bad?.kind === 'error' && bad.message).toBe("line 6: unknown late policy 'dorp' — did you mean 'drop'? — use drop, side-table or update");
    await runtime.run('events');
    expect(runtime.state.staleInputs).toContain('counts');
  });

  it('names a missing column', async () => {
    const { runtime } = await run(events + fence('stream id=c', 'from: events\nevent_time: happened_at\nwindow: {type: tumbling, size: 1 min}\naggregate: {n: count}\ninto: x'));
    const out = runtime.cell('c')?.output;
    expect(out?.kind === 'error' && out.message).toBe("column 'happened_at' is not in events; its columns are arrival_no, event_time, button");
  });
});
