// The timeline sink: builds the timeline model from the parser's events in the worker's one
// pass (an EventSink beside the summary), and hands out one TimelineChunk per completed
// generation. It keeps, per goroutine/P/M, only a few numbers of current state; the rows of
// the open generation sit in growable typed arrays until the next Sync completes it.
//
// Execution slices on Ps follow cmd/trace's proc view (procgen.go, gstate.go): a slice starts
// when a goroutine starts running (or enters a syscall while not executing), and ends when it
// stops running, or when the P it held in a syscall is stolen or stops (inSyscall).

import type { PassEnd, EventSink } from '../event-pass';
import { EventKind, formatUnixRFC3339Nano, type TraceEvent } from '../../trace/parse/index';
import { EV_SYNC, KIND } from '../../trace/parse/event-kind';
import { Ev } from '../../trace/wire/specs';
import type { TimelineChunk, TimelineLoss } from './chunk';
import { RowBits } from './chunk';
import { GoroutineRowBuilder, type Carried } from './goroutine-rows';
import { TraceTables } from './tables';
import { newGoTransition, readGoTransition } from './transition';
import { AnnotationTables } from './annotation-tables';
import type { RegionRowBuilder } from './region-rows';
import { CounterSampler } from './counter-sampler';

// Module constants for the hot path (an imported enum member is a property load per use).
const SYNC = EV_SYNC;
const KINDS = KIND;
const STATE_TRANSITION = EventKind.StateTransition;
const PROC_START = Ev.ProcStart;
const PROC_STATUS = Ev.ProcStatus;
const FROM_SHIFT = RowBits.FromShift;
const SLICE_END = RowBits.SliceEnd;
const RUNNING = 3;
const SYSCALL = 5;
const NOT_EXIST = 1;
const UNDETERMINED = 0;
const PROC_RUNNING = 2;
/** Longest span of one chunk: its times are Uint32 offsets from its base. */
const MAX_CHUNK_SPAN_NS = 0xffffffff;
/** GoState → CounterSampler count (running, runnable, waiting, syscall); -1 for none. */
const COUNTER_OF_STATE = [-1, -1, 1, 0, 2, 3, -1, -1];

/** Receives each completed generation's chunk (the worker posts it, transferring buffers). */
export type ChunkListener = (chunk: TimelineChunk) => void;

export class TimelineSink implements EventSink {
  readonly tables = new TraceTables();
  private readonly rows = new GoroutineRowBuilder();
  private readonly ann: AnnotationTables;
  private readonly tr = newGoTransition();
  private readonly counters = new CounterSampler();

  private origin: number | bigint | null = null;
  private originText = '0';
  /** The open generation: index, base time, wall clock, events; index -1 before the first Sync. */
  private genIndex = -1;
  /** The open chunk: its base time and events (a long generation is cut into several). */
  private genBase = 0;
  private genWall: string | null = null;
  private genEvents = 0;
  /** Whether the open chunk continues a generation begun in an earlier chunk. */
  private continues = false;
  /** Chunks of the open generation already sealed: sent only once the generation completes. */
  private held: TimelineChunk[] = [];
  /**
   * The last completed generation's chunks, sent when the next generation's first event shows
   * it was not the last one, or by finish (then with the regions still open at the end), and
   * the region rows of its last chunk as they were before sealing (to seal again with those).
   */
  private pending: { chunks: TimelineChunk[]; regions: RegionRowBuilder } | null = null;
  private chunksSent = 0;
  private chunksSealed = 0;
  private lastTime = 0;

  // Per goroutine (by index): the P whose execution slice it is in (-1 none); named/started.
  private execProc = new Int32Array(1024);
  /** When the goroutine's current interval and its current P slice began (ns). */
  private spanStart = new Float64Array(1024);
  private sliceStart = new Float64Array(1024);
  private named = new Uint8Array(1024);
  private started = new Uint8Array(1024);
  /** procgen.go's inSyscall: proc index → goroutine index in a syscall holding it. */
  private readonly inSyscall = new Map<number, number>();

