// Ordering of goroutine events (Go's internal/trace/order.go, advanceGo*): statuses,
// creation, start/stop/block/unblock, coroutine switches, and syscalls. A goroutine's
// sequence number orders GoStart/GoUnblock/GoSwitch across Ms.

import { Ev, GoStatus, goStatusName, ProcStatus, procStatusName } from '../wire/specs';
import type { TraceEvent } from './event';
import { TraceError } from './errors';
import { dec, type I64, i64ToU64, lowByte, type U64, u64ToI64 } from './int64';
import type { Handler, Ordering } from './order';
import { MState, NONE, Req, seqString } from './order-state';
import { GO_STATUS_TO_STATE, GoState } from './resources';
import type { EvTable } from './tables';

/** The slot of the goroutine running on this M, which must exist and be in `status`. */
function currentG(o: Ordering, ev: TraceEvent, status: number, want: string): number {
  const slot = o.gs.find(o.curG);
  if (slot < 0) {
    throw new TraceError(`event ${o.evName(ev.type)} for goroutine (${dec(o.curG)}) that doesn't exist`);
  }
  if (o.gs.statusOf(slot) !== status) throw new TraceError(`${o.evName(ev.type)} event for goroutine that's not ${want}`);
  return slot;
}

function goStatusEv(o: Ordering, ev: TraceEvent, evt: EvTable, _m: I64, gen: U64): boolean {
  const gid = u64ToI64(ev.a0);
  const mid = u64ToI64(ev.a1);
  const status = lowByte(ev.a2);
  if (status >= GO_STATUS_TO_STATE.length) throw new TraceError(`invalid status for goroutine ${dec(gid)}: ${status}`);
  let oldState: number = GO_STATUS_TO_STATE[status];
  const gs = o.gs;
  const s = gs.find(gid);
  if (s >= 0) {
    if (gs.statusOf(s) !== status) {
      throw new TraceError(
        `inconsistent status for goroutine ${dec(gid)}: old ${goStatusName(gs.statusOf(s))} vs. new ${goStatusName(status)}`,
      );
    }
    gs.setSeq(s, o.genOrdinal, 0);
  } else if (gen === o.initialGen) {
    gs.insert(gid, status, o.genOrdinal);
    oldState = GoState.Undetermined;
  } else {
    throw new TraceError(
      `found goroutine status for new goroutine after the first generation: id=${dec(gid)} status=${goStatusName(status)}`,
    );
  }
  ev.a2 = oldState * 2 ** 32 + status; // old<<32 | new, read back by the StateTransition
  if (status === GoStatus.Running) {
    o.newG = gid;
  } else if (status === GoStatus.Syscall) {
    if (mid === NONE) throw new TraceError(`found goroutine ${dec(gid)} in syscall without a thread`);
    if (mid === o.curM) {
      if (gen !== o.initialGen && o.curG !== gid) {
        throw new TraceError(`inconsistent thread for syscalling goroutine ${dec(gid)}: thread has goroutine ${dec(o.curG)}`);
      }
      o.newG = gid;
    } else {
      // A goroutine that sat in a syscall on another M for the whole generation (that M holds
      // no P: the runtime takes every P back when a generation starts).
      const ms = o.mStates.get(mid);
      if (ms !== undefined) {
        if (ms.g !== gid) {
          throw new TraceError(`inconsistent thread for syscalling goroutine ${dec(gid)}: thread has goroutine ${dec(ms.g)}`);
        }
        o.curG = ms.g;
      } else {
        o.mStates.set(mid, new MState(gid, NONE));
      }
      o.curM = mid;
    }
  }
  o.push(evt, ev);
  return true;
}

function goCreate(o: Ordering, ev: TraceEvent, evt: EvTable, _m: I64, gen: U64): boolean {
  o.validateCtx(Req.Must, Req.Must, Req.May);
  const gs = o.gs;
  const creator = gs.find(o.curG);
  if (creator >= 0 && gs.statusOf(creator) !== GoStatus.Running) {
    throw new TraceError(`${o.evName(ev.type)} event for goroutine that's not Running`);
  }
  const id = u64ToI64(ev.a0);
  if (gs.find(id) >= 0) throw new TraceError(`tried to create goroutine (${dec(id)}) that already exists`);
  const status = ev.type === Ev.GoCreateBlocked ? GoStatus.Waiting : GoStatus.Runnable;
  void gen;
  gs.insert(id, status, o.genOrdinal);
  o.push(evt, ev);
  return true;
}

function goStopExec(o: Ordering, ev: TraceEvent, evt: EvTable): boolean {
  o.validateUserGo();
  const slot = currentG(o, ev, GoStatus.Running, 'Running');
  if (ev.type === Ev.GoDestroy) o.gs.delete(o.curG);
  else o.gs.setStatus(slot, ev.type === Ev.GoStop ? GoStatus.Runnable : GoStatus.Waiting);
  o.newG = NONE;
  o.push(evt, ev);
  return true;
}

