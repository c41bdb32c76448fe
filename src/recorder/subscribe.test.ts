// Go's TestSubscribers (runtime/trace/subscribe_test.go): every start/stop ordering of a
// flight recorder and trace.Start gives two traces that parse, validate (clock checks
// included) and have Sync events at both ends.
import { describe, expect, it } from 'vitest';
import { BufferSink, FlightRecorder, SimulatedRuntime, startTrace, stopTrace } from './index';
import { traceRecords } from '../runtime/test-traces';
import { checkTrace } from './check-trace';

function validate(source: string, bytes: Uint8Array) {
  const c = checkTrace(bytes);
  expect(c.errors, source).toEqual([]);
  expect(c.syncs.length, source).toBeGreaterThanOrEqual(2);
  expect([c.syncs[0], c.syncs[c.syncs.length - 1]], source).toEqual([0, c.events - 1]);
}

type Step = 'startFlight' | 'startTrace' | 'stopTrace' | 'stopFlight';
const ORDERS: Step[][] = [
  ['startFlight', 'startTrace', 'stopTrace', 'stopFlight'],
  ['startTrace', 'startFlight', 'stopTrace', 'stopFlight'],
  ['startFlight', 'stopFlight', 'startTrace', 'stopTrace'],
  ['startFlight', 'startTrace', 'stopFlight', 'stopTrace'],
];

describe.each(['1.25', '1.26'] as const)('subscribers (Go %s format)', (go) => {
  it.each(ORDERS.map((o) => [o.join('_'), o] as const))('%s', async (_name, order) => {
    const rt = new SimulatedRuntime({ workload: 'busy', go, seed: 5, params: { goroutines: 60 } });
    rt.advanceBy(20e6);
    const fr = new FlightRecorder(rt);
    const t = new BufferSink();
    const f = new BufferSink();
    for (const step of order) {
      rt.advanceBy(0.4e9);
      if (step === 'startFlight') fr.start();
      if (step === 'startTrace') startTrace(rt, t);
      if (step === 'stopTrace') stopTrace(rt);
      if (step === 'stopFlight') {
        await fr.writeTo(f);
        fr.stop();
      }
    }
    expect(rt.tracing).toBe(false);
    validate('tracer', t.bytes());
    validate('flightRecorder', f.bytes());
  });

  it('a second trace.Start fails with Go’s message and leaves the first running', () => {
    const rt = new SimulatedRuntime({ workload: 'idle', go });
    const t = new BufferSink();
    startTrace(rt, t);
    expect(() => startTrace(rt, new BufferSink())).toThrow('execution tracer already enabled');
    rt.advanceBy(1.2e9);
    stopTrace(rt);
    validate('tracer', t.bytes());
  });

  it('the 1.26 full trace ends every generation with EndOfGeneration; the 1.25 one has none', () => {
    const rt = new SimulatedRuntime({ workload: 'idle', go, seed: 2 });
    const t = new BufferSink();
    startTrace(rt, t);
    rt.advanceBy(2.5e9);
    stopTrace(rt);
    const bytes = t.bytes();
    expect(new TextDecoder().decode(bytes.subarray(0, 16))).toBe(`go ${go} trace\0\0\0`);
    // Count top-level records: walk the batch framing (a batch over 64 KiB would throw).
    const records = traceRecords(bytes);
    expect(records[records.length - 1].end).toBe(bytes.length);
    const eogs = records.filter((r) => r.endOfGeneration).length;
    const gens = new Set(records.filter((r) => !r.endOfGeneration).map((r) => r.gen));
    expect(eogs).toBe(go === '1.26' ? gens.size : 0);
    expect(gens.size).toBe(3);
  });
});
