// `npm run bench -- model`: the timeline model's cost.
//
//   speed   building the model (TimelineSink in the event pass, chunks appended to a
//           TimelineModel) against the plain event pass (forEachEvent through runPass, a sink
//           that only counts) on the same file, interleaved round by round; best and median.
//   memory  model bytes (TimelineModel.byteSize: every typed array by capacity, and the
//           strings) ÷ file bytes, for every committed real trace and for the large trace;
//           for the large one also the heap the live model holds (heapUsed + arrayBuffers
//           after a full GC, with and without it).
//
// Inputs: the committed traces, and with `go` on PATH a ≥ 55 MB trace written at bench time by
// bench/go/modelload (channels, a mutex, syscalls, GC, tasks, regions, logs). --file=PATH adds
// a trace of your own; --quick does one round instead of three.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { runPassSync, type EventSink } from '../src/analysis/event-pass';
import { TimelineModel } from '../src/analysis/timeline/model';
import { TimelineSink } from '../src/analysis/timeline/sink';

const ROOT = resolve(import.meta.dirname, '..');
const MB = 1e6;
const args = process.argv.slice(2);
const quick = args.includes('--quick');
const rounds = quick ? 1 : 3;

function gc(): void {
  (globalThis as { gc?: () => void }).gc?.();
}

function build(bytes: Uint8Array): TimelineModel {
  const model = new TimelineModel();
  const sink = new TimelineSink((c) => model.append(c));
  model.finish(sink.finish(runPassSync(bytes, [sink])));
  return model;
}

function plainPass(bytes: Uint8Array): number {
  let n = 0;
  const counter: EventSink = { event: () => void n++ };
  runPassSync(bytes, [counter]);
  return n;
}

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)];
}

function heapNow(): number {
  gc();
  const m = process.memoryUsage();
  return m.heapUsed + m.arrayBuffers;
}

/** Speed and memory on one large trace. */
function large(label: string, bytes: Uint8Array): void {
  const mb = bytes.length / MB;
  const plain: number[] = [];
  const model: number[] = [];
  // Warm the JIT on both paths first (a few MB of the trace; it errors where it is cut).
  try {
    build(bytes.subarray(0, Math.min(bytes.length, 4 * MB)));
  } catch {
    // cut short on purpose
  }
  for (let r = 0; r < rounds; r++) {
    let t0 = performance.now();
    const events = plainPass(bytes);
    plain.push(mb / ((performance.now() - t0) / 1000));
    t0 = performance.now();
    build(bytes);
    model.push(mb / ((performance.now() - t0) / 1000));
    if (r === 0) console.log(`${label}: ${mb.toFixed(1)} MB, ${events} events`);
  }
  const fmt = (xs: number[]) => `best ${Math.max(...xs).toFixed(1)} MB/s, median ${median(xs).toFixed(1)} MB/s`;
  console.log(`  plain event pass (forEachEvent): ${fmt(plain)}`);
  console.log(`  event pass + timeline model:     ${fmt(model)}`);
  console.log(`  model build costs ${(median(plain) / median(model)).toFixed(2)}x the plain pass (medians, ${rounds} interleaved rounds)`);
  const before = heapNow();
  const m = build(bytes);
  const held = heapNow() - before;
  console.log(`  model bytes ${(m.byteSize() / MB).toFixed(1)} MB = ${(m.byteSize() / bytes.length).toFixed(2)}x the file; heap held by the live model ${(held / MB).toFixed(1)} MB = ${(held / bytes.length).toFixed(2)}x`);
  console.log(`  (${m.chunks.length} chunks, ${m.goroutineCount} goroutines, ${m.generations.length} generations)`);
}

// Every committed real trace: model bytes ÷ file bytes.
const tdir = join(ROOT, 'testdata/traces');
const rows: [string, number, number][] = [];
for (const f of readdirSync(tdir).filter((x) => x.endsWith('.trace')).sort()) {
  const bytes = new Uint8Array(readFileSync(join(tdir, f)));
  const m = build(bytes);
  if (m.chunks.length === 0) continue;
  rows.push([f, bytes.length, m.byteSize()]);
}
console.log('committed traces: model bytes ÷ file bytes');
for (const [f, size, model] of rows) console.log(`  ${f.padEnd(34)} ${String(size).padStart(7)} B  ${(model / size).toFixed(2)}x`);
const worst = rows.reduce((a, b) => (b[2] / b[1] > a[2] / a[1] ? b : a));
console.log(`  largest ratio ${(worst[2] / worst[1]).toFixed(2)}x (${worst[0]}); small traces carry fixed tables (stacks, strings)`);

const extra = args.filter((a) => a.startsWith("--file=")).map((a) => a.slice("--file=".length));
for (const f of extra) large(f, new Uint8Array(readFileSync(f)));

if (spawnSync('go', ['version']).status === 0) {
  const dir = mkdtempSync(join(tmpdir(), 'model-bench-'));
  try {
    const bin = join(dir, 'modelload');
    const b = spawnSync('go', ['build', '-o', bin, './modelload'], { cwd: join(ROOT, 'bench/go'), stdio: 'inherit' });
    if (b.status !== 0) throw new Error('building bench/go/modelload failed');
    const out = join(dir, 'modelload.trace');
    const r = spawnSync(bin, [out, String(55 * MB)], { stdio: 'inherit' });
    if (r.status !== 0) throw new Error('running bench/go/modelload failed');
    large('bench/go/modelload trace', new Uint8Array(readFileSync(out)));
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
} else if (extra.length === 0) {
  console.log('go not on PATH: no large trace (pass --file=PATH for one)');
}
