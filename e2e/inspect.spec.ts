// The first screen against real Go traces: what the page shows must equal what the wire
// layer computes in Node for the same bytes, and each kind of bad file gets its own words.

import { expect, test } from '@playwright/test';
import { inspectTrace } from '../src/trace/wire/inspect';
import { readFileSync } from 'node:fs';
import { dropFile, fmt, openApp, realTraces, smallRealTrace } from './helpers';

test('a dropped Go trace shows its version, generations, batches and bytes', async ({ page }) => {
  const t = smallRealTrace();
  await openApp(page);
  await dropFile(page, t.name, t.bytes);

  const s = t.summary;
  await expect(page.getByTestId('file-name')).toHaveText(t.name);
  await expect(page.getByTestId('go-version')).toHaveText(s.version === 26 ? 'Go 1.26 or 1.27' : /Go 1\.\d+/);
  await expect(page.getByTestId('generation-count')).toHaveText(fmt(s.generations.length));
  await expect(page.getByTestId('batch-count')).toHaveText(fmt(s.batches));
  await expect(page.getByTestId('file-bytes')).toContainText(fmt(t.bytes.length));
  await expect(page.getByTestId('total-gen-bytes')).toHaveText(fmt(s.readableBytes - s.headerBytes));

  // Every generation row: number, batches, bytes.
  const rows = page.getByRole('table', { name: 'Generations in this trace' }).locator('tbody tr');
  await expect(rows).toHaveCount(s.generations.length);
  for (let i = 0; i < s.generations.length; i++) {
    const g = s.generations[i];
    await expect(rows.nth(i).locator('td').nth(0)).toHaveText(String(g.gen));
    await expect(rows.nth(i).locator('td').nth(1)).toHaveText(fmt(g.batches));
    await expect(rows.nth(i).locator('td').nth(2)).toHaveText(fmt(g.bytes));
  }
  // The D3 chart draws one bar per generation.
  await expect(page.getByRole('img', { name: /Bar chart of bytes/ }).locator('rect.bar')).toHaveCount(s.generations.length);
});

test('a non-trace, a truncated trace and a Go 1.21 trace get three different messages', async ({ page }) => {
  await openApp(page);

  await dropFile(page, 'notes.txt', new TextEncoder().encode('hello, this is a text file and not a trace\n'));
  const verdict = page.locator('[data-verdict]');
  await expect(verdict).toHaveAttribute('data-verdict', 'not-a-trace');
  await expect(verdict.getByRole('heading')).toHaveText('This is not a Go execution trace');
  await expect(page.getByTestId('go-message')).toHaveText('bad file format: not a Go execution trace?');

  // A real trace cut short in the middle of its last generation.
  const t = smallRealTrace();
  const last = t.summary.generations[t.summary.generations.length - 1];
  const cut = t.bytes.slice(0, last.offset + Math.floor(last.bytes / 2));
  const expected = inspectTrace(cut);
  expect(expected.error?.fault).toBe('damaged');
  await dropFile(page, 'cut.trace', cut);
  await expect(verdict).toHaveAttribute('data-verdict', 'damaged');
  await expect(verdict.getByRole('heading')).toHaveText(/Damaged or cut short/);
  await expect(page.getByTestId('go-message')).toHaveText(expected.error!.message);
  await expect(page.getByTestId('kept')).toContainText(
    `Kept ${expected.generations.length} complete generation${expected.generations.length === 1 ? '' : 's'}: ${fmt(expected.readableBytes)} of ${fmt(cut.length)} bytes`,
  );
  await expect(page.getByTestId('generation-count')).toHaveText(fmt(expected.generations.length));

  // A Go 1.21 header: the older format, named as such.
  const v1 = new Uint8Array([...new TextEncoder().encode('go 1.21 trace\0\0\0'), 0, 1, 2, 3, 4, 5]);
  await dropFile(page, 'old.trace', v1);
  await expect(verdict).toHaveAttribute('data-verdict', 'v1-trace');
  await expect(verdict.getByRole('heading')).toHaveText(/Go 1\.11–1\.21/);
  await expect(page.getByTestId('go-message')).toHaveText(inspectTrace(v1).error!.message);
});

test('every committed trace, good or damaged, reads in the page as the wire layer reads it in Node', async ({ page }) => {
  test.setTimeout(180_000);
  await openApp(page);
  const verdict = page.locator('[data-verdict]');
  for (const t of realTraces()) {
    const bytes = new Uint8Array(readFileSync(t.path));
    const s = inspectTrace(bytes);
    await dropFile(page, t.name, bytes);
    await expect(page.getByTestId('file-name')).toHaveText(t.name);
    await expect(verdict, t.name).toHaveAttribute('data-verdict', s.error ? s.error.fault : 'ok');
    if (s.error) await expect(page.getByTestId('go-message'), t.name).toHaveText(s.error.message);
    if (s.version !== null && (s.error === null || s.error.fault === 'damaged')) {
      await expect(page.getByTestId('generation-count'), t.name).toHaveText(fmt(s.generations.length));
      await expect(page.getByTestId('batch-count'), t.name).toHaveText(fmt(s.batches));
    }
  }
});

test('the file picker opens a trace too', async ({ page }) => {
  const t = smallRealTrace();
  await openApp(page);
  await page.getByLabel('Open a Go trace file').setInputFiles({ name: t.name, mimeType: 'application/octet-stream', buffer: Buffer.from(t.bytes) });
  await expect(page.getByTestId('generation-count')).toHaveText(fmt(t.summary.generations.length));
});

test('?url= fetches only from this site', async ({ page }) => {
  await openApp(page, '/?url=' + encodeURIComponent('https://example.com/x.trace'));
  await expect(page.getByRole('alert')).toContainText('Only traces served by this page');
});
