// CPU profile samples in the trace, as a program with pprof's CPU profiler on writes them
// (runtime/tracecpu.go): EvCPUSamples batches that Go's parser turns into StackSample
// events, about one per 10 ms of CPU time at the default 100 Hz, none when it is off.
import { describe, expect, it } from 'vitest';
import { EventKind } from '../trace/parse/event';
import { TraceReader } from '../trace/parse/reader';
import { Validator } from '../trace/parse/validator';
import { SimulatedRuntime, type RuntimeOptions } from './index';
import { recordTrace } from './test-traces';

function samples(opts: RuntimeOptions, seconds: number): { samples: number; procs: Set<number>; errors: string[] } {
  const r = new TraceReader(recordTrace(new SimulatedRuntime(opts), seconds, false));
  const v = new Validator(r.version);
  const errors: string[] = [];
  const procs = new Set<number>();
  let n = 0;
  for (let ev = r.readEvent(); ev !== null; ev = r.readEvent()) {
    errors.push(...v.event(ev));
    if (ev.kind() !== EventKind.StackSample) continue;
    n++;
    procs.add(Number(ev.proc()));
    expect(ev.stack().frames().length).toBeGreaterThan(0);
  }
  return { samples: n, procs, errors };
}

describe('CPU profile samples', () => {
  it('a CPU-bound job on 4 Ps gives about 400 samples per second at 100 Hz, on every P', () => {
    const res = samples({ workload: 'gc-heavy', seed: 21, go: '1.26' }, 2.2);
    expect(res.errors).toEqual([]);
    expect(res.samples).toBeGreaterThan(0.7 * 400 * 2.2);
    expect(res.samples).toBeLessThan(1.05 * 400 * 2.2);
    expect([...res.procs].sort()).toEqual([0, 1, 2, 3]);
  });

  it('writes none with the profiler off, and ten times as many at 1000 Hz', () => {
    expect(samples({ workload: 'gc-heavy', seed: 22, go: '1.26', cpuProfileHz: 0 }, 1.2).samples).toBe(0);
    const at100 = samples({ workload: 'gc-heavy', seed: 22, go: '1.26' }, 1.2).samples;
    const at1000 = samples({ workload: 'gc-heavy', seed: 22, go: '1.26', cpuProfileHz: 1000 }, 1.2).samples;
    expect(at1000 / at100).toBeGreaterThan(8);
    expect(at1000 / at100).toBeLessThan(12);
  });
});
