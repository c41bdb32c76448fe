// What the page says about a trace, checked against Go's own output for it (committed
// `go tool trace -d=parsed` dumps: testdata/traces, testdata/regressions), not against our
// modules run in Node: the numbers are read off Go's text here, independently of our parser.
//
// From Go's parsed dump: every event starts a line "M=… P=… G=… Kind Time=… …" (stacks and
// other details follow on indented lines); a Sync starts each generation and one ends the trace.

import { expect, test, type Page } from '@playwright/test';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gunzipSync } from 'node:zlib';
import { formatDuration } from '../src/ui/format';
import { spanMs } from '../src/ui/inspect/parsed-model';
import { dropFile, fmt, openApp } from './helpers';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const TRACES = join(ROOT, 'testdata/traces');
const REGRESSIONS = join(ROOT, 'testdata/regressions');

interface GoFacts {
  events: number;
  goroutines: number;
  gcCycles: number;
  durationNs: bigint;
  /** Complete generations: events and span of each (from its Sync up to the next Sync). */
  generations: { events: number; spanNs: bigint }[];
}

const EVENT_LINE = /^M=(-?\d+) P=(-?\d+) G=(-?\d+) (\w+) Time=(-?\d+)/;

function goFacts(stdout: string): GoFacts {
  const gs = new Set<string>();
  let events = 0;
  let gcCycles = 0;
  let first: bigint | null = null;
  let last = 0n;
  const generations: { events: number; spanNs: bigint }[] = [];
  let open: { events: number; first: bigint; last: bigint } | null = null;
  for (const line of stdout.split('\n')) {
    const m = EVENT_LINE.exec(line);
    if (!m) continue;
    const time = BigInt(m[5]);
    events++;
    // A goroutine is seen as the G an event runs on, or as the goroutine a state transition is of.
    if (m[3] !== '-1') gs.add(m[3]);
    const of = m[4] === 'StateTransition' ? / GoID=(-?\d+) /.exec(line) : null;
    if (of) gs.add(of[1]);
    if (m[4] === 'RangeBegin' && line.includes(' Name="GC concurrent mark phase" ')) gcCycles++;
    first ??= time;
    last = time;
    if (m[4] === 'Sync') {
      if (open) generations.push({ events: open.events, spanNs: open.last - open.first });
      open = { events: 0, first: time, last: time };
    }
    if (open) {
      open.events++;
      open.last = time;
    }
  }
  return { events, goroutines: gs.size, gcCycles, durationNs: first === null ? 0n : last - first, generations };
}

interface GoAnswer {
  name: string;
  bytes: Uint8Array;
  exitCode: number;
  stdout: string;
  stderrFirstLine: string;
}

function realTrace(file: string): GoAnswer {
  const manifest = JSON.parse(readFileSync(join(TRACES, 'manifest.json'), 'utf8')) as {
    traces: { file: string; dumps: { parsed: { stdout: string; stderr: string | null; exitCode: number } } }[];
  };
  const t = manifest.traces.find((x) => x.file === file);
  if (!t) throw new Error(`${file} is not in testdata/traces/manifest.json`);
  const d = t.dumps.parsed;
  return {
    name: file,
    bytes: new Uint8Array(readFileSync(join(TRACES, file))),
    exitCode: d.exitCode,
    stdout: gunzipSync(readFileSync(join(TRACES, d.stdout))).toString('latin1'),
    stderrFirstLine: d.stderr ? readFileSync(join(TRACES, d.stderr), 'utf8').split('\n')[0] : '',
  };
}

/** Regressions whose Go answer is a panic in printing, not a reader's verdict (named, so the list cannot grow unseen). */
const PRINT_PANICS = ['fuzz-seed20261130-mutant2313.trace'];

