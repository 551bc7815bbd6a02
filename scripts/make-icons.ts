// Draws the app icons (public/icons/*.png) from public/favicon.svg with the
// project's headless Chromium. Run it after changing the SVG: `npx tsx scripts/make-icons.ts`.
// The PNGs are committed (they are small), so a build needs no browser.
import { readFileSync } from 'node:fs';
import { chromium } from 'playwright-core';

const svg = readFileSync('public/favicon.svg', 'utf8');
// "any" icons use the SVG as it is; the maskable one leaves the 20 % safe-zone margin Android crops.
const icons = [
  { file: 'icon-192.png', size: 192, pad: 0 },
  { file: 'icon-512.png', size: 512, pad: 0 },
  { file: 'maskable-512.png', size: 512, pad: 0.2 },
  { file: 'apple-touch-icon-180.png', size: 180, pad: 0.08 },
];

const browser = await chromium.launch({ executablePath: process.env.CHROME_PATH ?? '/usr/bin/chromium', args: ['--no-sandbox', '--disable-gpu'] });
try {
  for (const { file, size, pad } of icons) {
    const page = await browser.newPage({ viewport: { width: size, height: size } });
    const inner = Math.round(size * (1 - 2 * pad));
    const data = `data:image/svg+xml;base64,${Buffer.from(svg).toString('base64')}`;
    await page.setContent(
      `<body style="margin:0;background:${pad ? '#0b6e4f' : 'transparent'};display:grid;place-items:center;width:${size}px;height:${size}px">` +
        `<img src="${data}" width="${inner}" height="${inner}"></body>`,
    );
    await page.screenshot({ path: `public/icons/${file}`, omitBackground: pad === 0 });
    await page.close();
  }
} finally {
  await browser.close();
}
