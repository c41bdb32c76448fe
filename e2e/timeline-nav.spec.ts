// The trace timeline's navigation in Chromium on committed real Go traces: opening by the
// picker and by drop lands on the lanes, wheel / drag / W-S-A-D move the view as a user expects
// (the time under the pointer stays put when zooming), the range is in the URL and Back
// returns to the view before a gesture, a link with a range reopens it, and the shortcuts
// overlay opens with `?`. Screenshots are kept as test artefacts.

import { expect, test, type Page } from '@playwright/test';
import { readFileSync } from 'node:fs';
import { dropFile, openApp, realTraces, waitIdle } from './helpers';

function trace(name: string): { name: string; bytes: Uint8Array } {
  const t = realTraces().find((x) => x.name === name);
  expect(t, `${name} in testdata/traces`).toBeTruthy();
  return { name, bytes: new Uint8Array(readFileSync(t!.path)) };
}

async function range(page: Page): Promise<[number, number]> {
  const r = await page.getByTestId('timeline-page').getAttribute('data-range');
  const m = /^(-?\d+)-(-?\d+)$/.exec(r ?? '');
  expect(m, `data-range ${r}`).toBeTruthy();
  return [Number(m![1]), Number(m![2])];
}

async function openOnTimeline(page: Page, name: string, how: 'picker' | 'drop' = 'picker'): Promise<void> {
  await openApp(page, '/#/trace/timeline');
  const t = trace(name);
  if (how === 'drop') await dropFile(page, t.name, t.bytes);
  else {
    await page.locator('input[type=file]').first().setInputFiles({ name: t.name, mimeType: 'application/octet-stream', buffer: Buffer.from(t.bytes) });
    await waitIdle(page);
  }
  await expect(page.getByRole('tab', { name: 'Timeline' })).toHaveAttribute('aria-selected', 'true');
  await expect(page.getByTestId('timeline-page')).toHaveAttribute('data-range', /\d+-\d+/);
}

test('a trace opened by the picker or by a drop shows its lanes over its whole length', async ({ page }, info) => {
  await openOnTimeline(page, 'blocking.go126.trace', 'picker');
  const [s, e] = await range(page);
  expect(s).toBeLessThanOrEqual(0);
  expect(e).toBeGreaterThan(0);
  await expect(page.getByText('Generations', { exact: true }).first()).toBeVisible();
  await page.screenshot({ path: info.outputPath('picker.png') });

  await openOnTimeline(page, 'goroutines.go126.trace', 'drop');
  await expect(page.getByTestId('file-name')).toHaveText('goroutines.go126.trace');
  await page.screenshot({ path: info.outputPath('drop.png') });
});

test('Ctrl+wheel zooms at the pointer, Shift+wheel and drag move through time, W/S/A/D do both', async ({ page }) => {
  await openOnTimeline(page, 'blocking.go126.trace');
  const tracks = page.getByTestId('timeline-tracks');
  const box = (await tracks.boundingBox())!;
  const [s0, e0] = await range(page);
  // The time under x = 25% of the width before and after a zoom.
  const at = (s: number, e: number, f: number) => s + (e - s) * f;
  await page.mouse.move(box.x + box.width * 0.25, box.y + 40);
  await page.keyboard.down('Control');
  await page.mouse.wheel(0, -300);
  await page.keyboard.up('Control');
  await expect.poll(async () => (await range(page))[1] - (await range(page))[0]).toBeLessThan((e0 - s0) * 0.7);
  const [s1, e1] = await range(page);
  expect(Math.abs(at(s1, e1, 0.25) - at(s0, e0, 0.25))).toBeLessThan((e0 - s0) * 0.01);

  // Drag right: earlier time comes into view, the span stays.
  await page.mouse.move(box.x + box.width * 0.5, box.y + 40);
  await page.mouse.down();
  await page.mouse.move(box.x + box.width * 0.6, box.y + 40, { steps: 5 });
  await page.mouse.up();
  const [s2, e2] = await range(page);
  expect(s2).toBeLessThan(s1);
  expect(e2 - s2).toBeCloseTo(e1 - s1, -2);

  // Shift+wheel moves later.
  await page.keyboard.down('Shift');
  await page.mouse.wheel(0, 200);
  await page.keyboard.up('Shift');
  await expect.poll(async () => (await range(page))[0]).toBeGreaterThan(s2);

  // Keys: W zooms in, S out, D later, A earlier.
  const [s3, e3] = await range(page);
  await page.keyboard.press('w');
  await expect.poll(async () => (await range(page))[1] - (await range(page))[0]).toBeLessThan(e3 - s3);
  const [s4, e4] = await range(page);
  await page.keyboard.press('d');
  await expect.poll(async () => (await range(page))[0]).toBeGreaterThan(s4);
  await page.keyboard.press('a');
  await page.keyboard.press('a');
  await expect.poll(async () => (await range(page))[0]).toBeLessThan(s4);
  await page.keyboard.press('s');
  await expect.poll(async () => (await range(page))[1] - (await range(page))[0]).toBeGreaterThan(e4 - s4);
  // Show all.
  await page.keyboard.press('0');
  await expect.poll(async () => (await range(page)).join()).toBe([s0, e0].join());
});

