// One Go 1.11–1.21 event converted to the events of the current model: Go's
// traceV1Converter.convertEvent (internal/trace/tracev1.go). Most events map one to one with
// their arguments reordered; some need the converter's state: goroutines that existed before
// tracing started become GoStatus events at the first Gomaxprocs, a syscall that did not block
// becomes a 1 ns begin/end pair, block reasons and STW kinds become strings of their own, a
// task end carries its task's parent and name. The state and the loop are in convert.ts.

import { GoPanic, TraceError } from '../parse/errors';
import { TraceEvent } from '../parse/event';
import { i64Add, i64ToU64, type I64, MAX_UINT64, u64ToI64, type U64 } from '../parse/int64';
import { NO_TASK } from '../parse/resources';
import type { EvTable } from '../parse/tables';
import { Ev, SPECS } from '../wire/specs';
import type { V1Event } from './batches';
import type { V1Converter } from './convert';
import {
  S_CHAN_RECV, S_CHAN_SEND, S_EMPTY, S_FOREVER, S_GOSCHED, S_MARK_ASSIST_WAIT, S_NETWORK,
  S_PREEMPTED, S_SELECT, S_SLEEP, S_STW_UNKNOWN, S_SYNC, S_SYNC_COND,
} from './convert-strings';
import { V1, V1_SPECS } from '../wire/v1-specs';
import { stwReason } from './specs';

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

