// The worst files a user can drop: random bytes, a valid header over random bytes, a large
// simulated trace, a trace naming more goroutines than the summary counts. Each must end in
// the right words, the page must keep answering while the worker reads, and Close must stop a
// running parse (its worker ends). Files are made here, in the test's output folder; random
// bytes come from a seeded generator so a failure can be replayed.

import { execFileSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { expect, test, type Page } from '@playwright/test';
import { summarizeTrace, ID_SET_LIMIT } from '../src/analysis/trace-summary';
import { seededRandom } from '../src/testing/seeded-random';
import { textToBinary } from '../src/trace/wire/convert';
import { inspectTrace } from '../src/trace/wire/inspect';
import { uvarintSize } from '../src/trace/wire/varint';
import { fmt, openApp, waitIdle } from './helpers';

const SEED = 20261125;
const MiB = 1024 * 1024;

function randomBytes(n: number, seed: number): Uint8Array {
  const rnd = seededRandom(seed);
  const out = new Uint8Array(n);
  for (let i = 0; i < n; i++) out[i] = (rnd() * 256) | 0;
  return out;
}

/** Opens a file from disk through the visible picker, as a user would. */
async function pick(page: Page, path: string): Promise<void> {
  await page.getByLabel('Open a Go trace file').setInputFiles(path);
}

/**
 * One Go 1.26 generation in which `n` distinct goroutines report a runnable status: a valid
 * trace whose distinct-ID set is larger than the summary keeps.
 */
function manyGoroutines(n: number): Uint8Array {
  const NONE = 2n ** 64n - 1n;
  const t0 = 1000;
  const lines = ['Trace Go1.26'];
  lines.push(`EventBatch gen=1 m=${NONE} time=${t0} size=${1 + 5 + 1 + 1 + uvarintSize(t0) + 5 + 1}`);
  lines.push('Sync', 'Frequency freq=15625000', `ClockSnapshot dt=1 mono=${t0} sec=1795641989 nsec=0`);
  const perBatch = 2000;
  let t = t0 + 10;
  for (let g = 1, b = 0; g <= n; b++) {
    const evs: string[] = [];
    let size = 0;
    if (b === 0) {
      evs.push('ProcStatus dt=1 p=0 pstatus=2');
      size += 4;
    }
    for (let i = 0; i < perBatch && g <= n; i++, g++) {
      evs.push(`GoStatus dt=1 g=${g} m=${NONE} gstatus=1`);
      size += 1 + 1 + uvarintSize(g) + 10 + 1;
    }
    lines.push(`EventBatch gen=1 m=1 time=${t} size=${size}`, ...evs);
    t += perBatch + 10;
  }
  lines.push(`EventBatch gen=1 m=${NONE} time=${t} size=1`, 'Stacks');
  lines.push(`EventBatch gen=1 m=${NONE} time=${t} size=1`, 'Strings', 'EndOfGeneration');
  return textToBinary(new TextEncoder().encode(lines.join('\n') + '\n'));
}

test('random bytes, a header over random bytes and an empty file get their own words', async ({ page }, info) => {
  await openApp(page);
  const verdict = page.locator('[data-verdict]');

  const empty = info.outputPath('empty.trace');
  writeFileSync(empty, new Uint8Array(0));
  await pick(page, empty);
  await waitIdle(page);
  await expect(verdict).toHaveAttribute('data-verdict', 'not-a-trace');
  await expect(page.getByTestId('go-message')).toHaveText('bad file format: not a Go execution trace?');

  const random = info.outputPath('random.trace');
  writeFileSync(random, randomBytes(8 * MiB, SEED));
  await pick(page, random);
  await waitIdle(page);
  await expect(page.getByTestId('file-name')).toHaveText('random.trace');
  await expect(verdict, `seed ${SEED}`).toHaveAttribute('data-verdict', 'not-a-trace');
  // Nothing for Go's parser to add under a header that is not a trace's: no second message.
  await expect(page.locator('[data-parsed]')).toHaveCount(0);

  const header = new TextEncoder().encode('go 1.26 trace\0\0\0');
  const bytes = new Uint8Array(header.length + 8 * MiB);
  bytes.set(header);
  bytes.set(randomBytes(8 * MiB, SEED + 1), header.length);
  const wire = inspectTrace(bytes);
  const parsed = summarizeTrace(bytes);
  expect(wire.error?.fault, `seed ${SEED + 1}`).toBe('damaged');
  const headerRandom = info.outputPath('header-random.trace');
  writeFileSync(headerRandom, bytes);
  await pick(page, headerRandom);
  await waitIdle(page);
  await expect(page.getByTestId('file-name')).toHaveText('header-random.trace');
  await expect(verdict).toHaveAttribute('data-verdict', 'damaged');
  // Go's answer, by its rule rather than by our modules: readBatch (internal/trace/batch.go)
  // reads the byte after the header as a record type, and for this seed it is none of
  // EventBatch (1), ExperimentalBatch (49) or EndOfGeneration (52). Go 1.26 prints the one
  // Sync and "expected batch event, got event 229" for this file.
  expect([1, 49, 52], `seed ${SEED + 1}`).not.toContain(bytes[16]);
  const goSays = `expected batch event, got event ${bytes[16]}`;
  expect(parsed.verdict.kind, 'our parser must reject it too').toBe('error');
  await expect(page.getByTestId('go-message')).toHaveText(goSays);
  await expect(page.locator('[data-parsed]')).toHaveAttribute('data-parsed', 'error');
  await expect(page.getByTestId('parsed-go-message')).toHaveText(goSays);
  await expect(page.getByTestId('parsed-events')).toHaveText('1');
});

test('a large trace: progress shows, the tabs still switch, Close ends the parse, a second open reads it all and the analyses show how far they have read', async ({ page }, info) => {
  test.setTimeout(90_000);
  const path = info.outputPath('busy.trace');
  execFileSync('npx', ['tsx', 'src/cli/main.ts', 'simulate', '--workload', 'busy', '--seconds', '8', '--out', path], { stdio: 'pipe' });
  const bytes = new Uint8Array(readFileSync(path));
  expect(bytes.length).toBeGreaterThan(20 * MiB);

  // Listening before the page loads: it starts its parse worker once idle, which may come
  // before or after openApp returns.
  const workers: { closed: boolean }[] = [];
  page.on('worker', (w) => {
    if (!w.url().includes('parse.worker')) return;
    const rec = { closed: false };
    workers.push(rec);
    w.on('close', () => (rec.closed = true));
  });
  await openApp(page);

  await pick(page, path);
  // Progress is visible while Go's parser runs.
  const parsing = page.locator('[data-parsed="parsing"]');
  await expect(parsing.getByRole('heading')).toHaveText(/Reading events… [\d,]+ so far, \d+% of the file/);

  // The page answers during the parse: the other tab opens and comes back.
  await page.getByRole('tab', { name: 'Live flight recorder' }).click();
  await expect(page.getByRole('tabpanel')).toHaveAttribute('aria-labelledby', 'tab-live');
  await page.getByRole('tab', { name: 'Inspect a trace' }).click();
  await expect(page.getByTestId('file-name')).toHaveText('busy.trace');
  await expect(parsing).toBeVisible();

  // Close stops the running parse: its worker ends and the page is idle at once.
  await page.getByRole('button', { name: 'Close' }).click();
  await expect(page.getByRole('heading', { name: /Drop a Go execution trace/ })).toBeVisible();
  await waitIdle(page);
  await expect.poll(() => workers.length).toBeGreaterThan(0);
  await expect.poll(() => workers[0].closed).toBe(true);

  // Opening it again starts a fresh worker and reads every event.
  const s = summarizeTrace(bytes);
  expect(s.verdict.kind).toBe('ok');
  await pick(page, path);
  await expect(page.getByTestId('parsed-verdict')).toHaveText('Go’s parser reads it cleanly', { timeout: 60_000 });
  await expect(page.getByTestId('parsed-events')).toHaveText(fmt(s.total.events));
  await expect(page.getByTestId('parsed-goroutines')).toHaveText(fmt(s.total.goroutines));

  // The analyses read the trace again, for seconds on a file this size: their page says how
  // far they have come, then shows them.
  await page.getByRole('tab', { name: 'Goroutines' }).click();
  const pending = page.getByTestId('analysis-pending').getByRole('status');
  await expect(pending).toHaveText(/Analysing every goroutine, task, region, GC cycle and blocking event… \d+% of the trace read/, { timeout: 60_000 });
  const first = Number(/(\d+)% of the trace read/.exec((await pending.textContent()) ?? '')![1]);
  await expect(page.getByTestId('goroutine-groups')).toBeVisible({ timeout: 60_000 });
  await expect(page.getByTestId('analysis-pending')).toHaveCount(0);
  expect(first).toBeLessThan(100);
  await waitIdle(page);
});

test('more distinct goroutines than the summary counts: "100,000+", not a growing set', async ({ page }, info) => {
  const n = ID_SET_LIMIT + 20_000;
  const bytes = manyGoroutines(n);
  const s = summarizeTrace(bytes);
  expect(s.verdict.kind).toBe('ok');
  expect(s.total.goroutinesCapped).toBe(true);
  expect(summarizeTrace(bytes, n).total.goroutines).toBe(n);
  const path = info.outputPath('many-goroutines.trace');
  writeFileSync(path, bytes);

  await openApp(page);
  await pick(page, path);
  await expect(page.getByTestId('parsed-verdict')).toHaveText('Go’s parser reads it cleanly');
  await waitIdle(page);
  await expect(page.getByTestId('parsed-goroutines')).toHaveText(`${fmt(ID_SET_LIMIT)}+`);
  await expect(page.getByText(`more than ${fmt(ID_SET_LIMIT)} distinct IDs; counting stops there`)).toBeVisible();
});

test('the page states the largest file it reads', async ({ page }) => {
  await openApp(page);
  await expect(page.getByText(/Files of up to 4 GiB/)).toBeVisible();
});
