// Loading a named dataset into a SqlEngine: read the file, parse it, insert
// the rows with one prepared statement in one transaction (engine.insert), and
// keep rejected lines in <table>_rejects so learners can query them.

import type { ColumnDef, SqlEngine } from '../sql/types';
import { parseDataset, type RejectedLine } from './parse';
import { findDataset, datasetNames } from './registry';
import { isScaledName, loadScaled } from './scaled';

/** Reads a file under datasets/ (fetch in the browser, fs in Node). */
export type ReadText = (file: string) => Promise<string>;

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

export class UnknownDatasetError extends Error {
  override name = 'UnknownDatasetError';
  constructor(readonly dataset: string) {
    super(`There is no dataset called "${dataset}". Known datasets: ${datasetNames().join(', ')}; larger generated sizes look like trips@1m.`);
  }
}

export async function loadDataset(engine: SqlEngine, name: string, readText: ReadText): Promise<LoadReport> {
  if (isScaledName(name)) return (await loadScaled(engine, [name]))[0]!;
  const def = findDataset(name);
  if (!def) throw new UnknownDatasetError(name);
  const started = now();
  const text = await readText(def.file);
  const { rows, rejected } = parseDataset(def, text);
  await engine.insert({ table: def.table, columns: [...def.columns], rows, mode: 'replace' });
  const rejectsTable = def.format === 'lines' ? null : `${def.table}_rejects`;
  if (rejectsTable) {
    await engine.insert({
      table: rejectsTable,
      columns: [...REJECT_COLUMNS],
      rows: rejected.map((r) => [r.line, r.reason, r.text]),
      mode: 'replace',
    });
  }
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
 * Generated sizes that share a trip count are made once.
 */
export async function loadDatasets(engine: SqlEngine, names: readonly string[], readText: ReadText): Promise<LoadReport[]> {
  const scaled = names.filter(isScaledName);
  const plain = names.filter((n) => !isScaledName(n));
  for (const n of plain) if (!findDataset(n)) throw new UnknownDatasetError(n);
  const files = new Map<string, Promise<string>>();
  for (const n of plain) {
    const file = findDataset(n)!.file;
    if (!files.has(file)) files.set(file, readText(file));
  }
  const cached: ReadText = (file) => files.get(file) ?? readText(file);
  const reports: LoadReport[] = [];
  for (const n of plain) reports.push(await loadDataset(engine, n, cached));
  if (scaled.length > 0) reports.push(...(await loadScaled(engine, scaled)));
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
