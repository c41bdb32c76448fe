// The embedding API end to end, as a dashboard on another site would use it: the example
// page (public/embed-example.html), served from a second origin, opens Flightdeck in an iframe
// and in a new window, does the PING/PONG handshake and posts a real Go trace with a title.
// Messages from anyone but the opener or parent, and malformed ones, are ignored with a
// console warning and change nothing.

import { fileURLToPath } from 'node:url';
import { expect, test, type ConsoleMessage, type Frame, type Page } from '@playwright/test';
import { fmt, smallRealTrace, waitIdle } from './helpers';
import { serveStatic, type StaticServer } from './static-server';

const DIST = fileURLToPath(new URL('../dist/', import.meta.url));
const TITLE = 'Checkout latency spike, 14:02';

let site: StaticServer; // the embedding page's own site
let third: StaticServer; // somebody else
test.beforeAll(async () => {
  site = await serveStatic(DIST);
  third = await serveStatic(DIST);
});
test.afterAll(async () => {
  await site.close();
  await third.close();
});

function warnings(page: Page): string[] {
  const seen: string[] = [];
  page.on('console', (m: ConsoleMessage) => {
    if (m.type() === 'warning' && m.text().startsWith('Flightdeck embedding:')) seen.push(m.text());
  });
  return seen;
}

async function openExample(page: Page, appUrl: string) {
  await page.goto(`${site.origin}/embed-example.html?app=${encodeURIComponent(appUrl)}`);
  const t = smallRealTrace();
  await page.getByLabel('Trace file').setInputFiles({ name: t.name, mimeType: 'application/octet-stream', buffer: Buffer.from(t.bytes) });
  await page.getByLabel('Title').fill(TITLE);
  return t;
}

async function flightdeckFrame(page: Page): Promise<Frame> {
  const handle = await page.locator('#frame').elementHandle();
  const frame = await handle!.contentFrame();
  await frame!.waitForFunction(() => document.documentElement.dataset.idle === 'true' && !!window.__flightdeck);
  return frame!;
}

test('an iframe on another site: handshake, the trace opens with its title and who sent it', async ({ page, baseURL }) => {
  const t = await openExample(page, `${baseURL}/`);
  await page.getByRole('button', { name: 'Open in the frame below' }).click();
  await expect(page.getByRole('status')).toHaveText(`Sent ${t.name} (${fmt(t.bytes.length)} bytes).`);
  const app = page.frameLocator('#frame');
  await expect(app.getByTestId('embed-title')).toContainText(TITLE);
  await expect(app.getByTestId('embed-title')).toContainText(`sent by ${site.origin}`);
  await expect(app.getByTestId('file-name')).toHaveText(t.name);
  await expect(app.getByTestId('generation-count')).toHaveText(fmt(t.summary.generations.length));
  await expect(app.getByTestId('batch-count')).toHaveText(fmt(t.summary.batches));
  const frame = await flightdeckFrame(page);
  expect(await frame.evaluate(() => document.title)).toBe(`${TITLE} — Flightdeck`);
});

test('a new window: opened by the page, which alone may send; a later site in that tab is ignored', async ({ page, baseURL }) => {
  const t = await openExample(page, `${baseURL}/`);
  const popupP = page.waitForEvent('popup');
  await page.getByRole('button', { name: 'Open in a new window' }).click();
  const popup = await popupP;
  const seen = warnings(popup);
  await expect(popup.getByTestId('embed-title')).toContainText(TITLE);
  await expect(popup.getByTestId('file-name')).toHaveText(t.name);
  await expect(popup.getByTestId('generation-count')).toHaveText(fmt(t.summary.generations.length));
  await waitIdle(popup);

  // The opener's tab moves on to another site, which finds the window by its name and posts
  // to it: it is still window.opener, but not the origin Flightdeck has been talking to.
  await page.goto(`${third.origin}/embed-example.html`);
  await page.evaluate(() => {
    const w = window.open('', 'flightdeck');
    w!.postMessage({ trace: { buffer: new Uint8Array([1, 2, 3]).buffer, title: 'Not from the opener' } }, '*');
  });
  await expect.poll(() => seen.length).toBe(1);
  expect(seen[0]).toContain(`it came from ${third.origin}, but this Flightdeck is talking to ${site.origin}`);
  await expect(popup.getByTestId('embed-title')).toContainText(TITLE);
  await expect(popup.getByTestId('file-name')).toHaveText(t.name);
});

