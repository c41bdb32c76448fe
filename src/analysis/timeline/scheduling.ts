// The scheduling half of the timeline sink: goroutine and P state transitions become goroutine
// rows, P execution slices, goroutine facts and the goroutine/thread counters. It keeps, per
// goroutine, only a few numbers of current state.
//
// Execution slices on Ps follow cmd/trace's proc view (procgen.go, gstate.go): a slice starts
// when a goroutine starts running (or enters a syscall while not executing), and ends when it
// stops running, or when the P it held in a syscall is stolen or stops (inSyscall).

import type { TraceEvent } from '../../trace/parse/index';
import type { CounterSamples, GoroutineFacts, GoroutineRows, ProcSlices } from './chunk';
import { RowBits } from './chunk';
import { CounterSampler } from './counter-sampler';
import type { EventTable } from './event-table';
import { GoroutineRowBuilder, type Carried } from './goroutine-rows';
import type { TraceTables } from './tables';
import { newGoTransition, readGoTransition } from './transition';

// Module constants for the hot path (an imported enum member is a property load per use).
const FROM_SHIFT = RowBits.FromShift;
const SLICE_END = RowBits.SliceEnd;
const RUNNING = 3;
const SYSCALL = 5;
const NOT_EXIST = 1;
const UNDETERMINED = 0;
const PROC_RUNNING = 2;
/** GoState → CounterSampler count (running, runnable, waiting, syscall); -1 for none. */
const COUNTER_OF_STATE = [-1, -1, 1, 0, 2, 3, -1, -1];

// Per goroutine, four numbers side by side (one cache line, not one per array): when its
// current interval began, when its current P slice began (ns), the P index whose execution
// slice it is in (-1 none), and whether it is named (1) and its start stack known (2).
const STRIDE = 4;
const SPAN_START = 0;
const SLICE_START = 1;
const EXEC_PROC = 2;
const KNOWN = 3;
const NAMED = 1;
const STARTED = 2;

export interface SealedScheduling {
  goroutines: GoroutineRows;
  procSlices: ProcSlices;
  counters: CounterSamples;
  facts: GoroutineFacts;
}

export class Scheduling {
  private readonly rows = new GoroutineRowBuilder();
  private readonly counters = new CounterSampler();
  private readonly tr = newGoTransition();
  private gs = newGoroutineState(0, 1024);
  /** procgen.go's inSyscall: proc index → goroutine index in a syscall holding it (-1 none). */
  private inSyscall = new Int32Array(64).fill(-1);
  private inSyscallCount = 0;

  // Facts learnt in the open chunk.
  private namedG: number[] = [];
  private namedStack: number[] = [];
  private startG: number[] = [];
  private startStack: number[] = [];
  private createdG: number[] = [];
  private createdBy: number[] = [];
  /** Execution slices open when the open chunk began. */
  private carriedAtStart: Carried = { proc: [], g: [], startNs: [] };

  /** procs: the table P transitions are listed in (AnnotationTables.procs). */
  constructor(
    private readonly tables: TraceTables,
    private readonly procs: EventTable<'time' | 'proc' | 'thread' | 'state'>,
  ) {}

  goTransition(ev: TraceEvent, t: number): void {
    const tr = this.tr;
    if (!readGoTransition(ev, tr)) return;
    const tables = this.tables;
    const g = tables.goroutines.index(tr.goroutine);
    if ((g + 1) * STRIDE > this.gs.length) this.growGoroutines(g);
    const gs = this.gs;
    const at = g * STRIDE;
    const p1 = ev.p === -1 ? 0 : tables.procs.index(ev.p) + 1;
    const m1 = ev.m === -1 ? 0 : tables.threads.index(ev.m) + 1;
    const table = ev.table;
    const stack = table === null ? 0 : tables.genStack(table, tr.eventStack);
    const reason = tr.reason === 0 || table === null ? 0 : tables.genString(table, tr.reason);
    const from = tr.from;
    const to = tr.to;
    const names = gs[at + KNOWN] !== (NAMED | STARTED) && this.learnName(g, tr.stackIs, stack, tr.newStack, table);
    if (from === to) {
      // A continuation (Go re-announces every goroutine each generation): Go filters it before
      // any state handling, and the interval it continues is already in the model, so it is
      // kept only when it is the goroutine's first stack (it names the goroutine, as Go's
      // augmentName does even for such an event).
      if (names) this.rows.continues(this.rows.push(t, g, to | (from << FROM_SHIFT), p1, m1, tables.site(stack, reason)), gs[at + SPAN_START]);
      return;
    }
    const row = this.rows.push(t, g, to | (from << FROM_SHIFT), p1, m1, tables.site(stack, reason));
    // A state known since before the trace is back-dated to its start (procgen.go).
    const spanStart = from === UNDETERMINED ? 0 : t;
    gs[at + SPAN_START] = spanStart;
    if (from === NOT_EXIST) {
      this.createdG.push(g);
      this.createdBy.push(ev.g === -1 ? 0 : tables.goroutines.index(ev.g) + 1);
    }
    // procgen.go GoroutineTransition, in its order.
    const toExec = to === RUNNING || to === SYSCALL;
    const fromExec = from === RUNNING || from === SYSCALL;
    if (from === RUNNING && !toExec) {
      if (gs[at + EXEC_PROC] >= 0) this.rows.flag(row, SLICE_END);
      gs[at + EXEC_PROC] = -1;
    }
    if (!fromExec && to === RUNNING) {
      gs[at + EXEC_PROC] = p1 - 1;
      gs[at + SLICE_START] = spanStart;
      if (p1 !== 0) this.rows.startsSlice(row, p1 - 1);
    }
    if (to === SYSCALL && p1 !== 0) {
      if (gs[at + EXEC_PROC] < 0) {
        gs[at + EXEC_PROC] = p1 - 1;
        gs[at + SLICE_START] = spanStart;
        this.rows.startsSlice(row, p1 - 1);
      }
      this.setInSyscall(p1 - 1, g);
    }
    if (from === SYSCALL && p1 !== 0) this.clearInSyscall(p1 - 1);
    const now = this.counters.now;
    const fi = COUNTER_OF_STATE[from];
    const ti = COUNTER_OF_STATE[to];
    if (fi >= 0) now[fi]--;
    if (ti >= 0) now[ti]++;
    now[5] = now[3] - this.inSyscallCount;
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
    const at = g * STRIDE + KNOWN;
    let named = false;
    if ((this.gs[at] & NAMED) === 0) {
      this.gs[at] |= NAMED;
      this.namedG.push(g);
      this.namedStack.push(s);
      named = true;
    }
    if ((this.gs[at] & STARTED) === 0 && this.tables.stackDepth(s) > 0) {
      this.gs[at] |= STARTED;
      this.startG.push(g);
      this.startStack.push(s);
    }
    return named;
  }

