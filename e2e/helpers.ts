// Shared e2e helpers: waiting on the app's idle signal (never a sleep), dropping files the
// way a user's drag does (a DataTransfer on a drop event), and finding the test traces.

import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { expect, type Page } from '@playwright/test';
import { inspectTrace, type WireSummary } from '../src/trace/wire/inspect';

export async function waitIdle(page: Page): Promise<void> {
  await page.waitForFunction(() => document.documentElement.dataset.idle === 'true' && !!window.__flightdeck);
}

export async function openApp(page: Page, path = '/'): Promise<void> {
  await page.goto(path);
  await waitIdle(page);
}

/** Dispatches a drop of one file onto the page, as a drag from the desktop would. */
export async function dropFile(page: Page, name: string, bytes: Uint8Array): Promise<void> {
  const b64 = Buffer.from(bytes).toString('base64');
  await page.evaluate(
    ({ name, b64 }) => {
      const bin = atob(b64);
      const arr = new Uint8Array(bin.length);
      for (let i = 0; i < bin.length; i++) arr[i] = bin.charCodeAt(i);
      const dt = new DataTransfer();
      dt.items.add(new File([arr], name, { type: 'application/octet-stream' }));
      const target = document.querySelector('main') ?? document.body;
      target.dispatchEvent(new DragEvent('dragenter', { dataTransfer: dt, bubbles: true, cancelable: true }));
      target.dispatchEvent(new DragEvent('dragover', { dataTransfer: dt, bubbles: true, cancelable: true }));
      target.dispatchEvent(new DragEvent('drop', { dataTransfer: dt, bubbles: true, cancelable: true }));
    },
    { name, b64 },
  );
  await waitIdle(page);
}

/**
 * The real Go traces committed under testdata/traces (FLIGHTDECK_E2E_TRACE adds one more,
 * for local runs before they exist).
 */
export function realTraces(): { name: string; path: string }[] {
  const dir = fileURLToPath(new URL('../testdata/traces/', import.meta.url));
  let found: { name: string; path: string }[] = [];
  try {
    found = readdirSync(dir)
      .filter((f) => f.endsWith('.trace'))
      .sort()
      .map((f) => ({ name: f, path: join(dir, f) }));
  } catch {
    // no testdata/traces yet
  }
  const extra = process.env.FLIGHTDECK_E2E_TRACE;
  if (extra) found.push({ name: extra.split('/').pop()!, path: extra });
  expect(found.length, 'no real Go trace found in testdata/traces (or FLIGHTDECK_E2E_TRACE)').toBeGreaterThan(0);
  return found;
}

/** A real trace small enough to move through page.evaluate quickly, and its Node-side summary. */
export function smallRealTrace(): { name: string; bytes: Uint8Array; summary: WireSummary } {
  const all = realTraces()
    .map((t) => ({ name: t.name, bytes: new Uint8Array(readFileSync(t.path)) }))
    .map((t) => ({ ...t, summary: inspectTrace(t.bytes) }))
    .filter((t) => t.summary.error === null && t.summary.generations.length >= 2)
    .sort((a, b) => a.bytes.length - b.bytes.length);
  expect(all.length, 'no undamaged real trace with two or more generations').toBeGreaterThan(0);
  return all[0];
}

export const fmt = (n: number) => new Intl.NumberFormat('en-US').format(n);
