// Runtime and recorder throughput on one core: MB of trace data per second of wall time
// written by the simulated runtime alone and with a flight recorder attached; the cost of
// sealing a generation into the ring; and writeTo of a ~10 MiB ring beside a plain copy of
// the same bytes.

import { BufferSink, FlightRecorder, SimulatedRuntime } from '../src/recorder/index';
import { WORKLOADS } from '../src/runtime/index';

const mb = (b: number) => b / (1 << 20);

function throughput(workload: (typeof WORKLOADS)[number], withRecorder: boolean): { mbps: number; genMs: number } {
  const rt = new SimulatedRuntime({ workload, seed: 1 });
  let seals = 0;
  let sealMs = 0;
  if (withRecorder) {
    const fr = new FlightRecorder(rt, { maxBytes: 64 << 20, minAge: 60_000 });
    fr.start();
  } else {
    rt.startTrace({ chunk() {} });
  }
  rt.advanceBy(0.2e9);
  const bytes0 = rt.stats.bytes;
  const t0 = performance.now();
  // Time generation seals separately: one forced advance per simulated 0.5 s.
  for (let i = 0; i < 8; i++) {
    rt.advanceBy(0.5e9);
    const s = performance.now();
    rt.traceAdvance();
    sealMs += performance.now() - s;
    seals++;
  }
  const ms = performance.now() - t0;
  return { mbps: mb(rt.stats.bytes - bytes0) / (ms / 1000), genMs: sealMs / seals };
}

console.log('runtime throughput (MiB of trace per wall second, one core):');
for (const w of WORKLOADS) {
  const bare = throughput(w, false);
  const rec = throughput(w, true);
  console.log(`  ${w.padEnd(9)} runtime ${bare.mbps.toFixed(1).padStart(6)} MiB/s   with recorder ${rec.mbps.toFixed(1).padStart(6)} MiB/s   generation seal (advance + ring rebuild) ${rec.genMs.toFixed(2)} ms`);
}

// writeTo on a ~10 MiB ring, next to a plain copy of the same bytes.
const rt = new SimulatedRuntime({ workload: 'busy', seed: 2 });
const fr = new FlightRecorder(rt, { maxBytes: 10 << 20, minAge: 600_000 });
fr.start();
rt.advanceBy(6e9);
const ring = fr.ringGenerations();
const ringBytes = ring.reduce((n, g) => n + g.size, 0);
let best = Infinity;
let size = 0;
for (let i = 0; i < 5; i++) {
  const sink = new BufferSink();
  const t = performance.now();
  size = await fr.writeTo(sink);
  sink.bytes();
  best = Math.min(best, performance.now() - t);
}
const src = new Uint8Array(size);
let copyBest = Infinity;
for (let i = 0; i < 5; i++) {
  const t = performance.now();
  const dst = new Uint8Array(size);
  dst.set(src);
  copyBest = Math.min(copyBest, performance.now() - t);
}
console.log(`writeTo: ${mb(size).toFixed(1)} MiB snapshot (ring ${mb(ringBytes).toFixed(1)} MiB, ${ring.length} generations) in ${best.toFixed(1)} ms (includes one forced generation advance); plain ${mb(size).toFixed(1)} MiB copy ${copyBest.toFixed(1)} ms`);
fr.stop();
