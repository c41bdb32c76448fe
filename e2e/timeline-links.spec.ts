// The analysis pages' links into the timeline, followed as a user would: from a goroutine on
// the Goroutines page and from the slowest region on the Tasks & regions page, the timeline
// opens on that goroutine's lifetime (or the region's span), selects it, shows its lane and
// its details. What "the right place" is comes from the same trace read in Node, twice over:
// the analysis (what the page linked) and the timeline model (where the goroutine really ran),
// so a difference between the two pages' time origins or goroutine numbering fails here.

import { expect, test, type Page } from '@playwright/test';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { analyseTrace } from '../src/analysis/analyse';
import { goroutineGroups, groupDetail } from '../src/analysis/goroutines/groups';
import { buildTimeline } from '../src/analysis/timeline/build';
import { GState, LaneKind, type TimelineQueries } from '../src/analysis/timeline/index';
import { dropFile, openApp, waitIdle } from './helpers';

const TRACES = join(process.cwd(), 'testdata/traces');
const load = (name: string) => new Uint8Array(readFileSync(join(TRACES, name)));

async function openTrace(page: Page, name: string, bytes: Uint8Array) {
  await openApp(page);
  await dropFile(page, name, bytes);
  await waitIdle(page);
  await expect(page.getByTestId('parsed-verdict')).toBeVisible();
}

/** The model's index of goroutine `id`, and the times its lane has any state in [a, b]. */
function laneOf(m: TimelineQueries, id: number | bigint, a: number, b: number) {
  const index = m.goroutineIndex(id);
  expect(index, `G${id} in the timeline model`).toBeGreaterThanOrEqual(0);
  let first = Infinity;
  let last = -Infinity;
  let running = 0;
  m.forEachSpan({ kind: LaneKind.Goroutine, index }, a, b, (s) => {
    first = Math.min(first, s.startNs);
    last = Math.max(last, s.endNs);
    if (s.state === GState.Running) running += Math.min(b, s.endNs) - Math.max(a, s.startNs);
  });
  return { index, first, last, running };
}

async function expectTimelineOn(page: Page, id: number | bigint, r0: number, r1: number) {
  await waitIdle(page);
  const tl = page.getByTestId('timeline-page');
  await expect(tl).toHaveAttribute('data-complete', 'true');
  await expect(tl).toHaveAttribute('data-range', `${r0}-${r1}`);
  await expect(page.getByTestId('detail-goroutine')).toHaveText(`G${id}`);
  const label = page.locator(`.tl-label.row[data-goroutine="${id}"]`).first();
  await expect(label).toBeVisible();
  // The selected lane is inside the tracks' viewport, not merely laid out somewhere below it.
  const lb = (await label.boundingBox())!;
  const tracks = (await page.getByTestId('timeline-tracks').boundingBox())!;
  expect(lb.y).toBeGreaterThanOrEqual(tracks.y);
  expect(lb.y + lb.height).toBeLessThanOrEqual(tracks.y + tracks.height);
}

test('a goroutine on the Goroutines page opens on the timeline over its lifetime, selected, its lane in view', async ({ page }, info) => {
  const name = 'blocking.go126.trace';
  const bytes = load(name);
  const a = analyseTrace(bytes).annotations;
  const m = buildTimeline(bytes).model as unknown as TimelineQueries;
  await openTrace(page, name, bytes);
  await page.getByRole('tab', { name: 'Goroutines' }).click();
  await waitIdle(page);

  // A group of the program's own goroutines, and its goroutine with the most total time.
  const g = goroutineGroups(a.goroutines).find((x) => x.name.startsWith('main.'))!;
  await page.getByTestId('goroutine-groups').locator('tbody tr', { hasText: g.name }).first().click();
  await waitIdle(page);
  const top = groupDetail(a.goroutines, g.name).rows[0];
  const r0 = Math.floor(top.creationNs);
  const r1 = Math.ceil(top.endNs ?? a.endNs);

  // The timeline model agrees on where that goroutine lived: its lane starts at the creation
  // the analysis reports (same origin, same goroutine), ends at its end, and it ran in between.
  const lane = laneOf(m, top.id, 0, m.endNs);
  expect(lane.first).toBe(top.creationNs);
  if (top.endNs !== null) expect(lane.last).toBe(top.endNs);
  expect(laneOf(m, top.id, r0, r1).running).toBeGreaterThan(0);

  await page.getByTestId('group-goroutines').locator('tbody tr').first().getByRole('button', { name: `G${top.id}` }).click();
  await expectTimelineOn(page, top.id, r0, r1);
  await expect(page.getByTestId('detail-start-func')).toContainText(g.name);
  await page.screenshot({ path: info.outputPath('goroutine-link.png') });

  // Back returns to the goroutine list it came from.
  await page.goBack();
  await waitIdle(page);
  await expect(page.getByTestId('group-goroutines')).toBeVisible();
});

test('the slowest task and region on the Tasks & regions page open on the timeline over that span, its goroutine selected', async ({ page }, info) => {
  const name = 'annotations.go126.trace';
  const bytes = load(name);
  const m = buildTimeline(bytes).model as unknown as TimelineQueries;
  await openTrace(page, name, bytes);
  await page.getByRole('tab', { name: 'Tasks & regions' }).click();
  await waitIdle(page);

  // A task type's slowest task: the timeline model has a task of that type over that span,
  // begun on the goroutine the link selects.
  const row = page.getByTestId('task-types').locator('tbody tr').filter({ has: page.getByTitle('Open the slowest on the timeline') }).first();
  const typeName = (await row.locator('td').first().textContent())!;
  await row.getByTitle('Open the slowest on the timeline').click();
  {
    const url = new URL(page.url().replace('#/', '/'));
    const id = Number(url.searchParams.get('g'));
    const [t0, t1] = url.searchParams.get('r')!.split('-').map(Number);
    const task = m.tasks().find((t) => t.startNs !== null && t.endNs !== null && Math.floor(t.startNs) === t0 && Math.ceil(t.endNs) === t1);
    expect(task, `a task over ${t0}-${t1} in the model`).toBeTruthy();
    expect(task!.type).toBe(typeName);
    expect(m.goroutine(task!.startGoroutine).id).toBe(String(id));
    await expectTimelineOn(page, id, t0, t1);
  }
  await page.goBack();
  await waitIdle(page);

  const link = page.getByTestId('region-types').getByTitle('Open the slowest on the timeline').first();
  await link.click();
  const url = new URL(page.url().replace('#/', '/'));
  const id = Number(url.searchParams.get('g'));
  const [r0, r1] = url.searchParams.get('r')!.split('-').map(Number);
  expect(url.pathname).toMatch(/\/trace\/timeline$/);

  // The region the page linked is one the timeline model has on that goroutine, same span.
  const lane = laneOf(m, id, r0, r1);
  const regions = m.regions(lane.index, r0, r1).filter((x) => Math.floor(x.startNs) === r0 && Math.ceil(x.endNs) === r1);
  expect(regions.length, `a region of G${id} over ${r0}-${r1} in the model`).toBeGreaterThan(0);

  await expectTimelineOn(page, id, r0, r1);
  await expect(page.getByTestId('detail-regions')).toContainText(regions[0].name);
  await page.screenshot({ path: info.outputPath('region-link.png') });
});
