// Every string the UI shows, in one place, so a translation (Korean first)
// can be added as another catalog of the same shape.
import type { Stage } from '../lesson/types';

const en = {
  appTitle: 'Data Engineering Workbench',
  appTagline: 'Learn data engineering by doing it, on the data of a ride-hailing company.',
  home: 'All lessons',
  stageNames: {
    foundations: 'Foundations',
    ingestion: 'Ingestion',
    processing: 'Processing',
    storage: 'Storage',
    access: 'Access',
  } satisfies Record<Stage, string>,
  stageBlurbs: {
    foundations: 'The company, its systems and the data they produce.',
    ingestion: 'Getting data in: batch, micro-batch and streaming.',
    processing: 'Parsing, cleaning and reshaping: ETL and ELT.',
    storage: 'Warehouse models, marts and summary tables.',
    access: 'Serving answers: lookups, dashboards, analyses.',
  } satisfies Record<Stage, string>,
  minutes: (n: number) => `${n} min`,
  objectives: 'You will',
  datasets: 'Data',
  runAll: 'Run all',
  stop: 'Stop',
  runCell: 'Run cell',
  running: 'Running…',
  queued: 'Queued',
  stale: 'Edited since it ran',
  stoppedRunning: 'Stopped',
  loadingEditor: 'Loading the editor…',
  loadingData: (names: string[]) => `Loading ${names.join(', ')}…`,
  dataReady: 'Data loaded',
  dataFailed: 'The data did not load',
  rowCount: (n: number) => `${n.toLocaleString('en-US')} ${n === 1 ? 'row' : 'rows'}`,
  rowsShown: (shown: number, total: number) =>
    `Showing the first ${shown.toLocaleString('en-US')} of ${total.toLocaleString('en-US')} rows.`,
  changes: (n: number) => `${n.toLocaleString('en-US')} ${n === 1 ? 'row' : 'rows'} changed.`,
  noRows: 'The query returned no rows.',
  statementsRan: (n: number) => `${n} statements ran; the last one's result is shown.`,
  noResult: 'Done. The last statement returns no rows.',
  elapsed: (ms: number) => (ms < 1000 ? `${Math.max(1, Math.round(ms))} ms` : `${(ms / 1000).toFixed(2)} s`),
  errorInStatement: (n: number) => `Error in statement ${n}`,
  error: 'Error',
  keyboardHint: 'Shift+Enter runs and moves on · Ctrl/Cmd+Enter runs in place',
  lessonNotFound: (id: string) => `There is no lesson called “${id}”.`,
  lessonBroken: 'This lesson file has problems',
  lessonBrokenHelp: 'The other lessons still work. An author can fix these lines:',
  cellLabel: (id: string) => `Cell ${id}`,
  nullValue: 'NULL',
  blobValue: (bytes: number) => `BLOB (${bytes} bytes)`,
  noLessons: 'No lessons yet.',
};

export type Strings = typeof en;

export const strings: Strings = en;
