// The trace timeline with the model's lanes, in Chromium on committed real Go traces. What the
// page shows is checked against the same trace read in Node (the timeline model, and Go's own
// `go tool trace -d=parsed` dump committed beside the trace), and stack frames against the Go
// program that made the trace (testdata/go/<name>/main.go). Screenshots are kept as artefacts.

import { expect, test, type Page } from '@playwright/test';
import { readFileSync } from 'node:fs';
import { gunzipSync } from 'node:zlib';
import { fileURLToPath } from 'node:url';
import { buildTimeline } from '../src/analysis/timeline/build';
import { GState, LaneKind, type TimelineQueries } from '../src/analysis/timeline/index';
import { dropFile, openApp, realTraces, waitIdle } from './helpers';

const TRACES = fileURLToPath(new URL('../testdata/traces/', import.meta.url));
const PROGRAMS = fileURLToPath(new URL('../testdata/go/', import.meta.url));

function load(name: string): { bytes: Uint8Array; model: TimelineQueries } {
  const t = realTraces().find((x) => x.name === name);
  expect(t, `${name} in testdata/traces`).toBeTruthy();
  const bytes = new Uint8Array(readFileSync(t!.path));
  return { bytes, model: buildTimeline(bytes).model as unknown as TimelineQueries };
}

async function open(page: Page, name: string, bytes: Uint8Array, hash: string): Promise<void> {
  await openApp(page, `/${hash}`);
  await page.locator('input[type=file]').first().setInputFiles({ name, mimeType: 'application/octet-stream', buffer: Buffer.from(bytes) });
  await waitIdle(page);
  await expect(page.getByTestId('timeline-page')).toHaveAttribute('data-complete', 'true');
}

/** Scrolls the lanes with the wheel (over the labels) until goroutine id's row is in view. */
async function scrollToGoroutine(page: Page, id: string): Promise<{ x: number; y: number; width: number; height: number }> {
  const label = page.locator(`.tl-label.row[data-goroutine="${id}"]`).first();
  const tracks = (await page.getByTestId('timeline-tracks').boundingBox())!;
  for (let i = 0; i < 50; i++) {
    const lb = await label.boundingBox();
    if (lb && lb.y >= tracks.y && lb.y + lb.height <= tracks.y + tracks.height) return lb;
    await page.mouse.move(tracks.x - 100, tracks.y + 40);
    await page.mouse.wheel(0, lb ? Math.max(-600, Math.min(600, lb.y - (tracks.y + tracks.height / 2))) : 600);
    await waitIdle(page);
  }
  throw new Error(`goroutine ${id}'s lane never came into view`);
}

/** Clicks the middle of time t on goroutine id's own lane (its label row gives the y). */
async function clickGoroutineAt(page: Page, id: string, t: number): Promise<void> {
  const lb = await scrollToGoroutine(page, id);
  const tracks = (await page.getByTestId('timeline-tracks').boundingBox())!;
  const r = (await page.getByTestId('timeline-page').getAttribute('data-range'))!.split('-').map(Number);
  const x = tracks.x + ((t - r[0]) / (r[1] - r[0])) * tracks.width;
  await page.mouse.click(x, lb.y + lb.height / 2);
}

/** A goroutine span whose stack reaches the program's own main.go, and that frame. */
function spanWithProgramFrame(m: TimelineQueries, program: string) {
  for (let g = 0; g < m.goroutineCount; g++) {
    let found: { g: number; startNs: number; endNs: number; stack: number } | null = null;
    m.forEachSpan({ kind: LaneKind.Goroutine, index: g }, 0, m.endNs, (s) => {
      if (s.state !== GState.Waiting || s.stack === 0 || s.endNs - s.startNs < 2000) return;
      if (m.stackFrames(s.stack).some((f) => f.file.endsWith(`/testdata/go/${program}/main.go`))) {
        found = { g, startNs: s.startNs, endNs: s.endNs, stack: s.stack };
        return false;
      }
    });
    if (found) {
      const f = found as { g: number; startNs: number; endNs: number; stack: number };
      const frame = m.stackFrames(f.stack).find((x) => x.file.endsWith(`/testdata/go/${program}/main.go`))!;
      return { ...f, id: m.goroutine(f.g).id, frame };
    }
  }
  throw new Error(`no waiting span with a ${program}/main.go frame`);
}

