// Registers the service worker (dist/sw.js, next to index.html, so its scope is
// the site's own folder at whatever sub-path it is served) and reports when a
// new version is waiting. Nothing here reloads the page on its own: the update
// banner calls apply() when the learner asks.
import { Workbox } from 'workbox-window';
import { warmCourseCache } from './warm';

export interface UpdateReady {
  /** Lets the new version take over, then reloads (saved work is flushed by the pagehide handler). */
  apply(): void;
}

type Listener = (update: UpdateReady) => void;

const listeners = new Set<Listener>();
let ready: UpdateReady | undefined;

/** Calls `listener` once a new version is waiting (at once if one already is). Returns an unsubscribe. */
export function onUpdateReady(listener: Listener): () => void {
  listeners.add(listener);
  if (ready) listener(ready);
  return () => listeners.delete(listener);
}

/** How often an open tab asks the host whether there is a new version. */
const CHECK_EVERY_MS = 30 * 60 * 1000;

export function registerServiceWorker(): void {
  // No service worker in the dev server (vite serves modules, not dist/), nor where the browser has none.
  if (import.meta.env.DEV || !('serviceWorker' in navigator)) return;
  const workbox = new Workbox(new URL('sw.js', document.baseURI).href, { type: 'classic' });
  const hadController = navigator.serviceWorker.controller !== null;
  workbox.addEventListener('waiting', () => {
    ready = {
      apply() {
        workbox.addEventListener('controlling', () => location.reload());
        workbox.messageSkipWaiting();
      },
    };
    for (const listener of listeners) listener(ready);
  });
  workbox.addEventListener('activated', (event) => {
    // The first version took over a page that loaded without it: cache what this page already used.
    if (!hadController && !event.isUpdate) void warmCourseCache();
  });
  void workbox.register().then(() => {
    setInterval(() => void workbox.update(), CHECK_EVERY_MS);
    document.addEventListener('visibilitychange', () => {
      if (document.visibilityState === 'visible') void workbox.update();
    });
  });
}
