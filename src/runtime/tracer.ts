// The runtime tracer: the traceLocker methods of runtime/traceruntime.go over the
// simulated Ms, Ps and Gs. Every event goes through eventWriter, which first writes the
// status of the M's P and G if they were not yet traced in this generation (lazy status,
// as Go does), so each generation is self-describing and Go's parser can start reading at
// any generation. Sequence numbers follow Go's rules: per G and per P they restart in
// each generation (nextSeq after the status), the GC sequence is global from StartTrace.

import { Ev, GoStatus, ProcStatus } from '../trace/wire/specs';
import { BatchBuf, BYTES_PER_NUMBER, NONE, putUvarint, type ChunkSink, type WriteStats } from './batch-writer';
import { TICKS_PER_SECOND, TRACE_TIME_DIV, type TraceTime } from './clock';
import { BLOCK_REASONS, MARK_WORKER_LABELS, STOP_REASONS } from './frames';
import { GS, PS, type G, type M, type P } from './model';
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

const EOG = new Uint8Array([Ev.EndOfGeneration]);

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

export class Tracer {
  /** Generation being written; 0 while tracing is off. */
  gen = 0;
  private lastNonZeroGen = 0;
  private seqGC = 1;
  private reader: TraceReaderSink | null = null;
  private readonly strings: StringTable;
  private readonly stacks: StackTable;
  private readonly statusBuf = new BatchBuf(NONE);
  private readonly syncBuf = new BatchBuf(NONE);
  /** CPU profile samples of this generation (runtime/tracecpu.go trace.cpuBuf). */
  private readonly cpuBuf = new BatchBuf(NONE);
  /** Trace clock at the start of the generation (no sample is dated before it). */
  private genStartTicks = 0;
  private blockIds = new Int32Array(BLOCK_REASONS.length);
  private stopIds = new Int32Array(STOP_REASONS.length);
  private labelIds = new Int32Array(MARK_WORKER_LABELS.length);
  readonly stats: WriteStats = { bytes: 0, batches: 0, events: 0 };
  private readonly out: ChunkSink;
  private readonly monoBaseNs: number;
  /** Set by the runtime once its scheduler exists. */
  clock: SimClock = { now: 0 };

