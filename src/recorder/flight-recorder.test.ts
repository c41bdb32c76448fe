// Go's flight-recorder tests (runtime/trace/flightrecorder_test.go and x/exp's
// trace/flightrecorder_test.go) ported to the JS API over the simulated runtime. Where Go
// sleeps, these tests move the simulated clock by hand.
import { describe, expect, it } from 'vitest';
import { BufferSink, DEFAULT_MAX_BYTES, DEFAULT_MIN_AGE_MS, FlightRecorder, SimulatedRuntime, SnapshotWriteError, startTrace, stopTrace } from './index';
import { checkTrace } from './check-trace';
import { traceRecords } from '../runtime/test-traces';

const FORMATS = ['1.25', '1.26'] as const;

function runtime(go: (typeof FORMATS)[number] = '1.25', workload: 'busy' | 'idle' | 'gc-heavy' | 'spiky' = 'spiky') {
  const rt = new SimulatedRuntime({ workload, go, seed: 11 });
  rt.advanceBy(50e6);
  return rt;
}

/** testFlightRecorder: start, run f with a snapshot callback, stop, and require a valid trace. */
async function testFlightRecorder(fr: FlightRecorder, f: (snapshot: () => Promise<void>) => Promise<void>) {
  fr.start();
  const buf = new BufferSink();
  await f(async () => {
    const n = await fr.writeTo(buf);
    expect(n).toBeGreaterThanOrEqual(16);
    expect(n).toBe(buf.length);
  });
  fr.stop();
  const bytes = buf.bytes();
  const check = checkTrace(bytes, { skipClockChecks: true });
  expect(check.errors).toEqual([]);
  return { bytes, check };
}

