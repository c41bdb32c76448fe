// The trace viewer in the real browser: headless Chromium (software rendering) through
// Playwright, on a real Go trace of 50 MB or more made at bench time by bench/go/viewerload
// (a request-serving Go program under runtime/trace). Prints:
//
//   - time from choosing the file (the picker's change event) to the first frame drawn from
//     the timeline model, and to the first frame with the whole trace (the parse's end);
//   - frame times during a scripted sequence driven by real input events: wheel zooms at five
//     places from the whole trace down to microseconds and back, a pan across the whole
//     trace, and a scroll through the whole goroutine list. Frame time is the interval
//     between animation frames (everything the browser did), p50/p95/max, beside the
//     timeline's own draw cost;
//   - memory: the model's arrays (TimelineQueries.byteSize, against the file size), the page's
//     and the parse worker's JS heaps and array buffers (Chrome DevTools Protocol).
//
// Flags: --no-build (use the existing dist/), --trace FILE (skip generating), --mb N.

import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, statSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { chromium, type Browser, type Page } from '@playwright/test';

const ROOT = resolve(import.meta.dirname, '..');
const MB = 1e6;
const args = process.argv.slice(2);
const flag = (name: string) => {
  const i = args.indexOf(name);
  return i >= 0 ? args[i + 1] : undefined;
};
const targetMb = Number(flag('--mb') ?? 55);

function haveGo(): boolean {
  return spawnSync('go', ['version']).status === 0;
}

function makeTrace(dir: string): string {
  const bin = join(dir, 'viewerload');
  const b = spawnSync('go', ['build', '-o', bin, './viewerload'], { cwd: join(ROOT, 'bench/go'), stdio: 'inherit' });
  if (b.status !== 0) throw new Error('building bench/go/viewerload failed');
  const out = join(dir, 'viewer.trace');
  const r = spawnSync(bin, [out, String(Math.round(targetMb * MB))], { stdio: 'inherit' });
  if (r.status !== 0) throw new Error('running viewerload failed');
  return out;
}

function freePort(): Promise<number> {
  return new Promise((res, rej) => {
    const s = createServer();
    s.listen(0, '127.0.0.1', () => {
      const a = s.address();
      s.close(() => (typeof a === 'object' && a ? res(a.port) : rej(new Error('no port'))));
    });
  });
}

async function preview(port: number): Promise<ChildProcess> {
  const p = spawn('npx', ['vite', 'preview', '--port', String(port), '--strictPort', '--host', '127.0.0.1'], { cwd: ROOT, stdio: 'ignore' });
  for (let i = 0; i < 100; i++) {
    try {
      const r = await fetch(`http://127.0.0.1:${port}/`);
      if (r.ok) return p;
    } catch {
      // not up yet
    }
    await new Promise((r) => setTimeout(r, 200));
  }
  p.kill();
  throw new Error('vite preview did not start');
}

function pct(xs: number[], p: number): number {
  if (xs.length === 0) return NaN;
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.floor((p / 100) * s.length))];
}

const f1 = (x: number) => (Number.isFinite(x) ? x.toFixed(1) : '—');

/**
 * Which of the app's workers a target is, from its script's URL (the parse worker, the timeline
 * worker — a spare one waits for the next trace — or the live runtime's).
 */
function workerName(url: string): string {
  if (/parse\.worker/.test(url)) return 'parse worker';
  if (/timeline\.worker/.test(url)) return 'timeline worker';
  if (/runtime\.worker/.test(url)) return 'runtime worker';
  return 'worker';
}

/** JS heap and array-buffer bytes of every page and worker target, via the browser's CDP. */
async function heaps(browser: Browser): Promise<{ type: string; url: string; used: number; buffers: number }[]> {
  const cdp = await browser.newBrowserCDPSession();
  const { targetInfos } = (await cdp.send('Target.getTargets')) as { targetInfos: { targetId: string; type: string; url: string }[] };
  const out: { type: string; url: string; used: number; buffers: number }[] = [];
  for (const t of targetInfos.filter((x) => x.type === 'page' || x.type === 'worker')) {
    // A worker can end between the listing and the question (the timeline worker does, once
    // its model is built): it then never answers, and the sample skips it.
    const attached = (await cdp.send('Target.attachToTarget', { targetId: t.targetId, flatten: false }).catch(() => null)) as { sessionId: string } | null;
    if (attached === null) continue;
    const { sessionId } = attached;
    let on: (e: { sessionId: string; message: string }) => void = () => {};
    const reply = new Promise<{ usedSize: number; backingStorageSize?: number }>((res) => {
      on = (e) => {
        const m = JSON.parse(e.message);
        if (e.sessionId === sessionId && m.id === 1) res(m.result ?? { usedSize: NaN });
      };
      cdp.on('Target.receivedMessageFromTarget', on);
    });
    const gone = new Promise<null>((res) => setTimeout(() => res(null), 2000));
    await cdp.send('Target.sendMessageToTarget', { sessionId, message: JSON.stringify({ id: 1, method: 'Runtime.getHeapUsage' }) }).catch(() => null);
    const r = await Promise.race([reply, gone]);
    cdp.off('Target.receivedMessageFromTarget', on);
    if (r !== null) out.push({ type: t.type, url: t.url, used: r.usedSize, buffers: r.backingStorageSize ?? NaN });
    await cdp.send('Target.detachFromTarget', { sessionId }).catch(() => null);
  }
  await cdp.detach();
  return out;
}

