// The Content-Security-Policy behind "nothing is uploaded": using every screen raises no
// violation, and the page (and, where the server sends the header, its workers) cannot reach
// any other origin — not by fetch, beacon, WebSocket, EventSource, image or frame.

import { fileURLToPath } from 'node:url';
import { expect, test, type Page } from '@playwright/test';
import { dropFile, openApp, smallRealTrace, waitIdle } from './helpers';
import { serveStatic, type StaticServer } from './static-server';

const DIST = fileURLToPath(new URL('../dist/', import.meta.url));

/** Records every securitypolicyviolation of the page from before its first script runs. */
async function watchViolations(page: Page): Promise<() => Promise<string[]>> {
  await page.addInitScript(() => {
    const w = window as unknown as { __cspViolations: string[] };
    w.__cspViolations = [];
    document.addEventListener('securitypolicyviolation', (e) => {
      w.__cspViolations.push(`${e.effectiveDirective} blocked ${e.blockedURI || '(inline)'} at ${e.sourceFile}:${e.lineNumber}`);
    });
  });
  return () => page.evaluate(() => (window as unknown as { __cspViolations: string[] }).__cspViolations);
}

const CHANNELS = ['/fetch', '/beacon', '/xhr', '/ws', '/events', '/img.png'];

/** The channels to `origin` that no violation report names (yet). */
function unrefused(violations: string[], origin: string): string[] {
  return CHANNELS.filter((c) => !violations.some((v) => v.includes(`${origin.replace(/^http/, '')}${c}`)));
}

/** Tries every way a page can send bytes to `origin`; resolves with what got through. */
async function tryToReach(page: Page, origin: string): Promise<string[]> {
  return page.evaluate(async (origin) => {
    const through: string[] = [];
    const attempt = async (name: string, f: () => Promise<unknown>) => {
      try {
        await f();
        through.push(name);
      } catch {
        // blocked
      }
    };
    await attempt('fetch', () => fetch(`${origin}/fetch`, { method: 'POST', body: 'trace bytes', mode: 'no-cors' }));
    // sendBeacon only queues (a blocked beacon still returns true): its refusal shows as a
    // violation, which callers wait for.
    navigator.sendBeacon(`${origin}/beacon`, 'trace bytes');
    await attempt('XMLHttpRequest', () => new Promise((resolve, reject) => {
      const x = new XMLHttpRequest();
      x.open('GET', `${origin}/xhr`);
      x.onload = resolve;
      x.onerror = reject;
      x.send();
    }));
    await attempt('WebSocket', () => new Promise((resolve, reject) => {
      try {
        const ws = new WebSocket(`${origin.replace('http', 'ws')}/ws`);
        ws.onopen = resolve;
        ws.onerror = reject;
      } catch (err) {
        reject(err);
      }
    }));
    await attempt('EventSource', () => new Promise((resolve, reject) => {
      const es = new EventSource(`${origin}/events`);
      es.onopen = resolve;
      es.onerror = () => {
        es.close();
        reject(new Error('error'));
      };
    }));
    await attempt('img', () => new Promise((resolve, reject) => {
      const img = new Image();
      img.onload = resolve;
      img.onerror = reject;
      img.src = `${origin}/img.png?leak=1`;
    }));
    return through;
  }, origin);
}

let other: StaticServer;
test.beforeAll(async () => {
  // "Another site": answers everything it is asked, and remembers it was asked.
  other = await serveStatic(DIST);
});
test.afterAll(async () => {
  await other.close();
});

