// The trace multiplexer (runtime/trace/subscribe.go): one runtime tracer, up to two
// subscribers — a trace.Start writer and one flight recorder — at once. Tracing runs while
// at least one is subscribed. Subscribing or unsubscribing forces a generation advance and
// the reader picks up the change only at an end-of-generation signal, so every subscriber
// sees whole generations. The reader here runs synchronously inside the runtime's writes.
//
// Per format, as Go's reader goroutine does:
//   Go 1.26: the header goes to every subscriber, every chunk (EndOfGeneration included) is
//            forwarded, and a subscriber that joins at a boundary is sent the saved header.
//   Go 1.25: the EndOfGeneration signal is consumed, never forwarded (1.25 files have none).
//            Go 1.25.0's reader never sent the header to a late subscriber, which made such
//            a file unreadable; we send it, as 1.26 does, so every output is a valid trace.

import type { SimulatedRuntime } from '../runtime/index';
import { Ev } from '../trace/wire/specs';
import type { GenerationRing, RingChange } from './ring';

/** Where trace bytes go. A returned promise is not awaited by the tracer (writes are in-band). */
export interface TraceSink {
  write(chunk: Uint8Array): void | Promise<void>;
}

/** A flight recorder as the multiplexer sees it. */
export interface RecorderSubscriber {
  readonly storage: GenerationRing;
  sealed(change: RingChange): void;
}

/** Called for every generation the reader sees end, whoever is subscribed. */
export interface GenerationStats {
  readonly gen: number;
  readonly bytes: number;
  readonly batches: number;
  /** Earliest and latest batch base time, ticks. */
  readonly minTicks: number;
  readonly maxTicks: number;
}

export type GenerationObserver = (g: GenerationStats) => void;

const muxes = new WeakMap<SimulatedRuntime, TraceMultiplexer>();

export function multiplexerFor(rt: SimulatedRuntime): TraceMultiplexer {
  let m = muxes.get(rt);
  if (m === undefined) {
    m = new TraceMultiplexer(rt);
    muxes.set(rt, m);
  }
  return m;
}

export class TraceMultiplexer {
  private subscribers = 0;
  private enabled = false;
  private traceStartWriter: TraceSink | null = null;
  private flightRecorder: RecorderSubscriber | null = null;
  readonly observers = new Set<GenerationObserver>();

  constructor(private readonly rt: SimulatedRuntime) {}

  get hasTraceWriter(): boolean {
    return this.traceStartWriter !== null;
  }

  get hasFlightRecorder(): boolean {
    return this.flightRecorder !== null;
  }

  subscribeFlightRecorder(r: RecorderSubscriber): void {
    if (this.flightRecorder !== null) throw new Error('flight recorder already enabled');
    this.flightRecorder = r;
    try {
      this.addedSubscriber();
    } catch (e) {
      this.flightRecorder = null;
      throw e;
    }
  }

  unsubscribeFlightRecorder(): void {
    this.removingSubscriber();
    if (this.flightRecorder === null) throw new Error('attempt to unsubscribe missing flight recorder');
    this.flightRecorder = null;
    this.removedSubscriber();
  }

  subscribeTraceStartWriter(w: TraceSink): void {
    if (this.traceStartWriter !== null) throw new Error('execution tracer already enabled');
    this.traceStartWriter = w;
    try {
      this.addedSubscriber();
    } catch (e) {
      this.traceStartWriter = null;
      throw e;
    }
  }

  unsubscribeTraceStartWriter(): void {
    this.removingSubscriber();
    if (this.traceStartWriter === null) return;
    this.traceStartWriter = null;
    this.removedSubscriber();
  }

  private addedSubscriber(): void {
    // Already tracing: the reader picks up the new subscriber at the end of this generation.
    if (this.enabled) this.rt.traceAdvance();
    else this.startLocked();
    this.subscribers++;
  }

  private removingSubscriber(): void {
    if (this.subscribers === 0) return;
    this.subscribers--;
    if (this.subscribers === 0) {
      this.rt.stopTrace();
      this.enabled = false;
    } else {
      this.rt.traceAdvance();
    }
  }

  private removedSubscriber(): void {
    if (this.subscribers > 0) this.rt.traceAdvance();
  }

  private startLocked(): void {
    // The reader's own view of the subscribers, refreshed only at an end of generation.
    let fr = this.flightRecorder;
    let tw = this.traceStartWriter;
    let header: Uint8Array | null = null;
    const v126 = this.rt.format === 26;
    let bytes = 0;
    let batches = 0;
    let minT = Infinity;
    let maxT = 0;
    let gen = 0;
    const reader = {
      chunk: (data: Uint8Array) => {
        if (header === null) {
          header = data;
          tw?.write(data);
          fr?.storage.write(data);
          return;
        }
        const eog = data.length === 1 && data[0] === Ev.EndOfGeneration;
        if (!eog || v126) {
          tw?.write(eog ? new Uint8Array([Ev.EndOfGeneration]) : data);
          fr?.storage.write(eog ? new Uint8Array([Ev.EndOfGeneration]) : data);
        }
        if (!eog) {
          bytes += data.length;
          batches++;
          const h = batchHead(data);
          gen = h.gen;
          if (h.time < minT) minT = h.time;
          if (h.time > maxT) maxT = h.time;
          return;
        }
        if (v126) bytes += 1;
        if (fr !== null) fr.sealed(fr.storage.endGeneration(this.nowNsForRecorder(fr)));
        const stats: GenerationStats = { gen, bytes, batches, minTicks: minT === Infinity ? 0 : minT, maxTicks: maxT };
        bytes = 0;
        batches = 0;
        minT = Infinity;
        maxT = 0;
        for (const o of this.observers) o(stats);
        const frIsNew = this.flightRecorder !== fr && this.flightRecorder !== null;
        const twIsNew = this.traceStartWriter !== tw && this.traceStartWriter !== null;
        fr = this.flightRecorder;
        tw = this.traceStartWriter;
        if (twIsNew) tw!.write(header);
        if (frIsNew) fr!.storage.write(header);
      },
    };
    const err = this.rt.startTrace(reader);
    if (err !== null) throw new Error(err);
    this.enabled = true;
  }

  private nowNsForRecorder(fr: RecorderSubscriber): number {
    return Math.trunc(this.rt.nowTicks() * fr.storage.nsPerTick);
  }
}

/** Generation and base time of a whole batch (cheap; the runtime's own batches are well formed). */
function batchHead(b: Uint8Array): { gen: number; time: number } {
  let pos = 1;
  const next = (): number => {
    let v = 0;
    let mul = 1;
    for (;;) {
      const c = b[pos++];
      v += (c & 0x7f) * mul;
      if (c < 0x80) return v;
      mul *= 128;
    }
  };
  const gen = next();
  next();
  return { gen, time: next() };
}