test('malformed, random and foreign messages are ignored with a warning; a good one still works after', async ({ page, baseURL }) => {
  const t = await openExample(page, `${baseURL}/`);
  await page.getByRole('button', { name: 'Open in the frame below' }).click();
  const app = page.frameLocator('#frame');
  await expect(app.getByTestId('file-name')).toHaveText(t.name);
  const seen = warnings(page);

  // From the parent: things that are not our message, or are wrong.
  const bad = await page.evaluate(() => {
    const w = (document.getElementById('frame') as HTMLIFrameElement).contentWindow!;
    const msgs: unknown[] = [
      'hello',
      { type: 'webpackHotUpdate' },
      { trace: 'AAAA' },
      { trace: { buffer: new Uint8Array([1, 2, 3]), title: 'a view, not a buffer' } },
      { trace: { buffer: new ArrayBuffer(8) } },
      { trace: { buffer: new ArrayBuffer(8), title: 'x', fileName: 42 } },
      [1, 2, 3],
      null,
      12345,
    ];
    for (const m of msgs) w.postMessage(m, '*');
    return msgs.length;
  });
  await expect.poll(() => seen.length).toBe(bad);
  expect(seen.find((s) => s.includes('a view'))).toBeUndefined(); // the title is not echoed…
  expect(seen.some((s) => s.includes('"trace.buffer" must be an ArrayBuffer, not Uint8Array'))).toBe(true); // …the reason is

  // From a window that is neither parent nor opener: a sibling frame of the embedding page.
  await page.evaluate(() => {
    const f = document.createElement('iframe');
    f.name = 'sibling';
    document.body.append(f);
  });
  const sibling = page.frame({ name: 'sibling' })!;
  await sibling.evaluate(() => {
    const w = (parent.document.getElementById('frame') as HTMLIFrameElement).contentWindow!;
    w.postMessage({ trace: { buffer: new ArrayBuffer(16), title: 'From a sibling' } }, '*');
  });
  await expect.poll(() => seen.length).toBe(bad + 1);
  expect(seen[bad]).toContain('neither the page that opened Flightdeck nor the page it is embedded in');

  // Nothing changed, and the app still answers its parent.
  await expect(app.getByTestId('file-name')).toHaveText(t.name);
  await expect(app.getByTestId('embed-title')).toContainText(TITLE);
  await page.getByLabel('Title').fill('Second look');
  await page.getByRole('button', { name: 'Open in the frame below' }).click();
  await expect(app.getByTestId('embed-title')).toContainText('Second look');
  await expect(app.getByTestId('generation-count')).toHaveText(fmt(t.summary.generations.length));
});

test('a trace past the size cap is refused with the cap in words, without being read', async ({ page, baseURL }) => {
  await openExample(page, `${baseURL}/`);
  await page.getByRole('button', { name: 'Open in the frame below' }).click();
  const app = page.frameLocator('#frame');
  await expect(app.getByTestId('embed-title')).toContainText(TITLE);
  const seen = warnings(page);
  // 1 GiB + 1 byte, transferred (not copied) and never touched, so it costs no real memory.
  await page.evaluate(() => {
    const w = (document.getElementById('frame') as HTMLIFrameElement).contentWindow!;
    const buffer = new ArrayBuffer(1024 ** 3 + 1);
    w.postMessage({ trace: { buffer, title: 'Everything', fileName: 'huge.trace' } }, '*', [buffer]);
  });
  await expect(app.getByRole('alert')).toContainText('huge.trace is 1.0 GiB; Flightdeck reads traces posted as bytes of up to 1.0 GiB');
  await expect(app.getByTestId('embed-title')).toContainText('Everything');
  await expect.poll(() => seen.length).toBe(1);
  expect(seen[0]).toContain('past the size Flightdeck reads');
});
