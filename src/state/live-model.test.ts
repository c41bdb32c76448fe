import { describe, expect, it } from 'vitest';
import type { RuntimeEvent, RuntimeStatus } from '../worker/protocol';
import { applyEvent, applyStatus, extrapolateNow, openGenerationBytes, pushBounded, speedReached } from './live-model';
import { initialLive, LIVE_RATES, type LiveState } from './store';

const status = (over: Partial<RuntimeStatus> = {}): RuntimeStatus => ({
  running: true,
  workload: 'busy',
  seed: 1,
  go: '1.26',
  speed: 1,
  params: { procs: 4, goroutines: 50, load: 1, periodMs: 1000 },
  recording: false,
  maxBytes: 0,
  minAgeMs: 0,
  fullTracing: false,
  nowNs: 0,
  currentGen: 1,
  ...over,
});

/** Folds a script of events over the live state, as live-actions does with the store. */
function run(events: RuntimeEvent[], from: LiveState = initialLive): LiveState {
  let s = from;
  let wall = 0;
  for (const ev of events) s = { ...s, ...applyEvent(s, ev, (wall += 1000)) };
  return s;
}

const sealed = (gen: number, bytes: number, recording = true): RuntimeEvent => ({
  kind: 'sealed',
  gen,
  bytes,
  batches: 3,
  startNs: (gen - 1) * 1e9,
  endNs: gen * 1e9,
  recording,
});

