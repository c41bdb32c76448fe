// The loaded-trace page as a new user met it (issue: the live flight recorder for talks, items
// 6 and 8): Back returns to the tab before, the page has a top-level heading, the generations
// table's scroll box is labelled, the table fits at 1400 px, eight-digit counts in "Events by
// kind" are not cut off, and the bytes chart's axis ticks are round byte counts.

import { writeFileSync } from 'node:fs';
import { expect, test, type Page } from '@playwright/test';
import { summarizeTrace } from '../src/analysis/trace-summary';
import { BufferSink, SimulatedRuntime, startTrace, stopTrace } from '../src/recorder/index';
import { inspectTrace } from '../src/trace/wire/inspect';
import { manyMetrics } from './crafted-traces';
import { dropFile, fmt, openApp, smallRealTrace, waitIdle } from './helpers';

const tab = (page: Page, name: string) => page.getByRole('tab', { name });

/** A trace of the simulated runtime, as trace.Start … trace.Stop writes it. */
function simulatedTrace(workload: 'busy', ns: number, params: { periodMs?: number } = {}): Uint8Array {
  const rt = new SimulatedRuntime({ workload, seed: 3, go: '1.26', params });
  const sink = new BufferSink();
  startTrace(rt, sink);
  rt.advanceBy(ns);
  stopTrace(rt);
  return sink.bytes();
}

