// A gzipped trace (.trace.gz, as attached to issues) dropped on the page opens like the plain
// one: decompressed in the parse worker, it shows the same wire summary and Go's parser's
// figures as the trace inside, computed in Node from the plain file. A damaged one gets a
// message saying so.

import { expect, test } from '@playwright/test';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
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

test('a damaged .gz is refused with a message naming the damage', async ({ page }) => {
  await openApp(page);
  await dropFile(page, 'cut.trace.gz', gz.slice(0, gz.length - 200));
  await expect(page.getByRole('alert')).toContainText('Could not read cut.trace.gz: the gzip data is damaged or cut short');
});
