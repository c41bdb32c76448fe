// The simulated runtime writes traces Go's parser (our port) reads and validates, for every
// preset and both formats; it is deterministic per seed; batches respect Go's limits.
import { describe, expect, it } from 'vitest';
import { inspectTrace } from '../trace/wire/inspect';
import { TraceReader } from '../trace/parse/reader';
import { Validator } from '../trace/parse/validator';
import { SimulatedRuntime, WORKLOADS, type RuntimeOptions } from './index';
import { recordTrace, traceRecords } from './test-traces';

function record(opts: RuntimeOptions, seconds: number, warmNs = 30e6): Uint8Array {
  const rt = new SimulatedRuntime(opts);
  rt.advanceTo(warmNs);
  return recordTrace(rt, seconds, opts.go !== '1.26');
}

function validate(bytes: Uint8Array): { events: number; errors: string[] } {
  const r = new TraceReader(bytes);
  const v = new Validator(r.version);
  const errors: string[] = [];
  let events = 0;
  try {
    for (let ev = r.readEvent(); ev !== null && errors.length < 10; ev = r.readEvent()) {
      errors.push(...v.event(ev));
      events++;
    }
  } catch (e) {
    errors.push((e as Error).message);
  }
  return { events, errors };
}

describe('SimulatedRuntime', () => {
  for (const workload of WORKLOADS) {
    for (const go of ['1.25', '1.26'] as const) {
      it(`${workload} in the Go ${go} format parses and validates`, () => {
        const seed = 1000 + WORKLOADS.indexOf(workload);
        const bytes = record({ workload, go, seed, params: workload === 'busy' ? { goroutines: 80 } : {} }, 2.2);
        const res = validate(bytes);
        expect(res.errors, `seed ${seed}`).toEqual([]);
        expect(res.events).toBeGreaterThan(100);
        const w = inspectTrace(bytes);
        expect(w.error).toBeNull();
        expect(w.version).toBe(go === '1.26' ? 26 : 25);
        // 2.2 s at a 1 s period: generations 1, 2 and 3 (the last ended by StopTrace).
        expect(w.generations.map((g) => Number(g.gen))).toEqual([1, 2, 3]);
        for (const g of w.generations) {
          expect(g.sync).toBe(1);
          expect(g.endedWithEndOfGeneration).toBe(go === '1.26');
        }
      });
    }
  }

  it('is deterministic: the same seed writes the same bytes, another seed does not', () => {
    const a = record({ workload: 'spiky', seed: 42 }, 1.1);
    const b = record({ workload: 'spiky', seed: 42 }, 1.1);
    const c = record({ workload: 'spiky', seed: 43 }, 1.1);
    expect(Buffer.from(a).equals(Buffer.from(b))).toBe(true);
    expect(Buffer.from(a).equals(Buffer.from(c))).toBe(false);
  });

  it('writes only batches within Go’s 64 KiB limit', () => {
    const bytes = record({ workload: 'busy', seed: 3, params: { goroutines: 200 } }, 1.2);
    const records = traceRecords(bytes);
    for (const r of records) expect(r.end - r.offset).toBeLessThanOrEqual(65536);
    expect(records[records.length - 1].end).toBe(bytes.length);
    expect(records.length).toBeGreaterThan(10);
  });

  it('keeps exact timestamps past 2^53 ns of host uptime (Go reads them the same)', () => {
    const bytes = record({ workload: 'idle', seed: 9, monoBaseNs: 2 ** 53 - 5e9 }, 1.5, 10e6);
    const res = validate(bytes);
    expect(res.errors).toEqual([]);
  });

  it('rejects a second StartTrace with the runtime’s message', () => {
    const rt = new SimulatedRuntime({ workload: 'idle' });
    expect(rt.startTrace({ chunk() {} })).toBeNull();
    expect(rt.startTrace({ chunk() {} })).toBe('tracing is already enabled');
  });

  it('rejects unknown workloads, formats and out-of-range parameters', () => {
    expect(() => new SimulatedRuntime({ workload: 'nope' as never })).toThrow(/unknown workload/);
    expect(() => new SimulatedRuntime({ go: '1.24' as never })).toThrow(/unsupported Go trace format/);
    expect(() => new SimulatedRuntime({ params: { procs: 0 } })).toThrow(/procs must be/);
    expect(() => new SimulatedRuntime({ params: { periodMs: NaN } })).toThrow(/periodMs must be/);
  });

  it('advances a generation every period of trace time', () => {
    const rt = new SimulatedRuntime({ workload: 'idle', params: { periodMs: 100 } });
    rt.startTrace({ chunk() {} });
    expect(rt.currentGen).toBe(1);
    rt.advanceBy(1.05e9);
    expect(rt.currentGen).toBe(11);
  });
});
