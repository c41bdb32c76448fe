// The analysis pages on real committed traces: every number a page shows is checked against
// the same analysis run in Node on the same bytes (which the Node tests check against Go's own
// pages and profiles), every download is read back, and every link leads to the timeline.

import { expect, test, type Page } from '@playwright/test';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { analyseTrace } from '../src/analysis/analyse';
import { goroutineGroups, groupDetail } from '../src/analysis/goroutines/groups';
import { decodePprof, encodePprofGzip } from '../src/analysis/profiles/pprof';
import { selectProfile } from '../src/analysis/profiles/select';
import { regionTypes } from '../src/analysis/annotations/region-stats';
import { taskDetail, taskTypes } from '../src/analysis/annotations/task-stats';
import { goDuration } from '../src/trace/go/duration';
import { parseCsv } from '../src/ui/analysis/csv';
import { DEFAULT_MMU, mmuPlot } from '../src/analysis/gc/mmu';
import { dropFile, openApp, waitIdle } from './helpers';

const TRACES = join(process.cwd(), 'testdata/traces');
const load = (name: string) => new Uint8Array(readFileSync(join(TRACES, name)));

async function openTrace(page: Page, name: string) {
  await openApp(page);
  await dropFile(page, name, load(name));
  await expect(page.getByTestId('parsed-verdict')).toBeVisible();
}

async function csvOf(page: Page, testId: string): Promise<string[][]> {
  const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId(`${testId}-csv`).click()]);
  return parseCsv(readFileSync((await download.path())!, 'utf8'));
}

test('goroutines page: groups and a group breakdown equal the analysis, CSV reads back, goroutines link to the timeline', async ({ page }) => {
  const name = 'blocking.go126.trace';
  const a = analyseTrace(load(name)).annotations;
  await openTrace(page, name);
  await page.getByRole('tab', { name: 'Goroutines' }).click();
  await waitIdle(page);
  const groups = goroutineGroups(a.goroutines);
  const table = page.getByTestId('goroutine-groups');
  await expect(table.locator('tbody tr')).toHaveCount(groups.length);
  const first = table.locator('tbody tr').first();
  await expect(first.locator('td').nth(0)).toHaveText(groups[0].name);
  await expect(first.locator('td').nth(1)).toHaveText(String(groups[0].count));
  await expect(first.locator('td').nth(2)).toHaveText(goDuration(groups[0].execNs));
  await page.screenshot({ path: 'test-results/analysis-goroutines.png', fullPage: true });

  const csv = await csvOf(page, 'goroutine-groups');
  expect(csv[0]).toEqual(['Start function', 'Goroutines', 'Execution time', 'Share']);
  expect(csv.slice(1).map((r) => [r[0], Number(r[1]), Number(r[2])]).sort()).toEqual(groups.map((g) => [g.name, g.count, g.execNs]).sort());

  // The group with the most goroutines that blocked on sync: main.main.func2 or the like.
  const g = groups.find((x) => x.name.startsWith('main.'))!;
  await table.locator('tbody tr', { hasText: g.name }).first().click();
  await waitIdle(page);
  const d = groupDetail(a.goroutines, g.name);
  const rows = page.getByTestId('group-goroutines').locator('tbody tr');
  await expect(rows).toHaveCount(d.rows.length);
  const top = d.rows[0];
  await expect(rows.first().locator('td').nth(0)).toHaveText(`G${top.id}`);
  await expect(rows.first().locator('td').nth(1)).toHaveText(goDuration(top.totalNs));
  const detailCsv = await csvOf(page, 'group-goroutines');
  expect(detailCsv[0]).toEqual(['Goroutine', 'Total', ...d.columns, ...d.rangeColumns]);
  expect(detailCsv.length - 1).toBe(d.rows.length);
  await page.screenshot({ path: 'test-results/analysis-group.png', fullPage: true });

  await rows.first().getByRole('button', { name: `G${top.id}` }).click();
  await expect(page).toHaveURL(new RegExp(`#/trace/timeline\\?g=${top.id}&r=${top.creationNs}-${top.endNs ?? a.endNs}$`));
});

