// The ordering state machine: it emulates the Go scheduler's state (which G and P each M
// holds, G and P statuses and sequence numbers, GC state, ranges, tasks) to decide whether an
// event may be emitted yet and to validate it. Follows Go's internal/trace/order.go; the
// handlers are split by topic into order-procs.ts, order-goroutines.ts, order-ranges.ts and
// order-annotations.ts.
//
// A handler returns false for "not yet" (the reader then tries other Ms) and throws a
// TraceError when the trace is broken. Instead of returning Go's (curCtx, newCtx) pair, a
// handler edits two scratch contexts on the Ordering: cur* (the context the queued event
// carries, the state *before* the transition) and new* (what the M holds afterwards).

import { eventName, type Version } from '../wire/version';
import type { BatchCursor } from './batch-cursor';
import { TraceError } from './errors';
import { TraceEvent } from './event';
import { dec, type I64, type Time, type U64 } from './int64';
import { EventQueue } from './queue';
import type { EvTable } from './tables';
import { Ev, goStatusName, procStatusName } from '../wire/specs';
import { GCState, IdMap, MState, NONE, Req, seqString } from './order-state';
import { SchedTable } from './sched-table';
import { PROC_HANDLERS } from './order-procs';
import {
  GOROUTINE_HANDLERS,
  goCreateFast,
  goSeqFast,
  goStatusFast,
  goStopFast,
  goSyscallBeginFast,
  goSyscallEndFast,
} from './order-goroutines';
import { RANGE_HANDLERS } from './order-ranges';
import { ANNOTATION_HANDLERS, userRegionFast } from './order-annotations';

export type Handler = (o: Ordering, ev: TraceEvent, evt: EvTable, m: I64, gen: U64) => boolean;

const DISPATCH: (Handler | undefined)[] = new Array(256);
for (const table of [PROC_HANDLERS, GOROUTINE_HANDLERS, RANGE_HANDLERS, ANNOTATION_HANDLERS]) {
  for (const [t, h] of table) DISPATCH[t] = h;
}

export class Ordering {
  /** Goroutine states (Go's gStates). */
  readonly gs = new SchedTable();
  /** P states (Go's pStates). */
  readonly ps = new SchedTable();
  readonly mStates = new IdMap<MState>();
  readonly activeTasks = new Map<U64, { name: string; parentID: U64 }>();
  gcSeq: U64 = 0;
  gcState = GCState.Undetermined;
  initialGen: U64 = 0;
  /**
   * The generation being advanced as a small integer, for sequence numbers: equal generation
   * numbers get equal ordinals (genValues maps back for messages).
   */
  genOrdinal = 0;
  lastGen: U64 = 0;
  private readonly genOrdinals = new Map<U64, number>();
  readonly genValues: U64[] = [];
  private readonly queue = new EventQueue<TraceEvent>();

  // Scratch contexts of the event being advanced.
  curG: I64 = NONE;
  curP: I64 = NONE;
  curM: I64 = NONE;
  newG: I64 = NONE;
  newP: I64 = NONE;

  constructor(readonly version: Version) {}

  /**
   * Tries to advance bc's next event (bc.ev), read from thread bc.m in generation gen. Returns
   * false when it cannot advance yet; throws TraceError when the trace is broken. On success
   * the event has its context filled in and either the queue is empty (the event itself is the
   * one completed event) or it holds the completed events in order (the event itself and any
   * made around it). Generations must not decrease.
   */
  advance(bc: BatchCursor, evt: EvTable, gen: U64): boolean {
    return this.advanceOn(bc.ev, evt, bc.m, gen, this.enter(bc, gen));
  }

  /**
   * What every advance of bc's events in generation gen first does: notes the generation and
   * gives the M's state, made on its first advance as Go's Advance does (never removed, so the
   * cursor keeps it; null for an event with no M). A run of one cursor's events in one
   * generation (the reader's headRun) does this once, then calls advanceOn per event.
   */
  enter(bc: BatchCursor, gen: U64): MState | null {
    if (this.initialGen === 0) this.initialGen = gen;
    if (gen !== this.lastGen) this.enterGen(gen);
    let ms = bc.ms;
    if (ms === null && bc.m !== NONE) {
      ms = this.mStates.get(bc.m) ?? null;
      if (ms === null) {
        ms = new MState();
        this.mStates.set(bc.m, ms);
      }
      bc.ms = ms;
    }
    return ms;
  }

  /** advance for an event of thread m, after enter gave the M's state ms. */
  advanceOn(ev: TraceEvent, evt: EvTable, m: I64, gen: U64, ms: MState | null): boolean {
    // Goroutine scheduling, syscalls and user regions are nearly every event of a busy trace
    // (GoStart, GoBlock and GoUnblock alone are ~95% of a CPU-bound one; a server adds
    // syscalls, regions and goroutine creation). Their fast paths take the common case
    // (plain-number IDs, the context they require) straight from the M's state; anything else
    // (-1) goes through the handlers, which give Go's exact outcome and errors.
    if (ms !== null) {
      let r = -1;
      switch (ev.type) {
        case Ev.GoStart:
        case Ev.GoUnblock:
          r = goSeqFast(this, ev, evt, ms, m);
          break;
        case Ev.GoBlock:
        case Ev.GoStop:
        case Ev.GoDestroy:
          r = goStopFast(this, ev, evt, ms, m);
          break;
        case Ev.GoSyscallBegin:
          r = goSyscallBeginFast(this, ev, evt, ms, m);
          break;
        case Ev.GoSyscallEnd:
          r = goSyscallEndFast(this, ev, evt, ms, m);
          break;
        case Ev.UserRegionBegin:
        case Ev.UserRegionEnd:
          r = userRegionFast(this, ev, evt, ms, m);
          break;
        case Ev.GoCreate:
        case Ev.GoCreateBlocked:
          r = goCreateFast(this, ev, evt, ms, m);
          break;
        case Ev.GoStatus:
        case Ev.GoStatusStack:
          r = goStatusFast(this, ev, evt, ms, m, gen);
          break;
      }
      if (r >= 0) return r === 1;
    }
    return this.advanceSlow(ev, evt, m, gen, ms);
  }