test('Back and Forward walk through the tabs; an open trace stays open', async ({ page }) => {
  await openApp(page);
  await tab(page, 'Live flight recorder').click();
  await expect(tab(page, 'Live flight recorder')).toHaveAttribute('aria-selected', 'true');
  await tab(page, 'Inspect a trace').click();
  await expect(page).toHaveURL(/#\/trace$/);
  await page.goBack();
  await expect(tab(page, 'Live flight recorder')).toHaveAttribute('aria-selected', 'true');
  await expect(page).toHaveURL(/#\/live$/);
  await page.goForward();
  await expect(tab(page, 'Inspect a trace')).toHaveAttribute('aria-selected', 'true');

  const t = smallRealTrace();
  await dropFile(page, t.name, t.bytes);
  await tab(page, 'Live flight recorder').click();
  await page.goBack();
  await expect(tab(page, 'Inspect a trace')).toHaveAttribute('aria-selected', 'true');
  await expect(page.getByTestId('file-name')).toHaveText(t.name);

  // The pages of the open trace are in the URL too, and Back walks through them.
  await tab(page, 'Goroutines').click();
  await expect(page).toHaveURL(/#\/trace\/goroutines$/);
  await tab(page, 'Compare').click();
  await expect(page).toHaveURL(/#\/compare$/);
  await page.goBack();
  await expect(tab(page, 'Goroutines')).toHaveAttribute('aria-selected', 'true');
  await page.goBack();
  await expect(page).toHaveURL(/#\/trace$/);
  await expect(tab(page, 'Summary')).toHaveAttribute('aria-selected', 'true');
  await expect(page.getByTestId('file-name')).toHaveText(t.name);
});

test('the loaded-trace page has one h1 naming the file, and its scroll box is a labelled region', async ({ page }) => {
  const t = smallRealTrace();
  await openApp(page);
  await dropFile(page, t.name, t.bytes);
  const h1 = page.getByRole('heading', { level: 1 });
  await expect(h1).toHaveCount(1);
  await expect(h1).toContainText(t.name);

  // Chromium makes a scrolling box a tab stop: it must say what it holds.
  const table = page.getByRole('table', { name: 'Generations in this trace' });
  const scroller = page.getByRole('region', { name: /Generations in this trace/ });
  await expect(scroller).toBeVisible();
  await expect(scroller.getByRole('table', { name: 'Generations in this trace' })).toBeVisible();
  await expect(scroller).toHaveAttribute('tabindex', '0');
  // No other focusable box on the page lacks a name.
  await page.locator('body').focus();
  for (let i = 0; i < 30; i++) {
    await page.keyboard.press('Tab');
    const unnamed = await page.evaluate(() => {
      const el = document.activeElement as HTMLElement | null;
      if (!el || el === document.body || el.tagName !== 'DIV') return null;
      return el.getAttribute('aria-label') || el.getAttribute('aria-labelledby') ? null : el.className;
    });
    expect(unnamed, 'a focusable box without a name').toBeNull();
  }
  await expect(table).toBeVisible();
});

test('at 1400 px the generations table shows every column without scrolling sideways', async ({ page }, info) => {
  test.setTimeout(120_000);
  // A busy trace: seven-digit offsets and six-digit event counts in the table.
  const path = info.outputPath('busy.trace');
  writeFileSync(path, simulatedTrace('busy', 2.5e9));
  await page.setViewportSize({ width: 1400, height: 900 });
  await openApp(page);
  await page.getByLabel('Open a Go trace file').setInputFiles(path);
  await expect(page.getByTestId('parsed-verdict')).toHaveText('Go’s parser reads it cleanly', { timeout: 100_000 });
  await waitIdle(page);
  const table = page.getByRole('table', { name: 'Generations in this trace' });
  const fits = await table.evaluate((el) => {
    const box = el.parentElement!;
    const last = el.querySelector('thead th:last-child')!.getBoundingClientRect();
    return { scroll: box.scrollWidth, client: box.clientWidth, lastRight: last.right, boxRight: box.getBoundingClientRect().right };
  });
  expect(fits.scroll, JSON.stringify(fits)).toBeLessThanOrEqual(fits.client);
  expect(fits.lastRight).toBeLessThanOrEqual(fits.boxRight + 0.5);
});

test('an eight-digit count in “Events by kind” is shown whole', async ({ page }, info) => {
  test.setTimeout(300_000);
  const bytes = manyMetrics(10_000_000);
  const path = info.outputPath('ten-million-metrics.trace');
  writeFileSync(path, bytes);
  await openApp(page);
  await page.getByLabel('Open a Go trace file').setInputFiles(path);
  await expect(page.getByTestId('parsed-verdict')).toHaveText('Go’s parser reads it cleanly', { timeout: 280_000 });
  await waitIdle(page);
  const row = page.locator('g[data-kind="Metric"]');
  await expect(row.locator('text.bar-label')).toHaveText(fmt(10_000_000));
  const clip = await row.evaluate((g) => {
    const svg = (g as SVGGElement).ownerSVGElement!.getBoundingClientRect();
    const label = g.querySelector('text.bar-label')!.getBoundingClientRect();
    return { labelRight: label.right, svgRight: svg.right };
  });
  expect(clip.labelRight, JSON.stringify(clip)).toBeLessThanOrEqual(clip.svgRight);
});

test('the bytes-per-generation axis is labelled in round byte counts', async ({ page }, info) => {
  // Simulating the trace and reading it whole (summary, analyses and timeline model) on a loaded machine.
  test.setTimeout(120_000);
  // A trace whose largest generation is a little over 1 MiB: a decimal step of 0.2 MiB
  // would print 204.8 KiB.
  const bytes = simulatedTrace('busy', 2e9, { periodMs: 330 });
  const s = inspectTrace(bytes);
  const top = Math.max(...s.generations.map((g) => g.bytes));
  expect(top).toBeGreaterThan(1 << 20);
  expect(top).toBeLessThan(1.2 * (1 << 20));
  expect(summarizeTrace(bytes).verdict.kind).toBe('ok');
  const path = info.outputPath('busy-330ms.trace');
  writeFileSync(path, bytes);

  await openApp(page);
  await page.getByLabel('Open a Go trace file').setInputFiles(path);
  await waitIdle(page);
  const labels = await page.getByRole('img', { name: /Bar chart of bytes/ }).locator('text[text-anchor="end"]').allTextContents();
  expect(labels.length).toBeGreaterThanOrEqual(3);
  const unit: Record<string, number> = { B: 1, KiB: 1024, MiB: 1024 ** 2, GiB: 1024 ** 3 };
  for (const l of labels) {
    const m = /^([\d.]+) (B|KiB|MiB|GiB)$/.exec(l);
    expect(m, l).not.toBeNull();
    const n = Number(m![1]) * unit[m![2]];
    expect(Number.isInteger(n), `${l} is ${n} bytes`).toBe(true);
    expect(n % 1024 === 0 || n < 1024, `${l} is not a round byte count`).toBe(true);
  }
});