function regressions(): GoAnswer[] {
  const m = JSON.parse(readFileSync(join(REGRESSIONS, 'manifest.json'), 'utf8')) as {
    regressions: { file: string; where: string; go: { exitCode: number; stdout: string; stderr: string | null } }[];
  };
  const out: GoAnswer[] = [];
  for (const r of m.regressions) {
    // Go's dump panicked while printing an event (Event.String in cmd/trace's -d=parsed loop),
    // which the page, printing nothing, does not do: compared by the unit tests only.
    if (PRINT_PANICS.includes(r.file)) continue;
    const path = r.where === 'shared' ? join(ROOT, '../shared/conformance/regressions', r.file) : join(REGRESSIONS, r.file);
    if (r.where === 'shared' && !existsSync(path)) continue; // Go's folder, not beside a plain clone
    out.push({
      name: r.file,
      bytes: new Uint8Array(readFileSync(path)),
      exitCode: r.go.exitCode,
      stdout: gunzipSync(readFileSync(join(REGRESSIONS, r.go.stdout))).toString('latin1'),
      stderrFirstLine: r.go.stderr ? readFileSync(join(REGRESSIONS, r.go.stderr), 'utf8').split('\n')[0] : '',
    });
  }
  return out;
}

/** The parsed section says what Go said: clean or Go's message, and Go's event count. */
async function expectGoVerdict(page: Page, t: GoAnswer, facts: GoFacts): Promise<void> {
  await expect(page.getByTestId('file-name')).toHaveText(t.name);
  await expect(page.locator('[data-parsed]'), t.name).toHaveAttribute('data-parsed', t.exitCode === 0 ? 'ok' : 'error');
  if (t.exitCode === 0) await expect(page.getByTestId('parsed-go-message'), t.name).toHaveCount(0);
  else await expect(page.getByTestId('parsed-go-message'), t.name).toHaveText(t.stderrFirstLine);
  // An error before the first event leaves no figures to show: no tiles of zeros.
  if (t.exitCode !== 0 && facts.events === 0) await expect(page.getByTestId('parsed-events'), t.name).toHaveCount(0);
  else await expect(page.getByTestId('parsed-events'), t.name).toHaveText(fmt(facts.events));
}

test("Go's parser section equals Go's own dump: events, goroutines, duration, GC cycles, generations", async ({ page }) => {
  await openApp(page);
  for (const file of ['syscallsteal.go126.trace', 'gcstress.go127.trace', 'generations.go126.trace']) {
    const t = realTrace(file);
    expect(t.exitCode, file).toBe(0);
    const f = goFacts(t.stdout);
    expect(f.generations.length, file).toBeGreaterThan(0);
    await dropFile(page, t.name, t.bytes);
    await expectGoVerdict(page, t, f);
    await expect(page.getByTestId('parsed-goroutines'), file).toHaveText(fmt(f.goroutines));
    await expect(page.getByTestId('parsed-duration'), file).toHaveText(formatDuration(Number(f.durationNs)));
    await expect(page.getByTestId('parsed-gc'), file).toHaveText(fmt(f.gcCycles));
    const rows = page.getByRole('table', { name: 'Generations in this trace' }).locator('tbody tr');
    await expect(rows, file).toHaveCount(f.generations.length);
    for (let i = 0; i < f.generations.length; i++) {
      await expect(rows.nth(i).locator('td').nth(4), `${file} gen row ${i}`).toHaveText(fmt(f.generations[i].events));
      await expect(rows.nth(i).locator('td').nth(5), `${file} gen row ${i}`).toHaveText(spanMs(Number(f.generations[i].spanNs)));
    }
  }
});

test("a damaged real trace: Go's message and every event Go printed before it", async ({ page }) => {
  await openApp(page);
  for (const file of ['damaged-truncmid.go126.trace', 'damaged-noend.go127.trace', 'damaged-flip.go127.trace']) {
    const t = realTrace(file);
    expect(t.exitCode, file).toBe(1);
    await dropFile(page, t.name, t.bytes);
    await expectGoVerdict(page, t, goFacts(t.stdout));
  }
});

test("every regression trace reads in the page as Go reads it", async ({ page }) => {
  const all = regressions();
  expect(all.filter((r) => r.name.startsWith('eof-in-')).length).toBeGreaterThanOrEqual(3);
  await openApp(page);
  for (const t of all) {
    await dropFile(page, t.name, t.bytes);
    await expectGoVerdict(page, t, goFacts(t.stdout));
  }
});
