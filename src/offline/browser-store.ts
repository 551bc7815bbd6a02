// The browser's side of CourseStore: Cache Storage under the same name and keys
// the service worker uses (cache-keys.ts), filled by the page itself so the
// download works even before a service worker controls the page.
import { cacheKey, courseCacheName, DOWNLOAD_HEADER, OFFLINE_FILES, type OfflineFile, type OfflineFiles } from './cache-keys';
import type { CourseStore } from './download';

export function siteScope(): string {
  return new URL('./', document.baseURI).href;
}

export function canWorkOffline(): boolean {
  return 'serviceWorker' in navigator && typeof caches !== 'undefined';
}

export function browserCourseStore(scope = siteScope()): CourseStore {
  const cache = () => caches.open(courseCacheName(scope));
  return {
    async listFiles() {
      const response = await fetch(new URL(OFFLINE_FILES, scope));
      if (!response.ok) throw new Error(`${OFFLINE_FILES}: HTTP ${response.status}`);
      return ((await response.json()) as OfflineFiles).files;
    },
    async has(file: OfflineFile) {
      return (await (await cache()).match(cacheKey(scope, file))) !== undefined;
    },
    async fetchAndSave(file, signal, onBytes) {
      // The header tells the service worker not to cache this response too: the page saves it.
      const response = await fetch(new URL(file.url, scope), { signal, headers: { [DOWNLOAD_HEADER]: '1' } });
      if (!response.ok || !response.body) throw new Error(`${file.url}: HTTP ${response.status}`);
      const chunks: Uint8Array[] = [];
      const reader = response.body.getReader();
      for (;;) {
        const { done, value } = await reader.read();
        if (done) break;
        chunks.push(value);
        onBytes(value.byteLength);
      }
      const body = new Blob(chunks as BlobPart[], { type: response.headers.get('content-type') ?? '' });
      const headers = new Headers({ 'content-type': body.type, 'content-length': String(body.size) });
      await (await cache()).put(cacheKey(scope, file), new Response(body, { status: 200, headers }));
    },
  };
}

export interface SpaceUsed {
  usage: number | null;
  quota: number | null;
}

export async function spaceUsed(): Promise<SpaceUsed> {
  const estimate = await navigator.storage?.estimate?.().catch(() => undefined);
  return { usage: estimate?.usage ?? null, quota: estimate?.quota ?? null };
}
