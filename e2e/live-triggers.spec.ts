// Triggers against the real runtime worker: on the slow-requests workload a "request longer
// than 100 ms" trigger fires by itself, marks the moment on the timeline and lists a snapshot;
// the snapshot, downloaded and read back in Node, holds a request task longer than 100 ms
// and the cache refresh that made it slow, Go's parser (our port) and validator accept it,
// and it opens in the viewer. A GC-pause trigger fires on the GC-heavy workload. A trigger
// with the recorder off marks the moment and says why nothing was taken.

import { readFileSync } from 'node:fs';
import { expect, test, type Page } from '@playwright/test';
import { summarizeTrace } from '../src/analysis/trace-summary';
import { EventKind, TraceReader, Validator, timeToNumber } from '../src/trace/parse/index';
import { inspectTrace } from '../src/trace/wire/inspect';
import { formatBytes } from '../src/ui/format';
import { fmt, openApp, waitIdle } from './helpers';

async function openLive(page: Page) {
  await openApp(page, '/#/live');
  await expect(page.getByRole('button', { name: 'Start runtime' })).toBeEnabled();
  await waitIdle(page);
}

const timeline = (page: Page) => page.getByRole('group', { name: 'Generations timeline' });

/** Request tasks (begin → end) and "refresh cache" regions in a trace, with their durations in ns. */
function requestsAndRefreshes(bytes: Uint8Array): { requestsNs: number[]; refreshes: number } {
  const r = new TraceReader(bytes);
  const begun = new Map<string, number>();
  const requestsNs: number[] = [];
  let refreshes = 0;
  for (let ev = r.readEvent(); ev !== null; ev = r.readEvent()) {
    const k = ev.kind();
    if (k === EventKind.TaskBegin && ev.task().type === 'request') begun.set(String(ev.task().id), timeToNumber(ev.time));
    if (k === EventKind.TaskEnd) {
      const t0 = begun.get(String(ev.task().id));
      if (t0 !== undefined) requestsNs.push(timeToNumber(ev.time) - t0);
    }
    if (k === EventKind.RegionBegin && ev.region().type === 'refresh cache') refreshes++;
  }
  return { requestsNs, refreshes };
}

function validationErrors(bytes: Uint8Array): string[] {
  const r = new TraceReader(bytes);
  const v = new Validator(r.version);
  const errors: string[] = [];
  for (let ev = r.readEvent(); ev !== null && errors.length < 5; ev = r.readEvent()) errors.push(...v.event(ev));
  return errors;
}