  // Facts learnt in the open generation.
  private namedG: number[] = [];
  private namedStack: number[] = [];
  private startG: number[] = [];
  private startStack: number[] = [];
  private createdG: number[] = [];
  private createdBy: number[] = [];

  /**
   * maxChunkSpanNs: longest chunk (its times are Uint32 offsets, so at most 2^32 − 1); tests
   * set it small to cut every generation into many chunks.
   */
  constructor(
    private readonly onChunk: ChunkListener,
    private readonly maxChunkSpanNs = MAX_CHUNK_SPAN_NS,
  ) {
    this.ann = new AnnotationTables(this.tables);
    this.execProc.fill(-1);
  }

  /** Complete generations handed out so far. */
  get generations(): number {
    return this.generationsSent;
  }

  private generationsSent = 0;
  /** The end of the last complete generation. */
  private keptUntil = 0;

  event(ev: TraceEvent): void {
    const type = ev.type;
    const time = ev.time;
    if (this.origin === null) {
      this.origin = time;
      this.originText = time.toString();
    }
    const t = typeof time === 'number' && typeof this.origin === 'number' ? time - this.origin : Number(BigInt(time) - BigInt(this.origin));
    this.lastTime = t;
    if (type === SYNC) {
      this.sync(ev, t);
      return;
    }
    if (this.pending !== null) this.flush(false);
    // Time columns are Uint32 offsets from the chunk's base: a generation longer than that
    // (~4.3 s) continues in a new chunk.
    if (t - this.genBase > this.maxChunkSpanNs && this.genIndex >= 0) this.split(t);
    this.genEvents++;
    const kind = KINDS[type];
    if (kind === STATE_TRANSITION) {
      if (type >= PROC_START && type <= PROC_STATUS) this.procTransition(ev, t);
      else this.goTransition(ev, t);
      return;
    }
    this.ann.event(ev, kind, t);
  }

  private goTransition(ev: TraceEvent, t: number): void {
    const tr = this.tr;
    if (!readGoTransition(ev, tr)) return;
    const tables = this.tables;
    const g = tables.goroutines.index(tr.goroutine);
    if (g >= this.execProc.length) this.growGoroutines(g);
    const p1 = ev.p === -1 ? 0 : tables.procs.index(ev.p) + 1;
    const m1 = ev.m === -1 ? 0 : tables.threads.index(ev.m) + 1;
    const table = ev.table;
    const stack = table === null ? 0 : tables.genStack(table, tr.eventStack);
    const reason = tr.reason === 0 || table === null ? 0 : tables.genString(table, tr.reason);
    const from = tr.from;
    const to = tr.to;
    const names = (this.named[g] === 0 || this.started[g] === 0) && this.learnName(g, tr.stackIs, stack, tr.newStack, table);
    if (from === to) {
      // A continuation (Go re-announces every goroutine each generation): Go filters it before
      // any state handling, and the interval it continues is already in the model, so it is
      // kept only when it is the goroutine's first stack (it names the goroutine, as Go's
      // augmentName does even for such an event).
      if (names) this.rows.continues(this.rows.push(t, g, to | (from << FROM_SHIFT), p1, m1, tables.site(stack, reason)), this.spanStart[g]);
      return;
    }
    const row = this.rows.push(t, g, to | (from << FROM_SHIFT), p1, m1, tables.site(stack, reason));
    // A state known since before the trace is back-dated to its start (procgen.go).
    this.spanStart[g] = from === UNDETERMINED ? 0 : t;
    if (from === NOT_EXIST) {
      this.createdG.push(g);
      this.createdBy.push(ev.g === -1 ? 0 : tables.goroutines.index(ev.g) + 1);
    }
    // procgen.go GoroutineTransition, in its order.
    const toExec = to === RUNNING || to === SYSCALL;
    const fromExec = from === RUNNING || from === SYSCALL;
    if (from === RUNNING && !toExec) {
      if (this.execProc[g] >= 0) this.rows.flag(row, SLICE_END);
      this.execProc[g] = -1;
    }
    if (!fromExec && to === RUNNING) {
      this.execProc[g] = p1 - 1;
      this.sliceStart[g] = this.spanStart[g];
      if (p1 !== 0) this.rows.startsSlice(row, p1 - 1);
    }
    if (to === SYSCALL && p1 !== 0) {
      if (this.execProc[g] < 0) {
        this.execProc[g] = p1 - 1;
        this.sliceStart[g] = this.spanStart[g];
        this.rows.startsSlice(row, p1 - 1);
      }
      this.inSyscall.set(p1 - 1, g);
    }
    if (from === SYSCALL && p1 !== 0 && this.inSyscall.has(p1 - 1)) this.inSyscall.delete(p1 - 1);
    const now = this.counters.now;
    const fi = COUNTER_OF_STATE[from];
    const ti = COUNTER_OF_STATE[to];
    if (fi >= 0) now[fi]--;
    if (ti >= 0) now[ti]++;
    now[5] = now[3] - this.inSyscall.size;
    this.counters.changed(t, ti);
  }

