// One decoded state transition per event for all the sinks of a pass. TraceEvent's
// stateTransition() builds a fresh object (with its resource, stack and reason) on every call;
// the summary, the goroutine summarizer, the profiles, the MMU log and the waits each asked for
// it on every transition, so a busy trace paid five decodes and five allocations per event.
// Here the last answer is kept and given again while the same event is being delivered.
//
// The key is the event object with its type, time and arguments: forEachEvent reuses one object,
// but it never hands out two events with the same time (the reader makes every time later than
// the one before, as Go's reader does), so an unchanged key is the same event.

import type { StateTransition, TraceEvent } from '../trace/parse/index';

let lastEv: TraceEvent | null = null;
let lastType = -1;
let lastTime: TraceEvent['time'] = 0;
let lastA0: TraceEvent['a0'] = 0;
let lastG: TraceEvent['g'] = 0;
let lastSt: StateTransition | null = null;

/** ev.stateTransition(), decoded once per event however many sinks ask. */
export function transitionOf(ev: TraceEvent): StateTransition {
  if (lastSt !== null && ev === lastEv && ev.time === lastTime && ev.type === lastType && ev.a0 === lastA0 && ev.g === lastG) return lastSt;
  const st = ev.stateTransition();
  lastEv = ev;
  lastType = ev.type;
  lastTime = ev.time;
  lastA0 = ev.a0;
  lastG = ev.g;
  lastSt = st;
  return st;
}
