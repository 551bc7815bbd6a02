// Smoke tests for the browser harness itself: if these fail, every other
// browser test's verdict is suspect.
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { get } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { appUrl, baseUrl, blockedRequests, openApp, screenshot } from './harness';
import { startStaticServer } from './static-server';

/** Raw GET, so the path reaches the server exactly as written (fetch would normalise it). */
function rawStatus(path: string): Promise<number> {
  const { host, port } = new URL(baseUrl());
  return new Promise((ok, fail) => {
    get({ host: host.split(':')[0], port, path }, (res) => {
      res.resume();
      ok(res.statusCode ?? 0);
    }).on('error', fail);
  });
}

describe('static server', () => {
  it('serves the site under /courses/de/', async () => {
    expect(baseUrl()).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/courses\/de\/$/);
    const res = await fetch(baseUrl());
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toMatch(/^text\/html/);
  });

  it('refuses paths outside /courses/de/', async () => {
    for (const path of ['/', '/index.html', '/courses/', '/courses/dex/index.html', '/de/index.html']) {
      expect(await rawStatus(path), path).toBe(404);
    }
  });

  it('redirects /courses/de to /courses/de/ so relative URLs resolve', async () => {
    const res = await fetch(baseUrl().slice(0, -1), { redirect: 'manual' });
    expect(res.status).toBe(301);
    expect(res.headers.get('location')).toBe('/courses/de/');
  });

  it('never serves files above its root', async () => {
    for (const path of ['/courses/de/..%2fpackage.json', '/courses/de/%2e%2e/package.json', '/courses/de/..%5cpackage.json']) {
      expect(await rawStatus(path), path).toBe(404);
    }
  });

  it('labels each file type the way browsers need', async () => {
    const root = await mkdtemp(join(tmpdir(), 'static-server-'));
    const expected: Record<string, string> = {
      'index.html': 'text/html',
      'sql-wasm.wasm': 'application/wasm',
      'app.js': 'text/javascript',
      'worker.mjs': 'text/javascript',
      'manifest.json': 'application/json',
      'app.css': 'text/css',
      'icon.svg': 'image/svg+xml',
      'trips.csv': 'text/csv',
      'app_events.ndjson': 'application/x-ndjson',
      'server.log': 'text/plain',
      'notes.txt': 'text/plain',
    };
    try {
      await Promise.all(Object.keys(expected).map((name) => writeFile(join(root, name), 'x')));
      const server = await startStaticServer({ root, mountPath: '/courses/de/' });
      try {
        for (const [name, type] of Object.entries(expected)) {
          const res = await fetch(new URL(name, server.url));
          expect(res.status, name).toBe(200);
          expect(res.headers.get('content-type')?.split(';')[0], name).toBe(type);
        }
        expect((await fetch(new URL('missing.js', server.url))).status).toBe(404);
      } finally {
        await server.close();
      }
    } finally {
      await rm(root, { recursive: true, force: true });
    }
  });
});

describe('browser harness', () => {
  it("the site's Content-Security-Policy stops requests that leave the origin before they are made", async () => {
    const page = await openApp();
    const outcome = await page.evaluate(async () => {
      const fetched = await fetch('https://example.com/').then(
        () => 'reached',
        () => 'failed',
      );
      return { fetched, ownOrigin: (await fetch(location.href)).status };
    });
    expect(outcome).toEqual({ fetched: 'failed', ownOrigin: 200 });
    expect(blockedRequests(page)).toEqual([]);
    await page.context().close();
  });

  it('aborts and records every request that leaves the origin, with the CSP bypassed', async () => {
    // The harness is the second wall: it must hold where the page's policy does not.
    const page = await openApp('', { bypassCSP: true });
    // The app may move on to a #/route of its own; it must stay on the site.
    expect(page.url().startsWith(appUrl())).toBe(true);

    const outcome = await page.evaluate(async () => {
      const fetched = await fetch('https://example.com/').then(
        () => 'reached',
        () => 'failed',
      );
      const socketClosed = await new Promise<boolean>((ok) => {
        const socket = new WebSocket('wss://example.com/socket');
        socket.onclose = () => ok(true);
        setTimeout(() => ok(false), 10_000);
      });
      const ownOrigin = (await fetch(location.href)).status;
      return { fetched, socketClosed, ownOrigin };
    });

    expect(outcome).toEqual({ fetched: 'failed', socketClosed: true, ownOrigin: 200 });
    expect(blockedRequests(page)).toEqual(['https://example.com/', 'wss://example.com/socket']);
    await page.context().close();
  });

  it('opens in the dark scheme and saves screenshots', async () => {
    const page = await openApp('', { colorScheme: 'dark' });
    const prefersDark = () => matchMedia('(prefers-color-scheme: dark)').matches;
    expect(await page.evaluate(prefersDark)).toBe(true);

    const path = await screenshot(page, 'harness smoke (light)', { colorScheme: 'light' });
    expect(path).toMatch(/test-results\/harness-smoke-light\.png$/);
    const png = await readFile(path);
    expect(png.subarray(1, 4).toString('latin1')).toBe('PNG');
    // The light shot was borrowed; the page is back in its own scheme.
    expect(await page.evaluate(prefersDark)).toBe(true);
    await page.context().close();
  });
});
