// Go's TestSubscribers (runtime/trace/subscribe_test.go): every start/stop ordering of a
// flight recorder and trace.Start gives two traces that parse, validate (clock checks
// included) and have Sync events at both ends.
import { describe, expect, it } from 'vitest';
import { BufferSink, FlightRecorder, SimulatedRuntime, startTrace, stopTrace } from './index';
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
    // Count top-level records: walk the batch framing.
    let pos = 16;
    let eogs = 0;
    let gens = new Set<number>();
    while (pos < bytes.length) {
      if (bytes[pos] === 52) {
        eogs++;
        pos++;
        continue;
      }
      const v: number[] = [];
      let p = pos + 1;
      for (let k = 0; k < 4; k++) {
        let x = 0;
        let mul = 1;
        for (;;) {
          const c = bytes[p++];
          x += (c & 0x7f) * mul;
          mul *= 128;
          if (c < 0x80) break;
        }
        v.push(x);
      }
      gens.add(v[0]);
      expect(v[3]).toBeLessThanOrEqual(65536);
      pos = p + v[3];
    }
    expect(pos).toBe(bytes.length);
    expect(eogs).toBe(go === '1.26' ? gens.size : 0);
    gens = new Set([...gens]);
    expect(gens.size).toBe(3);
  });
});