/** Runs an in-page sequence of input events, one per animation frame; returns frame intervals. */
async function sequence(page: Page, name: string, steps: string): Promise<{ name: string; frames: number[]; draws: number[] }> {
  await page.evaluate(() => window.__flightdeckTimeline?.takeFrameMs());
  // Plain text, not a function: the TypeScript loader would wrap named helpers in a function
  // the page does not have.
  const frames = (await page.evaluate(`(async () => {
    const tracks = document.querySelector('[data-testid="timeline-tracks"]');
    const scrollbar = document.querySelector('[data-testid="timeline-scrollbar"]');
    const r = tracks.getBoundingClientRect();
    const width = r.width;
    const wheel = (x, deltaY, mods) =>
      tracks.dispatchEvent(new WheelEvent('wheel', Object.assign({ clientX: r.left + x, clientY: r.top + 100, deltaY, bubbles: true, cancelable: true }, mods)));
    const frame = () => new Promise((res) => requestAnimationFrame(res));
    const ops = [];
    ${steps}
    const out = [];
    let last = await frame();
    for (const op of ops) {
      op();
      const t = await frame();
      out.push(t - last);
      last = t;
    }
    return out;
  })()`)) as number[];
  const draws = (await page.evaluate(() => window.__flightdeckTimeline?.takeFrameMs())) ?? [];
  return { name, frames, draws };
}

