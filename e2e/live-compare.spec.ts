// The compare screen: two snapshots picked in the live view's list, or two files dropped on
// the screen, side by side. Every figure shown equals what the wire layer and Go's parser
// (our port) compute in Node from the same bytes, figures that differ are marked, and the
// generations are lined up by number.

import { readFileSync } from 'node:fs';
import { expect, test, type Page } from '@playwright/test';
import { summarizeTrace, type TraceSummary } from '../src/analysis/trace-summary';
import { inspectTrace } from '../src/trace/wire/inspect';
import { openApp, fmt, waitIdle } from './helpers';

const trace = (name: string) => new Uint8Array(readFileSync(new URL(`../testdata/traces/${name}`, import.meta.url)));

/** Drops several files at once onto the page, as a drag of a selection from the desktop does. */
async function dropFiles(page: Page, files: { name: string; bytes: Uint8Array }[]) {
  const payload = files.map((f) => ({ name: f.name, b64: Buffer.from(f.bytes).toString('base64') }));
  await page.evaluate((list) => {
    const dt = new DataTransfer();
    for (const f of list) {
      const bin = atob(f.b64);
      const arr = new Uint8Array(bin.length);
      for (let i = 0; i < bin.length; i++) arr[i] = bin.charCodeAt(i);
      dt.items.add(new File([arr], f.name, { type: 'application/octet-stream' }));
    }
    const target = document.querySelector('main') ?? document.body;
    for (const type of ['dragenter', 'dragover', 'drop']) target.dispatchEvent(new DragEvent(type, { dataTransfer: dt, bubbles: true, cancelable: true }));
  }, payload);
  await waitIdle(page);
}

/** The A, B cells of a figure's row, and whether it is marked as differing. */
async function figure(page: Page, table: string, label: string) {
  const row = page.getByRole('table', { name: `${table}: A and B` }).locator(`tr[data-figure="${label}"]`);
  const cells = await row.locator('td').allTextContents();
  return { a: cells[0], b: cells[1], change: await row.getAttribute('data-change') };
}

/** Checks the figures the compare screen shows against Node's summaries of the same bytes. */
async function expectFigures(page: Page, a: TraceSummary, b: TraceSummary) {
  const rows: [string, number, number][] = [
    ['Events', a.total.events, b.total.events],
    ['Goroutines', a.total.goroutines, b.total.goroutines],
    ['GC cycles', a.total.gcCycles, b.total.gcCycles],
    ['Stop-the-world pauses', a.total.stw, b.total.stw],
    ['Tasks', a.total.tasks, b.total.tasks],
    ['Generations', a.generations.length, b.generations.length],
  ];
  for (const [label, x, y] of rows) {
    const f = await figure(page, 'Overview', label);
    expect([f.a, f.b], label).toEqual([fmt(x), fmt(y)]);
    expect(f.change, label).toBe(x === y ? 'same' : Math.abs(y - x) / Math.max(1, Math.abs(x)) >= 0.25 ? 'big' : 'changed');
  }
  const kinds = ['StateTransition', 'Sync'] as const;
  const KIND = { StateTransition: 13, Sync: 1 };
  for (const k of kinds) {
    const f = await figure(page, 'Events by kind', k);
    expect([f.a, f.b], k).toEqual([fmt(a.total.byKind[KIND[k]]), fmt(b.total.byKind[KIND[k]])]);
  }
}

test('two dropped traces side by side, the differences marked', async ({ page }) => {
  const left = { name: 'gcstress.go126.trace', bytes: trace('gcstress.go126.trace') };
  const right = { name: 'goroutines.go126.trace', bytes: trace('goroutines.go126.trace') };
  await openApp(page, '/#/compare');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Compare two traces');
  await dropFiles(page, [left, right]);
  await expect(page.getByTestId('compare-side-a')).toHaveAttribute('data-status', 'done');
  await expect(page.getByTestId('compare-side-b')).toHaveAttribute('data-status', 'done');
  await expect(page.getByTestId('compare-side-a')).toContainText(left.name);
  await expect(page.getByTestId('compare-side-b')).toContainText(right.name);
  await expectFigures(page, summarizeTrace(left.bytes), summarizeTrace(right.bytes));
  await expect(page.getByTestId('compare-summary')).toHaveText(/^\d+ figures differ\.$/);

  // One more file replaces B; A stays.
  const third = { name: 'basic.go126.trace', bytes: trace('basic.go126.trace') };
  await dropFiles(page, [third]);
  await expect(page.getByTestId('compare-side-b')).toContainText(third.name);
  await expect(page.getByTestId('compare-side-a')).toContainText(left.name);
  await expectFigures(page, summarizeTrace(left.bytes), summarizeTrace(third.bytes));
  // Back returns to where the page was before the compare screen.
  await page.getByRole('tab', { name: 'Live flight recorder' }).click();
  await page.goBack();
  await expect(page.getByRole('tab', { name: 'Compare' })).toHaveAttribute('aria-selected', 'true');
});