test('a slow-request trigger snapshots the slow request by itself, marks it, and the snapshot opens in the viewer', async ({ page }) => {
  test.setTimeout(180_000);
  await openLive(page);
  await page.getByRole('combobox', { name: 'Workload' }).selectOption('slow-requests');
  await page.getByRole('combobox', { name: 'Speed' }).selectOption('4');
  await page.getByRole('checkbox', { name: 'Snapshot when a request takes longer than' }).check();
  await expect(page.getByRole('spinbutton', { name: 'Request threshold (ms)' })).toHaveValue('100');
  await page.getByRole('button', { name: 'Start runtime' }).click();
  await page.getByRole('button', { name: 'Start recorder' }).click();

  // It fires by itself: a mark on the timeline and a snapshot in the list.
  const row = page.getByRole('table', { name: 'Snapshots' }).locator('tr[data-source="slow-request"]').first();
  await expect(row).toBeVisible({ timeout: 150_000 });
  await waitIdle(page);
  expect(Number(await timeline(page).getAttribute('data-trigger-marks'))).toBeGreaterThanOrEqual(1);
  await expect(page.getByTestId('trigger-status')).toContainText(/fired/);
  const reason = (await row.locator('td').nth(1).textContent()) ?? '';
  const m = /^Slow request: ([\d.]+) (ms|s) > 100 ms$/.exec(reason);
  expect(m, reason).not.toBeNull();
  const latencyMs = Number(m![1]) * (m![2] === 's' ? 1000 : 1);
  expect(latencyMs).toBeGreaterThan(100);
  await page.getByRole('button', { name: 'Stop runtime' }).click();
  await waitIdle(page);

  // The file itself: the slow request is in it, with the refresh that held it up.
  const downloadP = page.waitForEvent('download');
  await row.getByRole('link', { name: /^Download / }).click();
  const download = await downloadP;
  expect(download.suggestedFilename()).toMatch(/^flightrecorder-\d{8}-\d{6}-slow-request\.trace$/);
  const bytes = new Uint8Array(readFileSync(await download.path()));
  const wire = inspectTrace(bytes);
  expect(wire.error).toBeNull();
  expect(validationErrors(bytes)).toEqual([]);
  const { requestsNs, refreshes } = requestsAndRefreshes(bytes);
  expect(Math.max(...requestsNs)).toBeGreaterThan(100e6);
  // The latency the trigger saw is one of the requests in the file (to the ms shown).
  expect(requestsNs.some((ns) => Math.abs(ns / 1e6 - latencyMs) <= Math.max(1, latencyMs * 0.01))).toBe(true);
  expect(refreshes).toBeGreaterThanOrEqual(1);
  // The list says what the worker wrote.
  await expect(row.locator('td').nth(3)).toHaveText(formatBytes(bytes.length));

  // Open: the inspector reads the same file, on its timeline as every recorder snapshot opens;
  // its summary page reads as the download does.
  await row.getByRole('button', { name: /^Open / }).click();
  await waitIdle(page);
  await expect(page.getByRole('tab', { name: 'Inspect a trace' })).toHaveAttribute('aria-selected', 'true');
  await expect(page.getByTestId('file-name')).toHaveText(download.suggestedFilename());
  await expect(page.getByRole('tab', { name: 'Timeline' })).toHaveAttribute('aria-selected', 'true');
  await page.getByRole('tab', { name: 'Summary' }).click();
  await expect(page.getByTestId('generation-count')).toHaveText(fmt(wire.generations.length));
  await expect(page.getByTestId('parsed-verdict')).toHaveText('Go’s parser reads it cleanly');
  await expect(page.getByTestId('parsed-events')).toHaveText(fmt(summarizeTrace(bytes).total.events));
});

test('a GC-pause trigger fires on the GC-heavy workload', async ({ page }) => {
  test.setTimeout(120_000);
  await openLive(page);
  await page.getByRole('combobox', { name: 'Workload' }).selectOption('gc-heavy');
  await page.getByRole('combobox', { name: 'Speed' }).selectOption('2');
  const threshold = page.getByRole('spinbutton', { name: 'GC pause threshold (ms)' });
  await threshold.fill('0.05');
  await threshold.press('Enter');
  await page.getByRole('checkbox', { name: 'Snapshot when a GC pause is longer than' }).check();
  await page.getByRole('button', { name: 'Start runtime' }).click();
  await page.getByRole('button', { name: 'Start recorder' }).click();
  const row = page.getByRole('table', { name: 'Snapshots' }).locator('tr[data-source="gc-pause"]').first();
  await expect(row).toBeVisible({ timeout: 100_000 });
  await expect(row.locator('td').nth(1)).toHaveText(/^GC pause: [\d.]+ (µs|ms) > 50 µs$/);
  await page.getByRole('button', { name: 'Stop runtime' }).click();
  await waitIdle(page);
});

test('a trigger with the recorder off marks the moment and takes nothing, and the page says why', async ({ page }) => {
  test.setTimeout(120_000);
  await openLive(page);
  await page.getByRole('combobox', { name: 'Workload' }).selectOption('slow-requests');
  await page.getByRole('combobox', { name: 'Speed' }).selectOption('4');
  await page.getByRole('checkbox', { name: 'Snapshot when a request takes longer than' }).check();
  await expect(page.getByTestId('trigger-needs-recorder')).toHaveText('Start the flight recorder: a trigger snapshots what its ring holds.');
  await page.getByRole('button', { name: 'Start runtime' }).click();
  await expect.poll(async () => Number(await timeline(page).getAttribute('data-trigger-marks')), { timeout: 100_000 }).toBeGreaterThanOrEqual(1);
  await waitIdle(page);
  await expect(page.getByRole('table', { name: 'Snapshots' })).toHaveCount(0);
  await page.getByRole('button', { name: 'Stop runtime' }).click();
  await waitIdle(page);
});
