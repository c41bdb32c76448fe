// One decoded state transition per event for all the sinks of a pass. TraceEvent's
// stateTransition() builds a fresh object (with its resource, stack and reason) on every call;
// the summary, the goroutine summarizer, the profiles, the MMU log and the waits each asked for
// it on every transition, so a busy trace paid five decodes and five allocations per event.
// Here the last answer is kept and given again while the same event is being delivered.
//
// A goroutine's transition (nearly every one) is read without allocating, by the timeline's
// readGoTransition, into one object reused from event to event: the analyses of a server trace
// made a StateTransition, a ResourceID and often a Stack for each of its millions of transitions,
// a fifth of all they allocated. A sink must therefore not keep the object, its resource or its
// stack past the event (none does: they keep IDs, states and interned stacks). A P's transition
// is rare and comes from stateTransition() itself.
//
// The key is the event object with its type, time and arguments: forEachEvent reuses one object,
// but it never hands out two events with the same time (the reader makes every time later than
// the one before, as Go's reader does), so an unchanged key is the same event.

import { GoPanic, type I64, ResourceID, ResourceKind, Stack, type StateTransition, type TraceEvent } from '../trace/parse/index';
import { newGoTransition, readGoTransition } from './timeline/transition';

/** The reused answer for a goroutine's transition: what stateTransition() would give. */
class GoroutineTransition implements StateTransition {
  readonly resource = new ResourceID(ResourceKind.Goroutine, 0);
  from = 0;
  to = 0;
  reason = '';
  readonly read = newGoTransition();
  private table: TraceEvent['table'] = null;

  /** Fills this from ev; false when ev is not a goroutine's transition. */
  fill(ev: TraceEvent): boolean {
    const t = this.read;
    if (!readGoTransition(ev, t)) return false;
    (this.resource as { id: I64 }).id = t.goroutine;
    this.from = t.from;
    this.to = t.to;
    this.table = ev.table;
    this.reason = t.reason === 0 ? '' : reasonString(ev, t.reason);
    return true;
  }

  /** The transition's stack, made when a sink asks (a goroutine's first name, say). */
  get stack(): Stack {
    const t = this.read;
    if (t.stackIs === 'new') return new Stack(this.table, t.newStack);
    if (t.stackIs === 'event' && t.eventStack !== 0) return new Stack(this.table, t.eventStack);
    return Stack.none;
  }
}

function reasonString(ev: TraceEvent, id: number | bigint): string {
  const s = ev.table?.strings.get(id);
  if (s === undefined) throw new GoPanic(`expected id ${id} in string table`);
  return s;
}

const reused = new GoroutineTransition();

let lastEv: TraceEvent | null = null;
let lastType = -1;
let lastTime: TraceEvent['time'] = 0;
let lastA0: TraceEvent['a0'] = 0;
let lastG: TraceEvent['g'] = 0;
let lastSt: StateTransition | null = null;

/**
 * ev.stateTransition(), decoded once per event however many sinks ask; for a goroutine, in an
 * object the next event's answer reuses (read what you need during the event).
 */
export function transitionOf(ev: TraceEvent): StateTransition {
  if (lastSt !== null && ev === lastEv && ev.time === lastTime && ev.type === lastType && ev.a0 === lastA0 && ev.g === lastG) return lastSt;
  const st = reused.fill(ev) ? reused : ev.stateTransition();
  lastEv = ev;
  lastType = ev.type;
  lastTime = ev.time;
  lastA0 = ev.a0;
  lastG = ev.g;
  lastSt = st;
  return st;
}