test('two snapshots of one run, picked in the live view, compared: shared generations lined up', async ({ page }) => {
  test.setTimeout(180_000);
  await openApp(page, '/#/live');
  await expect(page.getByRole('button', { name: 'Start runtime' })).toBeEnabled();
  await page.getByRole('combobox', { name: 'Workload' }).selectOption('slow-requests');
  await page.getByRole('combobox', { name: 'Speed' }).selectOption('4');
  await page.getByRole('checkbox', { name: 'Snapshot when a request takes longer than' }).check();
  await page.getByRole('button', { name: 'Start runtime' }).click();
  await page.getByRole('button', { name: 'Start recorder' }).click();
  const list = page.getByRole('table', { name: 'Snapshots' });
  await expect(list.locator('tr[data-source="slow-request"]').first()).toBeVisible({ timeout: 150_000 });
  // And one taken by hand, a little later.
  const timeline = page.getByRole('group', { name: 'Generations timeline' });
  const sealed = Number(await timeline.getAttribute('data-generations'));
  await expect.poll(async () => Number(await timeline.getAttribute('data-generations')), { timeout: 60_000 }).toBeGreaterThanOrEqual(sealed + 2);
  const manualP = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Snapshot', exact: true }).click();
  const manual = new Uint8Array(readFileSync(await (await manualP).path()));
  await page.getByRole('button', { name: 'Stop runtime' }).click();
  await waitIdle(page);

  // The triggered snapshot taken before the manual one (the list is newest first; the trigger
  // may fire again before the runtime stops).
  const triggeredRow = list.locator('tr[data-source="manual"] ~ tr[data-source="slow-request"]').first();
  const trigP = page.waitForEvent('download');
  await triggeredRow.getByRole('link', { name: /^Download / }).click();
  const triggered = new Uint8Array(readFileSync(await (await trigP).path()));

  await triggeredRow.getByRole('checkbox').check();
  await list.locator('tr[data-source="manual"]').first().getByRole('checkbox').check();
  await page.getByRole('button', { name: 'Compare the two picked' }).click();
  await waitIdle(page);
  await expect(page.getByRole('tab', { name: 'Compare' })).toHaveAttribute('aria-selected', 'true');
  await expect(page.getByTestId('compare-side-a')).toHaveAttribute('data-status', 'done');
  await expect(page.getByTestId('compare-side-b')).toHaveAttribute('data-status', 'done');
  // A is the older (triggered) one, B the manual one.
  await expect(page.getByTestId('compare-side-a')).toContainText(/Slow request: [\d.]+ (ms|s) > 100 ms/);
  await expect(page.getByTestId('compare-side-b')).toContainText('Snapshot button');
  await expectFigures(page, summarizeTrace(triggered), summarizeTrace(manual));

  // Generations by number: those in both snapshots, and those in one only.
  const ga = inspectTrace(triggered).generations.map((g) => String(g.gen));
  const gb = inspectTrace(manual).generations.map((g) => String(g.gen));
  const all = [...new Set([...ga, ...gb])].sort((x, y) => Number(x) - Number(y));
  const rows = page.getByRole('table', { name: 'Generations of A and B' }).locator('tbody tr');
  await expect(rows).toHaveCount(all.length);
  for (let i = 0; i < all.length; i++) {
    const where = ga.includes(all[i]) && gb.includes(all[i]) ? 'both' : ga.includes(all[i]) ? 'a' : 'b';
    await expect(rows.nth(i)).toHaveAttribute('data-where', where);
    await expect(rows.nth(i).locator('th')).toHaveText(`g${all[i]}`);
  }
  expect(gb.some((g) => !ga.includes(g))).toBe(true);
});
