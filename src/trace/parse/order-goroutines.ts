// Ordering of goroutine events (Go's internal/trace/order.go, advanceGo*): statuses,
// creation, start/stop/block/unblock, coroutine switches, and syscalls. A goroutine's
// sequence number orders GoStart/GoUnblock/GoSwitch across Ms.

import { Ev, GoStatus, goStatusName, ProcStatus, procStatusName } from '../wire/specs';
import type { TraceEvent } from './event';
import { TraceError } from './errors';
import { dec, type I64, i64ToU64, lowByte, type U64, u64ToI64 } from './int64';
import type { Handler, Ordering } from './order';
import { type GState, NONE, Req, seqString, succeeds } from './order-state';
import { GO_STATUS_TO_STATE, GoState } from './resources';
import type { EvTable } from './tables';

function newG(id: I64, status: number, gen: U64): GState {
  return { id, status, seqGen: gen, seq: 0, regions: [], inFlight: [] };
}

/** The state of the goroutine running on this M, which must exist and be in `status`. */
function currentG(o: Ordering, ev: TraceEvent, status: number, want: string): GState {
  const state = o.gStates.get(o.curG);
  if (state === undefined) {
    throw new TraceError(`event ${o.evName(ev.type)} for goroutine (${dec(o.curG)}) that doesn't exist`);
  }
  if (state.status !== status) throw new TraceError(`${o.evName(ev.type)} event for goroutine that's not ${want}`);
  return state;
}

function goStatusEv(o: Ordering, ev: TraceEvent, evt: EvTable, _m: I64, gen: U64): boolean {
  const gid = u64ToI64(ev.a0);
  const mid = u64ToI64(ev.a1);
  const status = lowByte(ev.a2);
  if (status >= GO_STATUS_TO_STATE.length) throw new TraceError(`invalid status for goroutine ${dec(gid)}: ${status}`);
  let oldState: number = GO_STATUS_TO_STATE[status];
  const s = o.gStates.get(gid);
  if (s !== undefined) {
    if (s.status !== status) {
      throw new TraceError(
        `inconsistent status for goroutine ${dec(gid)}: old ${goStatusName(s.status)} vs. new ${goStatusName(status)}`,
      );
    }
    s.seqGen = gen;
    s.seq = 0;
  } else if (gen === o.initialGen) {
    o.gStates.set(gid, newG(gid, status, gen));
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
        o.mStates.set(mid, { g: gid, p: NONE });
      }
      o.curM = mid;
    }
  }
  o.push(evt, ev);
  return true;
}

function goCreate(o: Ordering, ev: TraceEvent, evt: EvTable, _m: I64, gen: U64): boolean {
  o.validateCtx(Req.Must, Req.Must, Req.May);
  const creator = o.gStates.get(o.curG);
  if (creator !== undefined && creator.status !== GoStatus.Running) {
    throw new TraceError(`${o.evName(ev.type)} event for goroutine that's not Running`);
  }
  const id = u64ToI64(ev.a0);
  if (o.gStates.has(id)) throw new TraceError(`tried to create goroutine (${dec(id)}) that already exists`);
  const status = ev.type === Ev.GoCreateBlocked ? GoStatus.Waiting : GoStatus.Runnable;
  o.gStates.set(id, newG(id, status, gen));
  o.push(evt, ev);
  return true;
}

export function goStopExec(o: Ordering, ev: TraceEvent, evt: EvTable): boolean {
  o.validateUserGo();
  const state = currentG(o, ev, GoStatus.Running, 'Running');
  if (ev.type === Ev.GoDestroy) o.gStates.delete(o.curG);
  else state.status = ev.type === Ev.GoStop ? GoStatus.Runnable : GoStatus.Waiting;
  o.newG = NONE;
  o.push(evt, ev);
  return true;
}

export function goStart(o: Ordering, ev: TraceEvent, evt: EvTable, _m: I64, gen: U64): boolean {
  const gid = u64ToI64(ev.a0);
  const state = o.gStates.get(gid);
  if (state === undefined || state.status !== GoStatus.Runnable || !succeeds(gen, ev.a1, state)) return false;
  o.validateCtx(Req.Must, Req.Must, Req.MustNot);
  state.status = GoStatus.Running;
  state.seqGen = gen;
  state.seq = ev.a1;
  o.newG = gid;
  o.push(evt, ev);
  return true;
}

export function goUnblock(o: Ordering, ev: TraceEvent, evt: EvTable, _m: I64, gen: U64): boolean {
  const state = o.gStates.get(u64ToI64(ev.a0));
  if (state === undefined || state.status !== GoStatus.Waiting || !succeeds(gen, ev.a1, state)) return false;
  // Anything may unblock a goroutine (sysmon too), so there is no context to check.
  state.status = GoStatus.Runnable;
  state.seqGen = gen;
  state.seq = ev.a1;
  o.push(evt, ev);
  return true;
}

