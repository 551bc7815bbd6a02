export { parseStreamSpec, STREAM_KEYS, type StreamSpecParse } from './spec';
export { runStream, type EmittedRow, type EventStatus, type EventTrace, type StreamEvent, type StreamRun, type StreamSummary } from './engine';
export { eventsFrom, formatTime, outputTables, parseTime, type TableOut } from './source';
export { formatDuration, parseDuration } from './duration';
export { flinkSql, sparkStreaming } from './production';
export type { StreamSpec, SpecProblem } from './types';
