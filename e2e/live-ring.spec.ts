// The live flight recorder against its own output: the generations the page says are in the
// ring (the worker's report) must be the ones in the downloaded snapshot, byte for byte per
// generation, and the ring must follow Go's rule (runtime/trace/recorder.go endGeneration):
// walking from the newest generation, an older one is added only while the kept bytes are not
// above MaxBytes and the oldest kept is not older than MinAge. The snapshot is read in Node by
// batch framing alone (the wire layer), not by the recorder's modules nor the page's verdict.

import { readFileSync } from 'node:fs';
import { expect, test, type Page } from '@playwright/test';
import { readBatch } from '../src/trace/wire/batch';
import { Ev } from '../src/trace/wire/specs';
import { uvarintAt } from '../src/trace/wire/varint';
import { openApp, waitIdle } from './helpers';

interface FileGen {
  gen: number;
  /** Bytes of its records as stored, the EndOfGeneration byte included (recorder.go's size). */
  bytes: number;
  /** Earliest batch base time, ns. */
  minNs: number;
  /** Latest batch base time, ns. */
  maxNs: number;
}

/** The snapshot's generations, by framing its records. */
function fileGenerations(bytes: Uint8Array): FileGen[] {
  const out: FileGen[] = [];
  let nsPerTick = 0;
  let pos = 16;
  let cur: { gen: number; bytes: number; minT: number; maxT: number } | null = null;
  const ticks: { gen: number; bytes: number; minT: number; maxT: number }[] = [];
  for (;;) {
    const r = readBatch(bytes, pos);
    if (r === null) break;
    const b = r.batch;
    const size = r.next - pos;
    pos = r.next;
    if (b.isEndOfGeneration) {
      if (cur) cur.bytes += size;
      continue;
    }
    const gen = Number(b.gen);
    if (!cur || cur.gen !== gen) ticks.push((cur = { gen, bytes: 0, minT: Infinity, maxT: 0 }));
    cur.bytes += size;
    const t = Number(b.time);
    if (t !== 0) {
      cur.minT = Math.min(cur.minT, t);
      cur.maxT = Math.max(cur.maxT, t);
    }
    // The sync batch: [Sync] Frequency freq … (ticks per second).
    if (b.data[0] === Ev.Sync && b.data[1] === Ev.Frequency && nsPerTick === 0) {
      nsPerTick = 1e9 / Number(uvarintAt(b.data, 2, b.data.length));
    }
  }
  expect(pos, 'the snapshot frames to its last byte').toBe(bytes.length);
  expect(nsPerTick).toBeGreaterThan(0);
  for (const g of ticks) out.push({ gen: g.gen, bytes: g.bytes, minNs: Math.trunc(g.minT * nsPerTick), maxNs: Math.trunc(g.maxT * nsPerTick) });
  return out;
}

async function setAmount(page: Page, label: 'MaxBytes' | 'MinAge', value: string, unit: string) {
  await page.getByRole('combobox', { name: `${label} unit` }).selectOption(unit);
  const input = page.getByRole('spinbutton', { name: label, exact: true });
  await input.fill(value);
  await input.press('Enter');
}

const timeline = (page: Page) => page.getByRole('group', { name: 'Generations timeline' });
const attr = async (page: Page, name: string) => Number(await timeline(page).getAttribute(name));

/** Runs until generations were evicted, pauses, snapshots; the page's ring and the file's generations. */
async function snapshotOfEvictingRing(page: Page) {
  // The idle service writes a few KiB a generation: several fit in the ring, so which ones
  // are kept says something about the rule.
  await page.getByRole('combobox', { name: 'Workload' }).selectOption('idle');
  await page.getByRole('combobox', { name: 'Speed' }).selectOption('8');
  await page.getByRole('button', { name: 'Start runtime' }).click();
  await page.getByRole('button', { name: 'Start recorder' }).click();
  await expect.poll(() => attr(page, 'data-evicted'), { timeout: 60_000 }).toBeGreaterThanOrEqual(2);
  // Pause the clock so the ring stays put between the snapshot and reading the page.
  await page.getByRole('button', { name: 'Stop runtime' }).click();
  await waitIdle(page);
  const downloadP = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Snapshot' }).click();
  const bytes = new Uint8Array(readFileSync(await (await downloadP).path()));
  await waitIdle(page);
  const rows = page.getByRole('table', { name: 'Newest generations' }).locator('tbody tr[data-state="ring"]');
  const pageRing = (await rows.evaluateAll((trs) => trs.map((tr) => [...tr.querySelectorAll('td')].map((td) => td.textContent ?? '')))).map(
    ([gen, , , b]) => ({ gen: Number(gen), bytes: Number(b.replace(/,/g, '')) }),
  );
  pageRing.reverse(); // the table lists the newest first
  return { file: fileGenerations(bytes), pageRing };
}

test('the ring the page reports is the snapshot, and it follows MaxBytes', async ({ page }) => {
  test.setTimeout(180_000);
  const maxBytes = 16 * 1024;
  await openApp(page);
  await page.getByRole('tab', { name: 'Live flight recorder' }).click();
  await expect(page.getByRole('button', { name: 'Start runtime' })).toBeEnabled();
  await setAmount(page, 'MaxBytes', '16', 'KiB');
  await setAmount(page, 'MinAge', '3600', 's'); // never the limit here
  const { file, pageRing } = await snapshotOfEvictingRing(page);

  expect(pageRing.length, 'the ring holds several generations').toBeGreaterThanOrEqual(2);
  expect(file.map((g) => ({ gen: g.gen, bytes: g.bytes }))).toEqual(pageRing);
  // Every generation older than the newest was added while the newer ones held ≤ MaxBytes …
  for (let j = 0; j < file.length - 1; j++) {
    const newer = file.slice(j + 1).reduce((n, g) => n + g.bytes, 0);
    expect(newer, `gen ${file[j].gen} kept with ${newer} newer bytes`).toBeLessThanOrEqual(maxBytes);
  }
  // … and the walk stopped because the whole ring is above it (older generations existed).
  expect(file.reduce((n, g) => n + g.bytes, 0)).toBeGreaterThan(maxBytes);
});

test('the ring the page reports is the snapshot, and it follows MinAge', async ({ page }) => {
  test.setTimeout(180_000);
  const minAgeNs = 2.5e9;
  await openApp(page);
  await page.getByRole('tab', { name: 'Live flight recorder' }).click();
  await expect(page.getByRole('button', { name: 'Start runtime' })).toBeEnabled();
  await setAmount(page, 'MaxBytes', '512', 'MiB'); // never the limit here
  await setAmount(page, 'MinAge', '2.5', 's');
  const { file, pageRing } = await snapshotOfEvictingRing(page);

  expect(file.length).toBeGreaterThanOrEqual(2);
  expect(file.map((g) => ({ gen: g.gen, bytes: g.bytes }))).toEqual(pageRing);
  // WriteTo's time is at or after the file's last batch: a generation older than the second
  // oldest kept was added only if that one was then at most MinAge old.
  const lastNs = Math.max(...file.map((g) => g.maxNs));
  expect(lastNs - file[1].minNs, `gen ${file[0].gen} was added although gen ${file[1].gen} was older than MinAge`).toBeLessThanOrEqual(minAgeNs);
  // The walk stopped at the oldest kept because it crossed MinAge: the ring reaches back at
  // least MinAge, less one generation period for the time from the last batch to WriteTo.
  const period = (lastNs - file[0].minNs) / file.length;
  expect(lastNs - file[0].minNs).toBeGreaterThan(minAgeNs - period);
});
