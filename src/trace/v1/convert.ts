// Converting the old format's events to the events of the current model, as Go's reader does
// for Go 1.11–1.21 traces (internal/trace/tracev1.go, traceV1Converter). The whole trace is one
// generation with one table. Most events map one to one with their arguments reordered; some
// need context: goroutines that existed before tracing started become GoStatus events at the
// first Gomaxprocs, a syscall that did not block becomes a 1 ns begin/end pair, block reasons
// and STW kinds become strings of their own, a task end carries its task's parent and name.

import { GoPanic, TraceError } from '../parse/errors';
import { TraceEvent } from '../parse/event';
import { i64Add, i64ToU64, type I64, MAX_UINT64, u64ToI64, type U64 } from '../parse/int64';
import { NO_TASK } from '../parse/resources';
import { EvTable } from '../parse/tables';
import { Ev, SPECS } from '../wire/specs';
import { newEvent, type V1Event } from './batches';
import { GoMapOrder } from './go-map';
import type { V1Trace } from './parse';
import { V1, V1_SPECS } from '../wire/v1-specs';
import { stwReason } from './specs';

/** Strings the converter adds, in Go's order (their IDs follow the trace's own strings). */
const BUILTIN_STRINGS = [
  // Block reasons.
  'forever',
  'preempted',
  'runtime.Gosched',
  'sleep',
  'chan send',
  'chan receive',
  'network',
  'sync',
  'sync.(*Cond).Wait',
  'select',
  '',
  'GC mark assist wait for work',
  // STW kinds, from STWUnknown on.
  '',
  'GC mark termination',
  'GC sweep termination',
  'write heap dump',
  'goroutine profile',
  'goroutine profile cleanup',
  'all goroutine stack trace',
  'read mem stats',
  'AllThreadsSyscall',
  'GOMAXPROCS',
  'start trace',
  'stop trace',
  'CountPagesInUse (test)',
  'ReadMetricsSlow (test)',
  'ReadMemStatsSlow (test)',
  'PageCachePagesLeaked (test)',
  'ResetDebugLog (test)',
];
const S_FOREVER = 0;
const S_PREEMPTED = 1;
const S_GOSCHED = 2;
const S_SLEEP = 3;
const S_CHAN_SEND = 4;
const S_CHAN_RECV = 5;
const S_NETWORK = 6;
const S_SYNC = 7;
const S_SYNC_COND = 8;
const S_SELECT = 9;
const S_EMPTY = 10;
const S_MARK_ASSIST_WAIT = 11;
const S_STW_UNKNOWN = 12;

/** The v2 GoStatus / ProcStatus wire values the converter writes. */
const GO_RUNNABLE = 1;
const GO_RUNNING = 2;
const GO_SYSCALL = 3;
const GO_WAITING = 4;
const PROC_RUNNING = 1;
const PROC_IDLE = 2;

const NO_GOROUTINE = -1;
const NO_PROC = -1;
const NO_THREAD = -1;

interface TaskState {
  name: string;
  parentID: U64;
}

/** Go's traceV1Converter: next() gives the converted events in order, null at the end. */
export class V1Converter {
  readonly table = new EvTable();
  /** Time of the last event given out; the first and last Sync are placed from it. */
  lastTs: I64 = -1;
  /**
   * The time of the old-format event the last event was converted from (a syscall's 1 ns end,
   * say, has its begin's). Old events of equal time can come out of Go in either order (see
   * merge.ts, go-map.ts), so comparisons with Go's runs group events by it.
   */
  sourceTime: I64 = 0;
  private k = 0;
  private preInit = true;
  private createdPreInit: GoMapOrder<U64> | null = new GoMapOrder();
  private readonly extra: TraceEvent[] = [];
  private extraHead = 0;
  private readonly tasks = new Map<U64, TaskState>();
  private readonly seenProcs = new Set<number>();
  private readonly procMs = new Map<number, I64>();
  private lastStwReason: U64 = 0;
  private inlineToStringID: U64[] = [];
  private builtinToStringID: U64[] = [];
  private nextSameG: Int32Array | null = null;
  private readonly ev: V1Event = newEvent(0, 0, 0);
  private readonly args: U64[] = [0, 0, 0, 0];

  constructor(private readonly trace: V1Trace) {
    // Go ignores the error init returns: on "too many strings" the ID lists stay empty, and
    // the first event that needs one panics (an index out of range), as Go's would.
    this.init();
  }

  /** Events still to convert (Go's Events.Len after the pops). */
  get remaining(): number {
    return this.trace.order.length - this.k;
  }