test('tasks and regions page: types, histograms, task events and region rows equal the analysis', async ({ page }) => {
  const name = 'annotations.go126.trace';
  const a = analyseTrace(load(name)).annotations;
  await openTrace(page, name);
  await page.getByRole('tab', { name: 'Tasks & regions' }).click();
  await waitIdle(page);
  const tt = taskTypes(a);
  await expect(page.getByTestId('task-types').locator('tbody tr')).toHaveCount(tt.length);
  const rt = regionTypes(a);
  await expect(page.getByTestId('region-types').locator('tbody tr')).toHaveCount(rt.length);
  const step = tt.find((t) => t.name === 'step')!;
  const stepRow = page.getByTestId('task-types').locator('tbody tr', { hasText: 'step' });
  await expect(stepRow.locator('td').nth(1)).toHaveText(String(step.count));
  await expect(stepRow.getByRole('img')).toHaveAttribute('aria-label', new RegExp(`${step.hist.count} in buckets`));
  await stepRow.click();
  await waitIdle(page);
  const tasks = taskDetail(a, { name: 'step' });
  const taskRows = page.getByTestId('tasks').locator(':scope > tbody > tr');
  await expect(taskRows).toHaveCount(tasks.length);
  // The table opens longest first.
  const longest = [...tasks].sort((x, y) => y.durationNs - x.durationNs)[0];
  await expect(taskRows.first().locator('td').nth(0)).toHaveText(`task ${longest.id}`);
  await taskRows.first().locator('summary').click();
  await expect(taskRows.first().locator('.task-events tr')).toHaveCount(longest.events.length);
  await expect(taskRows.first().locator('.task-events tr').first()).toContainText(longest.events[0].what);

  // Go's log-text search narrows the tasks.
  await page.getByTestId('task-search').fill('step 1 done');
  await waitIdle(page);
  await expect(taskRows).toHaveCount(taskDetail(a, { name: 'step', logText: 'step 1 done' }).length);

  await page.getByTestId('region-types').locator('tbody tr').first().click();
  await waitIdle(page);
  await expect(page.getByTestId('regions').locator('tbody tr')).toHaveCount(rt[0].count);
  const csv = await csvOf(page, 'regions');
  expect(csv.length - 1).toBe(rt[0].count);
  await page.screenshot({ path: 'test-results/analysis-regions.png', fullPage: true });

  // The slowest region of the first type opens on the timeline.
  const slow = rt[0].slowestSpan;
  await page.getByTestId('region-types').locator('tbody tr').first().getByRole('button', { name: goDuration(rt[0].slowestNs) }).click();
  await expect(page).toHaveURL(new RegExp(`#/trace/timeline\\?g=${slow.g}&r=${slow.startNs}-${slow.endNs}$`));
});

test('profiles page: flame graph and totals equal the analysis; the pprof download decodes to the same samples', async ({ page }) => {
  const name = 'blocking.go126.trace';
  const t = analyseTrace(load(name));
  await openTrace(page, name);
  await page.getByRole('tab', { name: 'Profiles' }).click();
  await waitIdle(page);
  const p = selectProfile(t.profiles, t.annotations, 'sync', { by: 'all' });
  await expect(page.getByTestId('profile-total')).toHaveText(`${p.totalCount} intervals, ${goDuration(p.totalNs)}`);
  await expect(page.getByTestId('flame-graph').locator('rect').first()).toBeVisible();
  await expect(page.getByTestId('profile-stacks').locator('tbody tr')).toHaveCount(p.records.length);
  await page.screenshot({ path: 'test-results/analysis-profiles.png', fullPage: true });

  const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('download-pprof').click()]);
  expect(download.suggestedFilename()).toBe('sync.pb.gz');
  const got = await decodePprof(new Uint8Array(readFileSync((await download.path())!)));
  const want = await decodePprof(await encodePprofGzip(p));
  const lines = (s: typeof got) => s.samples.map((x) => `${x.frames.map((f) => f.func).join(';')}=${x.values.join(',')}`).sort();
  expect(got.sampleTypes).toEqual(['contentions/count', 'delay/nanoseconds']);
  expect(lines(got)).toEqual(lines(want));

  // The widest frame's longest interval opens on the timeline.
  await page.getByTestId('flame-graph').locator('g').nth(1).click();
  await page.getByTestId('flame-timeline').click();
  await expect(page).toHaveURL(/#\/trace\/timeline\?g=\d+&r=\d+-\d+$/);
});

