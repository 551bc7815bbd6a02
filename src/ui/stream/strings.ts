// Learner-facing words of the stream view, in one place for translation.
export const streamStrings = {
  tabs: { timeline: 'Timeline', results: 'Results', text: 'As text', production: 'Equivalent in production' },
  play: 'Play',
  pause: 'Pause',
  step: 'Step',
  stepBatch: 'Step one micro-batch',
  speed: 'Speed',
  scrubber: 'Clock: step through the replay',
  status: { 'on-time': 'on time', 'out-of-order': 'out of order', 'late-counted': 'late, counted', dropped: 'dropped', 'side-table': 'to side table' },
  band: { open: 'open', fired: 'fired', final: 'final' },
  summary: (s: { events: number; outOfOrder: number; lateCounted: number; dropped: number; sideTable: number; windows: number; revisions: number }) =>
    `${s.events} events: ${s.outOfOrder} out of order, ${s.lateCounted} late but counted, ${s.dropped} dropped, ${s.sideTable} to the side table; ${s.windows} windows, ${s.revisions} revisions.`,
  topic: (topic: string, read: number, total: number) => `Topic ${topic}: offsets 0–${Math.max(0, total - 1)}; the processor has read up to offset ${read - 1} (lag ${total - read}).`,
  watermark: (w: string) => `watermark ${w}`,
  clock: (step: number, steps: number) => `step ${step + 1} of ${steps}`,
  traded: (before: { dropped: number; delay: string }, after: { dropped: number; delay: string }) =>
    `What you traded: before, ${before.dropped} dropped and windows final after up to ${before.delay}; now ${after.dropped} dropped and final after up to ${after.delay}.`,
  generated: 'Generated from this cell’s spec — text to read, not run here. The workbench is not Flink or Spark.',
  flink: 'Flink SQL',
  spark: 'Spark Structured Streaming (PySpark)',
  axisEventTime: 'event time',
  axisArrival: 'arrival order',
  flush: 'end of input: the watermark jumps to the end and every window fires',
};
