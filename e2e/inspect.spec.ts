// The first screen against real Go traces: what the page shows must equal what the wire
// layer computes in Node for the same bytes, and each kind of bad file gets its own words.

import { expect, test } from '@playwright/test';
import { inspectTrace } from '../src/trace/wire/inspect';
import { summarizeTrace } from '../src/analysis/trace-summary';
import { formatDuration } from '../src/ui/format';
import { spanMs } from '../src/ui/inspect/parsed-model';
import { existsSync, readFileSync } from 'node:fs';
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

  // A Go 1.21 header and bytes that are no records of that format: Go's message for them.
  const v1 = new Uint8Array([...new TextEncoder().encode('go 1.21 trace\0\0\0'), 0, 1, 2, 3, 4, 5]);
  await dropFile(page, 'old.trace', v1);
  await expect(verdict).toHaveAttribute('data-verdict', 'damaged');
  await expect(page.getByTestId('go-message')).toHaveText('unknown event type 0');
  await expect(page.getByTestId('kept')).toHaveText('Kept nothing: the damage is at byte 16 of 22.');
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

test("Go's parser section: events, goroutines, duration and per-generation spans equal the summary computed in Node", async ({ page }) => {
  const t = realTraces().find((r) => r.name === 'syscallsteal.go126.trace') ?? realTraces().find((r) => !r.name.startsWith('damaged-'))!;
  const bytes = new Uint8Array(readFileSync(t.path));
  const s = summarizeTrace(bytes);
  expect(s.verdict.kind).toBe('ok');
  await openApp(page);
  await dropFile(page, t.name, bytes);

  const section = page.locator('[data-parsed]');
  await expect(section).toHaveAttribute('data-parsed', 'ok');
  await expect(page.getByTestId('parsed-verdict')).toHaveText('Go’s parser reads it cleanly');
  await expect(page.getByTestId('parsed-events')).toHaveText(fmt(s.total.events));
  await expect(page.getByTestId('parsed-goroutines')).toHaveText(fmt(s.total.goroutines));
  await expect(page.getByTestId('parsed-duration')).toHaveText(formatDuration(s.total.durationNs));
  await expect(page.getByTestId('parsed-gc')).toHaveText(fmt(s.total.gcCycles));
  // One bar per kind present, plus one per resource under StateTransition.
  const kinds = s.total.byKind.filter((n) => n > 0).length + s.total.transitionsByResource.filter((n) => n > 0).length;
  await expect(page.getByRole('img', { name: /Bar chart of events by kind/ }).locator('rect.bar')).toHaveCount(kinds);

  const rows = page.getByRole('table', { name: 'Generations in this trace' }).locator('tbody tr');
  await expect(rows).toHaveCount(s.generations.length);
  for (let i = 0; i < s.generations.length; i++) {
    const g = s.generations[i];
    await expect(rows.nth(i).locator('td').nth(0)).toHaveText(String(g.gen));
    await expect(rows.nth(i).locator('td').nth(4)).toHaveText(fmt(g.events));
    await expect(rows.nth(i).locator('td').nth(5)).toHaveText(spanMs(g.durationNs));
  }
});

test("a damaged trace shows Go's parser error and the generations it kept", async ({ page }) => {
  await openApp(page);
  const damaged = realTraces().filter((t) => t.name.startsWith('damaged-') && existsSync(`${t.path}.parsed.stderr`));
  expect(damaged.length).toBeGreaterThan(0);
  for (const t of damaged) {
    const bytes = new Uint8Array(readFileSync(t.path));
    const goSays = readFileSync(`${t.path}.parsed.stderr`, 'utf8').trim();
    const s = summarizeTrace(bytes);
    if (s.verdict.kind !== 'error') throw new Error(`${t.name}: expected a parse error`);
    await dropFile(page, t.name, bytes);
    await expect(page.getByTestId('file-name')).toHaveText(t.name);
    await expect(page.locator('[data-parsed]'), t.name).toHaveAttribute('data-parsed', 'error');
    await expect(page.getByTestId('parsed-go-message'), t.name).toHaveText(goSays);
    if (s.version !== null) {
      const n = s.verdict.generationsKept;
      await expect(page.getByTestId('parsed-kept'), t.name).toContainText(`Kept ${n} complete generation${n === 1 ? '' : 's'}`);
      await expect(page.getByTestId('parsed-events'), t.name).toHaveText(fmt(s.verdict.eventsRead));
    }
  }
});

test('opening another file while the first is parsed shows only the second', async ({ page }) => {
  const all = realTraces().filter((t) => !t.name.startsWith('damaged-'));
  const big = all.map((t) => ({ ...t, bytes: new Uint8Array(readFileSync(t.path)) })).sort((a, b) => b.bytes.length - a.bytes.length)[0];
  const small = smallRealTrace();
  await openApp(page);
  // Two drops in one turn: the second open cancels the first's parse.
  const files = [big, { name: small.name, bytes: small.bytes }].map((f) => ({ name: f.name, b64: Buffer.from(f.bytes).toString('base64') }));
  await page.evaluate((files) => {
    const target = document.querySelector('main') ?? document.body;
    for (const f of files) {
      const bin = atob(f.b64);
      const arr = new Uint8Array(bin.length);
      for (let i = 0; i < bin.length; i++) arr[i] = bin.charCodeAt(i);
      const dt = new DataTransfer();
      dt.items.add(new File([arr], f.name));
      for (const type of ['dragenter', 'dragover', 'drop']) target.dispatchEvent(new DragEvent(type, { dataTransfer: dt, bubbles: true, cancelable: true }));
    }
  }, files);
  await page.evaluate(() => window.__flightdeck!.whenIdle());
  await expect(page.getByTestId('file-name')).toHaveText(small.name);
  await expect(page.getByTestId('parsed-events')).toHaveText(fmt(summarizeTrace(small.bytes).total.events));
});