function goStart(o: Ordering, ev: TraceEvent, evt: EvTable): boolean {
  const gid = u64ToI64(ev.a0);
  const gs = o.gs;
  const slot = gs.find(gid);
  if (slot < 0 || gs.statusOf(slot) !== GoStatus.Runnable || !gs.succeeds(slot, o.genOrdinal, ev.a1)) return false;
  o.validateCtx(Req.Must, Req.Must, Req.MustNot);
  gs.setStatus(slot, GoStatus.Running);
  gs.setSeq(slot, o.genOrdinal, ev.a1);
  o.newG = gid;
  o.push(evt, ev);
  return true;
}

function goUnblock(o: Ordering, ev: TraceEvent, evt: EvTable): boolean {
  const gs = o.gs;
  const slot = gs.find(u64ToI64(ev.a0));
  if (slot < 0 || gs.statusOf(slot) !== GoStatus.Waiting || !gs.succeeds(slot, o.genOrdinal, ev.a1)) return false;
  // Anything may unblock a goroutine (sysmon too), so there is no context to check.
  gs.setStatus(slot, GoStatus.Runnable);
  gs.setSeq(slot, o.genOrdinal, ev.a1);
  o.push(evt, ev);
  return true;
}

// Fast paths of the three hottest handlers, taken when the M has a state and the IDs are
// plain numbers: 1 = advanced, 0 = cannot advance yet, -1 = not decided here (the handler
// above then runs and gives the same answer or Go's error). They make no change before they
// have decided, and the event's context is the M's state before the transition.

/**
 * GoStart and GoUnblock: a goroutine's step that carries its next sequence number (Runnable
 * to Running on this M, Waiting to Runnable). One function for both, so the ordering's
 * hottest switch inlines one copy of the table's step.
 */
export function goSeqFast(o: Ordering, ev: TraceEvent, evt: EvTable, ms: MState, m: I64): number {
  const gid = ev.a0;
  if (typeof gid !== 'number') return -1;
  const start = ev.type === Ev.GoStart;
  // GoStart's validateCtx(Must, Must, MustNot): a thread, a P, no goroutine.
  if (start && (ms.p === NONE || ms.g !== NONE)) return -1;
  const from = start ? GoStatus.Runnable : GoStatus.Waiting;
  const to = start ? GoStatus.Running : GoStatus.Runnable;
  const r = o.gs.stepSeq(gid, from, to, o.genOrdinal, ev.a1);
  if (r !== 1) return r;
  o.place(evt, ev, start ? NONE : ms.g, ms.p, m);
  if (start) ms.g = gid;
  return 1;
}

/**
 * GoStatus, GoStatusStack for a goroutine not in a syscall: goStatusEv's common case. Every
 * goroutine's status opens every generation, so a server trace has millions of these.
 */
export function goStatusFast(o: Ordering, ev: TraceEvent, evt: EvTable, ms: MState, m: I64, gen: U64): number {
  const gid = ev.a0;
  const status = ev.a2;
  if (typeof gid !== 'number' || typeof status !== 'number' || status >= GO_STATUS_TO_STATE.length || status === GoStatus.Syscall) {
    return -1;
  }
  const gs = o.gs;
  const s = gs.find(gid);
  let oldState: number;
  if (s >= 0) {
    if (gs.statusOf(s) !== status) return -1;
    gs.setSeq(s, o.genOrdinal, 0);
    oldState = GO_STATUS_TO_STATE[status];
  } else if (gen === o.initialGen) {
    gs.insert(gid, status, o.genOrdinal);
    oldState = GoState.Undetermined;
  } else {
    return -1;
  }
  ev.a2 = oldState * 2 ** 32 + status; // as goStatusEv
  o.place(evt, ev, ms.g, ms.p, m);
  if (status === GoStatus.Running) ms.g = gid;
  return 1;
}

/** GoBlock, GoStop, GoDestroy. */
export function goStopFast(o: Ordering, ev: TraceEvent, evt: EvTable, ms: MState, m: I64): number {
  const g = ms.g;
  // validateUserGo holds here: a thread, a P, a goroutine.
  if (ms.p === NONE || g === NONE) return -1;
  const gs = o.gs;
  const typ = ev.type;
  if (typ === Ev.GoDestroy) {
    const slot = gs.find(g);
    if (slot < 0 || gs.statusOf(slot) !== GoStatus.Running) return -1;
    gs.delete(g);
  } else if (!gs.step(g, GoStatus.Running, typ === Ev.GoStop ? GoStatus.Runnable : GoStatus.Waiting)) {
    return -1;
  }
  o.place(evt, ev, g, ms.p, m);
  ms.g = NONE;
  return 1;
}

