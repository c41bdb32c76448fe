// Ordering of P events: ProcStatus, ProcStart, ProcStop, ProcSteal (Go's
// internal/trace/order.go, advanceProc*). A P's sequence number orders ProcStart and ProcSteal
// across Ms; ProcStop always happens on the M that holds the P, so it needs none.

import { Ev, ProcStatus, procStatusName } from '../wire/specs';
import type { TraceEvent } from './event';
import { TraceError } from './errors';
import { dec, type I64, lowByte, type U64, u64ToI64 } from './int64';
import type { Handler, Ordering } from './order';
import { NONE, Req } from './order-state';
import { PROC_STATUS_TO_STATE, ProcState } from './resources';
import type { EvTable } from './tables';

function procStatusEv(o: Ordering, ev: TraceEvent, evt: EvTable, _m: I64, gen: U64): boolean {
  const pid = u64ToI64(ev.a0);
  const status = lowByte(ev.a1);
  if (status >= PROC_STATUS_TO_STATE.length) throw new TraceError(`invalid status for proc ${dec(pid)}: ${status}`);
  let oldState: number = PROC_STATUS_TO_STATE[status];
  const ps = o.ps;
  const s = ps.find(pid);
  if (s >= 0) {
    const old = ps.statusOf(s);
    if (status === ProcStatus.SyscallAbandoned && old === ProcStatus.Syscall) {
      // Nothing was lost: the P is still in the syscall we saw it enter. It is about to be
      // stolen, so show it as Running → Running on the M that holds it.
      oldState = ProcState.Running;
      ev.a1 = ProcStatus.Syscall;
    } else if (status === ProcStatus.SyscallAbandoned && old === ProcStatus.SyscallAbandoned) {
      oldState = ProcState.Idle;
      ev.a1 = ProcStatus.SyscallAbandoned;
    } else if (old !== status) {
      throw new TraceError(
        `inconsistent status for proc ${dec(pid)}: old ${procStatusName(old)} vs. new ${procStatusName(status)}`,
      );
    }
    ps.setSeq(s, o.genOrdinal, 0);
  } else {
    ps.insert(pid, status, o.genOrdinal);
    oldState = gen === o.initialGen ? ProcState.Undetermined : ProcState.NotExist;
  }
  ev.a2 = oldState; // read back by the StateTransition
  if (status === ProcStatus.Running || status === ProcStatus.Syscall) o.newP = pid;
  if (status === ProcStatus.SyscallAbandoned && oldState === ProcState.Running) {
    let found = false;
    for (const [mid, ms] of o.mStates) {
      if (ms.p === pid) {
        o.curM = mid;
        o.curP = pid;
        o.curG = ms.g;
        found = true;
      }
    }
    if (!found) throw new TraceError(`failed to find sched context for proc ${dec(pid)} that's about to be stolen`);
  }
  o.push(evt, ev);
  return true;
}

function procStart(o: Ordering, ev: TraceEvent, evt: EvTable): boolean {
  const pid = u64ToI64(ev.a0);
  const ps = o.ps;
  const state = ps.find(pid);
  // Not yet: the P's status may come later, or this M still holds a P in a syscall that has
  // not been seen stolen.
  if (state < 0 || ps.statusOf(state) !== ProcStatus.Idle || !ps.succeeds(state, o.genOrdinal, ev.a1) || o.curP !== NONE) {
    return false;
  }
  o.validateCtx(Req.Must, Req.MustNot, Req.May);
  ps.setStatus(state, ProcStatus.Running);
  ps.setSeq(state, o.genOrdinal, ev.a1);
  o.newP = pid;
  o.push(evt, ev);
  return true;
}

function procStop(o: Ordering, ev: TraceEvent, evt: EvTable): boolean {
  const ps = o.ps;
  const state = ps.find(o.curP);
  if (state < 0) {
    throw new TraceError(`event ${o.evName(ev.type)} for proc (${dec(o.curP)}) that doesn't exist`);
  }
  if (ps.statusOf(state) !== ProcStatus.Running && ps.statusOf(state) !== ProcStatus.Syscall) {
    throw new TraceError(`${o.evName(ev.type)} event for proc that's not Running or Syscall`);
  }
  o.validateCtx(Req.Must, Req.Must, Req.May);
  ps.setStatus(state, ProcStatus.Idle);
  o.newP = NONE;
  o.push(evt, ev);
  return true;
}

function procSteal(o: Ordering, ev: TraceEvent, evt: EvTable): boolean {
  const pid = u64ToI64(ev.a0);
  const ps = o.ps;
  const state = ps.find(pid);
  if (
    state < 0 ||
    (ps.statusOf(state) !== ProcStatus.Syscall && ps.statusOf(state) !== ProcStatus.SyscallAbandoned) ||
    !ps.succeeds(state, o.genOrdinal, ev.a1)
  ) {
    return false;
  }
  o.validateCtx(Req.Must, Req.May, Req.May);
  // Keep the status that let us advance: a steal of an abandoned P reads as Idle → Idle.
  const oldStatus = ps.statusOf(state);
  ev.a3 = oldStatus;
  ps.setStatus(state, ProcStatus.Idle);
  ps.setSeq(state, o.genOrdinal, ev.a1);
  if (oldStatus === ProcStatus.SyscallAbandoned) {
    // Information was lost; the M may have moved on, so leave it alone.
    o.push(evt, ev);
    return true;
  }
  const mid = u64ToI64(ev.a2);
  if (mid === o.curM) {
    // A self-steal behaves like ProcStop.
    if (o.curP !== pid) {
      throw new TraceError(`tried to self-steal proc ${dec(pid)} (thread ${dec(mid)}), but got proc ${dec(o.curP)} instead`);
    }
    o.newP = NONE;
    o.push(evt, ev);
    return true;
  }
  const victim = o.mStates.get(mid);
  if (victim === undefined) throw new TraceError(`stole proc from non-existent thread ${dec(mid)}`);
  if (victim.p !== pid) {
    throw new TraceError(`tried to steal proc ${dec(pid)} from thread ${dec(mid)}, but got proc ${dec(victim.p)} instead`);
  }
  // The victim M is in a syscall and cannot advance its GoSyscallEndBlocked until it has
  // lost the P, which it now has.
  victim.p = NONE;
  o.push(evt, ev);
  return true;
}

export const PROC_HANDLERS: [number, Handler][] = [
  [Ev.ProcStatus, procStatusEv],
  [Ev.ProcStart, procStart],
  [Ev.ProcStop, procStop],
  [Ev.ProcSteal, procSteal],
];