  /** Go's Advance through the handlers, with the scratch contexts. */
  private advanceSlow(ev: TraceEvent, evt: EvTable, m: I64, gen: U64, ms: MState | null): boolean {
    this.curM = m;
    if (ms === null) {
      this.curP = NONE;
      this.curG = NONE;
    } else {
      this.curP = ms.p;
      this.curG = ms.g;
    }
    this.newG = this.curG;
    this.newP = this.curP;
    const h = DISPATCH[ev.type];
    if (h === undefined) throw new TraceError(`bad event type found while ordering: ${ev.type}`);
    const ok = h(this, ev, evt, m, gen);
    if (ok && ms !== null) {
      ms.p = this.newP;
      ms.g = this.newG;
    }
    return ok;
  }

  /**
   * Gives an event advanced by a fast path its context. It is not queued: with the queue
   * empty after a successful advance, the advanced event itself is the one completed event.
   */
  place(evt: EvTable, ev: TraceEvent, g: I64, p: I64, m: I64): void {
    ev.table = evt;
    ev.g = g;
    ev.p = p;
    ev.m = m;
  }

  private enterGen(gen: U64): void {
    this.lastGen = gen;
    let ord = this.genOrdinals.get(gen);
    if (ord === undefined) {
      ord = this.genValues.length;
      this.genValues.push(gen);
      this.genOrdinals.set(gen, ord);
    }
    this.genOrdinal = ord;
  }

  /** The generation number a sequence number was set in, for messages. */
  genOf(ordinal: number): U64 {
    return this.genValues[ordinal];
  }

  /** The next completed event, or undefined. */
  next(): TraceEvent | undefined {
    return this.queue.pop();
  }

  /** How many completed events wait in the queue. */
  get queued(): number {
    return this.queue.length;
  }

  /** Queues ev itself (no copy), with the current context and the generation's table. */
  push(evt: EvTable, ev: TraceEvent): void {
    ev.table = evt;
    ev.g = this.curG;
    ev.p = this.curP;
    ev.m = this.curM;
    this.queue.push(ev);
  }

  /** Queues an event placed by a fast path (see place). */
  enqueue(ev: TraceEvent): void {
    this.queue.push(ev);
  }

  /** Queues a synthetic event (Go's makeEvent). */
  pushMade(evt: EvTable, g: I64, p: I64, m: I64, type: number, time: Time, a0: U64 = 0, a1: U64 = 0, a3: U64 = 0): void {
    this.queue.push(new TraceEvent(evt, g, p, m, type, time, a0, a1, 0, a3));
  }

  evName(t: number): string {
    return eventName(this.version, t);
  }

  /** Go's validateCtx against the current context. */
  validateCtx(m: Req, p: Req, g: Req): void {
    if (m === Req.Must && this.curM === NONE) throw new TraceError("expected a thread but didn't have one");
    if (m === Req.MustNot && this.curM !== NONE) throw new TraceError('expected no thread but had one');
    if (p === Req.Must && this.curP === NONE) throw new TraceError("expected a proc but didn't have one");
    if (p === Req.MustNot && this.curP !== NONE) throw new TraceError('expected no proc but had one');
    if (g === Req.Must && this.curG === NONE) throw new TraceError("expected a goroutine but didn't have one");
    if (g === Req.MustNot && this.curG !== NONE) throw new TraceError('expected no goroutine but had one');
  }

  /** M, P and G all required: events on a running user goroutine. */
  validateUserGo(): void {
    this.validateCtx(Req.Must, Req.Must, Req.Must);
  }

  /** A debug dump of the scheduler state, for the "failed to advance" error. */
  dump(): string {
    let s = '';
    const gs = this.gs;
    for (const i of gs.slots()) s += `G ${dec(gs.id(i))} [status=${goStatusName(gs.statusOf(i))} seq=${seqString(this.genOf(gs.seqGenOf(i)), gs.seqOf(i))}]\n`;
    s += '\n';
    const ps = this.ps;
    for (const i of ps.slots()) s += `P ${dec(ps.id(i))} [status=${procStatusName(ps.statusOf(i))} seq=${seqString(this.genOf(ps.seqGenOf(i)), ps.seqOf(i))}]\n`;
    s += '\n';
    for (const [id, st] of this.mStates) s += `M ${dec(id)} [g=${dec(st.g)} p=${dec(st.p)}]\n`;
    s += '\n';
    s += `GC ${dec(this.gcSeq)} ${['Undetermined', 'NotRunning', 'Running'][this.gcState]}\n`;
    return s;
  }
}

// Field representations settled before any trace is read (see event.ts): IDs, sequence and
// generation numbers may be any uint64 or int64.
{
  const o = new Ordering(26);
  o.curG = o.curP = o.curM = o.newG = o.newP = 0n;
  o.gcSeq = o.initialGen = o.lastGen = 0n;
  o.initialGen = o.lastGen = 0;
}
