// Test fixture: defines stand-ins for browser globals that Node lacks
// (importScripts, indexedDB, XMLHttpRequest, ...) so the lockdown test can
// show they are removed, then starts the ordinary Node sandbox entry.
import { NETWORK_AND_STORAGE_GLOBALS } from '../lockdown';

const scope = globalThis as Record<string, unknown>;
for (const name of [...NETWORK_AND_STORAGE_GLOBALS, 'caches', 'SharedWorker', 'navigator']) {
  if (name === 'navigator') {
    scope.navigator = { userAgent: 'test', sendBeacon: () => true, storage: {}, locks: {} };
  } else if (!(name in scope)) {
    scope[name] = function plantedStandIn() {
      return 'reached the network';
    };
  }
}

await import('../node-worker');