/** GoCreate, GoCreateBlocked. */
export function goCreateFast(o: Ordering, ev: TraceEvent, evt: EvTable, ms: MState, m: I64): number {
  const id = ev.a0;
  // validateCtx(Must, Must, May) holds here: a thread and a P.
  if (typeof id !== 'number' || ms.p === NONE) return -1;
  const gs = o.gs;
  if (ms.g !== NONE) {
    const creator = gs.find(ms.g);
    if (creator >= 0 && gs.statusOf(creator) !== GoStatus.Running) return -1;
  }
  if (gs.find(id) >= 0) return -1;
  gs.insert(id, ev.type === Ev.GoCreateBlocked ? GoStatus.Waiting : GoStatus.Runnable, o.genOrdinal);
  o.place(evt, ev, ms.g, ms.p, m);
  return 1;
}

export function goSyscallBeginFast(o: Ordering, ev: TraceEvent, evt: EvTable, ms: MState, m: I64): number {
  const g = ms.g;
  if (ms.p === NONE || g === NONE) return -1;
  const gs = o.gs;
  const ps = o.ps;
  const gslot = gs.find(g);
  if (gslot < 0 || gs.statusOf(gslot) !== GoStatus.Running) return -1;
  const pslot = ps.find(ms.p);
  if (pslot < 0 || !ps.succeeds(pslot, o.genOrdinal, ev.a0)) return -1;
  gs.setStatus(gslot, GoStatus.Syscall);
  ps.setStatus(pslot, ProcStatus.Syscall);
  ps.setSeq(pslot, o.genOrdinal, ev.a0);
  o.place(evt, ev, g, ms.p, m);
  return 1;
}

export function goSyscallEndFast(o: Ordering, ev: TraceEvent, evt: EvTable, ms: MState, m: I64): number {
  const g = ms.g;
  if (ms.p === NONE || g === NONE) return -1;
  const gs = o.gs;
  const ps = o.ps;
  const gslot = gs.find(g);
  if (gslot < 0 || gs.statusOf(gslot) !== GoStatus.Syscall) return -1;
  const pslot = ps.find(ms.p);
  if (pslot < 0 || ps.statusOf(pslot) !== ProcStatus.Syscall) return -1;
  gs.setStatus(gslot, GoStatus.Running);
  ps.setStatus(pslot, ProcStatus.Running);
  o.place(evt, ev, g, ms.p, m);
  return 1;
}

/**
 * GoSwitch / GoSwitchDestroy stand for three events: unblocking the next goroutine (the event
 * itself), blocking or destroying the current one, and starting the next one. The last two
 * are synthesised with the switch's time.
 */
function goSwitch(o: Ordering, ev: TraceEvent, evt: EvTable): boolean {
  o.validateUserGo();
  const gs = o.gs;
  const cur = currentG(o, ev, GoStatus.Running, 'Running');
  const nextg = u64ToI64(ev.a0);
  let next = gs.find(nextg);
  if (next < 0 || gs.statusOf(next) !== GoStatus.Waiting || !gs.succeeds(next, o.genOrdinal, ev.a1)) return false;
  o.push(evt, ev);
  if (ev.type === Ev.GoSwitch) {
    gs.setStatus(cur, GoStatus.Waiting);
    o.pushMade(evt, o.curG, o.curP, o.curM, Ev.GoBlock, ev.time, 0, 0);
  } else {
    gs.delete(o.curG);
    next = gs.find(nextg); // deleting may move other states
    o.pushMade(evt, o.curG, o.curP, o.curM, Ev.GoDestroy, ev.time);
  }
  gs.setStatus(next, GoStatus.Running);
  gs.setSeq(next, o.genOrdinal, ev.a1);
  o.newG = nextg;
  o.pushMade(evt, NONE, o.curP, o.curM, Ev.GoStart, ev.time, ev.a0, ev.a1);
  return true;
}

function goSyscallBegin(o: Ordering, ev: TraceEvent, evt: EvTable, _m: I64, gen: U64): boolean {
  o.validateUserGo();
  const slot = currentG(o, ev, GoStatus.Running, 'Running');
  o.gs.setStatus(slot, GoStatus.Syscall);
  const ps = o.ps;
  const p = ps.find(o.curP);
  if (p < 0) throw new TraceError(`uninitialized proc ${dec(o.curP)} found during ${o.evName(ev.type)}`);
  ps.setStatus(p, ProcStatus.Syscall);
  // The P sequence number disambiguates which syscall a ProcSteal stole from; on a running
  // P it must line up, so a mismatch is an error rather than a reason to wait.
  if (!ps.succeeds(p, o.genOrdinal, ev.a0)) {
    throw new TraceError(
      `failed to advance ${o.evName(ev.type)}: can't make sequence: ${seqString(o.genOf(ps.seqGenOf(p)), ps.seqOf(p))} -> ${seqString(gen, ev.a0)}`,
    );
  }
  ps.setSeq(p, o.genOrdinal, ev.a0);
  o.push(evt, ev);
  return true;
}

