import { chromium } from '@playwright/test';
const [,, file, which = 'zoom'] = process.argv;
const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--no-sandbox', '--disable-gpu'] });
const page = await browser.newPage({ viewport: { width: 1600, height: 1000 } });
await page.goto('http://127.0.0.1:4182/#/trace/timeline');
await page.waitForFunction(() => document.documentElement.dataset.idle === 'true');
await page.setInputFiles('input[type=file]', file);
await page.waitForFunction(() => window.__flightdeckTimeline?.completeFrameAt != null && document.documentElement.dataset.idle === 'true', null, { timeout: 600000 });
const cdp = await page.context().newCDPSession(page);
await cdp.send('Profiler.enable');
await cdp.send('Profiler.setSamplingInterval', { interval: 200 });
await cdp.send('Profiler.start');
const steps = {
  zoom: `for (const f of [0.2, 0.5, 0.8]) { for (let i = 0; i < 30; i++) ops.push(() => wheel(width * f, -120, { ctrlKey: true })); for (let i = 0; i < 30; i++) ops.push(() => wheel(width * f, 120, { ctrlKey: true })); }`,
  scroll: `for (let i = 0; i < 150; i++) ops.push(() => wheel(width / 2, 120, {})); const total = scrollbar.firstElementChild.getBoundingClientRect().height; for (let i = 0; i < 50; i++) ops.push(() => { scrollbar.scrollTop = (total * i) / 50; });`,
  pan: `for (let i = 0; i < 16; i++) ops.push(() => wheel(width / 2, -130, { ctrlKey: true })); for (let i = 0; i < 200; i++) ops.push(() => wheel(width / 2, 240, { shiftKey: true }));`,
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
const { profile } = await cdp.send('Profiler.stop');
const draws = await page.evaluate(() => window.__flightdeckTimeline.takeFrameMs());
const self = new Map();
const dt = profile.timeDeltas; const byId = new Map(profile.nodes.map((n) => [n.id, n]));
for (let i = 0; i < profile.samples.length; i++) {
  const n = byId.get(profile.samples[i]); const k = `${n.callFrame.functionName || '(anon)'} ${n.callFrame.url.split('/').pop()}:${n.callFrame.lineNumber}`;
  self.set(k, (self.get(k) ?? 0) + (dt[i] ?? 0) / 1000);
}
const total = [...self.values()].reduce((a, b) => a + b, 0);
const sl = await page.evaluate(() => window.__slow || []); const agg = new Map(); for (const x of sl) { const k = x.split(' ')[0]; (agg.get(k) ?? agg.set(k, []).get(k)).push(parseFloat(x.split(' ')[1])); } for (const [k, v] of agg) { v.sort((a,b)=>a-b); console.log('lane', k, 'n>3ms', v.length, 'p50', v[v.length>>1], 'p90', v[Math.floor(v.length*0.9)], 'max', v[v.length-1]); } console.log(which, 'frames', frames.length, 'p50', frames.sort((a,b)=>a-b)[frames.length>>1].toFixed(1), 'draw p50', draws.sort((a,b)=>a-b)[draws.length>>1]?.toFixed(1), 'profile ms', total.toFixed(0));
for (const [k, v] of [...self.entries()].sort((a, b) => b[1] - a[1]).slice(0, 25)) console.log(v.toFixed(1).padStart(8), k);
await browser.close();
