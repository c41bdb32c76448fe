// The simulated runtime's clock. Go's tracer stamps events with nanotime()/64 on most
// platforms (runtime/tracetime.go: traceTimeDiv = 64, so the frequency is 15,625,000
// ticks per second). Simulated time is a plain number of nanoseconds since the runtime's
// origin; the trace sees it shifted by a host "uptime" so timestamps look like a real
// monotonic clock. Tests drive the clock by hand; the worker moves it at real speed or
// faster. Nothing here reads a real clock.

/** runtime/tracetime.go traceTimeDiv on platforms with a high-resolution clock. */
export const TRACE_TIME_DIV = 64;
/** traceClockUnitsPerSecond(): uint64(1.0 / float64(64) * 1e9). */
export const TICKS_PER_SECOND = 15_625_000;
/** Wall clock at the origin (Unix ns): 2025-08-12T12:00:00Z. */
export const WALL_ORIGIN_NS = 1_755_000_000_000_000_000n;
/** Default host uptime at the origin: ~2.8 hours of monotonic time. */
export const DEFAULT_MONO_BASE_NS = 10_000_000_000_000;

/** A clock that only moves when told to. */
export class ManualClock {
  private ns = 0;

  /** Nanoseconds since the origin. */
  now(): number {
    return this.ns;
  }

  /** Moves to t (never backwards). */
  set(t: number): void {
    if (!(t >= this.ns)) throw new RangeError(`clock cannot go back from ${this.ns} to ${t}`);
    this.ns = t;
  }

  advance(d: number): void {
    this.set(this.ns + d);
  }
}

/** Converts simulated ns to the trace's ticks and clock snapshot fields. */
export class TraceTime {
  constructor(readonly monoBaseNs = DEFAULT_MONO_BASE_NS) {
    if (!Number.isSafeInteger(monoBaseNs) || monoBaseNs < 0) throw new RangeError('bad monotonic base');
  }

  /** traceClockNow(): monotonic ns / 64, truncated. */
  ticks(ns: number): number {
    return Math.floor((this.monoBaseNs + Math.floor(ns)) / TRACE_TIME_DIV);
  }

  /** The monotonic ns the runtime reports in a ClockSnapshot. */
  mono(ns: number): number {
    return this.monoBaseNs + Math.floor(ns);
  }

  /** Wall time as (sec, nsec) for a ClockSnapshot. */
  wall(ns: number): { sec: number; nsec: number } {
    const w = WALL_ORIGIN_NS + BigInt(Math.floor(ns));
    return { sec: Number(w / 1_000_000_000n), nsec: Number(w % 1_000_000_000n) };
  }
}
