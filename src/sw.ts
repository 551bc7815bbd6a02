/// <reference lib="webworker" />
// The service worker (built by vite-plugin-pwa's injectManifest into dist/sw.js).
//   - The app shell is precached by Workbox at install; Workbox removes the
//     precache of an earlier version when this one activates.
//   - Every other course file (listed in offline-files.json) is served
//     cache-first from one cache per scope, keyed by URL + revision, and put
//     there the first time it is fetched. A file not cached while the network
//     is down gets a 504 marked NOT_CACHED_HEADER, so the page can say what
//     happened instead of "Failed to fetch".
//   - A new version waits: it takes over only when the page asks (the learner
//     pressed Reload in the update banner) or every tab of the site is closed.
import { cleanupOutdatedCaches, matchPrecache, precacheAndRoute } from 'workbox-precaching';
import { cacheKey, courseCacheName, DOWNLOAD_HEADER, NOT_CACHED_HEADER, OFFLINE_FILES, pathInScope, type OfflineFile, type OfflineFiles } from './offline/cache-keys';
import { isSkipWaiting } from './offline/messages';

declare const self: ServiceWorkerGlobalScope & { __WB_MANIFEST: (string | { url: string; revision: string | null })[] };

const scope = self.registration.scope;
const courseCache = courseCacheName(scope);

precacheAndRoute(self.__WB_MANIFEST);
cleanupOutdatedCaches();

let listing: Promise<Map<string, OfflineFile>> | undefined;
function courseFiles(): Promise<Map<string, OfflineFile>> {
  listing ??= (async () => {
    const response = (await matchPrecache(OFFLINE_FILES)) ?? (await fetch(new URL(OFFLINE_FILES, scope)));
    const { files } = (await response.json()) as OfflineFiles;
    return new Map(files.map((f) => [f.url, f]));
  })();
  listing.catch(() => (listing = undefined));
  return listing;
}

self.addEventListener('install', () => {
  // Only the very first version takes over at once; later ones wait for the learner.
  if (!self.registration.active) void self.skipWaiting();
});

self.addEventListener('activate', (event) => {
  event.waitUntil(
    (async () => {
      await self.clients.claim();
      await dropOldCourseFiles();
    })(),
  );
});

self.addEventListener('message', (event) => {
  if (isSkipWaiting(event.data)) void self.skipWaiting();
});

self.addEventListener('fetch', (event) => {
  const { request } = event;
  if (request.method !== 'GET') return;
  const path = pathInScope(scope, request.url);
  // Decided synchronously (respondWith must be): only the two folders that hold course files.
  if (path === null || !(path.startsWith('assets/') || path.startsWith('datasets/'))) return;
  event.respondWith(serveCourseFile(request, path));
});

async function serveCourseFile(request: Request, path: string): Promise<Response> {
  const file = (await courseFiles().catch(() => new Map<string, OfflineFile>())).get(path);
  // A precached shell file, or one this version does not list: Workbox or the network answers.
  if (!file) return (await matchPrecache(path)) ?? fetch(request);
  const cache = await caches.open(courseCache);
  const key = cacheKey(scope, file);
  const hit = await cache.match(key);
  if (hit) return hit;
  let response: Response;
  try {
    response = await fetch(request);
  } catch {
    return new Response('This file has not been saved for offline use yet.', {
      status: 504,
      statusText: 'Not cached',
      headers: { [NOT_CACHED_HEADER]: 'not-cached', 'content-type': 'text/plain; charset=utf-8' },
    });
  }
  // "Make available offline" saves its downloads itself (with progress); everything else is saved here.
  const savedByPage = request.headers.has(DOWNLOAD_HEADER);
  if (response.ok && response.status === 200 && !savedByPage) await cache.put(key, response.clone());
  return response;
}

/** Removes cached course files this version no longer lists (an earlier build's chunks and data). */
async function dropOldCourseFiles(): Promise<void> {
  const files = await courseFiles();
  const keep = new Set([...files.values()].map((f) => cacheKey(scope, f)));
  const cache = await caches.open(courseCache);
  for (const request of await cache.keys()) if (!keep.has(request.url)) await cache.delete(request);
}
