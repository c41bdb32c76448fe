// The live view end to end: the simulated runtime seals generations, the flight recorder
// keeps a ring and evicts, a snapshot is a real download that the wire layer reads back in
// Node exactly as the page reports it, and that file opens on the first screen.

import { readFileSync } from 'node:fs';
import { expect, test } from '@playwright/test';
import { inspectTrace } from '../src/trace/wire/inspect';
import { dropFile, fmt, openApp, waitIdle } from './helpers';

test('run, record with a small ring, snapshot, download, read back, reopen', async ({ page }) => {
  await openApp(page);
  await page.getByRole('tab', { name: 'Live flight recorder' }).click();
  await expect(page.getByRole('button', { name: 'Start runtime' })).toBeEnabled();

  // A small ring so that generations are evicted quickly.
  const maxBytes = page.getByRole('spinbutton', { name: 'MaxBytes (KiB)' });
  await maxBytes.fill('16');
  await maxBytes.press('Enter');
  await page.getByRole('combobox', { name: 'Speed' }).selectOption('8');
  await page.getByRole('button', { name: 'Start recorder' }).click();
  await page.getByRole('button', { name: 'Start runtime' }).click();
  await expect(page.getByRole('button', { name: 'Stop runtime' })).toBeVisible();

  // Generations arrive; some leave the ring and are drawn greyed out.
  const timeline = page.getByRole('group', { name: 'Generations timeline' });
  await expect.poll(async () => Number(await timeline.getAttribute('data-generations')), { timeout: 30_000 }).toBeGreaterThanOrEqual(3);
  await expect.poll(async () => Number(await timeline.getAttribute('data-evicted')), { timeout: 30_000 }).toBeGreaterThan(0);
  expect(Number(await timeline.getAttribute('data-in-ring'))).toBeGreaterThan(0);
  await expect(page.getByRole('table', { name: 'Newest generations' }).locator('tr[data-state="evicted"]').first()).toBeAttached();

  // Snapshot: a real download.
  const downloadP = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Snapshot' }).click();
  const download = await downloadP;
  expect(download.suggestedFilename()).toMatch(/\.trace$/);
  const path = await download.path();
  await waitIdle(page);
  const bytes = new Uint8Array(readFileSync(path));
  const s = inspectTrace(bytes);
  expect(s.error).toBeNull();
  expect(s.generations.length).toBeGreaterThan(0);

  // The page's read-back equals Node's.
  const gens = s.generations.length;
  await expect(page.getByTestId('snapshot-name')).toHaveText(download.suggestedFilename());
  await expect(page.getByTestId('snapshot-gens')).toHaveText(`${fmt(gens)} generation${gens === 1 ? '' : 's'}`);
  await expect(page.getByTestId('snapshot-batches')).toHaveText(`${fmt(s.batches)} batch${s.batches === 1 ? '' : 'es'}`);
  await expect(page.getByTestId('snapshot-bytes')).toHaveText(`${fmt(bytes.length)} bytes`);

  await page.getByRole('button', { name: 'Stop runtime' }).click();

  // "Open in viewer" loads the same bytes into the inspector.
  await page.getByRole('button', { name: 'Open in viewer' }).click();
  await waitIdle(page);
  await expect(page.getByRole('tab', { name: 'Inspect a trace' })).toHaveAttribute('aria-selected', 'true');
  await expect(page.getByTestId('generation-count')).toHaveText(fmt(gens));
  await expect(page.getByTestId('batch-count')).toHaveText(fmt(s.batches));

  // And the downloaded file, dropped back on the first screen, reads the same.
  await dropFile(page, download.suggestedFilename(), bytes);
  await expect(page.getByTestId('file-name')).toHaveText(download.suggestedFilename());
  await expect(page.locator('[data-verdict]')).toHaveAttribute('data-verdict', 'ok');
  await expect(page.getByTestId('generation-count')).toHaveText(fmt(gens));
  await expect(page.getByTestId('file-bytes')).toHaveText(fmt(bytes.length));
});
