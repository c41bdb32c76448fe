// Ordering of ranges (Go's internal/trace/order.go): the GC mark phase (global, ordered by a
// GC sequence number because begin and end can happen on different Ms), sweeps (bound to a
// P), mark assists and stop-the-world (bound to a G), and the heap metrics.

import { Ev } from '../wire/specs';
import type { TraceEvent } from './event';
import { GoPanic, TraceError } from './errors';
import { dec, type I64, type U64, u64Inc, u64ToI64 } from './int64';
import type { Handler, Ordering } from './order';
import { activeRange, beginRange, endRange, GCState, makeRangeType, Req } from './order-state';
import type { EvTable } from './tables';
import type { RangeType } from './order-state';

function gcActive(o: Ordering, ev: TraceEvent, evt: EvTable, _m: I64, gen: U64): boolean {
  const seq = ev.a0;
  if (gen === o.initialGen) {
    if (o.gcState !== GCState.Undetermined) throw new TraceError("GCActive in the first generation isn't first GC event");
    o.gcSeq = seq;
    o.gcState = GCState.Running;
    o.push(evt, ev);
    return true;
  }
  if (seq !== u64Inc(o.gcSeq)) return false; // not this GC cycle yet
  if (o.gcState !== GCState.Running) throw new TraceError('encountered GCActive while GC was not in progress');
  o.gcSeq = seq;
  o.validateUserGo();
  o.push(evt, ev);
  return true;
}

function gcBegin(o: Ordering, ev: TraceEvent, evt: EvTable): boolean {
  const seq = ev.a0;
  if (o.gcState === GCState.Undetermined) {
    o.gcSeq = seq;
    o.gcState = GCState.Running;
    o.push(evt, ev);
    return true;
  }
  if (seq !== u64Inc(o.gcSeq)) return false;
  if (o.gcState === GCState.Running) throw new TraceError('encountered GCBegin while GC was already in progress');
  o.gcSeq = seq;
  o.gcState = GCState.Running;
  o.validateUserGo();
  o.push(evt, ev);
  return true;
}

function gcEnd(o: Ordering, ev: TraceEvent, evt: EvTable): boolean {
  const seq = ev.a0;
  if (seq !== u64Inc(o.gcSeq)) return false;
  if (o.gcState === GCState.NotRunning) throw new TraceError('encountered GCEnd when GC was not in progress');
  if (o.gcState === GCState.Undetermined) throw new TraceError('encountered GCEnd when GC was in an undetermined state');
  o.gcSeq = seq;
  o.gcState = GCState.NotRunning;
  o.validateUserGo();
  o.push(evt, ev);
  return true;
}

/** The in-flight ranges of the current context's P; always known once a context holds it. */
function ctxProcRanges(o: Ordering): RangeType[] {
  const p = o.ps.find(o.curP);
  if (p < 0) throw new GoPanic('runtime error: invalid memory address or nil pointer dereference');
  return o.ps.inFlight(p);
}

function gcSweepBegin(o: Ordering, ev: TraceEvent, evt: EvTable): boolean {
  o.validateCtx(Req.Must, Req.Must, Req.May);
  beginRange(ctxProcRanges(o), makeRangeType(ev.type, 0));
  o.push(evt, ev);
  return true;
}

function gcSweepActive(o: Ordering, ev: TraceEvent, evt: EvTable, _m: I64, gen: U64): boolean {
  // Named by argument, not context: be lenient in case a P can ever block mid-sweep.
  const pid = u64ToI64(ev.a0);
  const p = o.ps.find(pid);
  if (p < 0) throw new TraceError(`encountered GCSweepActive for unknown proc ${dec(pid)}`);
  activeRange(o.ps.inFlight(p), makeRangeType(ev.type, 0), gen === o.initialGen);
  o.push(evt, ev);
  return true;
}

function gcSweepEnd(o: Ordering, ev: TraceEvent, evt: EvTable): boolean {
  o.validateCtx(Req.Must, Req.Must, Req.May);
  endRange(ctxProcRanges(o), ev.type);
  o.push(evt, ev);
  return true;
}

function goRangeBegin(o: Ordering, ev: TraceEvent, evt: EvTable): boolean {
  o.validateUserGo();
  const desc = ev.type === Ev.STWBegin ? ev.a0 : 0;
  const g = o.gs.find(o.curG);
  if (g < 0) {
    throw new TraceError(`encountered event of type ${ev.type} without known state for current goroutine ${dec(o.curG)}`);
  }
  beginRange(o.gs.inFlight(g), makeRangeType(ev.type, desc));
  o.push(evt, ev);
  return true;
}

function goRangeActive(o: Ordering, ev: TraceEvent, evt: EvTable, _m: I64, gen: U64): boolean {
  // Like GoStatus, this can name a goroutine that is not running: no context checks.
  const gid = u64ToI64(ev.a0);
  const g = o.gs.find(gid);
  if (g < 0) throw new TraceError(`uninitialized goroutine ${dec(gid)} found during ${o.evName(ev.type)}`);
  activeRange(o.gs.inFlight(g), makeRangeType(ev.type, 0), gen === o.initialGen);
  o.push(evt, ev);
  return true;
}

function goRangeEnd(o: Ordering, ev: TraceEvent, evt: EvTable): boolean {
  o.validateUserGo();
  const g = o.gs.find(o.curG);
  if (g < 0) {
    throw new TraceError(`encountered event of type ${ev.type} without known state for current goroutine ${dec(o.curG)}`);
  }
  const desc = endRange(o.gs.inFlight(g), ev.type);
  // STWEnd carries the kind of its STWBegin, so its Range() can name it.
  if (ev.type === Ev.STWEnd) ev.a0 = desc;
  o.push(evt, ev);
  return true;
}

function heapMetric(o: Ordering, ev: TraceEvent, evt: EvTable): boolean {
  o.validateCtx(Req.Must, Req.Must, Req.May);
  o.push(evt, ev);
  return true;
}

export const RANGE_HANDLERS: [number, Handler][] = [
  [Ev.GCActive, gcActive],
  [Ev.GCBegin, gcBegin],
  [Ev.GCEnd, gcEnd],
  [Ev.GCSweepActive, gcSweepActive],
  [Ev.GCSweepBegin, gcSweepBegin],
  [Ev.GCSweepEnd, gcSweepEnd],
  [Ev.STWBegin, goRangeBegin],
  [Ev.STWEnd, goRangeEnd],
  [Ev.GCMarkAssistActive, goRangeActive],
  [Ev.GCMarkAssistBegin, goRangeBegin],
  [Ev.GCMarkAssistEnd, goRangeEnd],
  [Ev.HeapAlloc, heapMetric],
  [Ev.HeapGoal, heapMetric],
];