  /** The time of the first event not yet converted (Go's Events.Peek), or null. */
  peekTime(): I64 | null {
    return this.k < this.trace.order.length ? this.trace.events.ts(this.trace.order[this.k]) : null;
  }

  private init(): void {
    const t = this.trace;
    const strings = this.table.strings;
    let max: U64 = 0;
    for (const [id, s] of t.strings) {
      strings.insert(id, s);
      if (id > max) max = id;
    }
    // User log messages were stored inline, without IDs: they get IDs after the trace's own.
    const big = BigInt(max);
    if (big + BigInt(t.inlineStrings.length) > MAX_UINT64) return;
    t.inlineStrings.forEach((s, i) => {
      const id = canonU64(big + 1n + BigInt(i));
      this.inlineToStringID.push(id);
      strings.insert(id, s);
    });
    const afterInline = big + BigInt(t.inlineStrings.length);
    if (afterInline + BigInt(BUILTIN_STRINGS.length) > MAX_UINT64) return;
    this.builtinToStringID = BUILTIN_STRINGS.map((s, c) => {
      const id = canonU64(afterInline + 1n + BigInt(c));
      strings.insert(id, s);
      return id;
    });
    strings.compactify();
    for (const [id, pcs] of t.stacks) this.table.stacks.insert(id, pcs);
    for (const [pc, f] of t.pcs) this.table.pcs.set(pc, f);
    this.table.stacks.compactify();
  }

  private builtin(c: number): U64 {
    const id = this.builtinToStringID[c];
    if (id === undefined) throw new GoPanic(`runtime error: index out of range [${c}] with length 0`);
    return id;
  }

  /**
   * The next converted event, or null at the end. `out` receives it when given (events queued
   * by an earlier conversion come as their own objects).
   */
  next(out: TraceEvent | null): TraceEvent | null {
    for (;;) {
      let ev: TraceEvent | null;
      if (this.extraHead < this.extra.length) {
        ev = this.extra[this.extraHead++];
        if (this.extraHead === this.extra.length) {
          this.extra.length = 0;
          this.extraHead = 0;
        }
      } else {
        if (this.k >= this.trace.order.length) return null;
        ev = this.convert(this.k++, out);
        if (ev === null) continue; // Go's errSkip
      }
      // Times must increase strictly; the GoStatus events made here share one time.
      if (ev.time <= this.lastTs) ev.time = i64Add(this.lastTs, 1);
      this.lastTs = ev.time;
      return ev;
    }
  }

  private make(out: TraceEvent | null, g: I64, p: I64, m: I64, type: number, time: I64, a: U64[]): TraceEvent {
    if (out === null) return new TraceEvent(this.table, g, p, m, type, time, a[0], a[1], a[2], a[3]);
    out.table = this.table;
    out.g = g;
    out.p = p;
    out.m = m;
    out.type = type;
    out.time = time;
    out.a0 = a[0];
    out.a1 = a[1];
    out.a2 = a[2];
    out.a3 = a[3];
    return out;
  }

