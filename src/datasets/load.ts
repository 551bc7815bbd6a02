// Loading a named dataset into a SqlEngine: read the file, parse it, insert
// the rows with one prepared statement per chunk (engine.insert), and keep
// rejected lines in <table>_rejects so learners can query them. In the browser
// this runs inside the SQL worker (see sql/worker-host.ts), so the page only
// renders the progress it reports.

import type { ColumnDef, SqlEngine, SqlValue } from '../sql/types';
import { DatasetLoadError } from './errors';
import { parseDataset, type RejectedLine } from './parse';
import { ProgressTracker, type LoadProgress } from './progress';
import { findDataset, datasetNames, type DatasetDef } from './registry';
import { isScaledName, loadScaled, parseScaledName } from './scaled';

/** Reads a file under datasets/ (fetch in the browser, fs in Node); may report bytes read as they come. */
export type ReadText = (file: string, onBytes?: (bytes: number, total: number | null) => void) => Promise<string>;

export type OnLoadProgress = (progress: LoadProgress) => void;

export interface LoadReport {
  dataset: string;
  table: string;
  /** The file read, or null for data generated on the spot. */
  file: string | null;
  rowsLoaded: number;
  rejected: RejectedLine[];
  /** Where the rejected lines are, or null when the format cannot reject (raw lines, generated data). */
  rejectsTable: string | null;
  bytes: number;
  elapsedMs: number;
}

export const REJECT_COLUMNS: readonly ColumnDef[] = [
  { name: 'line_no', type: 'INTEGER' },
  { name: 'reason', type: 'TEXT' },
  { name: 'text', type: 'TEXT' },
];

/** Rows per insert call: small enough that progress moves, large enough that the calls cost nothing. */
const INSERT_CHUNK = 50_000;

export class UnknownDatasetError extends DatasetLoadError {
  override name = 'UnknownDatasetError';
  constructor(readonly dataset: string) {
    super(`There is no dataset called "${dataset}". Known datasets: ${datasetNames().join(', ')}; larger generated sizes look like trips@1m.`, { kind: 'unknown-dataset' });
  }
}

export async function loadDataset(engine: SqlEngine, name: string, readText: ReadText): Promise<LoadReport> {
  if (isScaledName(name)) return (await loadScaled(engine, [name]))[0]!;
  const def = findDataset(name);
  if (!def) throw new UnknownDatasetError(name);
  const started = now();
  return insertParsed(engine, name, def, await readText(def.file), started, null);
}

async function insertParsed(
  engine: SqlEngine, name: string, def: DatasetDef, text: string, started: number, tracker: ProgressTracker | null,
): Promise<LoadReport> {
  const { rows, rejected } = parseDataset(def, text);
  tracker?.update(name, { stage: 'inserting', totalRows: rows.length, rows: 0 });
  const columns = [...def.columns];
  // The first chunk makes the table even when there are no rows.
  for (let at = 0; at === 0 || at < rows.length; at += INSERT_CHUNK) {
    await engine.insert({ table: def.table, columns, rows: rows.slice(at, at + INSERT_CHUNK), mode: at === 0 ? 'replace' : 'append' });
    tracker?.update(name, { rows: Math.min(rows.length, at + INSERT_CHUNK) });
  }
  const rejectsTable = def.format === 'lines' ? null : `${def.table}_rejects`;
  if (rejectsTable) {
    await engine.insert({
      table: rejectsTable,
      columns: [...REJECT_COLUMNS],
      rows: rejected.map((r): SqlValue[] => [r.line, r.reason, r.text]),
      mode: 'replace',
    });
  }
  tracker?.update(name, { stage: 'done' });
  return {
    dataset: name,
    table: def.table,
    file: def.file,
    rowsLoaded: rows.length,
    rejected,
    rejectsTable,
    bytes: byteLength(text),
    elapsedMs: now() - started,
  };
}

/**
 * Loads several datasets: files are read in parallel (the slow part in a
 * browser), then inserted one after another (SQLite writes one at a time).
 * Generated sizes that share a trip count are made once. `onProgress` gets
 * snapshots (at most ~10 a second) of bytes and rows per dataset.
 */
export async function loadDatasets(
  engine: SqlEngine, names: readonly string[], readText: ReadText, onProgress?: OnLoadProgress,
): Promise<LoadReport[]> {
  const scaled = names.filter(isScaledName);
  const plain = names.filter((n) => !isScaledName(n));
  for (const n of plain) if (!findDataset(n)) throw new UnknownDatasetError(n);
  const parsedScaled = scaled.map(parseScaledName);
  const tracker = onProgress
    ? new ProgressTracker(
        [
          ...plain.map((n) => ({ dataset: n, file: findDataset(n)!.file })),
          ...parsedScaled.map((s) => ({ dataset: s.name, file: null, totalRows: s.base === 'trips' ? s.trips : null })),
        ],
        onProgress,
      )
    : null;
  const started = now();
  const files = new Map<string, Promise<string>>();
  for (const n of plain) {
    const file = findDataset(n)!.file;
    if (files.has(file)) continue;
    const sharing = plain.filter((m) => findDataset(m)!.file === file);
    for (const m of sharing) tracker?.update(m, { stage: 'reading' });
    const onBytes = tracker ? (bytes: number, total: number | null) => { for (const m of sharing) tracker.update(m, { bytes, totalBytes: total }); } : undefined;
    const reading = readText(file, onBytes);
    // Awaited below in order; a failure of a later file must not go unhandled meanwhile.
    reading.catch(() => undefined);
    files.set(file, reading);
  }
  const reports: LoadReport[] = [];
  for (const n of plain) {
    const def = findDataset(n)!;
    reports.push(await insertParsed(engine, n, def, await files.get(def.file)!, started, tracker));
  }
  if (scaled.length > 0) {
    for (const s of scaled) tracker?.update(s, { stage: 'inserting' });
    const generated = await loadScaled(engine, scaled, (p) => {
      for (const [name, rows] of Object.entries(p.rows)) tracker?.update(name, { rows });
    });
    for (const r of generated) tracker?.update(r.dataset, { stage: 'done', rows: r.rowsLoaded, totalRows: r.rowsLoaded });
    reports.push(...generated);
  }
  return reports;
}

function now(): number {
  return typeof performance !== 'undefined' ? performance.now() : 0;
}

function byteLength(text: string): number {
  // Cheaper than encoding the whole text: only non-ASCII characters cost extra.
  let bytes = text.length;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c < 0x80) continue;
    if (c < 0x800) bytes += 1;
    else if (c >= 0xd800 && c <= 0xdbff) {
      bytes += 2;
      i++;
    } else bytes += 2;
  }
  return bytes;
}
