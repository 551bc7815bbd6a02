import { describe, expect, it } from 'vitest';
import { runStream, parseStreamSpec, type StreamEvent } from '../../stream';
import { textForm } from './text-form';

describe('textForm', () => {
  it('tells each arrival and each emission, revisions included', () => {
    const parsed = parseStreamSpec('from: e\nevent_time: t\nwindow: {type: tumbling, size: 10 min}\naggregate: {n: count}\nallowed_lateness: 10 min\nlate: update\ninto: o');
    if (!parsed.ok) throw new Error('bad spec');
    const T0 = Date.parse('2024-03-22T12:00:00Z');
    const events: StreamEvent[] = [5, 12, 7].map((m, offset) => ({ offset, eventTime: T0 + m * 60_000, procTime: T0 + m * 60_000, key: null, row: {} }));
    const run = runStream(parsed.spec, events);
    expect(textForm(parsed.spec, run, 2)).toEqual([
      'at arrival 0: event at 2024-03-22 12:05 on time → 2024-03-22 12:00–12:10; watermark 12:05',
      'at arrival 1: event at 2024-03-22 12:12 on time → 2024-03-22 12:10–12:20; watermark 12:12',
      '  emitted window 2024-03-22 12:00–12:10 n 1 (revision 1)',
      'at arrival 2: event at 2024-03-22 12:07 late, counted → 2024-03-22 12:00–12:10; watermark 12:12',
      '  emitted window 2024-03-22 12:00–12:10 n 2 (revision 2)',
    ]);
    expect(textForm(parsed.spec, run, 3).at(-3)).toBe('end of input: the watermark jumps to the end and every window fires');
  });
});
