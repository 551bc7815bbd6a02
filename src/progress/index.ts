// The progress layer's public surface: the learner's saved work and progress
// over IndexedDB, and the pure helpers the UI needs around it. No UI here.
export * from './types';
export { openProgressStore, createMemoryProgressStore, ProgressStoreError, DEFAULTS, type StoreOptions, type IndexedDbStoreOptions } from './store';
export type { Clock, TimerHandle } from './clock';
export type { IndexedDbApi } from './idb';
export { DB_NAME, DB_VERSION } from './idb-persistence';
export { summariseProgress, lessonOutline, originalsOf, isExerciseCell, type ExerciseTest } from './summary';
export { lineDiff, type DiffLine } from './line-diff';
export { shareLink, readShareLink, SHARE_MAX_BYTES, type ShareLinkResult, type SharedCode } from './share-link';
export { EXPORT_FORMAT, EXPORT_VERSION, parseProgressFile, exportFileName, type ProgressFileV1 } from './export-format';
export { detectConflict } from './records';
export { progressMessages, type ProgressMessages } from './messages';