test('a clicked span shows its goroutine, its stack as go tool trace prints it, with a frame of the Go program that made the trace', async ({ page }, info) => {
  const name = 'blocking.go126.trace';
  const { bytes, model } = load(name);
  const s = spanWithProgramFrame(model, 'blocking');
  // The frame is one Go printed for this trace, and a real line of the program.
  const parsed = gunzipSync(readFileSync(`${TRACES}${name}.parsed.txt.gz`)).toString('utf8');
  expect(parsed).toContain(`\t${s.frame.func} @ ${s.frame.pc}\n\t\t${s.frame.file}:${s.frame.line}\n`);
  const source = readFileSync(`${PROGRAMS}blocking/main.go`, 'utf8').split('\n');
  expect(source[s.frame.line - 1]?.trim().length ?? 0).toBeGreaterThan(0);

  const pad = Math.min(s.startNs, (s.endNs - s.startNs) * 0.5);
  await open(page, name, bytes, `#/trace/timeline?q=${s.id}&r=${Math.floor(s.startNs - pad)}-${Math.ceil(s.endNs + pad)}`);
  await clickGoroutineAt(page, s.id, (s.startNs + s.endNs) / 2);
  const panel = page.getByTestId('detail-panel');
  await expect(panel.getByTestId('detail-goroutine')).toHaveText(`G${s.id}`);
  await expect(panel.getByTestId('detail-start-func')).toHaveText(model.goroutine(s.g).startFunc);
  await expect(panel.getByTestId('detail-stack')).toContainText(`${s.frame.func} @ ${s.frame.pc}`);
  await expect(panel.getByTestId('detail-stack')).toContainText(`${s.frame.file.split('/').slice(-3).join('/')}:${s.frame.line}`);
  await expect(panel.getByTestId('detail-states').locator('li.here')).toContainText('waiting');
  // The selection is in the URL.
  await expect(page).toHaveURL(new RegExp(`[?&]g=${s.id}(&|$)`));
  await page.screenshot({ path: info.outputPath('selected-span.png') });
});

test('following "woken by" jumps to the goroutine that unblocked the selected one', async ({ page }, info) => {
  const name = 'blocking.go126.trace';
  const { bytes, model } = load(name);
  // A span of a goroutine that another goroutine made runnable.
  let pickG = -1;
  let pickT = 0;
  for (let g = 0; g < model.goroutineCount && pickG < 0; g++) {
    model.forEachSpan({ kind: LaneKind.Goroutine, index: g }, 0, model.endNs, (s) => {
      if (s.state !== GState.Running) return;
      const f = model.unblockedBy(g, (s.startNs + s.endNs) / 2);
      if (f && f.fromGoroutine >= 0 && f.fromGoroutine !== g) {
        pickG = g;
        pickT = (s.startNs + s.endNs) / 2;
        return false;
      }
    });
  }
  expect(pickG).toBeGreaterThanOrEqual(0);
  const flow = model.unblockedBy(pickG, pickT)!;
  const from = model.goroutine(flow.fromGoroutine);
  const id = model.goroutine(pickG).id;
  await open(page, name, bytes, `#/trace/timeline?g=${id}&t=${Math.round(pickT)}&r=${Math.floor(flow.fromNs - 20_000)}-${Math.ceil(pickT + 20_000)}`);
  const panel = page.getByTestId('detail-panel');
  await expect(panel.getByTestId('detail-goroutine')).toHaveText(`G${id}`);
  const woken = panel.getByTestId('detail-unblocked-by');
  await expect(woken).toContainText(from.name);
  await page.screenshot({ path: info.outputPath('flow-before.png') });
  await woken.getByRole('button').click();
  await expect(panel.getByTestId('detail-goroutine')).toHaveText(`G${from.id}`);
  await expect(page).toHaveURL(new RegExp(`[?&]g=${from.id}(&|$)`));
  const r = (await page.getByTestId('timeline-page').getAttribute('data-range'))!.split('-').map(Number);
  expect(r[0]).toBeLessThanOrEqual(flow.fromNs);
  expect(r[1]).toBeGreaterThanOrEqual(flow.fromNs);
  await page.screenshot({ path: info.outputPath('flow-after.png') });
  // Back returns to the goroutine that was woken.
  await page.goBack();
  await expect(panel.getByTestId('detail-goroutine')).toHaveText(`G${id}`);
});

test('the search keeps only matching goroutine lanes, counts them, and steps through their spans', async ({ page }, info) => {
  const name = 'goroutines.go126.trace';
  const { bytes, model } = load(name);
  const text = 'main.main.func';
  let want = 0;
  for (let g = 0; g < model.goroutineCount; g++) {
    const i = model.goroutine(g);
    if (i.startFunc.toLowerCase().includes(text)) want++;
  }
  expect(want).toBeGreaterThan(1);
  expect(want).toBeLessThan(model.goroutineCount);
  await open(page, name, bytes, '#/trace/timeline');
  await page.getByRole('searchbox', { name: 'Filter goroutines by ID or start function' }).fill(text);
  await expect(page.getByTestId('match-count')).toHaveText(new RegExp(`^${want.toLocaleString('en-US')} goroutines`));
  await expect(page).toHaveURL(/[?&]q=main\.main\.func/);
  // Every goroutine row shown belongs to a matching group.
  const headers = page.locator('button.tl-label.group');
  const n = await headers.count();
  expect(n).toBeGreaterThan(0);
  for (let i = 0; i < n; i++) expect((await headers.nth(i).getAttribute('aria-label'))!.toLowerCase()).toContain(text);
  // Next result: a matching goroutine is selected; the next one is later.
  await page.keyboard.press('Enter');
  const panel = page.getByTestId('detail-panel');
  await expect(panel.getByTestId('detail-start-func')).toContainText(text);
  const t1 = Number(new URL(page.url().replace('#/', '/')).searchParams.get('t'));
  await page.getByRole('button', { name: 'Next result' }).click();
  await expect.poll(() => Number(new URL(page.url().replace('#/', '/')).searchParams.get('t'))).toBeGreaterThan(t1);
  await page.screenshot({ path: info.outputPath('search.png') });
});