async function main(): Promise<void> {
  let file = flag('--trace');
  let dir: string | null = null;
  if (!file) {
    if (!haveGo()) {
      console.log('viewer: needs `go` on PATH to make a real trace of 50 MB or more (or pass --trace FILE); skipped');
      return;
    }
    dir = mkdtempSync(join(tmpdir(), 'viewer-bench-'));
    file = makeTrace(dir);
  }
  const size = statSync(file).size;
  if (!args.includes('--no-build') || !existsSync(join(ROOT, 'dist/index.html'))) {
    const b = spawnSync('npx', ['vite', 'build'], { cwd: ROOT, stdio: 'ignore' });
    if (b.status !== 0) throw new Error('vite build failed');
  }
  const port = await freePort();
  const server = await preview(port);
  const browser = await chromium.launch({
    executablePath: process.env.FLIGHTDECK_CHROMIUM ?? '/usr/bin/chromium',
    args: ['--no-sandbox', '--disable-gpu', '--enable-precise-memory-info'],
  });
  try {
    const page = await browser.newPage({ viewport: { width: 1600, height: 1000 } });
    await page.goto(`http://127.0.0.1:${port}/#/trace/timeline`);
    await page.waitForFunction(() => document.documentElement.dataset.idle === 'true');
    await page.evaluate(() => {
      document.addEventListener('change', () => ((window as unknown as { __chosenAt: number }).__chosenAt = performance.now()), true);
    });
    // Sample the worker's heap while it parses: its peak is the figure that matters.
    const workerPeak = new Map<string, { used: number; buffers: number }>();
    let sampling = true;
    const sampler = (async () => {
      while (sampling) {
        for (const h of await heaps(browser).catch(() => [])) {
          // A worker whose script has not loaded yet has no URL: nothing to tell.
          if (h.type !== 'worker' || h.url === '') continue;
          const name = workerName(h.url);
          const was = workerPeak.get(name) ?? { used: 0, buffers: 0 };
          workerPeak.set(name, { used: Math.max(was.used, h.used), buffers: Math.max(was.buffers, h.buffers || 0) });
        }
        await new Promise((r) => setTimeout(r, 250));
      }
    })();
    await page.setInputFiles('input[type=file]', file);
    await page.waitForFunction(() => window.__flightdeckTimeline?.completeFrameAt != null && document.documentElement.dataset.idle === 'true', null, { timeout: 600_000 });
    sampling = false;
    await sampler;
    const load = await page.evaluate(() => {
      const h = window.__flightdeckTimeline!;
      const t0 = (window as unknown as { __chosenAt: number }).__chosenAt;
      return { first: h.firstModelFrameAt! - t0, gens: h.firstModelFrameGenerations, complete: h.completeFrameAt! - t0, modelBytes: h.modelBytes, goroutines: h.goroutines };
    });

    const runs = [
      // The peer: frames of the same page while nothing moves, in the same run (this machine's
      // load shows here, not in the timeline).
      await sequence(page, 'nothing moving (baseline of this machine)', `for (let i = 0; i < 120; i++) ops.push(() => {});`),
      await sequence(
        page,
        'zoom in and out at five places (wheel)',
        `for (const f of [0.1, 0.3, 0.5, 0.7, 0.9]) {
           for (let i = 0; i < 36; i++) ops.push(() => wheel(width * f, -120, { ctrlKey: true }));
           for (let i = 0; i < 36; i++) ops.push(() => wheel(width * f, 120, { ctrlKey: true }));
         }`,
      ),
      await sequence(
        page,
        'pan across the whole trace at 1/40 of it (Shift+wheel)',
        `for (let i = 0; i < 10; i++) ops.push(() => wheel(width / 2, -120, { ctrlKey: true }));
         for (let i = 0; i < 6; i++) ops.push(() => wheel(width / 2, -150, { ctrlKey: true }));
         for (let i = 0; i < 80; i++) ops.push(() => wheel(width / 2, -2000, { shiftKey: true }));
         for (let i = 0; i < 420; i++) ops.push(() => wheel(width / 2, 240, { shiftKey: true }));`,
      ),
      await sequence(
        page,
        'scroll through the whole goroutine list',
        `const total = scrollbar.firstElementChild.getBoundingClientRect().height;
         for (let i = 0; i < 200; i++) ops.push(() => wheel(width / 2, 120, {}));
         for (let i = 0; i < 100; i++) ops.push(() => { scrollbar.scrollTop = (total * i) / 100; });
         for (let i = 0; i < 60; i++) ops.push(() => wheel(width / 2, -120, {}));`,
      ),
    ];
    const after = await heaps(browser);
    const pageHeap = after.find((h) => h.type === 'page');
    const parseWorker = after.find((h) => h.type === 'worker' && workerName(h.url) === 'parse worker');

    console.log(`viewer: ${(size / MB).toFixed(1)} MB real Go trace (bench/go/viewerload), ${load.goroutines.toLocaleString('en-US')} goroutines, Chromium headless, software rendering, 1600×1000`);
    console.log(`  first frame from the model    ${f1(load.first)} ms after choosing the file (${load.gens} generation${load.gens === 1 ? '' : 's'} on it)`);
    console.log(`  whole trace on the timeline   ${f1(load.complete)} ms after choosing the file (parse end)`);
    console.log(`  first paint before the end    ${load.first < load.complete ? 'yes' : 'NO'}`);
    const all: number[] = [];
    for (const r of runs) {
      if (r !== runs[0]) all.push(...r.frames);
      console.log(
        `  frames: ${r.name.padEnd(52)} n=${String(r.frames.length).padStart(4)}  p50 ${f1(pct(r.frames, 50))} ms  p95 ${f1(pct(r.frames, 95))} ms  max ${f1(Math.max(...r.frames))} ms   (draw p50 ${f1(pct(r.draws, 50))}, p95 ${f1(pct(r.draws, 95))} ms)`,
      );
    }
    console.log(`  frames: all moving             n=${all.length}  p50 ${f1(pct(all, 50))} ms  p95 ${f1(pct(all, 95))} ms (goal ≤ 33 ms)`);
    console.log(`  model arrays                  ${(load.modelBytes / MB).toFixed(1)} MB = ${(load.modelBytes / size).toFixed(2)}× the file (goal ≤ 2×)`);
    if (pageHeap) console.log(`  page                          JS heap ${(pageHeap.used / MB).toFixed(1)} MB, array buffers ${(pageHeap.buffers / MB).toFixed(1)} MB`);
    if (parseWorker) console.log(`  parse worker after the parse  JS heap ${(parseWorker.used / MB).toFixed(1)} MB, array buffers ${(parseWorker.buffers / MB).toFixed(1)} MB`);
    for (const [name, peak] of workerPeak) {
      console.log(`  ${`${name} peak (sampled)`.padEnd(29)} JS heap ${(peak.used / MB).toFixed(1)} MB, array buffers ${(peak.buffers / MB).toFixed(1)} MB`);
    }
  } finally {
    await browser.close();
    server.kill();
    if (dir) rmSync(dir, { recursive: true, force: true });
  }
}

await main();
