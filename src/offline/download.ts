// "Make the course available offline": download every course file not yet in
// the cache, one at a time, reporting bytes and files. A cancelled or broken
// download keeps what it finished; the next run skips those (resume is per
// file: a file cut off half-way starts again).
import type { OfflineFile } from './cache-keys';

export interface DownloadProgress {
  doneBytes: number;
  totalBytes: number;
  doneFiles: number;
  totalFiles: number;
}

/** What the download needs from the browser, so the logic runs in Node tests. */
export interface CourseStore {
  listFiles(): Promise<readonly OfflineFile[]>;
  has(file: OfflineFile): Promise<boolean>;
  /** Fetches the file, calling onBytes with each chunk's size, and saves it. */
  fetchAndSave(file: OfflineFile, signal: AbortSignal, onBytes: (n: number) => void): Promise<void>;
}

export async function missingFiles(store: CourseStore): Promise<{ all: readonly OfflineFile[]; missing: OfflineFile[] }> {
  const all = await store.listFiles();
  const missing: OfflineFile[] = [];
  for (const file of all) if (!(await store.has(file))) missing.push(file);
  return { all, missing };
}

/** Downloads what is missing; resolves with the final progress, rejects (AbortError) when cancelled. */
export async function downloadCourse(
  store: CourseStore,
  signal: AbortSignal,
  onProgress: (progress: DownloadProgress) => void,
): Promise<DownloadProgress> {
  const { all, missing } = await missingFiles(store);
  const missingSet = new Set(missing);
  const progress: DownloadProgress = {
    totalBytes: all.reduce((n, f) => n + f.bytes, 0),
    totalFiles: all.length,
    doneBytes: all.filter((f) => !missingSet.has(f)).reduce((n, f) => n + f.bytes, 0),
    doneFiles: all.length - missing.length,
  };
  onProgress({ ...progress });
  for (const file of missing) {
    signal.throwIfAborted();
    const before = progress.doneBytes;
    await store.fetchAndSave(file, signal, (n) => {
      progress.doneBytes = Math.min(before + file.bytes, progress.doneBytes + n);
      onProgress({ ...progress });
    });
    progress.doneBytes = before + file.bytes;
    progress.doneFiles += 1;
    onProgress({ ...progress });
  }
  return progress;
}
