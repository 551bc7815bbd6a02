import { describe, expect, it } from 'vitest';
import { downloadCourse, type CourseStore, type DownloadProgress } from './download';
import type { OfflineFile } from './cache-keys';

const FILES: OfflineFile[] = [
  { url: 'assets/a.js', revision: '1', bytes: 100 },
  { url: 'datasets/trips.csv', revision: '2', bytes: 1000 },
  { url: 'datasets/server.log', revision: '3', bytes: 500 },
];

/** An in-memory store whose fetch sends each file in two chunks, and can fail on a file. */
function memoryStore(failOn?: string): CourseStore & { saved: Set<string>; fetched: string[] } {
  const saved = new Set<string>();
  const fetched: string[] = [];
  return {
    saved,
    fetched,
    listFiles: async () => FILES,
    has: async (f) => saved.has(f.url),
    async fetchAndSave(file, signal, onBytes) {
      fetched.push(file.url);
      if (file.url === failOn) throw new Error('network down');
      onBytes(file.bytes / 2);
      signal.throwIfAborted();
      onBytes(file.bytes / 2);
      saved.add(file.url);
    },
  };
}

describe('downloadCourse', () => {
  it('downloads every file, reporting bytes and files', async () => {
    const store = memoryStore();
    const seen: DownloadProgress[] = [];
    const done = await downloadCourse(store, new AbortController().signal, (p) => seen.push(p));
    expect(done).toEqual({ doneBytes: 1600, totalBytes: 1600, doneFiles: 3, totalFiles: 3 });
    expect(seen[0]).toEqual({ doneBytes: 0, totalBytes: 1600, doneFiles: 0, totalFiles: 3 });
    expect(seen.map((p) => p.doneBytes)).toEqual([...seen.map((p) => p.doneBytes)].sort((a, b) => a - b));
  });

  it('resumes after a failure: finished files are not fetched again', async () => {
    const store = memoryStore('datasets/trips.csv');
    await expect(downloadCourse(store, new AbortController().signal, () => {})).rejects.toThrow('network down');
    expect([...store.saved]).toEqual(['assets/a.js']);
    const again = memoryStore();
    for (const url of store.saved) again.saved.add(url);
    const seen: DownloadProgress[] = [];
    await downloadCourse(again, new AbortController().signal, (p) => seen.push(p));
    expect(again.fetched).toEqual(['datasets/trips.csv', 'datasets/server.log']);
    expect(seen[0]).toEqual({ doneBytes: 100, totalBytes: 1600, doneFiles: 1, totalFiles: 3 });
  });

  it('stops when cancelled and keeps what finished', async () => {
    const store = memoryStore();
    const abort = new AbortController();
    const run = downloadCourse(store, abort.signal, (p) => {
      if (p.doneFiles === 1) abort.abort();
    });
    await expect(run).rejects.toThrow();
    expect(store.saved.has('assets/a.js')).toBe(true);
    expect(store.saved.size).toBeLessThan(3);
  });
});
