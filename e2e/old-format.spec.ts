// Go 1.11–1.21 traces in the app: dropped like any other, named, read by the parse worker as
// Go's reader reads them (whole, as one generation), and damaged ones told apart with Go's
// message. What the page shows must equal what the same code computes in Node.

import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, test } from '@playwright/test';
import { summarizeTrace } from '../src/analysis/trace-summary';
import { parseSections } from '../src/trace/parse/test-fixtures';
import { writeV1Trace } from '../src/trace/v1/text-writer';
import { inspectTrace } from '../src/trace/wire/inspect';
import { formatDuration } from '../src/ui/format';
import { dropFile, fmt, openApp } from './helpers';

/** One of our own old-format traces (src/trace/v1/testdata), as bytes. */
function fixture(name: string): Uint8Array {
  const text = readFileSync(new URL(`../src/trace/v1/testdata/${name}.test`, import.meta.url), 'utf8');
  return writeV1Trace(parseSections(text).get('trace')!);
}

/** Go's own old test traces, from the toolchain's source (not committed here); null without go. */
function gorootTrace(name: string): Uint8Array | null {
  const r = spawnSync('go', ['env', 'GOROOT'], { encoding: 'utf8' });
  const file = r.status === 0 ? join(r.stdout.trim(), 'src/internal/trace/internal/tracev1/testdata', name) : '';
  if (!file || !existsSync(file)) {
    console.warn(`\n!!! Go is not on PATH: ${name} from Go's source was NOT dropped on the page.\n`);
    return null;
  }
  return new Uint8Array(readFileSync(file));
}

async function expectRead(page: import('@playwright/test').Page, name: string, bytes: Uint8Array, goVersion: string) {
  const s = summarizeTrace(bytes);
  expect(s.verdict.kind, name).toBe('ok');
  const w = inspectTrace(bytes);
  await dropFile(page, name, bytes);
  await expect(page.getByTestId('file-name')).toHaveText(name);
  const verdict = page.locator('[data-verdict]');
  await expect(verdict).toHaveAttribute('data-verdict', 'ok');
  await expect(verdict.getByRole('heading')).toHaveText(`${goVersion} execution trace, in the format before Go 1.22`);
  await expect(page.getByTestId('go-version')).toHaveText(goVersion);
  await expect(page.getByTestId('generation-count')).toHaveText('1');
  await expect(page.getByTestId('batch-count')).toHaveText(fmt(w.batches));
  // Go's parser, in the worker: the same events, goroutines and span as in Node.
  await expect(page.locator('[data-parsed]')).toHaveAttribute('data-parsed', 'ok');
  await expect(page.getByTestId('parsed-verdict')).toHaveText('Go’s parser reads it cleanly');
  await expect(page.getByTestId('parsed-events')).toHaveText(fmt(s.total.events));
  await expect(page.getByTestId('parsed-goroutines')).toHaveText(fmt(s.total.goroutines));
  await expect(page.getByTestId('parsed-duration')).toHaveText(formatDuration(s.total.durationNs));
  const rows = page.getByRole('table', { name: 'Generations in this trace' }).locator('tbody tr');
  await expect(rows).toHaveCount(1);
  await expect(rows.first().locator('td').nth(4)).toHaveText(fmt(s.generations[0].events));
}

test('a dropped Go 1.21 trace is named, read whole as one generation, and summarised as in Node', async ({ page }) => {
  await openApp(page);
  await expectRead(page, 'sched.trace', fixture('go121-sched'), 'Go 1.21');
  await page.screenshot({ path: 'test-results/old-format-go121.png', fullPage: true });
});

test("Go's own Go 1.11 and 1.19 test traces open like any other", async ({ page }) => {
  await openApp(page);
  for (const [name, v] of [['stress_1_11_good', 'Go 1.11–1.18'], ['http_1_19_good', 'Go 1.19 or 1.20']] as const) {
    const bytes = gorootTrace(name);
    if (bytes === null) continue;
    await expectRead(page, name, bytes, v);
  }
});

test("a damaged old trace gets Go's message, and nothing is kept, as in Go", async ({ page }) => {
  await openApp(page);
  // A Go 1.26 trace whose header was changed to "go 1.21 trace".
  const real = readFileSync(new URL('../testdata/traces/basic.go126.trace', import.meta.url));
  const bytes = new Uint8Array(real);
  bytes.set(new TextEncoder().encode('21'), 5);
  await dropFile(page, 'relabelled.trace', bytes);
  const verdict = page.locator('[data-verdict]');
  await expect(verdict).toHaveAttribute('data-verdict', 'damaged');
  await expect(page.getByTestId('go-message')).toHaveText('EvBatch has wrong number of arguments: got 1, want 2');
  await expect(page.getByTestId('kept')).toHaveText(`Kept nothing: the damage is at byte 16 of ${fmt(bytes.length)}.`);
  await expect(page.locator('[data-parsed]')).toHaveAttribute('data-parsed', 'error');

  // Our Go 1.21 trace cut in the middle of a record: the first pass stops at the cut.
  const whole = fixture('go121-sched');
  let n = whole.length >> 1;
  while (n < whole.length && inspectTrace(whole.subarray(0, n)).error === null) n++;
  expect(n).toBeLessThan(whole.length);
  const cut = whole.subarray(0, n);
  const w = inspectTrace(cut);
  await dropFile(page, 'cut.trace', cut);
  await expect(verdict).toHaveAttribute('data-verdict', 'damaged');
  await expect(page.getByTestId('go-message')).toHaveText(w.error!.message);
  await expect(page.locator('[data-parsed]')).toHaveAttribute('data-parsed', 'error');
  await page.screenshot({ path: 'test-results/old-format-damaged.png', fullPage: true });
});