test('a link with a range and a selection reopens the same view of the same file', async ({ page }) => {
  const name = 'blocking.go126.trace';
  const { bytes, model } = load(name);
  const s = spanWithProgramFrame(model, 'blocking');
  const r0 = Math.max(0, Math.floor(s.startNs - 5000));
  const r1 = Math.ceil(s.endNs + 5000);
  const hash = `#/trace/timeline?g=${s.id}&r=${r0}-${r1}&t=${Math.round((s.startNs + s.endNs) / 2)}`;
  for (let i = 0; i < 2; i++) {
    await open(page, name, bytes, hash);
    await expect(page.getByTestId('timeline-page')).toHaveAttribute('data-range', `${r0}-${r1}`);
    await expect(page.getByTestId('detail-goroutine')).toHaveText(`G${s.id}`);
    await expect(page.getByTestId('detail-stack')).toContainText(`${s.frame.func} @ ${s.frame.pc}`);
    await expect(page.locator(`.tl-label.row[data-goroutine="${s.id}"]`).first()).toBeVisible();
  }
});

test('the tooltip describes what is under the pointer after keyboard zoom and pan', async ({ page }) => {
  const name = 'goroutines.go126.trace';
  const { bytes } = load(name);
  await open(page, name, bytes, '#/trace/timeline');
  const lane = page.locator('.tl-label.lane[data-lane="p0"]');
  const lb = (await lane.boundingBox())!;
  const tracks = (await page.getByTestId('timeline-tracks').boundingBox())!;
  const tip = page.getByTestId('timeline-tooltip');
  await page.mouse.move(tracks.x + tracks.width * 0.4, lb.y + lb.height / 2);
  await expect(tip).toBeVisible();
  for (const key of ['w', 'w', 'w', 'd', 'w', 'a']) {
    await page.keyboard.press(key);
    await waitIdle(page);
    const shown = (await tip.isVisible()) ? await tip.textContent() : null;
    // Nudge the pointer by nothing: a fresh hover at the same place must say the same.
    await page.mouse.move(tracks.x + tracks.width * 0.4, lb.y + lb.height / 2 + 0.01);
    const fresh = (await tip.isVisible()) ? await tip.textContent() : null;
    expect(shown, `after ${key}`).toBe(fresh);
  }
});

test('a damaged trace shows its complete generations with a banner saying what was lost', async ({ page }, info) => {
  const name = 'damaged-truncmid.go126.trace';
  const { bytes, model } = load(name);
  expect(model.loss).not.toBeNull();
  await openApp(page, '/#/trace/timeline');
  await dropFile(page, name, bytes);
  const banner = page.getByTestId('timeline-loss');
  await expect(banner).toContainText('Damaged or cut short');
  await expect(banner).toContainText(`${model.loss!.generationsKept} complete generation`);
  await expect(banner).toContainText(model.loss!.message);
  await expect(page.locator('.tl-label.lane[data-lane="gens"] .sub')).toHaveText(String(model.generations.length));
  await page.screenshot({ path: info.outputPath('damaged.png') });
});

test('a flight-recorder snapshot from the live view opens on the timeline with its Ps and goroutines', async ({ page }, info) => {
  test.setTimeout(120_000);
  await openApp(page);
  await page.getByRole('tab', { name: 'Live flight recorder' }).click();
  await page.getByRole('combobox', { name: 'Speed' }).selectOption('8');
  await page.getByRole('button', { name: 'Start runtime' }).click();
  await page.getByRole('button', { name: 'Start recorder' }).click();
  const attr = async () => Number(await page.locator('[data-in-ring]').first().getAttribute('data-in-ring'));
  await expect.poll(attr, { timeout: 30_000 }).toBeGreaterThanOrEqual(2);
  const downloadP = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Snapshot' }).click();
  const download = await downloadP;
  await waitIdle(page);
  await page.getByRole('button', { name: 'Stop runtime' }).click();
  await waitIdle(page);
  const bytes = new Uint8Array(readFileSync(await download.path()));
  const model = buildTimeline(bytes).model as unknown as TimelineQueries;
  await page.getByRole('button', { name: 'Open in viewer' }).click();
  await waitIdle(page);
  await expect(page.getByRole('tab', { name: 'Timeline' })).toHaveAttribute('aria-selected', 'true');
  await expect(page.getByTestId('timeline-page')).toHaveAttribute('data-complete', 'true');
  await expect(page.locator('.tl-label.lane[data-lane="gens"] .sub')).toHaveText(String(model.generations.length));
  await expect(page.locator('.tl-label.lane[data-lane^="p"]')).toHaveCount(model.procs().length);
  await expect(page.getByRole('button', { name: /^Goroutines started at/ }).first()).toBeVisible();
  await page.screenshot({ path: info.outputPath('snapshot.png') });
});
