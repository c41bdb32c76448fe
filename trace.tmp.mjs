import { chromium } from '@playwright/test';
const [,, file, which = 'zoom'] = process.argv;
const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--no-sandbox', '--disable-gpu'] });
const page = await browser.newPage({ viewport: { width: 1600, height: 1000 } });
await page.goto('http://127.0.0.1:4182/#/trace/timeline');
await page.waitForFunction(() => document.documentElement.dataset.idle === 'true');
await page.setInputFiles('input[type=file]', file);
await page.waitForFunction(() => window.__flightdeckTimeline?.completeFrameAt != null && document.documentElement.dataset.idle === 'true', null, { timeout: 600000 });
await browser.startTracing(page, { categories: ['devtools.timeline', 'disabled-by-default-devtools.timeline', 'toplevel', 'cc', 'gpu', 'viz'] });
const steps = {
  zoom: `for (const f of [0.2, 0.5, 0.8]) { for (let i = 0; i < 20; i++) ops.push(() => wheel(width * f, -120, { ctrlKey: true })); for (let i = 0; i < 20; i++) ops.push(() => wheel(width * f, 120, { ctrlKey: true })); }`,
  scroll: `for (let i = 0; i < 120; i++) ops.push(() => wheel(width / 2, 120, {}));`,
  idle: `for (let i = 0; i < 120; i++) ops.push(() => {});`,
}[which];
const frames = await page.evaluate(`(async () => {
  const tracks = document.querySelector('[data-testid="timeline-tracks"]');
  const scrollbar = document.querySelector('[data-testid="timeline-scrollbar"]');
  const r = tracks.getBoundingClientRect(); const width = r.width;
  const wheel = (x, deltaY, mods) => tracks.dispatchEvent(new WheelEvent('wheel', Object.assign({ clientX: r.left + x, clientY: r.top + 100, deltaY, bubbles: true, cancelable: true }, mods)));
  const frame = () => new Promise((res) => requestAnimationFrame(res));
  const ops = []; ${steps}
  const out = []; let last = await frame();
  for (const op of ops) { op(); const t = await frame(); out.push(t - last); last = t; }
  return out;
})()`);
const buf = await browser.stopTracing();
const ev = JSON.parse(buf.toString()).traceEvents;
const byName = new Map();
const threads = new Map();
for (const e of ev) if (e.ph === 'M' && e.name === 'thread_name') threads.set(`${e.pid}:${e.tid}`, e.args.name);
for (const e of ev) {
  if (e.ph !== 'X' || !e.dur) continue;
  const k = `${threads.get(`${e.pid}:${e.tid}`) ?? e.tid} | ${e.name}`;
  byName.set(k, (byName.get(k) ?? 0) + e.dur / 1000);
}
let shown = 0;
for (const e of ev) { if ((e.name === 'Layout' || e.name === 'UpdateLayoutTree') && e.ph === 'X' && shown++ < 12) console.log(e.name, (e.dur/1000).toFixed(1), JSON.stringify(e.args).slice(0, 300)); }
frames.sort((a,b)=>a-b);
console.log(which, 'frames', frames.length, 'p50', frames[frames.length>>1].toFixed(1), 'p95', frames[Math.floor(frames.length*0.95)].toFixed(1));
for (const [k, v] of [...byName.entries()].sort((a, b) => b[1] - a[1]).slice(0, 30)) console.log(v.toFixed(1).padStart(9), k);
await browser.close();
