import { readFileSync } from 'node:fs';
import { buildTimeline } from './src/analysis/timeline/build';
import { ModelData } from './src/ui/trace-timeline/model-data';
import { LaneLayout } from './src/ui/trace-timeline/lane-layout';
import { parseQuery } from './src/ui/trace-timeline/search';
import { Raster, packRgba } from './src/ui/trace-timeline/raster';
import { SpanRow } from './src/ui/trace-timeline/span-row';
import { LabelQueue } from './src/ui/trace-timeline/paint';
import { TimeScale } from './src/ui/timeline/time-scale';
import { traceBounds } from './src/ui/trace-timeline/viewport';

const t0 = performance.now();
const m: any = buildTimeline(new Uint8Array(readFileSync(process.argv[2]))).model;
console.log('model built', ((performance.now() - t0) / 1000).toFixed(1), 's', m.goroutineCount, 'goroutines');
const names = ['bg','bg-alt','grid','ink','ink-2','span-ink','gen-a','gen-b','gc','stw','assist','sweep','heap','heap-goal','goroutines','threads','runnable','waiting','blocked','syscall','notstarted','region','task','log','cpu','select','highlight','flow-create','flow-unblock','measure','dim','busy'];
const P: any = { css: Object.fromEntries(names.map((n) => [n, '#888'])), rgba: Object.fromEntries(names.map((n, i) => [n, packRgba(i * 7, i * 3, 200)])), fnCss: Array(12).fill('#888'), fnRgba: Array.from({ length: 12 }, (_, i) => packRgba(i * 20, 100, 50)), sans: 'x', mono: 'y' };
let c0 = process.cpuUsage();
const data = new ModelData(m, parseQuery(''));
const layout = new LaneLayout(data.sections, new Set());
let c1 = process.cpuUsage(c0); console.log('ModelData+layout cpu ms', ((c1.user + c1.system) / 1000).toFixed(1));
const W = 1370, H = 770;
const raster = new Raster(W, H); const row = new SpanRow(W); const labels = new LabelQueue();
const bounds = traceBounds(m.endNs);
const per = new Map<string, number[]>();
function frame(scale: TimeScale, top: number) {
  const rows = layout.visible(top, top + H);
  labels.clear();
  for (const r of rows) {
    const content = data.content(r); if (!content) continue;
    const yCss = r.y - top + 2, hCss = r.h - 4;
    const c = process.cpuUsage();
    content.paint({ scale, raster, row, y0: Math.max(0, Math.round(yCss)), y1: Math.min(H, Math.round(yCss + hCss)), yCss, hCss, palette: P, labels, k: W / scale.spanNs, startNs: scale.startNs, dim: 0 });
    const d = process.cpuUsage(c); const k = r.kind === 'lane' ? r.key.replace(/\d+$/, '#') : r.kind;
    (per.get(k) ?? per.set(k, []).get(k)!).push((d.user + d.system) / 1000);
  }
}
let s = TimeScale.create(bounds.startNs, bounds.endNs, W, 1);
const frames: number[] = [];
const run = (label: string, f: () => void) => { const c = process.cpuUsage(); f(); const d = process.cpuUsage(c); frames.push((d.user + d.system) / 1000); };
for (const f of [0.1, 0.5, 0.9]) { for (let i = 0; i < 30; i++) { s = s.zoomAt(W * f, 1.3, bounds); run('z', () => frame(s, 0)); } for (let i = 0; i < 30; i++) { s = s.zoomAt(W * f, 1 / 1.3, bounds); run('z', () => frame(s, 0)); } }
s = s.withWindow(0, m.endNs / 40, bounds);
for (let i = 0; i < 200; i++) { s = s.panByCssPx(-W * 0.2, bounds); run('p', () => frame(s, 0)); }
for (let i = 0; i < 100; i++) run('s', () => frame(s, (layout.totalCssPx * i) / 100));
frames.sort((a, b) => a - b);
console.log('frame cpu ms p50', frames[frames.length >> 1].toFixed(1), 'p95', frames[Math.floor(frames.length * 0.95)].toFixed(1), 'max', frames[frames.length - 1].toFixed(1));
for (const [k, v] of per) { v.sort((a, b) => a - b); console.log(k.padEnd(8), 'n', v.length, 'p50', v[v.length >> 1].toFixed(2), 'p95', v[Math.floor(v.length * 0.95)].toFixed(2), 'max', v[v.length - 1].toFixed(1), 'sum', v.reduce((a, b) => a + b, 0).toFixed(0)); }
