// The live view end to end, against the real runtime worker: the simulated runtime seals
// generations, the flight recorder keeps a ring and evicts (by MaxBytes, then by MinAge),
// Go's recorder errors reach the user, a snapshot and a full trace are real downloads that
// the wire layer reads back in Node exactly as the page reports them, and the snapshot
// opens on the first screen with the same generations.

import { readFileSync } from 'node:fs';
import { expect, test, type Page } from '@playwright/test';
import { inspectTrace } from '../src/trace/wire/inspect';
import { dropFile, fmt, openApp, waitIdle } from './helpers';

const plural = (n: number, one: string, many = `${one}s`) => `${fmt(n)} ${n === 1 ? one : many}`;

async function openLive(page: Page) {
  await openApp(page);
  await page.getByRole('tab', { name: 'Live flight recorder' }).click();
  await expect(page.getByRole('button', { name: 'Start runtime' })).toBeEnabled();
  await waitIdle(page);
}

async function setAmount(page: Page, label: 'MaxBytes' | 'MinAge', value: string, unit: string) {
  await page.getByRole('combobox', { name: `${label} unit` }).selectOption(unit);
  const input = page.getByRole('spinbutton', { name: label, exact: true });
  await input.fill(value);
  await input.press('Enter');
}

const timeline = (page: Page) => page.getByRole('group', { name: 'Generations timeline' });
const attr = async (page: Page, name: string) => Number(await timeline(page).getAttribute(name));

test('the controls come from the worker and show Go’s recorder defaults', async ({ page }) => {
  await openLive(page);
  const workloads = page.getByRole('combobox', { name: 'Workload' }).locator('option');
  expect(await workloads.count()).toBeGreaterThanOrEqual(2);
  for (const label of await workloads.allTextContents()) expect(label.trim()).not.toBe('');
  await expect(page.getByRole('spinbutton', { name: 'MaxBytes', exact: true })).toHaveValue('10');
  await expect(page.getByRole('combobox', { name: 'MaxBytes unit' })).toHaveValue('MiB');
  await expect(page.getByRole('spinbutton', { name: 'MinAge', exact: true })).toHaveValue('10');
  await expect(page.getByRole('combobox', { name: 'MinAge unit' })).toHaveValue('s');
  await expect(page.getByText("Go's defaults: MaxBytes 10 MiB, MinAge 10 s.")).toBeVisible();

  // A snapshot without a recorder is Go's error, shown as an alert, and dismissible.
  await page.getByRole('button', { name: 'Snapshot' }).click();
  await waitIdle(page);
  const alert = page.getByRole('alert');
  await expect(alert).toContainText('Snapshot failed.');
  await expect(alert.getByTestId('live-error-message')).toHaveText('cannot snapshot a disabled flight recorder');
  await alert.getByRole('button', { name: 'Dismiss' }).click();
  await expect(page.getByRole('alert')).toHaveCount(0);
});

