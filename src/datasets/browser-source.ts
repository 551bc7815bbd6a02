// Reading dataset files in the browser: same origin, relative to the page, so
// the built site works from any sub-path (vite's base is './').

import type { ReadText } from './load';

export function fetchSource(base = 'datasets/'): ReadText {
  return async (file) => {
    const url = new URL(base + file, document.baseURI);
    const response = await fetch(url);
    if (!response.ok) throw new Error(`could not fetch ${base}${file} (HTTP ${response.status})`);
    return response.text();
  };
}
