// The sandbox worker is started from a blob: URL whose only line imports the
// bundled worker module. Why: a worker created from a same-origin URL takes
// its Content-Security-Policy from its own response headers, which a static
// host does not send, so it would run with no policy at all; a worker created
// from a blob: URL inherits the policy of the page that made it, i.e. the
// <meta http-equiv="Content-Security-Policy"> in index.html. So even code that
// got past the parser check (dynamic-import.ts) and the lockdown
// (lockdown.ts) cannot import from data:, blob: or another origin, nor
// connect anywhere but the site's own origin.
// Browser only; test/browser/sandbox-csp.test.ts checks this in Chromium.

/** A module worker that runs `moduleUrl` (resolved against the page) under the page's CSP. */
export function createPolicyWorker(moduleUrl: string, base: string = document.baseURI): Worker {
  const absolute = new URL(moduleUrl, base).href;
  const source = `import ${JSON.stringify(absolute)};\n`;
  const blobUrl = URL.createObjectURL(new Blob([source], { type: 'text/javascript' }));
  try {
    return new Worker(blobUrl, { type: 'module' });
  } finally {
    // The worker has fetched its blob by the time it runs; the URL is not needed.
    setTimeout(() => URL.revokeObjectURL(blobUrl), 60_000);
  }
}
