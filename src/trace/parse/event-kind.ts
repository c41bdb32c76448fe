// Event kinds, following Go's internal/trace/event.go (EventKind and the wire type → kind
// table tracev2Type2Kind): what the public model calls each wire event type.

import { Ev } from '../wire/specs';

export enum EventKind {
  Bad = 0,
  Sync = 1,
  Metric = 2,
  Label = 3,
  StackSample = 4,
  RangeBegin = 5,
  RangeActive = 6,
  RangeEnd = 7,
  TaskBegin = 8,
  TaskEnd = 9,
  RegionBegin = 10,
  RegionEnd = 11,
  Log = 12,
  StateTransition = 13,
  Experimental = 14,
}

export const EVENT_KIND_NAMES = [
  'Bad',
  'Sync',
  'Metric',
  'Label',
  'StackSample',
  'RangeBegin',
  'RangeActive',
  'RangeEnd',
  'TaskBegin',
  'TaskEnd',
  'RegionBegin',
  'RegionEnd',
  'Log',
  'StateTransition',
  'Experimental',
];

/** The internal type of Sync events (not a wire type). */
export const EV_SYNC = 255;

/** Wire event type (or EV_SYNC) → EventKind. */
export const KIND = new Uint8Array(256);
{
  const K = EventKind;
  const set = (k: EventKind, ...types: number[]) => types.forEach((t) => (KIND[t] = k));
  set(K.StackSample, Ev.CPUSample);
  set(K.Metric, Ev.ProcsChange, Ev.HeapAlloc, Ev.HeapGoal);
  set(
    K.StateTransition,
    Ev.ProcStart,
    Ev.ProcStop,
    Ev.ProcSteal,
    Ev.ProcStatus,
    Ev.GoCreate,
    Ev.GoCreateSyscall,
    Ev.GoStart,
    Ev.GoDestroy,
    Ev.GoDestroySyscall,
    Ev.GoStop,
    Ev.GoBlock,
    Ev.GoUnblock,
    Ev.GoSyscallBegin,
    Ev.GoSyscallEnd,
    Ev.GoSyscallEndBlocked,
    Ev.GoStatus,
    Ev.GoSwitch,
    Ev.GoSwitchDestroy,
    Ev.GoCreateBlocked,
    Ev.GoStatusStack,
  );
  set(K.RangeBegin, Ev.STWBegin, Ev.GCBegin, Ev.GCSweepBegin, Ev.GCMarkAssistBegin);
  set(K.RangeEnd, Ev.STWEnd, Ev.GCEnd, Ev.GCSweepEnd, Ev.GCMarkAssistEnd);
  set(K.RangeActive, Ev.GCActive, Ev.GCSweepActive, Ev.GCMarkAssistActive);
  set(K.Label, Ev.GoLabel);
  set(K.TaskBegin, Ev.UserTaskBegin);
  set(K.TaskEnd, Ev.UserTaskEnd);
  set(K.RegionBegin, Ev.UserRegionBegin);
  set(K.RegionEnd, Ev.UserRegionEnd);
  set(K.Log, Ev.UserLog);
  for (let t = Ev.Span; t <= Ev.GoroutineStackFree; t++) KIND[t] = K.Experimental;
  KIND[EV_SYNC] = K.Sync;
}
