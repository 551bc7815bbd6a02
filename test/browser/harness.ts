// Helpers for browser tests: a real headless Chromium on the built site, with
// the network sealed off so "no request leaves the origin" is something a test
// can assert rather than hope for.
//
//   const page = await openApp('#/lessons/01-intro');
//   ...drive the page...
//   expect(problems(page)).toEqual(NO_PROBLEMS);
import { mkdir } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { afterAll, inject } from 'vitest';

export type ColorScheme = 'light' | 'dark';

export interface OpenAppOptions {
  colorScheme?: ColorScheme;
  /** Ignore the page's Content-Security-Policy, to test the harness's own request filter. */
  bypassCSP?: boolean;
}

/** Everything a page did that a clean run should not do. */
export interface PageProblems {
  /** URLs outside the test server the page (or its workers) tried to reach; all were aborted. */
  blockedRequests: string[];
  /** console.error calls and browser-reported errors, as "text (url:line)". */
  consoleErrors: string[];
  /** Uncaught exceptions and unhandled rejections in the page. */
  pageErrors: string[];
}

export const NO_PROBLEMS: Readonly<PageProblems> = Object.freeze({
  blockedRequests: [],
  consoleErrors: [],
  pageErrors: [],
});

const SCREENSHOT_DIR = fileURLToPath(new URL('../../test-results/', import.meta.url));

/** Absolute URL of the served site, ending in "/courses/de/". */
export function baseUrl(): string {
  return inject('baseUrl');
}

/**
 * Resolves a path against the site. A leading "/" is dropped on purpose: the
 * site lives under a sub-path, and "/x" would silently escape it.
 */
export function appUrl(path = ''): string {
  return new URL(path.replace(/^\/+/, ''), baseUrl()).href;
}

export function launchBrowser(): Promise<Browser> {
  return chromium.launch({
    executablePath: process.env.CHROME_PATH ?? '/usr/bin/chromium',
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
      '--disable-quic',
      // Belt and braces under the request filter below: anything that slips
      // past routing (a redirect hop, a service worker fetch) cannot resolve.
      '--host-resolver-rules=MAP * ~NOTFOUND, EXCLUDE 127.0.0.1',
    ],
  });
}

// One Chromium per test file, started on first use and closed after the file.
let shared: Promise<Browser> | undefined;
afterAll(closeBrowser);

export async function closeBrowser(): Promise<void> {
  const browser = shared;
  shared = undefined;
  if (browser) await (await browser).close();
}

const problemsByContext = new WeakMap<BrowserContext, PageProblems>();
const schemeByContext = new WeakMap<BrowserContext, ColorScheme>();

/** Opens the site at `path` (e.g. "#/lessons/01-intro") in a fresh context with the network sealed. */
export async function openApp(path = '', options: OpenAppOptions = {}): Promise<Page> {
  shared ??= launchBrowser();
  const colorScheme = options.colorScheme ?? 'light';
  const context = await (await shared).newContext({ colorScheme, bypassCSP: options.bypassCSP ?? false });
  const found: PageProblems = { blockedRequests: [], consoleErrors: [], pageErrors: [] };
  problemsByContext.set(context, found);
  schemeByContext.set(context, colorScheme);

  const origin = new URL(baseUrl()).origin;
  const leavesOrigin = (url: URL): boolean => isNetworkUrl(url) && url.origin !== origin;
  // Record from the context's request event, not the route handler: it also
  // sees redirect hops and service-worker fetches that routing can miss.
  context.on('request', (request) => {
    if (leavesOrigin(new URL(request.url()))) found.blockedRequests.push(request.url());
  });
  await context.route(leavesOrigin, (route) => route.abort('blockedbyclient'));
  await context.routeWebSocket(leavesOrigin, (socket) => {
    found.blockedRequests.push(socket.url());
    socket.close({ code: 1008, reason: 'blocked by test harness' });
  });

  const page = await context.newPage();
  page.on('console', (message) => {
    if (message.type() !== 'error') return;
    const { url, lineNumber } = message.location();
    found.consoleErrors.push(url ? `${message.text()} (${url}:${lineNumber})` : message.text());
  });
  page.on('pageerror', (error) => found.pageErrors.push(`${error.name}: ${error.message}`));

  await page.goto(appUrl(path));
  return page;
}

/** What went wrong in this page's context so far; compare with NO_PROBLEMS. */
export function problems(page: Page): PageProblems {
  const found = problemsByContext.get(page.context());
  if (!found) throw new Error('problems() needs a page made by openApp()');
  return {
    blockedRequests: [...found.blockedRequests],
    consoleErrors: [...found.consoleErrors],
    pageErrors: [...found.pageErrors],
  };
}

export function blockedRequests(page: Page): string[] {
  return problems(page).blockedRequests;
}

export function consoleErrors(page: Page): string[] {
  return problems(page).consoleErrors;
}

export function pageErrors(page: Page): string[] {
  return problems(page).pageErrors;
}

/**
 * Saves test-results/<name>.png and returns its path. With `colorScheme`, the
 * shot is taken in that scheme and the page's own scheme is restored after.
 */
export async function screenshot(
  page: Page,
  name: string,
  options: { colorScheme?: ColorScheme; fullPage?: boolean } = {},
): Promise<string> {
  await mkdir(SCREENSHOT_DIR, { recursive: true });
  const file = name.replace(/[^\w.-]+/g, '-').replace(/^-+|-+$/g, '');
  const path = `${SCREENSHOT_DIR}${file}.png`;
  const own = schemeByContext.get(page.context()) ?? 'light';
  const wanted = options.colorScheme ?? own;
  if (wanted !== own) await page.emulateMedia({ colorScheme: wanted });
  try {
    await page.screenshot({ path, fullPage: options.fullPage ?? false });
  } finally {
    if (wanted !== own) await page.emulateMedia({ colorScheme: own });
  }
  return path;
}

// data:, blob: and about: never touch the network, so they are not "leaving".
function isNetworkUrl(url: URL): boolean {
  return ['http:', 'https:', 'ws:', 'wss:'].includes(url.protocol);
}
