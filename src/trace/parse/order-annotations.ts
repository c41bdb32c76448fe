// Ordering of user annotations and instant events (Go's internal/trace/order.go): tasks,
// regions, logs, labels, GOMAXPROCS changes, and the experimental alloc/free events.

import { Ev } from '../wire/specs';
import type { TraceEvent } from './event';
import { TraceError } from './errors';
import { dec } from './int64';
import type { Handler, Ordering } from './order';
import { type MState, NONE, Req } from './order-state';
import type { I64, U64 } from './int64';
import { NO_TASK } from './resources';
import type { EvTable } from './tables';

/** Instant events that need a running goroutine: ProcsChange, GoLabel, UserLog. */
function annotation(o: Ordering, ev: TraceEvent, evt: EvTable): boolean {
  o.validateUserGo();
  o.push(evt, ev);
  return true;
}

function userTaskBegin(o: Ordering, ev: TraceEvent, evt: EvTable): boolean {
  // Tasks need no Begin to be referenced and may End many times; the one thing to check is a
  // Begin for a task that is already active. IDs may be reused after an End.
  const id = ev.a0;
  if (o.activeTasks.has(id)) throw new TraceError(`task ID conflict: ${dec(id)}`);
  // Parent 0 means "no parent" here (the background task applies only to regions).
  let parent = ev.a1;
  if (parent === 0) {
    parent = NO_TASK;
    ev.a1 = NO_TASK;
  }
  const name = evt.strings.get(ev.a2);
  if (name === undefined) throw new TraceError(`invalid string ID ${dec(ev.a2)} for ${ev.type} event`);
  o.activeTasks.set(id, { name, parentID: parent });
  o.validateUserGo();
  o.push(evt, ev);
  return true;
}

function userTaskEnd(o: Ordering, ev: TraceEvent, evt: EvTable): boolean {
  // Pass the task's parent and name to the event. The name may come from an earlier
  // generation's string table, so it goes into this generation's extra strings.
  const task = o.activeTasks.get(ev.a0);
  if (task !== undefined) {
    ev.a2 = task.parentID;
    ev.a3 = evt.addExtraString(task.name);
    o.activeTasks.delete(ev.a0);
  } else {
    ev.a2 = NO_TASK;
    ev.a3 = evt.addExtraString('');
  }
  o.validateUserGo();
  o.push(evt, ev);
  return true;
}

function regionString(taskID: U64, name: string): string {
  return `{${dec(taskID)} ${name}}`;
}

function userRegion(o: Ordering, ev: TraceEvent, evt: EvTable): boolean {
  o.validateUserGo();
  const name = evt.strings.get(ev.a1);
  if (name === undefined) throw new TraceError(`invalid string ID ${dec(ev.a1)} for ${ev.type} event`);
  const begin = ev.type === Ev.UserRegionBegin;
  const g = o.gs.find(o.curG);
  if (g < 0) {
    const which = begin ? 'EvUserRegionBegin' : 'EvUserRegionEnd';
    throw new TraceError(`encountered ${which} without known state for current goroutine ${dec(o.curG)}`);
  }
  // Regions are compared by resolved name: string IDs change between generations.
  const regions = o.gs.regions(g);
  const n = regions.length;
  if (begin) {
    o.gs.openRegion(g, ev.a0, name);
  } else if (n > 0) {
    // An End with no Begin is a region that began before tracing started.
    const topTask = regions[n - 2] as U64;
    const topName = regions[n - 1] as string;
    if (topTask !== ev.a0 || topName !== name) {
      throw new TraceError(
        `misuse of region in goroutine ${dec(o.gs.id(g))}: region end ${regionString(ev.a0, name)} when the inner-most active region start event is ${regionString(topTask, topName)}`,
      );
    }
    o.gs.closeRegion(g);
  }
  o.push(evt, ev);
  return true;
}

/** UserRegionBegin, UserRegionEnd on a running goroutine: userRegion's common case (see goSeqFast). */
export function userRegionFast(o: Ordering, ev: TraceEvent, evt: EvTable, ms: MState, m: I64): number {
  const g = ms.g;
  if (ms.p === NONE || g === NONE) return -1;
  const name = evt.strings.get(ev.a1);
  if (name === undefined) return -1;
  const slot = o.gs.find(g);
  if (slot < 0) return -1;
  const gs = o.gs;
  if (ev.type === Ev.UserRegionBegin) {
    gs.openRegion(slot, ev.a0, name);
  } else {
    const regions = gs.regions(slot);
    const n = regions.length;
    if (n > 0) {
      if (regions[n - 2] !== ev.a0 || regions[n - 1] !== name) return -1;
      gs.closeRegion(slot);
    }
  }
  o.place(evt, ev, g, ms.p, m);
  return 1;
}

function allocFree(o: Ordering, ev: TraceEvent, evt: EvTable): boolean {
  o.validateCtx(Req.Must, Req.May, Req.May);
  o.push(evt, ev);
  return true;
}

const allocFreeTypes: number[] = [];
for (let t = Ev.Span; t <= Ev.GoroutineStackFree; t++) allocFreeTypes.push(t);

export const ANNOTATION_HANDLERS: [number, Handler][] = [
  [Ev.ProcsChange, annotation],
  [Ev.GoLabel, annotation],
  [Ev.UserLog, annotation],
  [Ev.UserTaskBegin, userTaskBegin],
  [Ev.UserTaskEnd, userTaskEnd],
  [Ev.UserRegionBegin, userRegion],
  [Ev.UserRegionEnd, userRegion],
  ...allocFreeTypes.map((t): [number, Handler] => [t, allocFree]),
];