describe.each(FORMATS)('FlightRecorder (Go %s format)', (go) => {
  it('DoubleStart: the second Start fails with Go’s message', () => {
    const fr = new FlightRecorder(runtime(go));
    fr.start();
    expect(() => fr.start()).toThrow('cannot enable a enabled flight recorder');
    fr.stop();
  });

  it('DoubleStop: the second Stop is a no-op (runtime/trace: Stop has no error)', () => {
    const fr = new FlightRecorder(runtime(go));
    fr.start();
    fr.stop();
    expect(() => fr.stop()).not.toThrow();
    expect(fr.enabled()).toBe(false);
  });

  it('Enabled follows Start and Stop', () => {
    const fr = new FlightRecorder(runtime(go));
    expect(fr.enabled()).toBe(false);
    fr.start();
    expect(fr.enabled()).toBe(true);
    fr.stop();
    expect(fr.enabled()).toBe(false);
  });

  it('WriteToDisabled: before Start and after Stop', async () => {
    const fr = new FlightRecorder(runtime(go));
    await expect(fr.writeTo(new BufferSink())).rejects.toThrow('cannot snapshot a disabled flight recorder');
    fr.start();
    fr.stop();
    await expect(fr.writeTo(new BufferSink())).rejects.toThrow('cannot snapshot a disabled flight recorder');
  });

  it('a second recorder on the same runtime is refused', () => {
    const rt = runtime(go);
    const a = new FlightRecorder(rt);
    const b = new FlightRecorder(rt);
    a.start();
    expect(() => b.start()).toThrow('flight recorder already enabled');
    expect(b.enabled()).toBe(false);
    a.stop();
    b.start();
    b.stop();
  });

  it('ConcurrentWriteTo: with an async sink one call wins, the other gets the in-progress error and 0 bytes', async () => {
    const rt = runtime(go);
    const fr = new FlightRecorder(rt);
    fr.start();
    rt.advanceBy(1.5e9);
    const bufs = [new BufferSink(), new BufferSink()];
    const slow = (b: BufferSink) => ({ write: async (c: Uint8Array) => { await Promise.resolve(); b.write(c); } });
    const results = await Promise.allSettled(bufs.map((b) => fr.writeTo(slow(b))));
    fr.stop();
    const ok = results.filter((r) => r.status === 'fulfilled') as PromiseFulfilledResult<number>[];
    const bad = results.filter((r) => r.status === 'rejected') as PromiseRejectedResult[];
    expect(ok.length).toBeGreaterThanOrEqual(1);
    for (const r of bad) expect((r.reason as Error).message).toBe('call to WriteTo for trace.FlightRecorder already in progress');
    results.forEach((r, i) => {
      if (r.status === 'fulfilled') {
        expect(r.value).toBeGreaterThan(0);
        expect(r.value).toBe(bufs[i].length);
        expect(checkTrace(bufs[i].bytes(), { skipClockChecks: true }).errors).toEqual([]);
      } else {
        expect(bufs[i].length).toBe(0);
      }
    });
  });

  it('TestFlightRecorder: one snapshot parses and validates', async () => {
    const rt = runtime(go);
    await testFlightRecorder(new FlightRecorder(rt), async (snapshot) => {
      rt.advanceBy(2.3e9);
      await snapshot();
    });
  });

  it('StartStop: five start/snapshot/stop cycles on one recorder', async () => {
    const rt = runtime(go);
    const fr = new FlightRecorder(rt);
    for (let i = 0; i < 5; i++) {
      await testFlightRecorder(fr, async (snapshot) => {
        rt.advanceBy(0.3e9);
        await snapshot();
      });
    }
  });

  it('Log: a trace.Log is found in the snapshot', async () => {
    const rt = runtime(go, 'idle');
    const { check } = await testFlightRecorder(new FlightRecorder(rt), async (snapshot) => {
      rt.advanceBy(0.2e9);
      rt.log('message', 'hello');
      await snapshot();
    });
    expect(check.logs.some((l) => l.category === 'message' && l.message === 'hello')).toBe(true);
  });

  it.each([
    ['MinAge', { minAge: 1e-6 }],
    ['MaxBytes', { maxBytes: 16 }],
  ])('GenerationCount/OneGeneration (%s): one generation, Syncs at both ends only', async (_n, cfg) => {
    const rt = runtime(go);
    const { check } = await testFlightRecorder(new FlightRecorder(rt, cfg), async (snapshot) => {
      rt.advanceBy(3e9);
      await snapshot();
    });
    // runtime/trace allows at most 3; x/exp's stricter test wants exactly the two ends.
    expect(check.syncs).toEqual([0, check.events - 1]);
  });

  it('TraceAndFlightRecorder: a full trace beside a recorder is longer than its snapshot', async () => {
    const rt = runtime(go);
    const t = new BufferSink();
    startTrace(rt, t);
    const fr = new FlightRecorder(rt, { maxBytes: 16 });
    fr.start();
    rt.advanceBy(1.5e9);
    const f = new BufferSink();
    await fr.writeTo(f);
    fr.stop();
    stopTrace(rt);
    expect(t.length).toBeGreaterThan(0);
    expect(f.length).toBeGreaterThan(0);
    expect(t.length).toBeGreaterThan(f.length);
    expect(checkTrace(t.bytes()).errors).toEqual([]);
  });

  it('the snapshot keeps the ring by MaxBytes: newest generation always, older ones until the limit is crossed', async () => {
    const rt = runtime(go, 'busy');
    const fr = new FlightRecorder(rt, { maxBytes: 2 << 20, minAge: 60_000 });
    fr.start();
    rt.advanceBy(6.2e9);
    const buf = new BufferSink();
    await fr.writeTo(buf);
    const ring = fr.ringGenerations();
    fr.stop();
    const sizes = ring.map((g) => g.size);
    const total = sizes.reduce((a, b) => a + b, 0);
    expect(buf.length).toBe(16 + total);
    // Every kept generation but the oldest fits under the limit; the oldest crosses it.
    expect(total - sizes[0]).toBeLessThanOrEqual(2 << 20);
    expect(ring.map((g) => g.gen)).toEqual(ring.map((_, i) => ring[0].gen + i));
  });
});

