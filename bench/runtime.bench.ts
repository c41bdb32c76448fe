// Runtime and recorder throughput on one core. Units: MB = 10^6 bytes, µs, ms.
//
// For each preset: the simulated runtime alone writing into a sink that only counts
// (MB/s of trace data and events/s), the same with a flight recorder attached (its
// default MaxBytes 10 MiB / MinAge 10 s: every batch is parsed for its header and kept,
// and the ring is rebuilt at every generation), bytes per event, and per generation the
// cost of the advance (statuses, flushes, stack and string tables) and of the ring rebuild.
// Rates are per CPU-second of this process (process.cpuUsage, all its threads), so other
// load on the machine does not count against them; wall time is shown beside them.
// Every preset runs once untimed first, so the figures are of JIT-compiled code, as in a
// worker that has been running for a while.
//
// Then writeTo of a ~10 MiB ring into a buffer, beside one plain copy of as many bytes.

import { FlightRecorder, SimulatedRuntime } from '../src/recorder/index';
import { WORKLOADS, type WorkloadName } from '../src/runtime/index';

/** Trace bytes each measured run writes (enough for a steady figure on every preset). */
const TARGET_BYTES = 24e6;
/** Cap on simulated time per run (the idle preset writes ~11 kB per simulated second). */
const MAX_SIM_SECONDS = 3000;

interface Run {
  bytes: number;
  events: number;
  cpuMs: number;
  wallMs: number;
  gens: number;
  advanceUs: number;
  rebuildUs: number;
}

function cpuMsSince(c0: NodeJS.CpuUsage): number {
  const c = process.cpuUsage(c0);
  return (c.user + c.system) / 1000;
}

function run(workload: WorkloadName, withRecorder: boolean, targetBytes: number): Run {
  const rt = new SimulatedRuntime({ workload, seed: 1 });
  let rebuildMs = 0;
  let rebuilds = 0;
  if (withRecorder) {
    const fr = new FlightRecorder(rt);
    fr.start();
    // Time the ring rebuild itself (recorder.endGeneration) on this instance only.
    const storage = (fr as unknown as { storage: { endGeneration: (now: number) => unknown } }).storage;
    const end = storage.endGeneration.bind(storage);
    storage.endGeneration = (now: number) => {
      const t = performance.now();
      const r = end(now);
      rebuildMs += performance.now() - t;
      rebuilds++;
      return r;
    };
  } else {
    rt.startTrace({ chunk() {} });
  }
  // Time the periodic generation advance (traceAdvance: statuses, flushes, tables, and the
  // end-of-generation signal, on which the recorder rebuilds its ring) on this instance.
  let advanceMs = 0;
  let gens = 0;
  const tracer = (rt as unknown as { tracer: { advance: (stop: boolean) => void } }).tracer;
  const advance = tracer.advance.bind(tracer);
  tracer.advance = (stop: boolean) => {
    const t = performance.now();
    advance(stop);
    advanceMs += performance.now() - t;
    gens++;
  };
  rt.advanceBy(0.1e9);
  const b0 = rt.stats.bytes;
  const e0 = rt.stats.events;
  const c0 = process.cpuUsage();
  const w0 = performance.now();
  for (let s = 0; s < MAX_SIM_SECONDS && rt.stats.bytes - b0 < targetBytes; s++) rt.advanceBy(1e9);
  const cpuMs = cpuMsSince(c0);
  const wallMs = performance.now() - w0;
  return {
    bytes: rt.stats.bytes - b0,
    events: rt.stats.events - e0,
    cpuMs,
    wallMs,
    gens,
    advanceUs: ((advanceMs - rebuildMs) * 1000) / gens,
    rebuildUs: rebuilds > 0 ? (rebuildMs * 1000) / rebuilds : 0,
  };
}

const f1 = (x: number, w = 6) => x.toFixed(1).padStart(w);

console.log('runtime throughput, one core (MB = 10^6 bytes; rates per CPU-second, wall-clock rate in brackets)');
for (const w of WORKLOADS) run(w, true, TARGET_BYTES / 8); // warm-up
let worst = Infinity;
for (const w of WORKLOADS) {
  const bare = run(w, false, TARGET_BYTES);
  const rec = run(w, true, TARGET_BYTES);
  const bareMBs = bare.bytes / 1e3 / bare.cpuMs;
  const recMBs = rec.bytes / 1e3 / rec.cpuMs;
  worst = Math.min(worst, recMBs);
  console.log(
    `  ${w.padEnd(9)} runtime ${f1(bareMBs)} MB/s [${f1(bare.bytes / 1e3 / bare.wallMs, 5)}] ${f1(bare.events / 1e3 / bare.cpuMs, 5)} M events/s` +
      `   runtime+recorder ${f1(recMBs)} MB/s [${f1(rec.bytes / 1e3 / rec.wallMs, 5)}]` +
      `   ${(rec.bytes / rec.events).toFixed(2)} B/event   per generation (${(rec.bytes / rec.gens / 1e6).toFixed(3)} MB): advance ${f1(rec.advanceUs, 5)} µs, ring rebuild ${rec.rebuildUs.toFixed(1)} µs`,
  );
}
console.log(`  slowest preset with the recorder: ${worst.toFixed(1)} MB/s (goal ≥ 100 MB/s)`);

// writeTo on a ~10 MiB ring, next to a plain copy of the same number of bytes.
{
  const rt = new SimulatedRuntime({ workload: 'busy', seed: 2 });
  const fr = new FlightRecorder(rt, { maxBytes: 10 << 20, minAge: 600_000 });
  fr.start();
  rt.advanceBy(6e9);
  let advMs = 0;
  const advance = rt.traceAdvance.bind(rt);
  rt.traceAdvance = () => {
    const t = performance.now();
    advance();
    advMs += performance.now() - t;
  };
  let best = Infinity;
  let bestAdv = 0;
  let size = 0;
  let out = new Uint8Array(16 << 20);
  for (let i = 0; i < 5; i++) {
    rt.advanceBy(0.05e9);
    let pos = 0;
    advMs = 0;
    const t = performance.now();
    size = await fr.writeTo({
      write(chunk) {
        if (pos + chunk.length > out.length) {
          const bigger = new Uint8Array(2 * (pos + chunk.length));
          bigger.set(out.subarray(0, pos));
          out = bigger;
        }
        out.set(chunk, pos);
        pos += chunk.length;
      },
    });
    const ms = performance.now() - t;
    if (ms < best) {
      best = ms;
      bestAdv = advMs;
    }
  }
  const src = out.slice(0, size);
  const dst = new Uint8Array(size);
  let copyBest = Infinity;
  for (let i = 0; i < 5; i++) {
    const t = performance.now();
    dst.set(src);
    copyBest = Math.min(copyBest, performance.now() - t);
  }
  const ring = fr.ringGenerations();
  console.log(
    `writeTo: ${(size / 1e6).toFixed(1)} MB snapshot (${ring.length} generations) into a buffer in ${best.toFixed(2)} ms wall ` +
      `(${bestAdv.toFixed(2)} ms of it ending the open generation); plain copy of ${(size / 1e6).toFixed(1)} MB: ${copyBest.toFixed(2)} ms`,
  );
  fr.stop();
}
