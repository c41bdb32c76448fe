// A gzipped trace (.trace.gz, as attached to issues) dropped on the page opens like the plain
// one: decompressed in the parse worker, it shows the same wire summary and Go's parser's
// figures as the trace inside, computed in Node from the plain file. The worker decompresses
// it as a stream and reads it a generation at a time: one cut short keeps every generation
// that came out whole and says, in the decompressor's words, what went wrong.

import { expect, test } from '@playwright/test';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { summarizeTrace } from '../src/analysis/trace-summary';
import { inspectTrace } from '../src/trace/wire/inspect';
import { dropFile, fmt, openApp } from './helpers';

const ROOT = process.cwd();
const gz = new Uint8Array(readFileSync(join(ROOT, 'testdata/gzip/annotations.go126.trace.gz')));
const plain = new Uint8Array(readFileSync(join(ROOT, 'testdata/traces/annotations.go126.trace')));

test('a dropped .trace.gz shows what the trace inside shows', async ({ page }) => {
  const s = summarizeTrace(plain);
  const wire = inspectTrace(plain);
  expect(s.verdict.kind).toBe('ok');
  await openApp(page);
  await dropFile(page, 'annotations.trace.gz', gz);
  await expect(page.getByTestId('file-name')).toHaveText('annotations.trace.gz');
  await expect(page.locator('[data-verdict]')).toHaveAttribute('data-verdict', 'ok');
  await expect(page.locator('[data-parsed]')).toHaveAttribute('data-parsed', 'ok');
  await expect(page.getByTestId('parsed-events')).toHaveText(fmt(s.total.events));
  await expect(page.getByTestId('parsed-goroutines')).toHaveText(fmt(s.total.goroutines));
  const rows = page.getByRole('table', { name: 'Generations in this trace' }).locator('tbody tr');
  await expect(rows).toHaveCount(wire.generations.length);
});

test('a .gz cut short shows the damage in the gzip data’s own words', async ({ page }) => {
  await openApp(page);
  await dropFile(page, 'cut.trace.gz', gz.slice(0, gz.length - 200));
  await expect(page.locator('[data-verdict]')).toHaveAttribute('data-verdict', 'damaged');
  await expect(page.getByRole('alert')).toContainText('the gzip data is damaged or cut short');
});

test('a cut .gz of a trace of many generations keeps the generations that came out whole', async ({ page }) => {
  const many = new Uint8Array(readFileSync(join(ROOT, 'testdata/traces/generations.go126.trace')));
  const wire = inspectTrace(many);
  expect(wire.generations.length).toBeGreaterThan(3);
  const packed = gzipSync(many, { level: 1 });
  await openApp(page);
  await dropFile(page, 'generations.trace.gz', packed.subarray(0, Math.floor(packed.length * 0.8)));
  await expect(page.locator('[data-verdict]')).toHaveAttribute('data-verdict', 'damaged');
  await expect(page.getByRole('alert')).toContainText('the gzip data is damaged or cut short');
  const rows = page.getByRole('table', { name: 'Generations in this trace' }).locator('tbody tr');
  await expect(rows.first()).toBeVisible();
  const kept = await rows.count();
  expect(kept).toBeGreaterThan(0);
  expect(kept).toBeLessThan(wire.generations.length);
  // Go's parser, streamed, stops at the same place and says why.
  await expect(page.locator('[data-parsed]')).toHaveAttribute('data-parsed', 'error');
  await expect(page.locator('[data-parsed]')).toContainText('the gzip data is damaged or cut short');
  if (process.env.FLIGHTDECK_SHOTS) await page.screenshot({ path: join(process.env.FLIGHTDECK_SHOTS, 'cut-gzip.png'), fullPage: true });
});

test('a trace of many generations opens the same plain and gzipped', async ({ page }) => {
  const many = new Uint8Array(readFileSync(join(ROOT, 'testdata/traces/generations.go126.trace')));
  const s = summarizeTrace(many);
  const wire = inspectTrace(many);
  for (const [name, bytes] of [['generations.trace', many], ['generations.trace.gz', new Uint8Array(gzipSync(many))]] as const) {
    await openApp(page);
    await dropFile(page, name, bytes);
    await expect(page.getByTestId('file-name')).toHaveText(name);
    await expect(page.locator('[data-parsed]')).toHaveAttribute('data-parsed', 'ok');
    await expect(page.getByTestId('parsed-events')).toHaveText(fmt(s.total.events));
    const rows = page.getByRole('table', { name: 'Generations in this trace' }).locator('tbody tr');
    await expect(rows).toHaveCount(wire.generations.length);
  }
});
