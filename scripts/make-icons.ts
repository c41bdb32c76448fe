// Renders public/icon.svg into the PNG sizes the web manifest and iOS ask for, with the
// Chromium the browser tests use (FLIGHTDECK_CHROMIUM or /usr/bin/chromium). Run after
// changing the icon: `npm run icons`. The maskable icon is the same drawing on a square,
// full-bleed background (the mark already sits inside the central safe circle).

import { readFileSync, writeFileSync } from 'node:fs';
import { chromium } from '@playwright/test';

const PUBLIC = new URL('../public/', import.meta.url);
const svg = readFileSync(new URL('icon.svg', PUBLIC), 'utf8');
const square = svg.replace(/(<rect id="bg"[^>]*?) rx="[^"]*"/, '$1');
if (square === svg) throw new Error('icon.svg: the background rect (id="bg", with rx) was not found');

const outputs: { file: string; size: number; svg: string }[] = [
  { file: 'icon-192.png', size: 192, svg },
  { file: 'icon-512.png', size: 512, svg },
  { file: 'icon-maskable-512.png', size: 512, svg: square },
  { file: 'apple-touch-icon.png', size: 180, svg: square }, // iOS rounds the corners itself
];

const browser = await chromium.launch({ executablePath: process.env.FLIGHTDECK_CHROMIUM ?? '/usr/bin/chromium', args: ['--no-sandbox'] });
try {
  const page = await browser.newPage({ deviceScaleFactor: 1 });
  for (const o of outputs) {
    await page.setViewportSize({ width: o.size, height: o.size });
    const sized = o.svg.replace(/width="\d+" height="\d+"/, `width="${o.size}" height="${o.size}"`);
    await page.setContent(`<!doctype html><html><body style="margin:0;background:transparent">${sized}</body></html>`);
    const png = await page.locator('svg').screenshot({ omitBackground: true });
    writeFileSync(new URL(o.file, PUBLIC), png);
    console.log(`public/${o.file}: ${o.size}×${o.size}, ${png.length} bytes`);
  }
} finally {
  await browser.close();
}
