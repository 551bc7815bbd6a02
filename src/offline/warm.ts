// On the very first visit the page loads before its service worker exists, so
// the files it fetched then (Monaco, a lesson's data) went past the worker.
// Once the worker controls the page, fetching them again (mostly from the HTTP
// cache) puts them in the course cache: a lesson opened on the first visit
// then works offline too.
import { OFFLINE_FILES, pathInScope, type OfflineFiles } from './cache-keys';

export async function warmCourseCache(): Promise<void> {
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
  for (const href of new Set(used)) await fetch(href).catch(() => undefined);
}