describe('live model', () => {
  it('follows seals, the ring and evictions with their cause, in either order', () => {
    const s = run([
      { kind: 'status', status: status({ recording: true, maxBytes: 2048, minAgeMs: 500 }) },
      sealed(1, 1000),
      { kind: 'ring', gens: [1], bytes: 1000, startNs: 0, endNs: 1e9 },
      sealed(2, 1500),
      { kind: 'evicted', gens: [1], count: 1, bytes: 1000, cause: 'max-bytes' },
      { kind: 'ring', gens: [2], bytes: 1500, startNs: 1e9, endNs: 2e9 },
      sealed(3, 100),
      { kind: 'ring', gens: [2, 3], bytes: 1600, startNs: 1e9, endNs: 3e9 },
      sealed(4, 100),
      { kind: 'ring', gens: [3, 4], bytes: 200, startNs: 2e9, endNs: 4e9 },
      { kind: 'evicted', gens: [2], count: 1, bytes: 1500, cause: 'min-age' },
    ]);
    expect(s.history.map((g) => [g.gen, g.inRing, g.evicted, g.cause ?? null])).toEqual([
      [1, false, true, 'max-bytes'],
      [2, false, true, 'min-age'],
      [3, true, false, null],
      [4, true, false, null],
    ]);
    expect(s.limits).toEqual({ maxBytes: 2048, minAgeMs: 500 });
    expect(s.evictedTotal).toBe(2);
    expect(s.evictions.map((e) => e.cause)).toEqual(['max-bytes', 'min-age']);
    expect(s.ringBytes).toBe(200);
    expect(s.currentGen).toBe(5);
    expect(s.nowNs).toBe(4e9);
  });

  it("takes Go's defaults for limits the status leaves at 0", () => {
    const s = run([{ kind: 'status', status: status({ recording: true }) }]);
    expect(s.limits).toEqual({ maxBytes: 10 << 20, minAgeMs: 10_000 });
  });

  it('drops the ring when the recorder stops, keeping the generations as dropped', () => {
    let s = run([
      { kind: 'status', status: status({ recording: true }) },
      sealed(1, 10),
      sealed(2, 10),
      { kind: 'ring', gens: [1, 2], bytes: 20, startNs: 0, endNs: 2e9 },
    ]);
    s = { ...s, ...applyStatus(s, status({ recording: false, nowNs: 2.5e9 }), 5000) };
    expect(s.history.map((g) => [g.inRing, g.evicted, g.cause])).toEqual([
      [false, true, 'stopped'],
      [false, true, 'stopped'],
    ]);
    expect(s.limits).toBeNull();
    expect(s.ringBytes).toBe(0);
  });

  it('starts a fresh timeline when the runtime restarts its clock', () => {
    let s = run([sealed(1, 10, false), sealed(2, 10, false), sealed(3, 10, false)]);
    expect(s.history).toHaveLength(3);
    s = { ...s, ...applyStatus(s, status({ nowNs: 0 }), 9000) };
    expect(s.history).toHaveLength(0);
    expect(s.run).toBe(1);
    // A seal from an earlier point in time than the last one also means a new run.
    const t = run([sealed(5, 10, false), sealed(1, 7, false)]);
    expect(t.history.map((g) => g.gen)).toEqual([1]);
    expect(t.history[0].bytes).toBe(7);
  });

  it('keeps throughput samples bounded and estimates the open generation size', () => {
    let s: LiveState = { ...initialLive, running: true };
    for (let i = 1; i <= LIVE_RATES + 5; i++) {
      s = {
        ...s,
        ...applyEvent(s, { kind: 'throughput', bytesPerSec: i, eventsPerSec: 10 * i, traceNsPerSec: 1e9, totalBytes: 100 * i, nowNs: i * 1e9 }, i * 1000),
      };
    }
    expect(s.rates).toHaveLength(LIVE_RATES);
    expect(s.rates[0].bytesPerSec).toBe(6);
    expect(s.nowNs).toBe((LIVE_RATES + 5) * 1e9);
    // 1e9 ns of simulated time per second and LIVE_RATES + 5 bytes per second: that many
    // bytes per simulated second since the last seal.
    const history = [{ gen: 1, bytes: 1, batches: 1, startNs: 0, endNs: 2e9, inRing: false, evicted: false }];
    expect(openGenerationBytes({ rates: s.rates, history }, 4e9)).toBe(2 * (LIVE_RATES + 5));
    expect(openGenerationBytes({ rates: s.rates, history }, 1e9)).toBe(0);
    expect(openGenerationBytes({ rates: [], history }, 4e9)).toBeNull();
  });

  it('starts the open generation from the bytes the worker reported, and grows it at the measured rate', () => {
    const sample = (nowNs: number, openBytes: number | null) => ({
      bytesPerSec: 2000,
      eventsPerSec: 1,
      traceNsPerSec: 1e9,
      totalBytes: 0,
      nowNs,
      speed: 1,
      openBytes,
    });
    const history = [{ gen: 1, bytes: 1, batches: 1, startNs: 0, endNs: 2e9, inRing: false, evicted: false }];
    // Reported 500 bytes at 3 s, growing by 2000 bytes per simulated second.
    expect(openGenerationBytes({ rates: [sample(3e9, 500)], history }, 3.5e9)).toBe(1500);
    expect(openGenerationBytes({ rates: [sample(3e9, 500)], history }, 3e9)).toBe(500);
    // A seal after the sample: the open generation began at that seal.
    const later = [...history, { gen: 2, bytes: 1, batches: 1, startNs: 2e9, endNs: 4e9, inRing: false, evicted: false }];
    expect(openGenerationBytes({ rates: [sample(3e9, 500)], history: later }, 4.5e9)).toBe(1000);
    // An older worker reports no open bytes: the rate alone.
    expect(openGenerationBytes({ rates: [sample(3e9, null)], history }, 3e9)).toBe(2000);
  });

  it('measures the speed reached at the speed asked, and warns only after repeated shortfalls', () => {
    const at = (traceNsPerSec: number, speed: number) => ({
      bytesPerSec: 1,
      eventsPerSec: 1,
      traceNsPerSec,
      totalBytes: 0,
      nowNs: 0,
      speed,
      openBytes: null,
    });
    const live = { running: true, speed: 8, rates: [at(7.9e9, 8)] };
    expect(speedReached(live)).toEqual({ reached: 7.9, asked: 8, behind: false });
    expect(speedReached({ ...live, rates: [at(1.2e9, 8)] })!.behind).toBe(false);
    expect(speedReached({ ...live, rates: [at(1.2e9, 8), at(1.3e9, 8)] })).toEqual({ reached: 1.3, asked: 8, behind: true });
    // Samples taken at another speed do not count for this one.
    expect(speedReached({ ...live, rates: [at(1.2e9, 4), at(1.3e9, 4)] })).toBeNull();
    expect(speedReached({ ...live, rates: [at(1.2e9, 8), at(7.5e9, 8)] })!.behind).toBe(false);
    expect(speedReached({ ...live, running: false })).toBeNull();
  });

  it('extrapolates now between messages, but not past a stalled worker', () => {
    const clock = { nowNs: 5e9, wallMs: 1000, traceNsPerSec: 2e9 };
    expect(extrapolateNow(clock, 5e9, 1500)).toBe(6e9);
    expect(extrapolateNow(clock, 5e9, 60_000)).toBe(5e9 + 1.5 * 2e9);
    expect(extrapolateNow(clock, 5e9, 500)).toBe(5e9);
    expect(extrapolateNow({ ...clock, traceNsPerSec: 0 }, 5e9, 3000)).toBe(5e9);
    expect(extrapolateNow(null, 7, 3000)).toBe(7);
  });

  it('shows worker faults as errors, each one new', () => {
    const a = applyEvent(initialLive, { kind: 'fault', message: 'boom' }, 0).error!;
    const b = applyEvent(initialLive, { kind: 'fault', message: 'boom' }, 0).error!;
    expect(a.message).toBe('boom');
    expect(b.seq).toBeGreaterThan(a.seq);
  });

  it('bounds any list', () => {
    expect(pushBounded([1, 2, 3], 4, 3)).toEqual([2, 3, 4]);
    expect(pushBounded([], 1, 3)).toEqual([1]);
  });
});