  /** Go's convertEvent for event k of the trace order; null when it gives no event (yet). */
  private convert(k: number, out: TraceEvent | null): TraceEvent | null {
    const i = this.trace.order[k];
    const ev = this.trace.events.read(i, this.ev);
    this.sourceTime = ev.ts;
    const args = this.args;
    setArgs(args, ev.a0, ev.a1, ev.a2, ev.a3);
    let type: number;
    switch (ev.type) {
      case V1.Gomaxprocs:
        type = Ev.ProcsChange;
        if (this.preInit) {
          // The first Gomaxprocs ends the trace's start: goroutines created before it and
          // neither started nor blocked were runnable (or idle) when tracing began.
          this.preInit = false;
          for (const gid of this.createdPreInit!) {
            this.extra.push(
              new TraceEvent(this.table, NO_GOROUTINE, NO_PROC, NO_THREAD, Ev.GoStatus, ev.ts, gid, MAX_UINT64, GO_RUNNABLE),
            );
          }
          this.createdPreInit = null;
          return null;
        }
        break;
      case V1.ProcStart:
        this.procMs.set(ev.p, u64ToI64(ev.a0));
        if (this.seenProcs.has(ev.p)) {
          type = Ev.ProcStart;
          setArgs(args, i64ToU64(ev.p));
        } else {
          this.seenProcs.add(ev.p);
          type = Ev.ProcStatus;
          setArgs(args, i64ToU64(ev.p), PROC_RUNNING);
        }
        break;
      case V1.ProcStop:
        if (this.seenProcs.has(ev.p)) {
          type = Ev.ProcStop;
          setArgs(args, i64ToU64(ev.p));
        } else {
          this.seenProcs.add(ev.p);
          type = Ev.ProcStatus;
          setArgs(args, i64ToU64(ev.p), PROC_IDLE);
        }
        break;
      case V1.GCStart:
        type = Ev.GCBegin;
        break;
      case V1.GCDone:
        type = Ev.GCEnd;
        break;
      case V1.STWStart: {
        const sid = this.builtin(S_STW_UNKNOWN + stwReason(this.trace.version, ev.a0));
        this.lastStwReason = sid;
        type = Ev.STWBegin;
        setArgs(args, sid);
        break;
      }
      case V1.STWDone:
        type = Ev.STWEnd;
        setArgs(args, this.lastStwReason);
        break;
      case V1.GCSweepStart:
        type = Ev.GCSweepBegin;
        break;
      case V1.GCSweepDone:
        type = Ev.GCSweepEnd;
        break;
      case V1.GoCreate:
        if (this.preInit) {
          this.createdPreInit!.add(ev.a0);
          return null;
        }
        type = Ev.GoCreate;
        break;
      case V1.GoStart:
        if (this.preInit) {
          type = Ev.GoStatus;
          setArgs(args, ev.a0, MAX_UINT64, GO_RUNNING);
          this.createdPreInit!.delete(ev.a0);
        } else {
          type = Ev.GoStart;
        }
        break;
      case V1.GoStartLabel: {
        const g = u64ToI64(ev.g);
        this.extra.length = 0;
        this.extraHead = 0;
        this.extra.push(new TraceEvent(this.table, g, ev.p, this.procM(ev.p), Ev.GoLabel, ev.ts, ev.a2));
        return this.make(out, g, ev.p, this.procM(ev.p), Ev.GoStart, ev.ts, args);
      }
      case V1.GoEnd:
        type = Ev.GoDestroy;
        break;
      case V1.GoStop:
        type = this.block(args, S_FOREVER, ev);
        break;
      case V1.GoSched:
        type = Ev.GoStop;
        setArgs(args, this.builtin(S_GOSCHED), ev.stk);
        break;
      case V1.GoPreempt:
        type = Ev.GoStop;
        setArgs(args, this.builtin(S_PREEMPTED), ev.stk);
        break;
      case V1.GoSleep:
        type = this.block(args, S_SLEEP, ev);
        break;
      case V1.GoBlock:
        type = this.block(args, S_EMPTY, ev);
        break;
      case V1.GoUnblock:
        type = Ev.GoUnblock;
        break;
      case V1.GoBlockSend:
        type = this.block(args, S_CHAN_SEND, ev);
        break;
      case V1.GoBlockRecv:
        type = this.block(args, S_CHAN_RECV, ev);
        break;
      case V1.GoBlockSelect:
        type = this.block(args, S_SELECT, ev);
        break;
      case V1.GoBlockSync:
        type = this.block(args, S_SYNC, ev);
        break;
      case V1.GoBlockCond:
        type = this.block(args, S_SYNC_COND, ev);
        break;
      case V1.GoBlockNet:
        type = this.block(args, S_NETWORK, ev);
        break;
      case V1.GoBlockGC:
        type = this.block(args, S_MARK_ASSIST_WAIT, ev);
        break;
      case V1.GoSysCall:
        // The next event of the same goroutine tells whether the syscall blocked.
        if (this.nextEventBlocks(k)) {
          type = Ev.GoSyscallBegin;
          setArgs(args, 0, ev.stk);
        } else {
          // It did not: a 1 ns begin/end pair.
          const g = u64ToI64(ev.g);
          const m = this.procM(ev.p);
          this.extra.push(new TraceEvent(this.table, g, ev.p, m, Ev.GoSyscallEnd, i64Add(ev.ts, 1)));
          return this.make(out, g, ev.p, m, Ev.GoSyscallBegin, ev.ts, [0, ev.stk, 0, 0]);
        }
        break;
      case V1.GoSysExit:
        type = Ev.GoSyscallEndBlocked;
        break;
      case V1.GoSysBlock:
        return null;
      case V1.GoWaiting:
        type = Ev.GoStatus;
        setArgs(args, ev.a0, MAX_UINT64, GO_WAITING);
        this.createdPreInit?.delete(ev.a0);
        break;
      case V1.GoInSyscall:
        // The old format does not say which thread the syscall is on.
        type = Ev.GoStatus;
        setArgs(args, ev.a0, MAX_UINT64, GO_SYSCALL);
        this.createdPreInit?.delete(ev.a0);
        break;
      case V1.HeapAlloc:
        type = Ev.HeapAlloc;
        break;
      case V1.HeapGoal:
        type = Ev.HeapGoal;
        break;
      case V1.GCMarkAssistStart:
        type = Ev.GCMarkAssistBegin;
        break;
      case V1.GCMarkAssistDone:
        type = Ev.GCMarkAssistEnd;
        break;
      case V1.UserTaskCreate: {
        type = Ev.UserTaskBegin;
        const parent = ev.a1 === 0 ? NO_TASK : ev.a1;
        setArgs(args, ev.a0, parent, ev.a2, ev.stk);
        this.tasks.set(ev.a0, { name: this.table.strings.get(ev.a2) ?? '', parentID: ev.a1 });
        break;
      }
      case V1.UserTaskEnd: {
        type = Ev.UserTaskEnd;
        // Event.Task reads the parent and the name from the arguments after the stack.
        const ts = this.tasks.get(ev.a0);
        if (ts !== undefined) {
          this.tasks.delete(ev.a0);
          setArgs(args, ev.a0, ev.a1, ts.parentID, this.table.addExtraString(ts.name));
        } else {
          setArgs(args, ev.a0, ev.a1, NO_TASK, this.table.addExtraString(''));
        }
        break;
      }
      case V1.UserRegion:
        type = ev.a1 === 0 ? Ev.UserRegionBegin : ev.a1 === 1 ? Ev.UserRegionEnd : Ev.None;
        setArgs(args, ev.a0, ev.a2, ev.stk);
        break;
      case V1.UserLog: {
        type = Ev.UserLog;
        const msg = this.inlineToStringID[ev.a3 as number];
        if (msg === undefined) throw new GoPanic(`runtime error: index out of range [${ev.a3}] with length 0`);
        setArgs(args, ev.a0, ev.a1, msg, ev.stk);
        break;
      }
      case V1.CPUSample:
        // Go 1.21 samples name no M.
        type = Ev.CPUSample;
        setArgs(args, ev.stk, MAX_UINT64, i64ToU64(ev.p), ev.g);
        break;
      default:
        throw new TraceError(`unexpected event type ${ev.type}`);
    }

    if (V1_SPECS[ev.type].stack) {
      const ids = SPECS[type].stackIDs;
      if (ids.length > 0) args[ids[0] - 1] = ev.stk;
    }
    let m: I64 = NO_THREAD;
    if (ev.p !== -1 && ev.type !== V1.CPUSample) {
      const t = this.procMs.get(ev.p);
      if (t !== undefined) m = t;
    }
    if (ev.type === V1.ProcStop) this.procMs.delete(ev.p);
    let g = u64ToI64(ev.g);
    if (g === 0) g = NO_GOROUTINE;
    return this.make(out, g, ev.p, m, type, ev.ts, args);
  }

