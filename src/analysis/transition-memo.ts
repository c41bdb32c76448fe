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
// is rare: it is copied into the same object from stateTransition().
//
// The key is the event object with its type, time and arguments: forEachEvent reuses one object,
// but it never hands out two events with the same time (the reader makes every time later than
// the one before, as Go's reader does), so an unchanged key is the same event.

import { GoPanic, type I64, ResourceID, ResourceKind, Stack, type StateTransition, type TraceEvent } from '../trace/parse/index';
import { newGoTransition, readGoTransition } from './timeline/transition';

/**
 * The reused answer: what stateTransition() would give. Every answer is this one object, a P's
 * too (copied from stateTransition()), so the sinks' reads of it meet one shape.
 */
class ReusedTransition implements StateTransition {
  readonly resource = new ResourceID(ResourceKind.Goroutine, 0);
  from = 0;
  to = 0;
  reason = '';
  private readonly read = newGoTransition();
  private table: TraceEvent['table'] = null;
  /** A P's transition's stack (NoStack in every case Go has); null for a goroutine's. */
  private other: Stack | null = null;

  fill(ev: TraceEvent): void {
    const t = this.read;
    const r = this.resource as { kind: ResourceKind; id: I64 };
    if (!readGoTransition(ev, t)) {
      const st = ev.stateTransition();
      r.kind = st.resource.kind;
      r.id = st.resource.id;
      this.from = st.from;
      this.to = st.to;
      this.reason = st.reason;
      this.other = st.stack;
      return;
    }
    r.kind = ResourceKind.Goroutine;
    r.id = t.goroutine;
    this.from = t.from;
    this.to = t.to;
    this.table = ev.table;
    this.reason = t.reason === 0 ? '' : reasonString(ev, t.reason);
    this.other = null;
  }

  /** The transition's stack, made when a sink asks (a goroutine's first name, say). */
  get stack(): Stack {
    if (this.other !== null) return this.other;
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

const reused = new ReusedTransition();

/** The event the reused answer was filled from (null: none yet), by the key above. */
let lastEv: TraceEvent | null = null;
let lastType = -1;
let lastTime: TraceEvent['time'] = 0;
let lastA0: TraceEvent['a0'] = 0;
let lastG: TraceEvent['g'] = 0;

/**
 * ev.stateTransition(), decoded once per event however many sinks ask, in an object the next
 * event's answer reuses (read what you need during the event).
 */
export function transitionOf(ev: TraceEvent): StateTransition {
  if (ev === lastEv && ev.time === lastTime && ev.type === lastType && ev.a0 === lastA0 && ev.g === lastG) return reused;
  // Forgotten first: if fill throws (a damaged P status, as Go panics), nothing is kept.
  lastEv = null;
  reused.fill(ev);
  lastEv = ev;
  lastType = ev.type;
  lastTime = ev.time;
  lastA0 = ev.a0;
  lastG = ev.g;
  return reused;
}
