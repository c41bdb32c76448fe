// Offline use: once loaded, the app works with the network gone (a speaker's laptop on a
// conference network). The built app is served by a server this test stops; the browser is
// also put offline. Then the page reloads and a dropped trace opens. A new version installs
// beside the old one and takes over only when the user says so.

import { fileURLToPath } from 'node:url';
import { readFileSync } from 'node:fs';
import { expect, test, type Page } from '@playwright/test';
import { CSP_HEADER } from '../scripts/vite/csp';
import { dropFile, smallRealTrace, waitIdle } from './helpers';
import { serveStatic } from './static-server';

const DIST = fileURLToPath(new URL('../dist/', import.meta.url));

/** Waits until the service worker controls the page and has every precached file. */
async function waitOfflineReady(page: Page): Promise<{ cache: string; files: number }> {
  await page.waitForFunction(() => !!navigator.serviceWorker.controller, undefined, { timeout: 30_000 });
  return page.evaluate(async () => {
    const names = (await caches.keys()).filter((n) => n.startsWith('flightdeck-'));
    const cache = names[names.length - 1];
    return { cache, files: (await (await caches.open(cache)).keys()).length };
  });
}

test('once loaded, the app reloads and opens a trace with the server stopped and the network cut', async ({ browser }) => {
  const server = await serveStatic(DIST, { 'Content-Security-Policy': CSP_HEADER });
  const context = await browser.newContext();
  try {
    const page = await context.newPage();
    await page.goto(`${server.origin}/`);
    await waitIdle(page);
    const ready = await waitOfflineReady(page);
    // index.html, the script, the style sheet, both workers, the icons and the manifest.
    expect(ready.files).toBeGreaterThanOrEqual(8);

    await server.close();
    await context.setOffline(true);
    const before = server.requests.length;

    await page.reload();
    await waitIdle(page);
    await expect(page.getByRole('heading', { name: 'Drop a Go execution trace anywhere on this page' })).toBeVisible();
    // The parse worker starts on the first open: its script too comes from the cache.
    const t = smallRealTrace();
    await dropFile(page, t.name, t.bytes);
    await expect(page.getByTestId('file-name')).toHaveText(t.name);
    await expect(page.getByText('Go execution trace', { exact: true })).toBeVisible();
    await expect(page.getByText('Go’s parser reads it cleanly')).toBeVisible();
    // The live screen's worker, too.
    await page.getByRole('tab', { name: 'Live flight recorder' }).click();
    await expect(page.getByRole('button', { name: 'Start runtime' })).toBeEnabled();
    expect(server.requests.length).toBe(before);
  } finally {
    await context.close();
    await server.close().catch(() => {});
  }
});

test('a trace fetched by ?url= is never cached, and fails offline with a clear message', async ({ browser }) => {
  const t = smallRealTrace();
  const server = await serveStatic(DIST, { 'Content-Security-Policy': CSP_HEADER });
  server.override('/traces/shared.trace', t.bytes);
  const context = await browser.newContext();
  try {
    const page = await context.newPage();
    await page.goto(`${server.origin}/`);
    await waitIdle(page);
    await waitOfflineReady(page);
    // Now controlled by the service worker: open a trace by URL.
    await page.goto(`${server.origin}/?url=/traces/shared.trace`);
    await waitIdle(page);
    await expect(page.getByTestId('file-name')).toHaveText('shared.trace');
    const cached = await page.evaluate(async () => {
      const urls: string[] = [];
      for (const n of await caches.keys()) for (const r of await (await caches.open(n)).keys()) urls.push(r.url);
      return urls;
    });
    expect(cached.some((u) => u.includes('shared.trace'))).toBe(false);
    expect(cached.some((u) => u.endsWith('/index.html'))).toBe(true);

    await server.close();
    await context.setOffline(true);
    await page.reload();
    await waitIdle(page);
    // The app itself loads from the cache; the trace cannot, and the page says so.
    await expect(page.getByRole('alert')).toContainText(/Could not fetch \S*\/traces\/shared\.trace: no answer from the server/);
  } finally {
    await context.close();
    await server.close().catch(() => {});
  }
});

test('a new version installs beside the old one and takes over when the user reloads', async ({ browser }) => {
  const server = await serveStatic(DIST, { 'Content-Security-Policy': CSP_HEADER });
  const context = await browser.newContext();
  try {
    const page = await context.newPage();
    await page.goto(`${server.origin}/`);
    await waitIdle(page);
    const v1 = await waitOfflineReady(page);
    await expect(page.getByRole('button', { name: 'Reload' })).toHaveCount(0);

    // Deploy "version 2": a changed page, and the worker whose manifest says so.
    const html = readFileSync(`${DIST}index.html`, 'utf8').replace('<title>', '<meta name="test-version" content="2" />\n    <title>');
    const sw = readFileSync(`${DIST}sw.js`, 'utf8');
    const version = /\\"version\\":\\"([0-9a-f]+)\\"/.exec(sw)![1];
    server.override('/index.html', html);
    server.override('/sw.js', sw.replace(version, `${version.slice(0, -4)}beef`));

    // The page still runs version 1; the browser finds the update (as on any later visit).
    await page.evaluate(async () => (await navigator.serviceWorker.getRegistration())!.update());
    const notice = page.getByRole('status').filter({ hasText: 'A new version is ready.' });
    await expect(notice).toBeVisible({ timeout: 30_000 });
    expect(await page.locator('meta[name="test-version"]').count()).toBe(0);

    await notice.getByRole('button', { name: 'Reload' }).click();
    await page.waitForFunction(() => document.querySelector('meta[name="test-version"]') !== null, undefined, { timeout: 30_000 });
    await waitIdle(page);
    const names = await page.evaluate(async () => (await caches.keys()).filter((n) => n.startsWith('flightdeck-')));
    // The new version's cache, and the previous one kept for tabs that still run it.
    expect(names).toContain(v1.cache);
    expect(names).toContain(`flightdeck-${version.slice(0, -4)}beef`);
    await expect(page.getByRole('button', { name: 'Reload' })).toHaveCount(0);
  } finally {
    await context.close();
    await server.close();
  }
});