  /** Go's it.procMs[p]: the thread last seen starting P p, 0 (not NoThread) when none. */
  private procM(p: number): I64 {
    return this.procMs.get(p) ?? 0;
  }

  private block(args: U64[], reason: number, ev: V1Event): number {
    setArgs(args, this.builtin(reason), ev.stk);
    return Ev.GoBlock;
  }

  /** Whether the next event (in trace order) of the goroutine of event k is a GoSysBlock. */
  private nextEventBlocks(k: number): boolean {
    if (this.nextSameG === null) this.nextSameG = nextOfSameG(this.trace);
    const j = this.nextSameG[k];
    return j >= 0 && this.trace.events.type(this.trace.order[j]) === V1.GoSysBlock;
  }
}

/**
 * For each position in trace order, the position of the next event of the same goroutine
 * (-1 for none). Go scans ahead on every GoSysCall, which a crafted trace can make quadratic.
 */
function nextOfSameG(t: V1Trace): Int32Array {
  const n = t.order.length;
  const next = new Int32Array(n);
  const seen = new Map<U64, number>();
  for (let k = n - 1; k >= 0; k--) {
    const g = t.events.g(t.order[k]);
    next[k] = seen.get(g) ?? -1;
    seen.set(g, k);
  }
  return next;
}

/** Replaces args with the given values, zeroes after (Go's timedEventArgs{...} literals). */
function setArgs(args: U64[], a0: U64, a1: U64 = 0, a2: U64 = 0, a3: U64 = 0): void {
  args[0] = a0;
  args[1] = a1;
  args[2] = a2;
  args[3] = a3;
}

function canonU64(b: bigint): U64 {
  return b <= BigInt(Number.MAX_SAFE_INTEGER) ? Number(b) : b;
}
