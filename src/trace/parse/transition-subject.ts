// Which goroutine or P a StateTransition event moves, read straight from the event's fields:
// the same answer as stateTransition().resource (event.ts, after Go's internal/trace/event.go
// StateTransition), without building the transition, its stack and its closures. For consumers
// that only count or index resources once per event, such as the trace summary.

import { Ev } from '../wire/specs';
import { EventKind, type TraceEvent } from './event';
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

const SUBJECT = new Uint8Array(256);
for (const t of [Ev.ProcStart, Ev.ProcSteal, Ev.ProcStatus]) SUBJECT[t] = Subject.ArgProc;
SUBJECT[Ev.ProcStop] = Subject.OwnProc;
for (const t of [Ev.GoDestroy, Ev.GoDestroySyscall, Ev.GoStop, Ev.GoBlock, Ev.GoSyscallBegin, Ev.GoSyscallEnd, Ev.GoSyscallEndBlocked]) {
  SUBJECT[t] = Subject.OwnGoroutine;
}

function subjectOf(ev: TraceEvent): Subject {
  const s = SUBJECT[ev.type];
  if (s !== Subject.None) return s;
  // Every other transition (creations, starts, unblocks, switches, statuses) names its
  // goroutine in the first argument.
  return ev.kind() === EventKind.StateTransition ? Subject.ArgGoroutine : Subject.None;
}

/** The kind of resource the transition moves (None for an event that is not a transition). */
export function transitionResourceKind(ev: TraceEvent): ResourceKind {
  const s = subjectOf(ev);
  if (s === Subject.None) return ResourceKind.None;
  return s === Subject.ArgProc || s === Subject.OwnProc ? ResourceKind.Proc : ResourceKind.Goroutine;
}

/** The ID of the resource the transition moves (0 for an event that is not a transition). */
export function transitionResourceId(ev: TraceEvent): I64 {
  switch (subjectOf(ev)) {
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