  constructor(
    readonly format: TraceFormat,
    private readonly world: TracedWorld,
    private readonly time: TraceTime,
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

  // ---- start, advance, stop (runtime/trace.go) ----

  /** runtime.StartTrace: the header goes out first, then the first generation begins. */
  start(reader: TraceReaderSink): string | null {
    if (this.gen !== 0) return 'tracing is already enabled';
    this.reader = reader;
    this.seqGC = 1;
    reader.chunk(new TextEncoder().encode(`go 1.${this.format} trace\0\0\0`));
    this.beginGen(this.lastNonZeroGen + 1);
    return null;
  }

  /**
   * traceAdvance: ends the current generation (statuses of everything not yet traced in it,
   * every buffer flushed, stack and string tables dumped, then the end-of-generation signal)
   * and, unless stopping, begins the next one with its sync batch.
   */
  advance(stop: boolean): void {
    const gen = this.gen;
    if (gen === 0) return;
    // Goroutines whose status was not traced this generation (forEachGRace in traceAdvance).
    const untraced: G[] = [];
    for (const g of this.world.gs) if (g.status !== GS.Dead && g.statusGen !== gen) untraced.push(g);
    // Procs not traced this generation (forEachP): running ones on their own M.
    for (const p of this.world.ps) {
      if (p.statusGen === gen) continue;
      p.statusGen = gen;
      const onM = p.m !== null && p.status !== PS.Idle;
      this.writeProcStatus(onM ? p.m!.buf : this.statusBuf, p.id, p.status as number, p.inSweep);
    }
    // Goroutines on an M (running, or in a syscall) get their status on that M's batch, so
    // the parser sees the M's goroutine before anything else names that M; the rest go
    // to the runtime's own status batch, as traceAdvance's statusWriter does.
    for (const g of untraced) {
      g.statusGen = gen;
      const onM = g.m !== null && (g.status === GS.Running || g.status === GS.Syscall);
      const stack = g.status === GS.Waiting && g.blockSite >= 0 ? this.stacks.put(gen, g.blockSite) : 0;
      this.writeGoStatus(onM ? g.m!.buf : this.statusBuf, g.id, onM ? g.m!.id : NONE, g.status as number, g.inMarkAssist, stack);
    }
    for (const m of this.world.ms) if (m.buf.open) this.out(m.buf.finish());
    if (this.statusBuf.open) this.out(this.statusBuf.finish());
    // traceCPUFlush comes before the stack table is dumped: samples add stacks.
    if (this.cpuBuf.open) this.out(this.cpuBuf.finish());
    this.stacks.dump(gen, this.strings);
    this.strings.reset();
    this.reader?.chunk(EOG);
    if (stop) {
      this.lastNonZeroGen = gen;
      this.gen = 0;
      this.reader = null;
      return;
    }
    this.beginGen(gen + 1);
  }

  private beginGen(gen: number): void {
    this.gen = gen;
    this.genStartTicks = this.ticks();
    // traceRegisterLabelsAndReasons: these strings lead every generation's string table.
    for (let i = 0; i < MARK_WORKER_LABELS.length; i++) this.labelIds[i] = this.strings.put(gen, MARK_WORKER_LABELS[i]);
    for (let i = 0; i < BLOCK_REASONS.length; i++) this.blockIds[i] = this.strings.put(gen, BLOCK_REASONS[i]);
    for (let i = 0; i < STOP_REASONS.length; i++) this.stopIds[i] = this.strings.put(gen, STOP_REASONS[i]);
    this.syncBatch(gen);
  }

  /** traceSyncBatch (Go 1.25+): Sync, Frequency, ClockSnapshot, flushed at once. */
  private syncBatch(gen: number): void {
    const b = this.syncBuf;
    b.begin(gen, this.ticks());
    const a = b.arr;
    let p = b.pos;
    a[p++] = Ev.Sync;
    a[p++] = Ev.Frequency;
    p = putUvarint(a, p, TICKS_PER_SECOND);
    const dt = b.delta(this.ticks());
    const now = this.clock.now;
    const wall = this.time.wall(now);
    a[p++] = Ev.ClockSnapshot;
    p = putUvarint(a, p, dt);
    p = putUvarint(a, p, this.time.mono(now));
    p = putUvarint(a, p, wall.sec);
    p = putUvarint(a, p, wall.nsec);
    b.pos = p;
    this.out(b.finish());
  }

  // ---- writing ----

  /**
   * Starts one event in buf: makes room for the worst case of nargs arguments (flushing a
   * full batch), writes the type byte and the time delta, and returns the write position.
   * The arguments follow through arg(); end() stores the position. Nothing here allocates.
   */
  private ev(buf: BatchBuf, type: number, nargs: number): number {
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

  private put0(buf: BatchBuf, type: number): void {
    buf.pos = this.ev(buf, type, 0);
  }

  // Each reads buf.arr only after ev(): a flush there may have moved the batch to a new block.

  private put1(buf: BatchBuf, type: number, a0: number): void {
    const p = this.ev(buf, type, 1);
    buf.pos = arg(buf.arr, p, a0);
  }

  private put2(buf: BatchBuf, type: number, a0: number, a1: number): void {
    const p = this.ev(buf, type, 2);
    const a = buf.arr;
    buf.pos = arg(a, arg(a, p, a0), a1);
  }

  private put3(buf: BatchBuf, type: number, a0: number, a1: number, a2: number): void {
    const p = this.ev(buf, type, 3);
    const a = buf.arr;
    buf.pos = arg(a, arg(a, arg(a, p, a0), a1), a2);
  }

  private put4(buf: BatchBuf, type: number, a0: number, a1: number, a2: number, a3: number): void {
    const p = this.ev(buf, type, 4);
    const a = buf.arr;
    buf.pos = arg(a, arg(a, arg(a, arg(a, p, a0), a1), a2), a3);
  }

  private writeGoStatus(buf: BatchBuf, goid: number, mid: number, status: number, markAssist: boolean, stack: number): void {
    if (stack === 0) this.put3(buf, Ev.GoStatus, goid, mid, status);
    else this.put4(buf, Ev.GoStatusStack, goid, mid, status, stack);
    if (markAssist) this.put1(buf, Ev.GCMarkAssistActive, goid);
  }

  private writeProcStatus(buf: BatchBuf, pid: number, status: number, inSweep: boolean): void {
    this.put2(buf, Ev.ProcStatus, pid, status);
    if (inSweep) this.put1(buf, Ev.GCSweepActive, pid);
  }

  /** eventWriter: the M's P and G statuses first if not yet traced in this generation. */
  private ew(m: M, goStatus: number, procStatus: number): BatchBuf {
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

  private nextSeqG(g: G): number {
    return ++g.seq;
  }

  private nextSeqP(p: P): number {
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

  private sref(r: number): number {
    return this.strings.putRef(this.gen, r);
  }

  /**
   * A CPU profile sample (runtime/tracecpu.go traceReadCPU): the profiler's record of where
   * thread m, on P p, running goroutine g, was at simulated time ns. Samples go to their own
   * batches (M = NoThread, led by an EvCPUSamples byte) with absolute timestamps; Go's
   * parser merges them into the event stream by time.
   */
  cpuSample(ns: number, m: number, p: number, g: number, site: number): void {
    if (this.gen === 0) return;
    const b = this.cpuBuf;
    if (!b.open || !b.available(2 + 5 * BYTES_PER_NUMBER)) {
      if (b.open) this.out(b.finish());
      b.begin(this.gen, this.ticks());
      b.arr[b.pos++] = Ev.CPUSamples;
    }
    let ts = Math.floor((this.monoBaseNs + Math.floor(ns)) / TRACE_TIME_DIV);
    if (ts < this.genStartTicks) ts = this.genStartTicks;
    const stack = this.stack(site);
    const a = b.arr;
    let q = b.pos;
    a[q++] = Ev.CPUSample;
    q = putUvarint(a, q, ts);
    q = putUvarint(a, q, m);
    q = putUvarint(a, q, p);
    q = putUvarint(a, q, g);
    b.pos = putUvarint(a, q, stack);
    this.stats.events++;
  }

  // ---- the traceLocker methods (runtime/traceruntime.go) ----
  // Each is a no-op while tracing is off, as traceAcquire returns a locker that is not ok.

  procsChange(m: M, procs: number, site: number): void {
    if (this.gen === 0) return;
    this.put2(this.ew(m, GoStatus.Running, ProcStatus.Running), Ev.ProcsChange, procs, this.stack(site));
  }

  procStart(m: M): void {
    if (this.gen === 0) return;
    const p = m.p!;
    const b = this.ew(m, GoStatus.Syscall, ProcStatus.Idle);
    this.put2(b, Ev.ProcStart, p.id, this.nextSeqP(p));
  }

  procStop(m: M): void {
    if (this.gen === 0) return;
    this.put0(this.ew(m, GoStatus.Syscall, ProcStatus.Running), Ev.ProcStop);
  }

  /** m (sysmon, no P) takes p from the thread that left it in a syscall. */
  procSteal(m: M, p: P, stolenFrom: number): void {
    if (this.gen === 0) return;
    if (p.statusGen !== this.gen) {
      p.statusGen = this.gen;
      p.seq = 0;
      this.writeProcStatus(m.buf, p.id, ProcStatus.SyscallAbandoned, p.inSweep);
    }
    const b = this.ew(m, GoStatus.Running, ProcStatus.Running);
    this.put3(b, Ev.ProcSteal, p.id, this.nextSeqP(p), stolenFrom);
  }

  goCreate(m: M, newg: G, startSite: number, site: number, blocked = false): void {
    if (this.gen === 0) return;
    newg.statusGen = this.gen;
    newg.seq = 0;
    const b = this.ew(m, GoStatus.Running, ProcStatus.Running);
    this.put3(b, blocked ? Ev.GoCreateBlocked : Ev.GoCreate, newg.id, this.stack(startSite), this.stack(site));
  }

  /** m.curg is the goroutine just started. */
  goStart(m: M, label = -1): void {
    if (this.gen === 0) return;
    const g = m.curg!;
    const b = this.ew(m, GoStatus.Runnable, ProcStatus.Running);
    this.put2(b, Ev.GoStart, g.id, this.nextSeqG(g));
    if (label >= 0) this.put1(b, Ev.GoLabel, this.labelIds[label]);
  }

  goDestroy(m: M): void {
    if (this.gen === 0) return;
    this.put0(this.ew(m, GoStatus.Running, ProcStatus.Running), Ev.GoDestroy);
  }

  goStop(m: M, reason: number, site: number): void {
    if (this.gen === 0) return;
    this.put2(this.ew(m, GoStatus.Running, ProcStatus.Running), Ev.GoStop, this.stopIds[reason], this.stack(site));
  }

  goBlock(m: M, reason: number, site: number): void {
    if (this.gen === 0) return;
    this.put2(this.ew(m, GoStatus.Running, ProcStatus.Running), Ev.GoBlock, this.blockIds[reason], site < 0 ? 0 : this.stack(site));
  }

  goUnblock(m: M, g: G, site: number): void {
    if (this.gen === 0) return;
    if (g.statusGen !== this.gen) {
      // emitUnblockStatus: a goroutine first seen being woken was waiting.
      g.statusGen = this.gen;
      g.seq = 0;
      this.writeGoStatus(m.buf, g.id, NONE, GoStatus.Waiting, g.inMarkAssist, 0);
    }
    const b = this.ew(m, GoStatus.Running, ProcStatus.Running);
    this.put3(b, Ev.GoUnblock, g.id, this.nextSeqG(g), site < 0 ? 0 : this.stack(site));
  }

  goSyscallBegin(m: M, site: number): void {
    if (this.gen === 0) return;
    const p = m.p!;
    const b = this.ew(m, GoStatus.Running, ProcStatus.Running);
    this.put2(b, Ev.GoSyscallBegin, this.nextSeqP(p), this.stack(site));
  }

  goSyscallEnd(m: M): void {
    if (this.gen === 0) return;
    this.put0(this.ew(m, GoStatus.Syscall, ProcStatus.Syscall), Ev.GoSyscallEnd);
  }

  goSyscallEndBlocked(m: M): void {
    if (this.gen === 0) return;
    this.put0(this.ew(m, GoStatus.Syscall, ProcStatus.Running), Ev.GoSyscallEndBlocked);
  }

  gcActive(m: M): void {
    if (this.gen === 0) return;
    this.put1(this.ew(m, GoStatus.Running, ProcStatus.Running), Ev.GCActive, this.seqGC++);
  }

  gcBegin(m: M, site: number): void {
    if (this.gen === 0) return;
    this.put2(this.ew(m, GoStatus.Running, ProcStatus.Running), Ev.GCBegin, this.seqGC++, this.stack(site));
  }

  gcEnd(m: M): void {
    if (this.gen === 0) return;
    this.put1(this.ew(m, GoStatus.Running, ProcStatus.Running), Ev.GCEnd, this.seqGC++);
  }

  /** kind: a stringRef handle. */
  stwBegin(m: M, kind: number, site: number): void {
    if (this.gen === 0) return;
    this.put2(this.ew(m, GoStatus.Running, ProcStatus.Running), Ev.STWBegin, this.sref(kind), this.stack(site));
  }

  stwEnd(m: M): void {
    if (this.gen === 0) return;
    this.put0(this.ew(m, GoStatus.Running, ProcStatus.Running), Ev.STWEnd);
  }

  sweepBegin(m: M, site: number): void {
    if (this.gen === 0) return;
    this.put1(this.ew(m, GoStatus.Running, ProcStatus.Running), Ev.GCSweepBegin, this.stack(site));
    m.p!.inSweep = true;
  }

  sweepEnd(m: M, swept: number, reclaimed: number): void {
    if (this.gen === 0) return;
    const p = m.p!;
    if (!p.inSweep) return;
    this.put2(this.ew(m, GoStatus.Running, ProcStatus.Running), Ev.GCSweepEnd, swept, reclaimed);
    p.inSweep = false;
  }

  markAssistBegin(m: M, site: number): void {
    if (this.gen === 0) return;
    this.put1(this.ew(m, GoStatus.Running, ProcStatus.Running), Ev.GCMarkAssistBegin, this.stack(site));
  }

  markAssistEnd(m: M): void {
    if (this.gen === 0) return;
    this.put0(this.ew(m, GoStatus.Running, ProcStatus.Running), Ev.GCMarkAssistEnd);
  }

  heapAlloc(m: M, live: number): void {
    if (this.gen === 0) return;
    this.put1(this.ew(m, GoStatus.Running, ProcStatus.Running), Ev.HeapAlloc, live);
  }

  heapGoal(m: M, goal: number): void {
    if (this.gen === 0) return;
    this.put1(this.ew(m, GoStatus.Running, ProcStatus.Running), Ev.HeapGoal, goal);
  }

  // Task and region names are stringRef handles.

  taskBegin(m: M, id: number, parent: number, name: number, site: number): void {
    if (this.gen === 0) return;
    this.put4(this.ew(m, GoStatus.Running, ProcStatus.Running), Ev.UserTaskBegin, id, parent, this.sref(name), this.stack(site));
  }

  taskEnd(m: M, id: number, site: number): void {
    if (this.gen === 0) return;
    this.put2(this.ew(m, GoStatus.Running, ProcStatus.Running), Ev.UserTaskEnd, id, this.stack(site));
  }

  regionBegin(m: M, task: number, name: number, site: number): void {
    if (this.gen === 0) return;
    this.put3(this.ew(m, GoStatus.Running, ProcStatus.Running), Ev.UserRegionBegin, task, this.sref(name), this.stack(site));
  }

  regionEnd(m: M, task: number, name: number, site: number): void {
    if (this.gen === 0) return;
    this.put3(this.ew(m, GoStatus.Running, ProcStatus.Running), Ev.UserRegionEnd, task, this.sref(name), this.stack(site));
  }

  log(m: M, task: number, category: string, message: string, site: number): void {
    if (this.gen === 0) return;
    const b = this.ew(m, GoStatus.Running, ProcStatus.Running);
    this.put4(b, Ev.UserLog, task, this.string(category), this.strings.emit(this.gen, message), this.stack(site));
  }

  /** log() with the category as a stringRef handle and the message as UTF-8 bytes. */
  logBytes(m: M, task: number, category: number, message: Uint8Array, site: number): void {
    if (this.gen === 0) return;
    const b = this.ew(m, GoStatus.Running, ProcStatus.Running);
    this.put4(b, Ev.UserLog, task, this.sref(category), this.strings.emitBytes(this.gen, message), this.stack(site));
  }
}