  /**
   * Records the goroutine's naming stack and start stack the first time each is seen; true
   * when this transition named the goroutine.
   */
  private learnName(g: number, stackIs: 'event' | 'none' | 'new', stack: number, newStack: number | bigint, table: TraceEvent['table']): boolean {
    let s: number;
    if (stackIs === 'none') return false;
    if (stackIs === 'event') {
      if (stack === 0) return false;
      s = stack;
    } else {
      s = newStack === 0 || table === null ? this.tables.emptyStack() : this.tables.genStack(table, newStack);
      if (s === 0) s = this.tables.emptyStack();
    }
    let named = false;
    if (this.named[g] === 0) {
      this.named[g] = 1;
      this.namedG.push(g);
      this.namedStack.push(s);
      named = true;
    }
    if (this.started[g] === 0 && this.tables.stackDepth(s) > 0) {
      this.started[g] = 1;
      this.startG.push(g);
      this.startStack.push(s);
    }
    return named;
  }

  private procTransition(ev: TraceEvent, t: number): void {
    const st = ev.stateTransition();
    const tables = this.tables;
    const p = tables.procs.index(st.resource.id);
    const m1 = ev.m === -1 ? 0 : tables.threads.index(ev.m) + 1;
    this.ann.procs.push(t, p, m1, st.to | (st.from << RowBits.FromShift));
    if (st.from === st.to) return;
    const now = this.counters.now;
    if (st.to === PROC_RUNNING) now[4]++;
    if (st.from === PROC_RUNNING) now[4]--;
    if (st.from === PROC_RUNNING) {
      // procgen.go ProcTransition: a P that stops while a goroutine holds it in a syscall
      // ends that goroutine's slice (the syscall blocked).
      const g = this.inSyscall.get(p);
      if (g !== undefined) {
        const state = SYSCALL | (SYSCALL << RowBits.FromShift) | RowBits.ProcLost | RowBits.SliceEnd;
        this.rows.push(t, g, state, p + 1, m1, 0);
        this.spanStart[g] = t;
        this.execProc[g] = -1;
        this.inSyscall.delete(p);
      }
    }
    now[5] = now[3] - this.inSyscall.size;
    this.counters.changed(t, st.to === PROC_RUNNING ? 4 : -1);
  }

  private growGoroutines(g: number): void {
    let n = this.execProc.length;
    while (n <= g) n *= 2;
    const e = new Int32Array(n).fill(-1);
    e.set(this.execProc);
    this.execProc = e;
    const ss = new Float64Array(n);
    ss.set(this.spanStart);
    this.spanStart = ss;
    const sl = new Float64Array(n);
    sl.set(this.sliceStart);
    this.sliceStart = sl;
    const nm = new Uint8Array(n);
    nm.set(this.named);
    this.named = nm;
    const st = new Uint8Array(n);
    st.set(this.started);
    this.started = st;
  }

