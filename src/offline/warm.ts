// On the very first visit the page loads before its service worker exists, so
// the files it fetched then (Monaco, a lesson's data) went past the worker.
// Once the worker controls the page, fetching them again (mostly from the HTTP
// cache) puts them in the course cache: a lesson opened on the first visit
// then works offline too.
import { OFFLINE_FILES, pathInScope, type OfflineFiles } from './cache-keys';

// The SQL worker fetches the datasets, and a worker's requests are not in the
// page's resource timeline; the page is told of them here instead.
const readByWorkers = new Set<string>();
let warmed = false;

/** A file a worker read. Once the first service worker took over, fetch it again through it. */
export function noteReadByWorker(href: string): void {
  readByWorkers.add(href);
  // A worker started before the service worker existed stays outside it.
  if (warmed) void fetch(href).catch(() => undefined);
}

export async function warmCourseCache(): Promise<void> {
  warmed = true;
  const scope = new URL('./', document.baseURI).href;
  const listing = (await (await fetch(new URL(OFFLINE_FILES, scope))).json()) as OfflineFiles;
  const known = new Set(listing.files.map((f) => f.url));
  const used = performance
    .getEntriesByType('resource')
    .map((entry) => entry.name)
    .filter((href) => {
      const path = pathInScope(scope, href);
      return path !== null && known.has(path);
    });
  for (const href of new Set([...used, ...readByWorkers])) await fetch(href).catch(() => undefined);
}