/** Go's convertEvent for event k of the trace order; null when it gives no event (yet). */
export function convertEvent(c: V1Converter, k: number, out: TraceEvent | null): TraceEvent | null {
  const i = c.trace.order[k];
  const ev = c.trace.events.read(i, c.ev);
  c.sourceTime = ev.ts;
  const args = c.args;
  setArgs(args, ev.a0, ev.a1, ev.a2, ev.a3);
  let type: number;
  switch (ev.type) {
    case V1.Gomaxprocs:
      type = Ev.ProcsChange;
      if (c.preInit) {
        // The first Gomaxprocs ends the trace's start: goroutines created before it and
        // neither started nor blocked were runnable (or idle) when tracing began.
        c.preInit = false;
        for (const gid of c.createdPreInit!) {
          c.extra.push(
            new TraceEvent(c.table, NO_GOROUTINE, NO_PROC, NO_THREAD, Ev.GoStatus, ev.ts, gid, MAX_UINT64, GO_RUNNABLE),
          );
        }
        c.createdPreInit = null;
        return null;
      }
      break;
    case V1.ProcStart:
      c.procMs.set(ev.p, u64ToI64(ev.a0));
      if (c.seenProcs.has(ev.p)) {
        type = Ev.ProcStart;
        setArgs(args, i64ToU64(ev.p));
      } else {
        c.seenProcs.add(ev.p);
        type = Ev.ProcStatus;
        setArgs(args, i64ToU64(ev.p), PROC_RUNNING);
      }
      break;
    case V1.ProcStop:
      if (c.seenProcs.has(ev.p)) {
        type = Ev.ProcStop;
        setArgs(args, i64ToU64(ev.p));
      } else {
        c.seenProcs.add(ev.p);
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
      const sid = c.builtin(S_STW_UNKNOWN + stwReason(c.trace.version, ev.a0));
      c.lastStwReason = sid;
      type = Ev.STWBegin;
      setArgs(args, sid);
      break;
    }
    case V1.STWDone:
      type = Ev.STWEnd;
      setArgs(args, c.lastStwReason);
      break;
    case V1.GCSweepStart:
      type = Ev.GCSweepBegin;
      break;
    case V1.GCSweepDone:
      type = Ev.GCSweepEnd;
      break;
    case V1.GoCreate:
      if (c.preInit) {
        c.createdPreInit!.add(ev.a0);
        return null;
      }
      type = Ev.GoCreate;
      break;
    case V1.GoStart:
      if (c.preInit) {
        type = Ev.GoStatus;
        setArgs(args, ev.a0, MAX_UINT64, GO_RUNNING);
        c.createdPreInit!.delete(ev.a0);
      } else {
        type = Ev.GoStart;
      }
      break;
    case V1.GoStartLabel: {
      const g = u64ToI64(ev.g);
      c.extra.length = 0;
      c.extraHead = 0;
      c.extra.push(new TraceEvent(c.table, g, ev.p, c.procM(ev.p), Ev.GoLabel, ev.ts, ev.a2));
      return make(c.table, out, g, ev.p, c.procM(ev.p), Ev.GoStart, ev.ts, args);
    }
    case V1.GoEnd:
      type = Ev.GoDestroy;
      break;
    case V1.GoStop:
      type = block(c, args, S_FOREVER, ev);
      break;
    case V1.GoSched:
      type = Ev.GoStop;
      setArgs(args, c.builtin(S_GOSCHED), ev.stk);
      break;
    case V1.GoPreempt:
      type = Ev.GoStop;
      setArgs(args, c.builtin(S_PREEMPTED), ev.stk);
      break;
    case V1.GoSleep:
      type = block(c, args, S_SLEEP, ev);
      break;
    case V1.GoBlock:
      type = block(c, args, S_EMPTY, ev);
      break;
    case V1.GoUnblock:
      type = Ev.GoUnblock;
      break;
    case V1.GoBlockSend:
      type = block(c, args, S_CHAN_SEND, ev);
      break;
    case V1.GoBlockRecv:
      type = block(c, args, S_CHAN_RECV, ev);
      break;
    case V1.GoBlockSelect:
      type = block(c, args, S_SELECT, ev);
      break;
    case V1.GoBlockSync:
      type = block(c, args, S_SYNC, ev);
      break;
    case V1.GoBlockCond:
      type = block(c, args, S_SYNC_COND, ev);
      break;
    case V1.GoBlockNet:
      type = block(c, args, S_NETWORK, ev);
      break;
    case V1.GoBlockGC:
      type = block(c, args, S_MARK_ASSIST_WAIT, ev);
      break;
    case V1.GoSysCall:
      // The next event of the same goroutine tells whether the syscall blocked.
      if (c.nextEventBlocks(k)) {
        type = Ev.GoSyscallBegin;
        setArgs(args, 0, ev.stk);
      } else {
        // It did not: a 1 ns begin/end pair.
        const g = u64ToI64(ev.g);
        const m = c.procM(ev.p);
        c.extra.push(new TraceEvent(c.table, g, ev.p, m, Ev.GoSyscallEnd, i64Add(ev.ts, 1)));
        return make(c.table, out, g, ev.p, m, Ev.GoSyscallBegin, ev.ts, [0, ev.stk, 0, 0]);
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
      c.createdPreInit?.delete(ev.a0);
      break;
    case V1.GoInSyscall:
      // The old format does not say which thread the syscall is on.
      type = Ev.GoStatus;
      setArgs(args, ev.a0, MAX_UINT64, GO_SYSCALL);
      c.createdPreInit?.delete(ev.a0);
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
      c.tasks.set(ev.a0, { name: c.table.strings.get(ev.a2) ?? '', parentID: ev.a1 });
      break;
    }
    case V1.UserTaskEnd: {
      type = Ev.UserTaskEnd;
      // Event.Task reads the parent and the name from the arguments after the stack.
      const ts = c.tasks.get(ev.a0);
      if (ts !== undefined) {
        c.tasks.delete(ev.a0);
        setArgs(args, ev.a0, ev.a1, ts.parentID, c.table.addExtraString(ts.name));
      } else {
        setArgs(args, ev.a0, ev.a1, NO_TASK, c.table.addExtraString(''));
      }
      break;
    }
    case V1.UserRegion:
      type = ev.a1 === 0 ? Ev.UserRegionBegin : ev.a1 === 1 ? Ev.UserRegionEnd : Ev.None;
      setArgs(args, ev.a0, ev.a2, ev.stk);
      break;
    case V1.UserLog: {
      type = Ev.UserLog;
      const msg = c.inlineToStringID[ev.a3 as number];
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
    const t = c.procMs.get(ev.p);
    if (t !== undefined) m = t;
  }
  if (ev.type === V1.ProcStop) c.procMs.delete(ev.p);
  let g = u64ToI64(ev.g);
  if (g === 0) g = NO_GOROUTINE;
  return make(c.table, out, g, ev.p, m, type, ev.ts, args);
}

function make(table: EvTable, out: TraceEvent | null, g: I64, p: I64, m: I64, type: number, time: I64, a: U64[]): TraceEvent {
  if (out === null) return new TraceEvent(table, g, p, m, type, time, a[0], a[1], a[2], a[3]);
  out.table = table;
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

function block(c: V1Converter, args: U64[], reason: number, ev: V1Event): number {
  setArgs(args, c.builtin(reason), ev.stk);
  return Ev.GoBlock;
}

/** Replaces args with the given values, zeroes after (Go's timedEventArgs{...} literals). */
function setArgs(args: U64[], a0: U64, a1: U64 = 0, a2: U64 = 0, a3: U64 = 0): void {
  args[0] = a0;
  args[1] = a1;
  args[2] = a2;
  args[3] = a3;
}
