// Reading dataset files in the browser (the SQL worker does it): same origin,
// relative to the page, so the built site works from any sub-path (vite's base
// is './'). Streams the body so a large file reports its bytes as they come.

import { DatasetLoadError } from './errors';
import type { ReadText } from './load';
import { DataNotCachedError } from './not-cached';
import { NOT_CACHED_HEADER } from '../offline/cache-keys';
import { servedName, decodeServed } from './served-form';

/** `base` is absolute in a worker (it has no document); in a page it may be relative. */
export function fetchSource(base = 'datasets/'): ReadText {
  return async (file, onBytes) => {
    const url = new URL(base + servedName(file), typeof document === 'undefined' ? self.location.href : document.baseURI);
    let response: Response;
    try {
      response = await fetch(url);
    } catch (error) {
      // No service worker answered and the network is down.
      if (!navigator.onLine) throw new DataNotCachedError(file);
      throw new DatasetLoadError(`could not fetch ${file}: ${error instanceof Error ? error.message : String(error)}`, { kind: 'network', file });
    }
    // The service worker's answer for a file it has not saved while offline.
    if (response.headers.has(NOT_CACHED_HEADER)) throw new DataNotCachedError(file);
    if (!response.ok) {
      throw new DatasetLoadError(`could not fetch ${base}${file} (HTTP ${response.status})`, { kind: 'http', file, status: response.status });
    }
    if (!onBytes || !response.body) return decodeServed(file, await response.text());
    const length = Number(response.headers.get('content-length'));
    const total = Number.isFinite(length) && length > 0 ? length : null;
    const reader = response.body.getReader();
    const decoder = new TextDecoder();
    const parts: string[] = [];
    let bytes = 0;
    try {
      for (;;) {
        const { done, value } = await reader.read();
        if (done) break;
        bytes += value.byteLength;
        parts.push(decoder.decode(value, { stream: true }));
        onBytes(bytes, total);
      }
    } catch (error) {
      throw new DatasetLoadError(`could not read ${file}: ${error instanceof Error ? error.message : String(error)}`, { kind: 'network', file });
    }
    parts.push(decoder.decode());
    return decodeServed(file, parts.join(''));
  };
}