test('run, evict by MaxBytes and MinAge, snapshot and full trace read back, reopen', async ({ page }) => {
  test.setTimeout(180_000);
  await openLive(page);

  // A small ring so that generations are evicted quickly, by MaxBytes.
  await setAmount(page, 'MaxBytes', '16', 'KiB');
  await expect(page.getByRole('spinbutton', { name: 'MaxBytes', exact: true })).toHaveValue('16');
  await page.getByRole('combobox', { name: 'Speed' }).selectOption('8');
  // The recorder records a running program: it is enabled once the runtime runs.
  await expect(page.getByRole('button', { name: 'Start recorder' })).toBeDisabled();
  await page.getByRole('button', { name: 'Start runtime' }).click();
  await expect(page.getByRole('button', { name: 'Stop runtime' })).toBeVisible();
  await page.getByRole('button', { name: 'Start recorder' }).click();
  await expect(page.getByRole('button', { name: 'Stop recorder' })).toBeVisible();

  // Generations arrive; some leave the ring and are drawn greyed out, with their cause.
  await expect.poll(() => attr(page, 'data-generations'), { timeout: 30_000 }).toBeGreaterThanOrEqual(3);
  await expect.poll(() => attr(page, 'data-evicted'), { timeout: 30_000 }).toBeGreaterThan(0);
  expect(await attr(page, 'data-in-ring')).toBeGreaterThan(0);
  const recent = page.getByRole('table', { name: 'Newest generations' });
  await expect(recent.locator('tr[data-state="evicted"][data-cause="max-bytes"]').first()).toBeAttached();
  await expect(page.getByRole('list', { name: 'Latest evictions' }).locator('li[data-cause="max-bytes"]').first()).toContainText(
    'held more than MaxBytes (16.0 KiB)',
  );
  // The live throughput is reported.
  await expect(page.getByTestId('live-rate')).toHaveText(/\/s$/, { timeout: 10_000 });
  await expect(page.getByTestId('live-events')).toHaveText(/events\/s$/);

  // Snapshot: a real download, read back in Node, equal to what the page reports.
  const downloadP = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Snapshot' }).click();
  const download = await downloadP;
  expect(download.suggestedFilename()).toMatch(/^flightrecorder-\d{8}-\d{6}\.trace$/);
  const bytes = new Uint8Array(readFileSync(await download.path()));
  await waitIdle(page);
  const s = inspectTrace(bytes);
  expect(s.error).toBeNull();
  expect(s.generations.length).toBeGreaterThan(0);
  const gens = s.generations.length;
  const genNumbers = s.generations.map((g) => String(g.gen));
  await expect(page.getByTestId('snapshot-name')).toHaveText(download.suggestedFilename());
  await expect(page.getByTestId('snapshot-gens')).toHaveText(plural(gens, 'generation'));
  await expect(page.getByTestId('snapshot-batches')).toHaveText(plural(s.batches, 'batch', 'batches'));
  await expect(page.getByTestId('snapshot-bytes')).toHaveText(`${fmt(bytes.length)} bytes`);
  // The generations the recorder said it wrote are the ones read back.
  await expect(page.getByTestId('snapshot-check')).toHaveText(/^Matches the ring at WriteTo/);

  // New limits: they wait for the next Start, as Go's FlightRecorderConfig does; then the
  // ring is bounded by MinAge instead.
  await setAmount(page, 'MaxBytes', '10', 'MiB');
  await setAmount(page, 'MinAge', '1.5', 's');
  await expect(page.getByText('new limits apply at the next Start')).toBeVisible();
  await page.getByRole('button', { name: 'Stop recorder' }).click();
  await page.getByRole('button', { name: 'Start recorder' }).click();
  await expect(page.getByRole('list', { name: 'Latest evictions' }).locator('li[data-cause="min-age"]').first()).toContainText(
    'further than MinAge (1.5 s)',
    { timeout: 30_000 },
  );

  // A full trace beside the recorder: trace.Start … trace.Stop, downloaded and read back.
  await page.getByRole('button', { name: 'Start full trace' }).click();
  await waitIdle(page);
  const sealedAtStart = await attr(page, 'data-generations');
  await expect.poll(() => attr(page, 'data-generations'), { timeout: 30_000 }).toBeGreaterThanOrEqual(sealedAtStart + 2);
  const fullP = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Stop full trace' }).click();
  const full = await fullP;
  expect(full.suggestedFilename()).toMatch(/\.trace$/);
  const fullBytes = new Uint8Array(readFileSync(await full.path()));
  await waitIdle(page);
  const f = inspectTrace(fullBytes);
  expect(f.error).toBeNull();
  expect(f.generations.length).toBeGreaterThanOrEqual(2);
  await expect(page.getByTestId('full-trace-gens')).toHaveText(plural(f.generations.length, 'generation'));

  // FlightRecorder.Stop drops the ring: a snapshot now is Go's error again.
  await page.getByRole('button', { name: 'Stop recorder' }).click();
  await waitIdle(page);
  await expect(page.getByRole('button', { name: 'Start recorder' })).toBeVisible();
  expect(await attr(page, 'data-in-ring')).toBe(0);
  await page.getByRole('button', { name: 'Stop runtime' }).click();
  await waitIdle(page);
  await expect(page.getByRole('button', { name: 'Start runtime' })).toBeVisible();
  await page.getByRole('button', { name: 'Snapshot' }).click();
  await waitIdle(page);
  await expect(page.getByRole('alert').getByTestId('live-error-message')).toHaveText('cannot snapshot a disabled flight recorder');

  // "Open in viewer" loads the same snapshot into the inspector, on its timeline; its
  // summary page reads as the wire layer reads the download.
  await page.getByRole('button', { name: 'Open in viewer' }).click();
  await waitIdle(page);
  await expect(page.getByRole('tab', { name: 'Inspect a trace' })).toHaveAttribute('aria-selected', 'true');
  await expect(page.getByRole('tab', { name: 'Timeline' })).toHaveAttribute('aria-selected', 'true');
  await expect(page.getByTestId('timeline-page')).toBeVisible();
  await page.getByRole('tab', { name: 'Summary' }).click();
  await expect(page.getByTestId('generation-count')).toHaveText(fmt(gens));
  await expect(page.getByTestId('batch-count')).toHaveText(fmt(s.batches));
  const genColumn = page.getByRole('table', { name: 'Generations in this trace' }).locator('tbody tr td:first-child');
  await expect(genColumn).toHaveText(genNumbers);

  // And the downloaded file, dropped back on the first screen, reads the same.
  await dropFile(page, download.suggestedFilename(), bytes);
  await expect(page.getByTestId('file-name')).toHaveText(download.suggestedFilename());
  await expect(page.locator('[data-verdict]')).toHaveAttribute('data-verdict', 'ok');
  await expect(page.getByTestId('generation-count')).toHaveText(fmt(gens));
  await expect(page.getByTestId('file-bytes')).toHaveText(fmt(bytes.length));
  await expect(genColumn).toHaveText(genNumbers);

  // The full trace opens in the inspector from the live view too.
  await page.getByRole('tab', { name: 'Live flight recorder' }).click();
  await page.getByRole('button', { name: 'Open the full trace' }).click();
  await waitIdle(page);
  await expect(page.getByTestId('file-name')).toHaveText(full.suggestedFilename());
  await expect(page.getByRole('tab', { name: 'Timeline' })).toHaveAttribute('aria-selected', 'true');
  await page.getByRole('tab', { name: 'Summary' }).click();
  await expect(page.getByTestId('generation-count')).toHaveText(fmt(f.generations.length));
  await expect(genColumn).toHaveText(f.generations.map((g) => String(g.gen)));
});

