// The timeline model built in the real parse worker and sent to the page chunk by chunk
// (transferred) is the model Node builds from the same file: same generations, goroutines,
// Ps, end time; a damaged trace keeps its complete generations and says what was lost.
import { readFileSync } from 'node:fs';
import { expect, test } from '@playwright/test';
import { buildTimeline } from '../src/analysis/timeline/build';
import { dropFile, openApp, realTraces } from './helpers';

const pick = ['generations.go126.trace', 'syscallsteal.go127.trace', 'damaged-noend.go126.trace', 'damaged-flip.go126.trace'];

for (const name of pick) {
  test(`the page's timeline model of ${name} equals Node's`, async ({ page }) => {
    const trace = realTraces().find((t) => t.name === name)!;
    const bytes = new Uint8Array(readFileSync(trace.path));
    const { model } = buildTimeline(bytes);
    await openApp(page);
    await dropFile(page, name, bytes);
    const got = (await page.evaluate(() => window.__flightdeck!.state().timeline)) as Record<string, unknown>;
    expect(got).toMatchObject({
      complete: true,
      generations: model.generations.length,
      endNs: model.endNs,
      goroutines: model.goroutineCount,
      procs: model.procs().length,
      loss: model.loss === null ? null : { generationsKept: model.loss.generationsKept, message: model.loss.message },
    });
    if (name.startsWith('damaged')) expect(got.loss).not.toBeNull();
    else expect(got.generations).toBeGreaterThan(0);
  });
}
