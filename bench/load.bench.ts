// The browser path against Node on the same files in the same run: every round opens each
// bench trace (bench/bench-traces.ts) in a freshly launched headless Chromium (Playwright,
// /usr/bin/chromium or FLIGHTDECK_CHROMIUM) through the page's file picker, as a user does,
// and, alternating with it, parses the same file with forEachEvent in a fresh Node process
// (bench/parse-once.ts).
//
// Printed per trace, best and median over the rounds: time from picking the file (the picker's
// change event) to the wire summary on screen, to Go's verdict and the parser's figures on
// screen, to the whole timeline model on the page, and to the analyses done (nothing in
// flight), each taken in the page as it happens; MB/s at best and the ratio
// Node forEachEvent time / browser time for each (1 would be the browser step as fast as the
// bare Node parse; the Node side runs the code bundled as shipped, in a fresh process); and the
// renderer's peak resident memory (page and workers, VmHWM of its processes).
//
// Flags: --quick (smaller traces, 2 rounds), --rounds=N (default 3), --no-build (use dist/ as is).

import { spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium } from '@playwright/test';
import { serveStatic } from '../e2e/static-server';
import { benchTraces, flag, MB, median, ROOT } from './bench-traces';
import { bundleForNode } from './lib/node-bundle';

const quick = process.argv.includes('--quick');
const rounds = Number(flag('rounds') ?? (quick ? 2 : 3));
const executablePath = process.env.FLIGHTDECK_CHROMIUM ?? '/usr/bin/chromium';
const ARGS = ['--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'];

/** Every process descending from pid (Chromium's zygote and renderers). */
function descendants(pid: number): number[] {
  const parent = new Map<number, number>();
  for (const d of readdirSync('/proc')) {
    if (!/^\d+$/.test(d)) continue;
    try {
      const stat = readFileSync(`/proc/${d}/stat`, 'utf8');
      parent.set(Number(d), Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]));
    } catch {
      // gone
    }
  }
  const out: number[] = [];
  const walk = (p: number) => {
    for (const [c, pp] of parent) if (pp === p) (out.push(c), walk(c));
  };
  walk(pid);
  return out;
}

/** Peak RSS (VmHWM) of the renderer processes of the browser this process launched. */
function rendererPeak(benchPid: number): number {
  let peak = 0;
  for (const p of descendants(benchPid)) {
    try {
      if (!readFileSync(`/proc/${p}/cmdline`, 'utf8').includes('--type=renderer')) continue;
      const m = /VmHWM:\s+(\d+) kB/.exec(readFileSync(`/proc/${p}/status`, 'utf8'));
      if (m) peak = Math.max(peak, Number(m[1]) * 1024);
    } catch {
      // gone
    }
  }
  return peak;
}

interface BrowserRun {
  /** The wire summary on screen. */
  summary: number;
  /** Go's verdict and the parser's figures on screen. */
  parsed: number;
  /** The whole timeline model on the page. */
  timeline: number;
  /** The analyses done: nothing left in flight. */
  idle: number;
  rss: number;
}

/**
 * Installed in the page before the pick: records (Date.now) the picker's change event, the
 * moment each step shows in the DOM (a MutationObserver, so the figure is when the page shows
 * it, not when the bench next polls) and, polled every 10 ms, the model and analyses done.
 */
// A string, not a function: the bench runs under tsx, whose transform adds helpers to
// functions that do not exist in the page.
const RECORD_MILESTONES = `(() => {
  const marks = {};
  window.__marks = marks;
  const mark = (k) => { if (marks[k] === undefined) marks[k] = Date.now(); };
  document.addEventListener('change', () => mark('pick'), { capture: true, once: true });
  const look = () => {
    if (document.querySelector('[data-verdict]')) mark('summary');
    if (document.querySelector('[data-parsed="ok"], [data-parsed="error"], [data-parsed="failed"]')) mark('parsed');
  };
  new MutationObserver(look).observe(document, { subtree: true, childList: true, attributes: true });
  const poll = setInterval(() => {
    const app = window.__flightdeck.state();
    if (app.timeline && app.timeline.complete === true) mark('timeline');
    if (app.inspect.analysed === true) mark('idle');
    if (marks.idle !== undefined && marks.timeline !== undefined) clearInterval(poll);
  }, 10);
})()`;

