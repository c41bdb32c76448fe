// The tracer's event writer: how one event goes into an M's batch, as runtime/traceevent.go
// and tracebuf.go write it (type byte, time delta never below 1, uvarint arguments, room
// for the worst case made first by flushing the batch), and eventWriter's lazy statuses:
// before an M's first event in a generation, the status of its P and G, so that every
// generation describes itself and Go's parser can start reading at any of them. Per-G and
// per-P sequence numbers restart after each status, as in Go. The generation bookkeeping
// (trace-generations.ts) and the traceLocker methods (tracer.ts) build on this.

import { Ev } from '../trace/wire/specs';
import { BatchBuf, BYTES_PER_NUMBER, putUvarint, type ChunkSink, type WriteStats } from './batch-writer';
import { TRACE_TIME_DIV, type TraceTime } from './clock';
import type { G, M, P } from './model';
import { StackTable, StringTable } from './tables';

export type TraceFormat = 25 | 26;

/** What the tracer reads from the world at a generation boundary. */
export interface TracedWorld {
  readonly gs: readonly G[];
  readonly ps: readonly P[];
  readonly ms: readonly M[];
}

/** The reader side: receives ReadTrace's chunks (header, whole batches, EOG signal). */
export interface TraceReaderSink {
  chunk(data: Uint8Array): void;
}

/** Where the simulated time is read from (the scheduler), ns since the origin. */
export interface SimClock {
  readonly now: number;
}

/** Writes one event argument as a uvarint at p; returns the new position. */
function arg(a: Uint8Array, p: number, v: number): number {
  if (v < 0x80 && v >= 0) {
    a[p] = v;
    return p + 1;
  }
  if (v < 0x4000 && v >= 0) {
    a[p] = (v & 0x7f) | 0x80;
    a[p + 1] = v >>> 7;
    return p + 2;
  }
  return putUvarint(a, p, v);
}

export abstract class TraceEventWriter {
  /** Generation being written; 0 while tracing is off. */
  gen = 0;
  protected reader: TraceReaderSink | null = null;
  protected readonly strings: StringTable;
  protected readonly stacks: StackTable;
  readonly stats: WriteStats = { bytes: 0, batches: 0, events: 0 };
  protected readonly out: ChunkSink;
  protected readonly monoBaseNs: number;
  /** Set by the runtime once its scheduler exists. */
  clock: SimClock = { now: 0 };

  constructor(
    readonly format: TraceFormat,
    protected readonly world: TracedWorld,
    protected readonly time: TraceTime,
  ) {
    this.monoBaseNs = time.monoBaseNs;
    const ticks = () => this.ticks();
    this.out = (b) => {
      this.stats.bytes += b.length;
      this.stats.batches++;
      this.reader?.chunk(b);
    };
    this.strings = new StringTable(this.out, ticks);
    this.stacks = new StackTable(this.out, ticks);
  }

  private tickNs = -1;
  private tickVal = 0;

  /**
   * traceClockNow() (TraceTime.ticks, inlined: it runs once per event). Several events
   * usually share one instant (a wake-up, the start and the task it begins), so the last
   * conversion is kept.
   */
  ticks(): number {
    const now = this.clock.now;
    if (now !== this.tickNs) {
      this.tickNs = now;
      this.tickVal = Math.floor((this.monoBaseNs + Math.floor(now)) / TRACE_TIME_DIV);
    }
    return this.tickVal;
  }

  get enabled(): boolean {
    return this.gen !== 0;
  }

  // ---- writing ----

  /**
   * Starts one event in buf: makes room for the worst case of nargs arguments (flushing a
   * full batch), writes the type byte and the time delta, and returns the write position.
   * The arguments follow through arg(); end() stores the position. Nothing here allocates.
   */
  protected ev(buf: BatchBuf, type: number, nargs: number): number {
    const ts = this.ticks();
    if (!buf.open || buf.limit - buf.pos < 1 + (nargs + 1) * BYTES_PER_NUMBER) {
      if (buf.open) this.out(buf.finish());
      buf.begin(this.gen, ts);
    }
    // tracebuf.go: a timestamp never equal to or before the batch's last one.
    let d = ts - buf.lastTime;
    if (d <= 0) {
      d = 1;
      buf.lastTime++;
    } else {
      buf.lastTime = ts;
    }
    const a = buf.arr;
    let p = buf.pos;
    a[p++] = type;
    p = arg(a, p, d);
    buf.events++;
    this.stats.events++;
    return p;
  }

  protected put0(buf: BatchBuf, type: number): void {
    buf.pos = this.ev(buf, type, 0);
  }

  // Each reads buf.arr only after ev(): a flush there may have moved the batch to a new block.

  protected put1(buf: BatchBuf, type: number, a0: number): void {
    const p = this.ev(buf, type, 1);
    buf.pos = arg(buf.arr, p, a0);
  }

  protected put2(buf: BatchBuf, type: number, a0: number, a1: number): void {
    const p = this.ev(buf, type, 2);
    const a = buf.arr;
    buf.pos = arg(a, arg(a, p, a0), a1);
  }

  protected put3(buf: BatchBuf, type: number, a0: number, a1: number, a2: number): void {
    const p = this.ev(buf, type, 3);
    const a = buf.arr;
    buf.pos = arg(a, arg(a, arg(a, p, a0), a1), a2);
  }

  protected put4(buf: BatchBuf, type: number, a0: number, a1: number, a2: number, a3: number): void {
    const p = this.ev(buf, type, 4);
    const a = buf.arr;
    buf.pos = arg(a, arg(a, arg(a, arg(a, p, a0), a1), a2), a3);
  }

  protected writeGoStatus(buf: BatchBuf, goid: number, mid: number, status: number, markAssist: boolean, stack: number): void {
    if (stack === 0) this.put3(buf, Ev.GoStatus, goid, mid, status);
    else this.put4(buf, Ev.GoStatusStack, goid, mid, status, stack);
    if (markAssist) this.put1(buf, Ev.GCMarkAssistActive, goid);
  }

  protected writeProcStatus(buf: BatchBuf, pid: number, status: number, inSweep: boolean): void {
    this.put2(buf, Ev.ProcStatus, pid, status);
    if (inSweep) this.put1(buf, Ev.GCSweepActive, pid);
  }

  /** eventWriter: the M's P and G statuses first if not yet traced in this generation. */
  protected ew(m: M, goStatus: number, procStatus: number): BatchBuf {
    const gen = this.gen;
    const p = m.p;
    if (p !== null && p.statusGen !== gen) {
      p.statusGen = gen;
      p.seq = 0;
      this.writeProcStatus(m.buf, p.id, procStatus, p.inSweep);
    }
    const g = m.curg;
    if (g !== null && g.statusGen !== gen) {
      g.statusGen = gen;
      g.seq = 0;
      this.writeGoStatus(m.buf, g.id, m.id, goStatus, g.inMarkAssist, 0);
    }
    return m.buf;
  }

  protected nextSeqG(g: G): number {
    return ++g.seq;
  }

  protected nextSeqP(p: P): number {
    return ++p.seq;
  }

  stack(site: number): number {
    if (this.gen === 0) return 0;
    return this.stacks.put(this.gen, site);
  }

  string(s: string): number {
    if (this.gen === 0) return 0;
    return this.strings.put(this.gen, s);
  }

  /** A persistent handle for a string the program uses often (for the *Ref methods). */
  stringRef(s: string): number {
    return this.strings.ref(s);
  }

  protected sref(r: number): number {
    return this.strings.putRef(this.gen, r);
  }
}