function goSyscallEnd(o: Ordering, ev: TraceEvent, evt: EvTable): boolean {
  o.validateUserGo();
  // Go's message names Running here even though the goroutine must be in Syscall.
  const slot = currentG(o, ev, GoStatus.Syscall, 'Running');
  o.gs.setStatus(slot, GoStatus.Running);
  const ps = o.ps;
  const p = ps.find(o.curP);
  if (p < 0) throw new TraceError(`uninitialized proc ${dec(o.curP)} found during ${o.evName(ev.type)}`);
  if (ps.statusOf(p) !== ProcStatus.Syscall) {
    throw new TraceError(`expected proc ${dec(o.curP)} in state Syscall, but got ${procStatusName(ps.statusOf(p))} instead`);
  }
  ps.setStatus(p, ProcStatus.Running);
  o.push(evt, ev);
  return true;
}

function goSyscallEndBlocked(o: Ordering, ev: TraceEvent, evt: EvTable): boolean {
  // Wait while this M still holds a P in a syscall: the event says it will lose it (to a
  // ProcStop or ProcSteal) first. A P acquired again after that is fine.
  if (o.curP !== NONE) {
    const p = o.ps.find(o.curP);
    if (p < 0) throw new TraceError(`uninitialized proc ${dec(o.curP)} found during ${o.evName(ev.type)}`);
    if (o.ps.statusOf(p) === ProcStatus.Syscall) return false;
  }
  o.validateCtx(Req.Must, Req.May, Req.Must);
  const slot = currentG(o, ev, GoStatus.Syscall, 'Running');
  o.newG = NONE;
  o.gs.setStatus(slot, GoStatus.Runnable);
  o.push(evt, ev);
  return true;
}

function goCreateSyscall(o: Ordering, ev: TraceEvent, evt: EvTable): boolean {
  // A goroutine made for a cgo callback starts life in a syscall, bound to this M.
  o.validateCtx(Req.Must, Req.May, Req.MustNot);
  const id = u64ToI64(ev.a0);
  if (o.gs.find(id) >= 0) throw new TraceError(`tried to create goroutine (${dec(id)}) in syscall that already exists`);
  o.gs.insert(id, GoStatus.Syscall, o.genOrdinal);
  o.newG = id;
  o.push(evt, ev);
  return true;
}

function goDestroySyscall(o: Ordering, ev: TraceEvent, evt: EvTable): boolean {
  // The cgo callback's goroutine goes away. Any P it holds is dropped too, as if stolen by
  // this M from itself: the thread ID may be reused, and a new M with the same ID must not
  // find itself holding this P.
  o.validateCtx(Req.Must, Req.May, Req.Must);
  currentG(o, ev, GoStatus.Syscall, 'Syscall');
  o.gs.delete(o.curG);
  o.newG = NONE;
  if (o.curP !== NONE) {
    const ps = o.ps;
    const p = ps.find(o.curP);
    if (p < 0) throw new TraceError(`found invalid proc ${dec(o.curP)} during ${o.evName(ev.type)}`);
    if (ps.statusOf(p) !== ProcStatus.Syscall) {
      throw new TraceError(
        `proc ${dec(o.curP)} in unexpected state ${procStatusName(ps.statusOf(p))} during ${o.evName(ev.type)}`,
      );
    }
    ps.setStatus(p, ProcStatus.SyscallAbandoned);
    o.newP = NONE;
    o.pushMade(evt, o.curG, o.curP, o.curM, Ev.ProcSteal, ev.time, i64ToU64(o.curP), 0, ProcStatus.Syscall);
  }
  o.push(evt, ev);
  return true;
}

export const GOROUTINE_HANDLERS: [number, Handler][] = [
  [Ev.GoStatus, goStatusEv],
  [Ev.GoStatusStack, goStatusEv],
  [Ev.GoCreate, goCreate],
  [Ev.GoCreateBlocked, goCreate],
  [Ev.GoDestroy, goStopExec],
  [Ev.GoStop, goStopExec],
  [Ev.GoBlock, goStopExec],
  [Ev.GoStart, goStart],
  [Ev.GoUnblock, goUnblock],
  [Ev.GoSwitch, goSwitch],
  [Ev.GoSwitchDestroy, goSwitch],
  [Ev.GoSyscallBegin, goSyscallBegin],
  [Ev.GoSyscallEnd, goSyscallEnd],
  [Ev.GoSyscallEndBlocked, goSyscallEndBlocked],
  [Ev.GoCreateSyscall, goCreateSyscall],
  [Ev.GoDestroySyscall, goDestroySyscall],
];
