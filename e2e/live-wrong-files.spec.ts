// Wrong files, each with its own words (issue: the live flight recorder for talks, "Opening
// files"): an empty file, a gzipped trace, a pprof profile, a Go 1.5–1.10 trace, a web page
// served instead of a trace, a failed fetch, a text file. Under an error there are no stat
// tiles of zeros and Go's message is shown once.

import { readFileSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import { expect, test, type Page } from '@playwright/test';
import { parseSections } from '../src/trace/parse/test-fixtures';
import { writeV1Trace } from '../src/trace/v1/text-writer';
import { dropFile, openApp, smallRealTrace, waitIdle } from './helpers';

// page.route cannot see requests the app's service worker forwards; these tests are about
// what the page says for each answer, not about working offline (e2e/offline.spec.ts).
test.use({ serviceWorkers: 'block' });

const verdict = (page: Page) => page.locator('[data-verdict]');
const profile = (name: string) => new Uint8Array(readFileSync(new URL(`../testdata/profiles/${name}`, import.meta.url)));

/** Nothing below an error that only says "0": no stat tiles, no parser section, one Go message. */
async function noZeroTiles(page: Page) {
  await expect(page.locator('dl.stats')).toHaveCount(0);
  await expect(page.locator('[data-parsed]')).toHaveCount(0);
  await expect(page.locator('.go-message')).toHaveCount(1);
  // Nothing to show on a timeline or in the analyses of a file that is no trace: no tabs.
  await expect(page.getByRole('tab', { name: 'Timeline' })).toHaveCount(0);
  await expect(page.getByRole('tab', { name: 'Goroutines' })).toHaveCount(0);
}

test('an empty file', async ({ page }) => {
  await openApp(page);
  await dropFile(page, 'empty.trace', new Uint8Array(0));
  await expect(verdict(page)).toHaveAttribute('data-file-kind', 'empty');
  await expect(verdict(page).getByRole('heading')).toHaveText('This file is empty');
  await expect(verdict(page)).toContainText('0 bytes');
  await noZeroTiles(page);
});

test('a gzipped trace opens; a gzipped file that is no trace is named', async ({ page }) => {
  const t = smallRealTrace();
  await openApp(page);
  await dropFile(page, `${t.name}.gz`, gzipSync(t.bytes));
  await expect(verdict(page)).not.toHaveAttribute('data-file-kind', /.*/);
  await expect(page.getByTestId('generation-count')).toHaveText(String(t.summary.generations.length));

  // Some other gzipped file is not called a trace.
  await dropFile(page, 'notes.txt.gz', gzipSync(new TextEncoder().encode('just some notes\n')));
  await expect(verdict(page)).toHaveAttribute('data-file-kind', 'text');
});

test('a CPU profile and a heap profile: “open it with go tool pprof”', async ({ page }) => {
  await openApp(page);
  for (const name of ['cpu.pprof', 'heap.pprof']) {
    await dropFile(page, name, profile(name));
    await expect(verdict(page), name).toHaveAttribute('data-file-kind', 'pprof');
    await expect(verdict(page).getByRole('heading')).toHaveText('A CPU or heap profile (pprof), not an execution trace');
    await expect(verdict(page)).toContainText(`go tool pprof ${name}`);
    await noZeroTiles(page);
  }
});

test('traces from older Go: 1.11–1.21 open (not refused), 1.5–1.10 are named', async ({ page }) => {
  await openApp(page);
  // One of the old-format fixtures (Go 1.21): read whole, as Go's tools read it.
  const text = readFileSync(new URL('../src/trace/v1/testdata/go121-sched.test', import.meta.url), 'utf8');
  await dropFile(page, 'go121.trace', writeV1Trace(parseSections(text).get('trace')!));
  await expect(verdict(page)).toHaveAttribute('data-verdict', 'ok');
  await expect(verdict(page)).not.toHaveAttribute('data-file-kind', /.*/);
  await expect(verdict(page).getByRole('heading')).toHaveText('Go 1.21 execution trace, in the format before Go 1.22');
  await expect(page.locator('[data-parsed]')).toHaveAttribute('data-parsed', 'ok');
  await expect(page.getByRole('tab', { name: 'Timeline' })).toBeVisible();

  const enc = new TextEncoder();
  await dropFile(page, 'go18.trace', new Uint8Array([...enc.encode('go 1.8 trace\0\0\0\0'), 0, 1, 2, 3]));
  await expect(verdict(page)).toHaveAttribute('data-file-kind', 'old-trace');
  await expect(verdict(page).getByRole('heading')).toHaveText('A trace from Go 1.8, a format today’s Go no longer reads');
  await expect(verdict(page)).toContainText('go tool trace from Go 1.21 or earlier');
  await noZeroTiles(page);
});

test('?url= naming a missing file: the web page the server sent instead, with status and URL', async ({ page, baseURL }) => {
  await openApp(page, '/?url=/missing.trace');
  await waitIdle(page);
  await expect(verdict(page)).toHaveAttribute('data-file-kind', 'html');
  await expect(verdict(page).getByRole('heading')).toHaveText('The server sent a web page, not a trace');
  await expect(verdict(page)).toContainText(`${baseURL}/missing.trace`);
  await expect(verdict(page)).toContainText('200 OK');
  await noZeroTiles(page);
});

test('?url= that fails: the status or the network error, and the URL', async ({ page, baseURL }) => {
  await page.route((u) => u.pathname === '/gone.trace', (route) => route.fulfill({ status: 404, contentType: 'text/plain', body: 'not found' }));
  await openApp(page, '/?url=/gone.trace');
  await waitIdle(page);
  const alert = page.getByRole('alert');
  await expect(alert).toContainText(`${baseURL}/gone.trace`);
  await expect(alert).toContainText('404');
  await expect(page.locator('dl.stats')).toHaveCount(0);

  await page.route((u) => u.pathname === '/offline.trace', (route) => route.abort('connectionrefused'));
  await openApp(page, '/?url=/offline.trace');
  await waitIdle(page);
  await expect(page.getByRole('alert')).toContainText(`${baseURL}/offline.trace`);
  await expect(page.getByRole('alert')).toContainText('no answer');
});

test('a text file: named as text, its first line shown, Go’s message once, no tiles', async ({ page }) => {
  await openApp(page);
  await dropFile(page, 'notes.txt', new TextEncoder().encode('hello, this is a text file and not a trace\nsecond line\n'));
  await expect(verdict(page)).toHaveAttribute('data-verdict', 'not-a-trace');
  await expect(verdict(page)).toHaveAttribute('data-file-kind', 'text');
  await expect(verdict(page).getByRole('heading')).toHaveText('A text file, not a Go execution trace');
  await expect(verdict(page)).toContainText('hello, this is a text file and not a trace');
  await noZeroTiles(page);
});