  private sync(ev: TraceEvent, t: number): void {
    if (this.pending !== null) this.flush(false);
    if (this.genIndex >= 0) {
      const regions = this.ann.regionSnapshot();
      this.held.push(this.seal(t));
      this.pending = { chunks: this.held, regions };
      this.held = [];
      this.keptUntil = t;
    }
    this.genIndex++;
    this.genBase = t;
    this.genEvents = 1;
    this.continues = false;
    const snap = ev.sync().clockSnapshot;
    this.genWall = snap ? formatUnixRFC3339Nano(snap.wall.sec, snap.wall.nsec, true) : null;
  }

  /**
   * Sends the last completed generation. At the end of the trace (last), its last chunk lists
   * the regions still open then.
   */
  private flush(last: boolean): void {
    const p = this.pending!;
    this.pending = null;
    if (last) {
      const i = p.chunks.length - 1;
      const c = p.chunks[i];
      p.chunks[i] = { ...c, regions: p.regions.seal(c.baseNs, this.tables.goroutines.size, c.endNs) };
    }
    for (const c of p.chunks) {
      this.chunksSent++;
      this.onChunk(c);
    }
    this.generationsSent++;
  }

  /** Seals the open chunk at t and opens the next one of the same generation. */
  private split(t: number): void {
    this.held.push(this.seal(t));
    this.genBase = t;
    this.genEvents = 0;
    this.genWall = null;
    this.continues = true;
  }

  /** Seals the open chunk at endNs (the next Sync's time, or a split point). */
  private seal(endNs: number): TimelineChunk {
    const base = this.genBase;
    const tables = this.tables;
    // Slices open now continue in the next chunk; list those that were open when this began.
    const carried = this.carriedAtStart;
    const { rows, slices } = this.rows.seal(base, tables.goroutines.size, tables.procs.size, carried);
    this.carriedAtStart = this.openSlices();
    const chunk: TimelineChunk = {
      format: 1,
      index: this.chunksSealed++,
      generation: this.genIndex,
      continuesGeneration: this.continues,
      originNs: this.originText,
      baseNs: base,
      endNs,
      wallStart: this.genWall,
      events: this.genEvents,
      tables: tables.takeAppends(),
      facts: {
        namedG: Uint32Array.from(this.namedG),
        namedStack: Uint32Array.from(this.namedStack),
        startG: Uint32Array.from(this.startG),
        startStack: Uint32Array.from(this.startStack),
        createdG: Uint32Array.from(this.createdG),
        createdBy: Uint32Array.from(this.createdBy),
      },
      goroutines: rows,
      procSlices: slices,
      counters: this.counters.seal(base, endNs),
      ...this.ann.seal(base),
    };
    this.namedG = [];
    this.namedStack = [];
    this.startG = [];
    this.startStack = [];
    this.createdG = [];
    this.createdBy = [];
    return chunk;
  }

  private carriedAtStart: Carried = { proc: [], g: [], startNs: [] };

  private openSlices(): Carried {
    const c: Carried = { proc: [], g: [], startNs: [] };
    const e = this.execProc;
    const n = this.tables.goroutines.size;
    for (let i = 0; i < n; i++) {
      if (e[i] >= 0) {
        c.proc.push(e[i]);
        c.g.push(i);
        c.startNs.push(this.sliceStart[i]);
      }
    }
    return c;
  }

  /**
   * Ends the pass: a clean trace's last Sync needs nothing more; a damaged one drops the
   * generation it was in (Go's partial rule keeps complete generations) and says what was lost.
   */
  finish(end: PassEnd): TimelineLoss | null {
    // The open generation's Sync closed the last kept one; its other events are dropped, with
    // any chunks of it already sealed.
    let eventsLost = this.genIndex >= 0 ? this.genEvents - 1 : 0;
    for (const c of this.held) eventsLost += c.events;
    this.held = [];
    if (this.pending !== null) this.flush(true);
    this.rows.release();
    this.ann.reset();
    this.counters.reset();
    if (end.error === null) return null;
    const message = end.error instanceof Error ? end.error.message : String(end.error);
    return {
      message,
      fault: end.fault,
      generationsKept: this.generationsSent,
      eventsLost,
      keptUntilNs: this.keptUntil,
    };
  }

  /** Time of the latest event seen (ns since the origin). */
  get lastNs(): number {
    return this.lastTime;
  }
}