describe('FlightRecorderConfig (runtime/trace NewFlightRecorder)', () => {
  it('0 or absent means 10 MiB and 10 s', () => {
    const rt = runtime();
    for (const cfg of [{}, { maxBytes: 0, minAge: 0 }]) {
      const fr = new FlightRecorder(rt, cfg);
      expect([fr.maxBytes, fr.minAgeMs]).toEqual([DEFAULT_MAX_BYTES, DEFAULT_MIN_AGE_MS]);
      expect([DEFAULT_MAX_BYTES, DEFAULT_MIN_AGE_MS]).toEqual([10 * 1024 * 1024, 10_000]);
    }
  });

  it('an age that is 0 as a whole-ns Duration also means the default', () => {
    expect(new FlightRecorder(runtime(), { minAge: 1e-7 }).minAgeMs).toBe(DEFAULT_MIN_AGE_MS);
  });

  it.each(FORMATS)('a negative MinAge is a valid Duration: the ring keeps only the newest generation (Go %s format)', async (go) => {
    const rt = runtime(go);
    const fr = new FlightRecorder(rt, { minAge: -1 });
    expect(fr.minAgeMs).toBe(-1);
    fr.start();
    rt.advanceBy(3.5e9);
    const buf = new BufferSink();
    await fr.writeTo(buf);
    const ring = fr.ringGenerations();
    const active = rt.currentGen;
    fr.stop();
    expect(ring.map((g) => g.gen)).toEqual([active - 1]);
    const check = checkTrace(buf.bytes(), { skipClockChecks: true });
    expect(check.errors).toEqual([]);
    expect(check.syncs).toEqual([0, check.events - 1]);
  });

  it('a non-finite MinAge or a negative MaxBytes (uint64 in Go) is refused', () => {
    expect(() => new FlightRecorder(runtime(), { minAge: Number.NaN })).toThrow(RangeError);
    expect(() => new FlightRecorder(runtime(), { maxBytes: -1 })).toThrow(RangeError);
  });
});

describe.each(FORMATS)('WriteTo details (Go %s format)', (go) => {
  it('forces exactly one generation advance and writes the header then the ring, never the active generation', async () => {
    const rt = runtime(go, 'idle');
    const fr = new FlightRecorder(rt);
    fr.start();
    rt.advanceBy(2.5e9);
    const before = rt.currentGen;
    const buf = new BufferSink();
    const n = await fr.writeTo(buf);
    expect(rt.currentGen).toBe(before + 1);
    const ring = fr.ringGenerations();
    expect(ring[ring.length - 1].gen).toBe(before);
    expect(ring.every((g) => g.gen < rt.currentGen)).toBe(true);
    expect(n).toBe(16 + ring.reduce((a, g) => a + g.size, 0));
    const bytes = buf.bytes();
    expect(new TextDecoder().decode(bytes.subarray(0, 16))).toBe(`go ${go} trace\0\0\0`);
    const gens = new Set(traceRecords(bytes).filter((r) => !r.endOfGeneration).map((r) => r.gen));
    expect([...gens]).toEqual(ring.map((g) => g.gen));
    fr.stop();
  });

  it.each([1, 2, 5])('a sink that fails on write %i rejects with the count of bytes it took', async (failAt) => {
    const rt = runtime(go, 'idle');
    const fr = new FlightRecorder(rt);
    fr.start();
    rt.advanceBy(1.5e9);
    let calls = 0;
    let took = 0;
    const sink = {
      write: async (c: Uint8Array) => {
        if (++calls === failAt) throw new Error('disk full');
        took += c.length;
      },
    };
    const err = await fr.writeTo(sink).then(
      () => null,
      (e: unknown) => e,
    );
    expect(err).toBeInstanceOf(SnapshotWriteError);
    expect((err as SnapshotWriteError).message).toBe('disk full');
    expect((err as SnapshotWriteError).bytesWritten).toBe(took);
    // The header goes first; later failures come after it and some ring batches.
    if (failAt === 1) expect(took).toBe(0);
    else expect(took).toBeGreaterThan(16 + (failAt - 3));
    // The failed call released WriteTo: the next one succeeds.
    const buf = new BufferSink();
    expect(await fr.writeTo(buf)).toBe(buf.length);
    fr.stop();
  });

  it('MinAge is measured on the trace clock: the oldest kept generation is the first to cross the age', async () => {
    const rt = runtime(go, 'idle');
    const fr = new FlightRecorder(rt, { minAge: 2_500 });
    fr.start();
    rt.advanceBy(7.2e9);
    await fr.writeTo(new BufferSink());
    // endGeneration ran at the end of writeTo's advance; the clock has not moved since.
    const nowNs = Math.trunc(rt.nowTicks() * (1e9 / rt.ticksPerSecond));
    const ring = fr.ringGenerations();
    fr.stop();
    const ages = ring.map((g) => nowNs - g.minTime);
    expect(ring.length).toBeGreaterThan(1);
    // Every generation but the oldest is younger than MinAge; the oldest crosses it.
    expect(ages.slice(1).every((a) => a <= 2_500e6)).toBe(true);
    expect(ages[0]).toBeGreaterThan(2_500e6);
  });
});
