// Which goroutine or P a StateTransition event moves, read straight from the event's fields:
// the same answer as stateTransition().resource (event.ts, after Go's internal/trace/event.go
// StateTransition), without building the transition, its stack and its closures. For consumers
// that only count or index resources once per event, such as the trace summary.

import { Ev } from '../wire/specs';
import { EventKind, type TraceEvent } from './event';
import { KIND } from './event-kind';
import { type I64, u64ToI64 } from './int64';
import { ResourceKind } from './resources';

/** Where the moved resource's ID is: in the first argument, or the event's own G or P. */
const enum Subject {
  None = 0,
  ArgGoroutine,
  OwnGoroutine,
  ArgProc,
  OwnProc,
}

/** Per event type (EV_SYNC included): where the moved resource's ID is. */
const SUBJECT = new Uint8Array(256);
for (let t = 0; t < 256; t++) {
  // Creations, starts, unblocks, switches and statuses name their goroutine in the first argument.
  if (KIND[t] === EventKind.StateTransition) SUBJECT[t] = Subject.ArgGoroutine;
}
for (const t of [Ev.ProcStart, Ev.ProcSteal, Ev.ProcStatus]) SUBJECT[t] = Subject.ArgProc;
SUBJECT[Ev.ProcStop] = Subject.OwnProc;
for (const t of [Ev.GoDestroy, Ev.GoDestroySyscall, Ev.GoStop, Ev.GoBlock, Ev.GoSyscallBegin, Ev.GoSyscallEnd, Ev.GoSyscallEndBlocked]) {
  SUBJECT[t] = Subject.OwnGoroutine;
}

/** Per event type: the kind of resource a transition of that type moves (None for other events). */
export const TRANSITION_RESOURCE = new Uint8Array(256);
/** Per event type: 1 when the moved resource's ID is the first argument, not the event's own G or P. */
export const TRANSITION_ID_IN_ARG = new Uint8Array(256);
for (let t = 0; t < 256; t++) {
  const s = SUBJECT[t];
  if (s === Subject.None) continue;
  TRANSITION_RESOURCE[t] = s === Subject.ArgProc || s === Subject.OwnProc ? ResourceKind.Proc : ResourceKind.Goroutine;
  TRANSITION_ID_IN_ARG[t] = s === Subject.ArgGoroutine || s === Subject.ArgProc ? 1 : 0;
}

/** The kind of resource the transition moves (None for an event that is not a transition). */
export function transitionResourceKind(ev: TraceEvent): ResourceKind {
  return TRANSITION_RESOURCE[ev.type];
}

/** The ID of the resource the transition moves (0 for an event that is not a transition). */
export function transitionResourceId(ev: TraceEvent): I64 {
  switch (SUBJECT[ev.type]) {
    case Subject.ArgGoroutine:
    case Subject.ArgProc:
      return u64ToI64(ev.a0);
    case Subject.OwnGoroutine:
      return ev.g;
    case Subject.OwnProc:
      return ev.p;
    default:
      return 0;
  }
}
