// The slow-requests workload: fast requests, rare slow ones (waiting on the cache refresh's
// lock) that start within the first few seconds, an observer that hears every request's
// latency, and a trace Go's parser (our port) reads and validates.
import { describe, expect, it } from 'vitest';
import { EventKind, TraceReader } from '../trace/parse/index';
import { Validator } from '../trace/parse/validator';
import { SimulatedRuntime } from './index';
import { recordTrace } from './test-traces';

describe('slow-requests workload', () => {
  it('serves fast requests and, from the first refresh on, a few slow ones the observer hears of', () => {
    const rt = new SimulatedRuntime({ workload: 'slow-requests', seed: 9, go: '1.26' });
    const latencies: { ns: number; at: number }[] = [];
    const pauses: number[] = [];
    rt.observe({ request: (ns, at) => latencies.push({ ns, at }), gcPause: (ns) => pauses.push(ns) });
    rt.advanceBy(10e9);
    expect(latencies.length).toBeGreaterThan(10_000);
    const slow = latencies.filter((l) => l.ns > 100e6);
    expect(slow.length).toBeGreaterThan(0);
    // Rare: well under one request in a hundred.
    expect(slow.length / latencies.length).toBeLessThan(0.01);
    // The first slow request comes within the first few seconds (a demo works at once).
    expect(slow[0].at).toBeLessThan(3.5e9);
    const sorted = latencies.map((l) => l.ns).sort((a, b) => a - b);
    expect(sorted[Math.floor(sorted.length / 2)]).toBeLessThan(1e6);
    expect(pauses.every((p) => p > 0 && p < 1e6)).toBe(true);
  });

  it('writes a trace Go’s parser reads and validates, with the refresh region and the waits', () => {
    const rt = new SimulatedRuntime({ workload: 'slow-requests', seed: 4, go: '1.26' });
    rt.advanceTo(20e6);
    const bytes = recordTrace(rt, 4.5, false);
    const r = new TraceReader(bytes);
    const v = new Validator(r.version);
    const errors: string[] = [];
    let refreshes = 0;
    for (let ev = r.readEvent(); ev !== null; ev = r.readEvent()) {
      errors.push(...v.event(ev));
      if (ev.kind() === EventKind.RegionBegin && ev.region().type === 'refresh cache') refreshes++;
    }
    expect(errors).toEqual([]);
    expect(refreshes).toBeGreaterThanOrEqual(1);
  });
});