test('using every screen raises no CSP violation', async ({ page }) => {
  test.setTimeout(120_000);
  const violations = await watchViolations(page);
  await openApp(page);
  // The policy is there, from the page's own meta tag and from the server.
  await expect(page.locator('meta[http-equiv="Content-Security-Policy"]')).toHaveAttribute('content', /connect-src 'self'/);

  const t = smallRealTrace();
  await dropFile(page, t.name, t.bytes);
  await expect(page.getByTestId('file-name')).toHaveText(t.name);
  for (const tab of await page.getByRole('tablist', { name: 'Pages of this trace' }).getByRole('tab').all()) {
    await tab.click();
    await waitIdle(page);
  }
  await dropFile(page, 'notes.txt', new TextEncoder().encode('not a trace'));
  await page.getByRole('button', { name: 'Close' }).click();

  await page.getByRole('tab', { name: 'Live flight recorder' }).click();
  await expect(page.getByRole('button', { name: 'Start runtime' })).toBeEnabled();
  await page.getByRole('button', { name: 'Start runtime' }).click();
  await page.getByRole('button', { name: 'Start recorder' }).click();
  const timeline = page.getByRole('group', { name: 'Generations timeline' });
  await expect.poll(async () => Number(await timeline.getAttribute('data-generations')), { timeout: 30_000 }).toBeGreaterThanOrEqual(2);
  await timeline.hover();
  await page.mouse.wheel(0, -200);
  const download = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Snapshot' }).click();
  await download;
  await waitIdle(page);
  await page.getByRole('button', { name: 'Stop runtime' }).click();
  await waitIdle(page);
  for (const theme of ['Theme: dark', 'Theme: light', 'Theme: follow the system']) await page.getByRole('radio', { name: theme }).click();
  await page.getByRole('button', { name: 'Open in viewer' }).click();
  await waitIdle(page);
  await page.goBack();
  await waitIdle(page);

  expect(await violations()).toEqual([]);
});

test('the page cannot send anything to another origin', async ({ page }) => {
  const violations = await watchViolations(page);
  await openApp(page);
  const before = other.requests.length;
  expect(await tryToReach(page, other.origin)).toEqual([]);
  // Each channel was refused by the policy (the beacon's refusal comes a little later)...
  await expect.poll(async () => unrefused(await violations(), other.origin)).toEqual([]);
  // ...in the browser: the other server never heard a thing.
  expect(other.requests.slice(before)).toEqual([]);
  // By the directives meant for it (each is reported once per policy: the meta tag's and the header's).
  for (const v of await violations()) expect(v).toMatch(v.includes('/img.png') ? /^img-src / : /^connect-src /);

  // Nor can injected markup run inline script.
  await page.evaluate(() => {
    const s = document.createElement('script');
    s.textContent = 'window.__inlineRan = true';
    document.head.append(s);
  });
  expect(await page.evaluate(() => (window as unknown as { __inlineRan?: boolean }).__inlineRan)).toBeUndefined();
  expect((await violations()).some((v) => v.startsWith('script-src-elem blocked (inline)') || v.startsWith('script-src-elem blocked inline'))).toBe(true);
});

test('the meta tag alone protects the page on a host that sends no headers', async ({ browser }) => {
  const bare = await serveStatic(DIST); // no Content-Security-Policy header
  const context = await browser.newContext();
  try {
    const page = await context.newPage();
    const violations = await watchViolations(page);
    await openApp(page, `${bare.origin}/`);
    const before = other.requests.length;
    expect(await tryToReach(page, other.origin)).toEqual([]);
    await expect.poll(async () => unrefused(await violations(), other.origin)).toEqual([]);
    expect(other.requests.slice(before)).toEqual([]);
  } finally {
    await context.close();
    await bare.close();
  }
});

test('with the header, the workers cannot reach another origin either', async ({ page }) => {
  await openApp(page);
  const t = smallRealTrace();
  await dropFile(page, t.name, t.bytes); // starts the parse worker
  await page.getByRole('tab', { name: 'Live flight recorder' }).click(); // and the runtime worker
  await expect(page.getByRole('button', { name: 'Start runtime' })).toBeEnabled();
  const workers = page.workers();
  expect(workers.length).toBeGreaterThanOrEqual(2);
  const before = other.requests.length;
  for (const w of workers) {
    const result = await w.evaluate(async (url) => {
      try {
        await fetch(url, { method: 'POST', body: 'trace bytes', mode: 'no-cors' });
        return 'sent';
      } catch {
        return 'blocked';
      }
    }, `${other.origin}/from-worker`);
    expect(result, w.url()).toBe('blocked');
  }
  expect(other.requests.slice(before)).toEqual([]);
});