/**
 * GoSwitch / GoSwitchDestroy stand for three events: unblocking the next goroutine (the event
 * itself), blocking or destroying the current one, and starting the next one. The last two
 * are synthesised with the switch's time.
 */
function goSwitch(o: Ordering, ev: TraceEvent, evt: EvTable, _m: I64, gen: U64): boolean {
  o.validateUserGo();
  const cur = currentG(o, ev, GoStatus.Running, 'Running');
  const nextg = u64ToI64(ev.a0);
  const next = o.gStates.get(nextg);
  if (next === undefined || next.status !== GoStatus.Waiting || !succeeds(gen, ev.a1, next)) return false;
  o.push(evt, ev);
  if (ev.type === Ev.GoSwitch) {
    cur.status = GoStatus.Waiting;
    o.pushMade(evt, o.curG, o.curP, o.curM, Ev.GoBlock, ev.time, 0, 0);
  } else {
    o.gStates.delete(o.curG);
    o.pushMade(evt, o.curG, o.curP, o.curM, Ev.GoDestroy, ev.time);
  }
  next.status = GoStatus.Running;
  next.seqGen = gen;
  next.seq = ev.a1;
  o.newG = nextg;
  o.pushMade(evt, NONE, o.curP, o.curM, Ev.GoStart, ev.time, ev.a0, ev.a1);
  return true;
}

function goSyscallBegin(o: Ordering, ev: TraceEvent, evt: EvTable, _m: I64, gen: U64): boolean {
  o.validateUserGo();
  const state = currentG(o, ev, GoStatus.Running, 'Running');
  state.status = GoStatus.Syscall;
  const p = o.pStates.get(o.curP);
  if (p === undefined) throw new TraceError(`uninitialized proc ${dec(o.curP)} found during ${o.evName(ev.type)}`);
  p.status = ProcStatus.Syscall;
  // The P sequence number disambiguates which syscall a ProcSteal stole from; on a running
  // P it must line up, so a mismatch is an error rather than a reason to wait.
  if (!succeeds(gen, ev.a0, p)) {
    throw new TraceError(
      `failed to advance ${o.evName(ev.type)}: can't make sequence: ${seqString(p.seqGen, p.seq)} -> ${seqString(gen, ev.a0)}`,
    );
  }
  p.seqGen = gen;
  p.seq = ev.a0;
  o.push(evt, ev);
  return true;
}

function goSyscallEnd(o: Ordering, ev: TraceEvent, evt: EvTable): boolean {
  o.validateUserGo();
  // Go's message names Running here even though the goroutine must be in Syscall.
  const state = currentG(o, ev, GoStatus.Syscall, 'Running');
  state.status = GoStatus.Running;
  const p = o.pStates.get(o.curP);
  if (p === undefined) throw new TraceError(`uninitialized proc ${dec(o.curP)} found during ${o.evName(ev.type)}`);
  if (p.status !== ProcStatus.Syscall) {
    throw new TraceError(`expected proc ${dec(o.curP)} in state Syscall, but got ${procStatusName(p.status)} instead`);
  }
  p.status = ProcStatus.Running;
  o.push(evt, ev);
  return true;
}

function goSyscallEndBlocked(o: Ordering, ev: TraceEvent, evt: EvTable): boolean {
  // Wait while this M still holds a P in a syscall: the event says it will lose it (to a
  // ProcStop or ProcSteal) first. A P acquired again after that is fine.
  if (o.curP !== NONE) {
    const p = o.pStates.get(o.curP);
    if (p === undefined) throw new TraceError(`uninitialized proc ${dec(o.curP)} found during ${o.evName(ev.type)}`);
    if (p.status === ProcStatus.Syscall) return false;
  }
  o.validateCtx(Req.Must, Req.May, Req.Must);
  const state = currentG(o, ev, GoStatus.Syscall, 'Running');
  o.newG = NONE;
  state.status = GoStatus.Runnable;
  o.push(evt, ev);
  return true;
}

function goCreateSyscall(o: Ordering, ev: TraceEvent, evt: EvTable, _m: I64, gen: U64): boolean {
  // A goroutine made for a cgo callback starts life in a syscall, bound to this M.
  o.validateCtx(Req.Must, Req.May, Req.MustNot);
  const id = u64ToI64(ev.a0);
  if (o.gStates.has(id)) throw new TraceError(`tried to create goroutine (${dec(id)}) in syscall that already exists`);
  o.gStates.set(id, newG(id, GoStatus.Syscall, gen));
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
  o.gStates.delete(o.curG);
  o.newG = NONE;
  if (o.curP !== NONE) {
    const p = o.pStates.get(o.curP);
    if (p === undefined) throw new TraceError(`found invalid proc ${dec(o.curP)} during ${o.evName(ev.type)}`);
    if (p.status !== ProcStatus.Syscall) {
      throw new TraceError(
        `proc ${dec(o.curP)} in unexpected state ${procStatusName(p.status)} during ${o.evName(ev.type)}`,
      );
    }
    p.status = ProcStatus.SyscallAbandoned;
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
