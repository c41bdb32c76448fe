// FlightRecorder: Go 1.25's runtime/trace.FlightRecorder over a SimulatedRuntime
// (runtime/trace/flightrecorder.go). It subscribes to the runtime's multiplexer, keeps
// whole generations in a ring (ring.ts) and writes snapshots exactly as Go does: the
// header, then every stored batch verbatim. Error messages are Go's.

import type { SimulatedRuntime } from '../runtime/index';
import { multiplexerFor, type RecorderSubscriber, type TraceSink } from './multiplexer';
import { GenerationRing, type RingChange } from './ring';

export interface FlightRecorderConfig {
  /** MaxBytes: upper bound on the ring's size; 0 or absent = 10 MiB. Takes precedence over minAge. */
  readonly maxBytes?: number;
  /**
   * MinAge in milliseconds; 0 or absent = 10 s. A negative age is allowed, as Go's
   * time.Duration is signed: every generation is then older than it, so the ring keeps
   * only the newest one (recorder.go endGeneration).
   */
  readonly minAge?: number;
}

export const DEFAULT_MAX_BYTES = 10 << 20;
export const DEFAULT_MIN_AGE_MS = 10_000;

/** The error WriteTo rejects with when a sink write fails: carries the bytes written before it. */
export class SnapshotWriteError extends Error {
  constructor(
    override readonly cause: unknown,
    readonly bytesWritten: number,
  ) {
    super(cause instanceof Error ? cause.message : String(cause));
    this.name = 'SnapshotWriteError';
  }
}

export class FlightRecorder {
  private readonly targetSize: number;
  private readonly targetPeriodNs: number;
  private isEnabled = false;
  private writing = false;
  private storage: GenerationRing | null = null;
  /** Told about every generation the recorder seals (for live views). */
  onSeal: ((change: RingChange) => void) | null = null;

  constructor(
    private readonly runtime: SimulatedRuntime,
    cfg: FlightRecorderConfig = {},
  ) {
    const maxBytes = cfg.maxBytes ?? 0;
    const minAge = cfg.minAge ?? 0;
    if (!(Number.isFinite(maxBytes) && maxBytes >= 0)) throw new RangeError(`maxBytes must be a number ≥ 0, got ${String(cfg.maxBytes)}`);
    if (!Number.isFinite(minAge)) throw new RangeError(`minAge must be a finite number of ms, got ${String(cfg.minAge)}`);
    this.targetSize = maxBytes !== 0 ? maxBytes : DEFAULT_MAX_BYTES;
    // NewFlightRecorder tests the Duration (whole ns) against 0, so an age that rounds to
    // 0 ns also means the default.
    const minAgeNs = Math.round(minAge * 1e6);
    this.targetPeriodNs = minAgeNs !== 0 ? minAgeNs : DEFAULT_MIN_AGE_MS * 1e6;
  }

  get maxBytes(): number {
    return this.targetSize;
  }

  get minAgeMs(): number {
    return this.targetPeriodNs / 1e6;
  }

  /** Starts recording. Throws if already started or another recorder is active on the runtime. */
  start(): void {
    if (this.isEnabled) throw new Error('cannot enable a enabled flight recorder');
    // The frequency comes from the runtime at Start: 1/(unitsPerSecond/1e9).
    const nsPerTick = 1.0 / (this.runtime.ticksPerSecond / 1e9);
    const storage = new GenerationRing(nsPerTick, this.targetSize, this.targetPeriodNs);
    const sub: RecorderSubscriber = {
      storage,
      sealed: (change) => this.onSeal?.(change),
    };
    this.storage = storage;
    multiplexerFor(this.runtime).subscribeFlightRecorder(sub);
    this.isEnabled = true;
  }

  /** Stops recording and drops the ring; a no-op if not started. */
  stop(): void {
    if (!this.isEnabled) return;
    this.isEnabled = false;
    try {
      multiplexerFor(this.runtime).unsubscribeFlightRecorder();
    } catch {
      // Go ignores the multiplexer's error here too.
    }
    this.storage = null;
  }

  enabled(): boolean {
    return this.isEnabled;
  }

  /** Generations in the ring now, oldest first (for views and tests). */
  ringGenerations(): readonly { gen: number; size: number; minTime: number }[] {
    return (this.storage?.ring ?? []).map((g) => ({ gen: g.gen, size: g.size, minTime: g.minTime }));
  }

  /**
   * WriteTo: ends the current generation (so everything up to now is in the ring), then
   * writes the header and the ring's generations. Resolves to the number of bytes the sink
   * received. Rejects when not enabled, or while another writeTo is in progress.
   */
  async writeTo(sink: TraceSink): Promise<number> {
    if (!this.isEnabled) throw new Error('cannot snapshot a disabled flight recorder');
    if (this.writing) throw new Error('call to WriteTo for trace.FlightRecorder already in progress');
    this.writing = true;
    let n = 0;
    try {
      this.runtime.traceAdvance();
      const storage = this.storage!;
      const gens = storage.ring;
      const header = storage.header!;
      const put = async (chunk: Uint8Array) => {
        try {
          const r = sink.write(chunk);
          if (r !== undefined) await r;
        } catch (e) {
          throw new SnapshotWriteError(e, n);
        }
        n += chunk.length;
      };
      await put(header);
      for (const g of gens) for (const b of g.batches) await put(b);
      return n;
    } finally {
      this.writing = false;
    }
  }
}
