// Names shared by the service worker and the page: where course files are
// cached, under which key, and the file that lists them. Both sides compute
// them from the service worker's scope, so two copies of the site at different
// sub-paths of one host keep separate caches and never clean up each other's.

/** The file (next to index.html) that lists every file a lesson may need beyond the shell. */
export const OFFLINE_FILES = 'offline-files.json';

/** A response header the service worker sets when a file is neither cached nor reachable. */
export const NOT_CACHED_HEADER = 'x-workbench-offline';

export interface OfflineFile {
  /** Relative to the site's root (the scope), e.g. "assets/editor.api-Ab12.js", "datasets/trips.csv". */
  url: string;
  /** Content hash from the build: a changed file gets a new cache key. */
  revision: string;
  bytes: number;
}

export interface OfflineFiles {
  files: OfflineFile[];
}

/** The cache of on-demand course files for the site at `scope` (an absolute URL ending in "/"). */
export function courseCacheName(scope: string): string {
  return `workbench-course-v1-${scope}`;
}

/** The key a file is cached under: its URL plus its revision, so an update never serves old bytes. */
export function cacheKey(scope: string, file: Pick<OfflineFile, 'url' | 'revision'>): string {
  const url = new URL(file.url, scope);
  url.searchParams.set('__rev', file.revision);
  return url.href;
}

/** The site-relative path of an absolute URL inside `scope`, or null when it is outside. */
export function pathInScope(scope: string, href: string): string | null {
  const url = new URL(href);
  const root = new URL(scope);
  if (url.origin !== root.origin || !url.pathname.startsWith(root.pathname)) return null;
  return decodeURIComponent(url.pathname.slice(root.pathname.length));
}

/** A request header the page sets when it saves the file itself ("Make available offline"). */
export const DOWNLOAD_HEADER = 'x-workbench-download';