async function browserRun(origin: string, file: string): Promise<BrowserRun> {
  // Launched here, not through a browser server: the file picker then hands Chromium the
  // file's path, as a user's pick does, instead of streaming its bytes over the connection.
  const browser = await chromium.launch({ executablePath, headless: true, args: ARGS });
  try {
    const page = await browser.newPage();
    await page.goto(origin);
    await page.waitForFunction(() => document.documentElement.dataset.idle === 'true' && !!window.__flightdeck);
    await page.evaluate(RECORD_MILESTONES);
    await page.getByLabel('Open a Go trace file').setInputFiles(file);
    const wait = { timeout: 600_000, polling: 100 };
    await page.waitForFunction(() => {
      const m = (window as unknown as { __marks: Record<string, number> }).__marks;
      return m.idle !== undefined && m.timeline !== undefined;
    }, null, wait);
    const state = await page.getAttribute('[data-parsed]', 'data-parsed');
    if (state !== 'ok') throw new Error(`${file}: the page's parse ended '${state}'`);
    const m = await page.evaluate(() => (window as unknown as { __marks: Record<string, number> }).__marks);
    const since = (k: string) => (m[k] - m.pick) / 1000;
    const rss = rendererPeak(process.pid);
    return { summary: since('summary'), parsed: since('parsed'), timeline: since('timeline'), idle: since('idle'), rss };
  } finally {
    await browser.close();
  }
}

function nodeRun(parseOnce: string, file: string): number {
  const r = spawnSync(process.execPath, [parseOnce, file], { encoding: 'utf8' });
  const m = /seconds=([\d.]+)/.exec(r.stdout ?? '');
  if (r.status !== 0 || !m) throw new Error(`parse-once failed: ${r.stderr}`);
  return Number(m[1]);
}

const best = (xs: number[]) => Math.min(...xs);
const s = (x: number) => `${x.toFixed(2)} s`;

async function main(): Promise<void> {
  const traces = benchTraces(quick);
  if (!process.argv.includes('--no-build')) {
    const b = spawnSync('npx', ['vite', 'build'], { cwd: ROOT, stdio: ['ignore', 'ignore', 'inherit'] });
    if (b.status !== 0) throw new Error('vite build failed');
  }
  const work = mkdtempSync(join(tmpdir(), 'load-bench-'));
  const parseOnce = await bundleForNode(join(ROOT, 'bench/parse-once.ts'), work);
  const server = await serveStatic(join(ROOT, 'dist'));
  try {
    const res = traces.map(() => ({ browser: [] as BrowserRun[], node: [] as number[] }));
    for (let round = 0; round < rounds; round++) {
      for (let i = 0; i < traces.length; i++) {
        const nodeFirst = (round + i) % 2 === 1;
        if (nodeFirst) res[i].node.push(nodeRun(parseOnce, traces[i].file));
        res[i].browser.push(await browserRun(server.origin, traces[i].file));
        if (!nodeFirst) res[i].node.push(nodeRun(parseOnce, traces[i].file));
      }
      console.log(`round ${round + 1}/${rounds} done`);
    }
    console.log(`\nload: headless Chromium (file picker -> wire summary -> verdict -> timeline -> analyses) vs Node forEachEvent, ${rounds} interleaved rounds`);
    traces.forEach((t, i) => {
      const mb = statSync(t.file).size / MB;
      const b = res[i].browser;
      const node = res[i].node;
      console.log(`${t.name}: ${mb.toFixed(1)} MB`);
      const row = (what: string, xs: number[]) =>
        console.log(
          `  ${what.padEnd(22)} best ${s(best(xs))} (${(mb / best(xs)).toFixed(1)} MB/s) median ${s(median(xs))}` +
            `  × node forEachEvent: best ${(best(node) / best(xs)).toFixed(2)} median ${(median(node) / median(xs)).toFixed(2)}`,
        );
      row('browser to wire summary', b.map((r) => r.summary));
      row('browser to verdict', b.map((r) => r.parsed));
      row('browser to timeline', b.map((r) => r.timeline));
      row('browser to analyses', b.map((r) => r.idle));
      console.log(`  node forEachEvent      best ${s(best(node))} (${(mb / best(node)).toFixed(1)} MB/s) median ${s(median(node))}`);
      console.log(`  renderer peak RSS ${(Math.max(...b.map((r) => r.rss)) / MB).toFixed(0)} MB (page and workers)`);
    });
  } finally {
    await server.close();
    rmSync(work, { recursive: true, force: true });
  }
}

await main();