test('the visible range is in the URL, Back returns to the view before a zoom, and a link with a range reopens it', async ({ page }) => {
  await openOnTimeline(page, 'blocking.go126.trace');
  const [s0, e0] = await range(page);
  await page.getByRole('button', { name: 'Zoom in' }).click();
  await page.getByRole('button', { name: 'Zoom in' }).click();
  await expect(page).toHaveURL(/[?&]r=\d+-\d+/);
  const url = page.url();
  const [s1, e1] = await range(page);
  expect(e1 - s1).toBeLessThan((e0 - s0) / 2);
  const r = /[?&]r=(\d+)-(\d+)/.exec(url)!;
  expect(Number(r[1])).toBeLessThanOrEqual(s1 + 1);
  expect(Number(r[2])).toBeGreaterThanOrEqual(e1 - 1);

  // Show all is a jump of its own; Back returns to the zoomed view.
  await page.getByRole('button', { name: 'Show all' }).click();
  await expect.poll(async () => (await range(page))[1] - (await range(page))[0]).toBeGreaterThan(e1 - s1);
  await page.goBack();
  await expect.poll(async () => (await range(page)).join()).toBe([Number(r[1]), Number(r[2])].join());

  // The same link in a fresh page, then the same file: the same range.
  const fresh = await page.context().newPage();
  await fresh.goto(url);
  await waitIdle(fresh);
  const t = trace('blocking.go126.trace');
  await fresh.locator('input[type=file]').first().setInputFiles({ name: t.name, mimeType: 'application/octet-stream', buffer: Buffer.from(t.bytes) });
  await waitIdle(fresh);
  await expect.poll(async () => (await range(fresh)).join()).toBe([Number(r[1]), Number(r[2])].join());
});

test('? lists the shortcuts; every control of the timeline has a name and is reached by Tab', async ({ page }, info) => {
  await openOnTimeline(page, 'blocking.go126.trace');
  await page.keyboard.press('?');
  const dialog = page.getByRole('dialog', { name: 'Timeline shortcuts' });
  await expect(dialog).toBeVisible();
  await expect(dialog).toContainText('Zoom in at the pointer');
  await expect(dialog).toContainText('Measure a duration');
  await page.screenshot({ path: info.outputPath('shortcuts.png') });
  await page.keyboard.press('Escape');
  await expect(dialog).toBeHidden();

  // Tab through the page: every focusable control has an accessible name.
  const names: string[] = [];
  await page.getByRole('button', { name: 'Back to the previous view' }).focus();
  for (let i = 0; i < 20; i++) {
    const n = await page.evaluate(() => {
      const el = document.activeElement as HTMLElement | null;
      if (!el) return '';
      return (el.getAttribute('aria-label') || el.textContent || (el as HTMLInputElement).placeholder || '').trim();
    });
    names.push(n);
    await page.keyboard.press('Tab');
  }
  for (const n of names) expect(n, `a focusable control without a name in ${JSON.stringify(names)}`).not.toBe('');
  expect(names).toContain('Filter goroutines by ID or start function');
  expect(names.some((n) => n.startsWith('Trace timeline'))).toBe(true);
});