test('GC page: pauses and cycles equal the analysis, the MMU plot gives worst windows that link to the timeline', async ({ page }) => {
  const name = 'gcstress.go126.trace';
  const t = analyseTrace(load(name));
  await openTrace(page, name);
  await page.getByRole('tab', { name: 'GC' }).click();
  await waitIdle(page);
  await expect(page.getByTestId('stw-pauses').locator('tbody tr')).toHaveCount(t.gc.pauses.length);
  await expect(page.getByTestId('gc-cycles').locator('tbody tr')).toHaveCount(t.gc.cycles.length);
  const longest = [...t.gc.pauses].sort((a, b) => b.endNs! - b.startNs - (a.endNs! - a.startNs))[0];
  await expect(page.getByTestId('stw-pauses').locator('tbody tr').first().locator('td').nth(1)).toHaveText(goDuration(longest.endNs! - longest.startNs));
  const plot = mmuPlot(t.mmu, DEFAULT_MMU)!;
  await expect(page.getByTestId('mmu-plot')).toHaveAttribute('aria-label', `Minimum mutator utilization from ${goDuration(plot.curve[0][0])} to ${goDuration(plot.curve[99][0])} windows`);
  await expect(page.getByTestId('heap-chart')).toBeVisible();
  const box = (await page.getByTestId('mmu-plot').boundingBox())!;
  await page.getByTestId('mmu-plot').click({ position: { x: box.width * 0.5, y: box.height * 0.5 } });
  await waitIdle(page);
  const items = page.getByTestId('mmu-worst').locator('li');
  await expect(items.first()).toBeVisible();
  await page.screenshot({ path: 'test-results/analysis-gc.png', fullPage: true });
  const csv = await csvOf(page, 'stw-pauses');
  expect(csv.slice(1).map((r) => r[2]).sort()).toEqual(t.gc.pauses.map((p) => p.reason).sort());
  await items.first().getByRole('button').click();
  await expect(page).toHaveURL(/#\/trace\/timeline\?r=\d+-\d+$/);
});

test('summary page: the triage list names the worst spots of the trace and links each to the timeline', async ({ page }) => {
  const name = 'annotations.go126.trace';
  const t = analyseTrace(load(name));
  await openTrace(page, name);
  const items = page.getByTestId('triage').locator('li');
  await expect(items).toHaveCount(t.triage.length);
  for (const item of t.triage) await expect(page.getByTestId('triage').locator(`li[data-kind="${item.kind}"]`)).toContainText(item.detail);
  await page.screenshot({ path: 'test-results/analysis-triage.png', fullPage: true });
  const region = t.triage.find((x) => x.kind === 'region')!;
  await page.getByTestId('triage').locator('li[data-kind="region"]').getByRole('button').click();
  await expect(page).toHaveURL(new RegExp(`#/trace/timeline\\?g=${region.goroutine}&r=${region.startNs}-${region.endNs}$`));
});

test('the analysis pages follow the dark theme (text and flame graph in the theme’s colours)', async ({ page }) => {
  await page.emulateMedia({ colorScheme: 'dark' });
  await openTrace(page, 'requests.go126.trace');
  const ink = (sel: string) => page.locator(sel).first().evaluate((el) => getComputedStyle(el).color);
  for (const tab of ['Goroutines', 'Tasks & regions', 'GC', 'Profiles']) {
    await page.getByRole('tab', { name: tab }).click();
    await waitIdle(page);
    // Light text on the dark theme's panels: the table cells are not the light theme's near-black.
    const color = await ink('table.data td');
    const [r, g, b] = color.match(/\d+/g)!.map(Number);
    expect(r + g + b, `${tab}: ${color}`).toBeGreaterThan(382);
    await page.screenshot({ path: `test-results/analysis-dark-${tab.replace(/\W+/g, '-').toLowerCase()}.png`, fullPage: true });
  }
  await expect(page.getByTestId('flame-graph').locator('rect').first()).toBeVisible();
});
