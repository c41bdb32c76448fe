// Generations, as runtime/trace.go runs them: StartTrace writes the header and begins
// generation 1; traceAdvance ends a generation (the status of everything not traced in it,
// every batch flushed, CPU samples, then the stack and string tables and the
// end-of-generation signal) and begins the next with its sync batch (Go 1.25+: Sync,
// Frequency, ClockSnapshot) and the wait/stop reason strings that lead each string table.
// CPU profile samples (runtime/tracecpu.go) are kept here too: they go into their own
// batches, outside any M, flushed only at the generation's end.

import { Ev } from '../trace/wire/specs';
import { BatchBuf, BYTES_PER_NUMBER, NONE, putUvarint } from './batch-writer';
import { TICKS_PER_SECOND, TRACE_TIME_DIV } from './clock';
import { BLOCK_REASONS, MARK_WORKER_LABELS, STOP_REASONS } from './frames';
import { GS, PS, type G } from './model';
import { TraceEventWriter, type TraceReaderSink } from './trace-event-writer';

const EOG = new Uint8Array([Ev.EndOfGeneration]);

export abstract class TraceGenerations extends TraceEventWriter {
  private lastNonZeroGen = 0;
  /** The GC sequence number: global from StartTrace, not per generation. */
  protected seqGC = 1;
  private readonly statusBuf = new BatchBuf(NONE);
  private readonly syncBuf = new BatchBuf(NONE);
  /** CPU profile samples of this generation (runtime/tracecpu.go trace.cpuBuf). */
  private readonly cpuBuf = new BatchBuf(NONE);
  /** Trace clock at the start of the generation (no sample is dated before it). */
  private genStartTicks = 0;
  protected blockIds = new Int32Array(BLOCK_REASONS.length);
  protected stopIds = new Int32Array(STOP_REASONS.length);
  protected labelIds = new Int32Array(MARK_WORKER_LABELS.length);

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

  // ---- CPU profile samples (runtime/tracecpu.go) ----

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
}