  procTransition(ev: TraceEvent, t: number): void {
    const st = ev.stateTransition();
    const tables = this.tables;
    const p = tables.procs.index(st.resource.id);
    const m1 = ev.m === -1 ? 0 : tables.threads.index(ev.m) + 1;
    this.procs.push(t, p, m1, st.to | (st.from << RowBits.FromShift));
    if (st.from === st.to) return;
    const now = this.counters.now;
    if (st.to === PROC_RUNNING) now[4]++;
    if (st.from === PROC_RUNNING) now[4]--;
    if (st.from === PROC_RUNNING) {
      // procgen.go ProcTransition: a P that stops while a goroutine holds it in a syscall
      // ends that goroutine's slice (the syscall blocked).
      const g = p < this.inSyscall.length ? this.inSyscall[p] : -1;
      if (g >= 0) {
        const state = SYSCALL | (SYSCALL << RowBits.FromShift) | RowBits.ProcLost | RowBits.SliceEnd;
        this.rows.push(t, g, state, p + 1, m1, 0);
        this.gs[g * STRIDE + SPAN_START] = t;
        this.gs[g * STRIDE + EXEC_PROC] = -1;
        this.clearInSyscall(p);
      }
    }
    now[5] = now[3] - this.inSyscallCount;
    this.counters.changed(t, st.to === PROC_RUNNING ? 4 : -1);
  }

  private setInSyscall(p: number, g: number): void {
    if (p >= this.inSyscall.length) {
      let n = this.inSyscall.length;
      while (n <= p) n *= 2;
      const a = new Int32Array(n).fill(-1);
      a.set(this.inSyscall);
      this.inSyscall = a;
    }
    if (this.inSyscall[p] < 0) this.inSyscallCount++;
    this.inSyscall[p] = g;
  }

  private clearInSyscall(p: number): void {
    if (p < this.inSyscall.length && this.inSyscall[p] >= 0) {
      this.inSyscall[p] = -1;
      this.inSyscallCount--;
    }
  }

  private growGoroutines(g: number): void {
    let n = this.gs.length / STRIDE;
    while (n <= g) n *= 2;
    this.gs = newGoroutineState(this.gs.length / STRIDE, n, this.gs);
  }

  /** The open chunk [base, endNs)'s rows, slices, counters and facts; the state carries on. */
  seal(base: number, endNs: number): SealedScheduling {
    const tables = this.tables;
    // Slices open now continue in the next chunk; list those that were open when this began.
    const { rows, slices } = this.rows.seal(tables.goroutines.size, tables.procs.size, this.carriedAtStart, endNs);
    this.carriedAtStart = this.openSlices();
    const facts: GoroutineFacts = {
      namedG: Uint32Array.from(this.namedG),
      namedStack: Uint32Array.from(this.namedStack),
      startG: Uint32Array.from(this.startG),
      startStack: Uint32Array.from(this.startStack),
      createdG: Uint32Array.from(this.createdG),
      createdBy: Uint32Array.from(this.createdBy),
    };
    this.namedG = [];
    this.namedStack = [];
    this.startG = [];
    this.startStack = [];
    this.createdG = [];
    this.createdBy = [];
    return { goroutines: rows, procSlices: slices, counters: this.counters.seal(base, endNs), facts };
  }

  private openSlices(): Carried {
    const c: Carried = { proc: [], g: [], startNs: [] };
    const gs = this.gs;
    const n = this.tables.goroutines.size;
    for (let i = 0; i < n; i++) {
      const p = gs[i * STRIDE + EXEC_PROC];
      if (p >= 0) {
        c.proc.push(p);
        c.g.push(i);
        c.startNs.push(gs[i * STRIDE + SLICE_START]);
      }
    }
    return c;
  }

  /** Drops the rows of the open chunk and gives back their memory (the pass is over). */
  release(): void {
    this.rows.release();
    this.counters.reset();
  }
}

/** Goroutine state for n goroutines: the first `from` copied from old, the rest fresh. */
function newGoroutineState(from: number, n: number, old?: Float64Array): Float64Array {
  const gs = new Float64Array(n * STRIDE);
  if (old) gs.set(old);
  for (let g = from; g < n; g++) gs[g * STRIDE + EXEC_PROC] = -1;
  return gs;
}