test('the Go 1.25 format: the snapshot reads back as a Go 1.25 trace', async ({ page }) => {
  await openLive(page);
  await page.getByText('Tune the workload and the trace format').click();
  await page.getByRole('combobox', { name: 'Trace format' }).selectOption('1.25');
  await setAmount(page, 'MaxBytes', '64', 'KiB');
  await page.getByRole('combobox', { name: 'Speed' }).selectOption('8');
  await page.getByRole('button', { name: 'Start runtime' }).click();
  await page.getByRole('button', { name: 'Start recorder' }).click();
  await expect(page.getByRole('button', { name: 'Stop recorder' })).toBeVisible();
  await expect.poll(() => attr(page, 'data-in-ring'), { timeout: 30_000 }).toBeGreaterThanOrEqual(1);
  await expect.poll(() => attr(page, 'data-evicted'), { timeout: 30_000 }).toBeGreaterThan(0);

  const downloadP = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Snapshot' }).click();
  const download = await downloadP;
  const bytes = new Uint8Array(readFileSync(await download.path()));
  await waitIdle(page);
  const s = inspectTrace(bytes);
  expect(s.error).toBeNull();
  expect(s.version).toBe(25);
  await expect(page.getByTestId('snapshot-gens')).toHaveText(plural(s.generations.length, 'generation'));
  await expect(page.getByTestId('snapshot-check')).toHaveText(/^Matches the ring at WriteTo/);
  await page.getByRole('button', { name: 'Stop runtime' }).click();
  await waitIdle(page);
});
