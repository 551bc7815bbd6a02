// What a dataset load reports while it runs: per file, bytes read and rows
// inserted; overall, rows, rows per second and the time left. Pure: the SQL
// worker feeds a tracker and posts its snapshots; the page only renders them.

export type FileStage = 'waiting' | 'reading' | 'inserting' | 'done';

export interface FileProgress {
  /** The dataset name the lesson asked for (trips, trips@1m, ...). */
  dataset: string;
  /** The file read, or null for generated data. */
  file: string | null;
  stage: FileStage;
  bytes: number;
  /** From Content-Length; null when the server did not say. */
  totalBytes: number | null;
  rows: number;
  /** Known up front for generated data; for a file, once it is parsed. */
  totalRows: number | null;
}

export interface LoadProgress {
  files: FileProgress[];
  rows: number;
  elapsedMs: number;
  rowsPerSecond: number;
  /** Estimated milliseconds left, or null until there is enough to go on. */
  remainingMs: number | null;
  /** 0..1 over the whole load. */
  fraction: number;
}

export class ProgressTracker {
  private readonly files = new Map<string, FileProgress>();
  private lastEmit = -Infinity;

  constructor(
    datasets: readonly { dataset: string; file: string | null; totalRows?: number | null }[],
    private readonly emit: (progress: LoadProgress) => void,
    private readonly now: () => number = () => performance.now(),
    /** At most one snapshot per this many ms, besides stage changes. */
    private readonly intervalMs = 100,
    private readonly started = now(),
  ) {
    for (const d of datasets) {
      this.files.set(d.dataset, { dataset: d.dataset, file: d.file, stage: 'waiting', bytes: 0, totalBytes: null, rows: 0, totalRows: d.totalRows ?? null });
    }
  }

  /** Merges `change` into the dataset's entry; stage changes are always reported, the rest at most every intervalMs. */
  update(dataset: string, change: Partial<Omit<FileProgress, 'dataset' | 'file'>>): void {
    const entry = this.files.get(dataset);
    if (!entry) return;
    const stageChanged = change.stage !== undefined && change.stage !== entry.stage;
    Object.assign(entry, change);
    const t = this.now();
    if (!stageChanged && t - this.lastEmit < this.intervalMs) return;
    this.lastEmit = t;
    this.emit(this.snapshot());
  }

  snapshot(): LoadProgress {
    const files = [...this.files.values()].map((f) => ({ ...f }));
    const elapsedMs = Math.max(0, this.now() - this.started);
    const rows = files.reduce((n, f) => n + f.rows, 0);
    const fraction = files.length === 0 ? 1 : files.reduce((n, f) => n + fileFraction(f), 0) / files.length;
    const rowsPerSecond = elapsedMs > 0 ? (rows * 1000) / elapsedMs : 0;
    // Time left from the share done so far; too early a guess jumps about, so wait for 2%.
    const remainingMs = fraction >= 0.02 && fraction < 1 ? (elapsedMs * (1 - fraction)) / fraction : fraction >= 1 ? 0 : null;
    return { files, rows, elapsedMs, rowsPerSecond, remainingMs, fraction };
  }
}

/** Reading counts for the first half of a file's share and inserting for the second, unless rows are all we know. */
export function fileFraction(f: FileProgress): number {
  if (f.stage === 'done') return 1;
  if (f.file === null) return f.totalRows ? Math.min(1, f.rows / f.totalRows) : 0;
  const read = f.stage === 'waiting' ? 0 : f.stage === 'inserting' ? 1 : f.totalBytes ? Math.min(1, f.bytes / f.totalBytes) : 0;
  const inserted = f.stage === 'inserting' && f.totalRows ? Math.min(1, f.rows / f.totalRows) : 0;
  return read / 2 + inserted / 2;
}
