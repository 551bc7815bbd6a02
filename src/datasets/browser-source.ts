// Reading dataset files in the browser: same origin, relative to the page, so
// the built site works from any sub-path (vite's base is './').

import type { ReadText } from './load';
import { DataNotCachedError } from './not-cached';
import { NOT_CACHED_HEADER } from '../offline/cache-keys';
import { servedName, decodeServed } from './served-form';

export function fetchSource(base = 'datasets/'): ReadText {
  return async (file) => {
    const url = new URL(base + servedName(file), document.baseURI);
    let response: Response;
    try {
      response = await fetch(url);
    } catch (error) {
      // No service worker answered and the network is down.
      if (!navigator.onLine) throw new DataNotCachedError(file);
      throw error;
    }
    // The service worker's answer for a file it has not saved while offline.
    if (response.headers.has(NOT_CACHED_HEADER)) throw new DataNotCachedError(file);
    if (!response.ok) throw new Error(`could not fetch ${base}${file} (HTTP ${response.status})`);
    return decodeServed(file, await response.text());
  };
}
