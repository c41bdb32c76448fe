// Goroutine ordering of the old parser: which state a goroutine must be in for an event to be
// merged, and the state after it; and the min-heap of mergeable events by timestamp. Follows
// Go's internal/trace/internal/tracev1/order.go (stateTransition, transitionReady,
// transition, orderEventList with its own heapUp/heapDown, whose tie order the output shows).

import { TraceError } from '../parse/errors';
import { MAX_UINT64, u64Inc, type U64 } from '../parse/int64';
import type { V1Event } from './batches';
import { V1 } from '../wire/v1-specs';

export const G_DEAD = 0;
export const G_RUNNABLE = 1;
export const G_RUNNING = 2;
export const G_WAITING = 3;

/** An event with no ordering requirement (Go's unordered, as a goroutine ID). */
export const UNORDERED: U64 = MAX_UINT64;
/** The pseudo-goroutine GC starts are ordered on (Go's garbage). */
export const GARBAGE: U64 = MAX_UINT64 - 1n;
/** Any sequence number will do (Go's noseq). */
export const NOSEQ: U64 = MAX_UINT64;
/** The next sequence number, whatever the current one is (Go's seqinc). */
export const SEQINC: U64 = MAX_UINT64 - 1n;

export interface GState {
  seq: U64;
  status: number;
}

/** What an event needs and does: filled by transitionOf (no allocation per event). */
export interface Transition {
  g: U64;
  initSeq: U64;
  initStatus: number;
  nextSeq: U64;
  nextStatus: number;
}

export function newTransition(): Transition {
  return { g: UNORDERED, initSeq: 0, initStatus: G_DEAD, nextSeq: 0, nextStatus: G_DEAD };
}

function set(t: Transition, g: U64, initSeq: U64, initStatus: number, nextSeq: U64, nextStatus: number): void {
  t.g = g;
  t.initSeq = initSeq;
  t.initStatus = initStatus;
  t.nextSeq = nextSeq;
  t.nextStatus = nextStatus;
}

/** Go's stateTransition. */
export function transitionOf(ev: V1Event, t: Transition): void {
  switch (ev.type) {
    case V1.GoCreate:
      return set(t, ev.a0, 0, G_DEAD, 1, G_RUNNABLE);
    case V1.GoWaiting:
    case V1.GoInSyscall:
      return set(t, ev.g, 1, G_RUNNABLE, 2, G_WAITING);
    case V1.GoStart:
    case V1.GoStartLabel:
      return set(t, ev.g, ev.a1, G_RUNNABLE, u64Inc(ev.a1), G_RUNNING);
    case V1.GoStartLocal:
      // Emitted on the P of the GoCreate/GoUnblock it follows, which is merged already.
      return set(t, ev.g, NOSEQ, G_RUNNABLE, SEQINC, G_RUNNING);
    case V1.GoBlock:
    case V1.GoBlockSend:
    case V1.GoBlockRecv:
    case V1.GoBlockSelect:
    case V1.GoBlockSync:
    case V1.GoBlockCond:
    case V1.GoBlockNet:
    case V1.GoSleep:
    case V1.GoSysBlock:
    case V1.GoBlockGC:
      return set(t, ev.g, NOSEQ, G_RUNNING, NOSEQ, G_WAITING);
    case V1.GoSched:
    case V1.GoPreempt:
      return set(t, ev.g, NOSEQ, G_RUNNING, NOSEQ, G_RUNNABLE);
    case V1.GoUnblock:
    case V1.GoSysExit:
      return set(t, ev.a0, ev.a1, G_WAITING, u64Inc(ev.a1), G_RUNNABLE);
    case V1.GoUnblockLocal:
    case V1.GoSysExitLocal:
      return set(t, ev.a0, NOSEQ, G_WAITING, SEQINC, G_RUNNABLE);
    case V1.GCStart:
      return set(t, GARBAGE, ev.a0, G_DEAD, u64Inc(ev.a0), G_DEAD);
    default:
      return set(t, UNORDERED, 0, G_DEAD, 0, G_DEAD);
  }
}

const ZERO_STATE: GState = { seq: 0, status: G_DEAD };

export function stateOf(gs: Map<U64, GState>, g: U64): GState {
  return gs.get(g) ?? ZERO_STATE;
}

/** Go's transitionReady. */
export function ready(t: Transition, curr: GState): boolean {
  return t.g === UNORDERED || ((t.initSeq === NOSEQ || t.initSeq === curr.seq) && t.initStatus === curr.status);
}

/** Go's transition: applies t to gs (throws if the event cannot happen now). */
export function applyTransition(gs: Map<U64, GState>, t: Transition): void {
  if (t.g === UNORDERED) return;
  const curr = stateOf(gs, t.g);
  if (!ready(t, curr)) throw new TraceError('encountered impossible goroutine state transition');
  let seq = t.nextSeq;
  if (seq === NOSEQ) seq = curr.seq;
  else if (seq === SEQINC) seq = u64Inc(curr.seq);
  // Updated in place: the map owns its entries (the default state is shared, never written).
  if (curr === ZERO_STATE) gs.set(t.g, { seq, status: t.nextStatus });
  else {
    curr.seq = seq;
    curr.status = t.nextStatus;
  }
}

/** An event in the merge frontier (Go's orderEvent: the event and the P list it came from). */
export interface OrderEvent {
  ev: V1Event;
}

/** Go's orderEventList: a binary min-heap on the event timestamp with Go's exact sift steps. */
export class OrderHeap<T extends OrderEvent> {
  readonly items: T[] = [];

  get length(): number {
    return this.items.length;
  }

  push(x: T): void {
    this.items.push(x);
    this.up(this.items.length - 1);
  }

  pop(): T {
    const h = this.items;
    const n = h.length - 1;
    swap(h, 0, n);
    this.down(0, n);
    return h.pop()!;
  }

  private less(i: number, j: number): boolean {
    return this.items[i].ev.ts < this.items[j].ev.ts;
  }

  private up(j: number): void {
    for (;;) {
      const i = Math.trunc((j - 1) / 2);
      if (i === j || !this.less(j, i)) break;
      swap(this.items, i, j);
      j = i;
    }
  }

  private down(i: number, n: number): void {
    for (;;) {
      const j1 = 2 * i + 1;
      if (j1 >= n) break;
      let j = j1;
      const j2 = j1 + 1;
      if (j2 < n && this.less(j2, j1)) j = j2;
      if (!this.less(j, i)) break;
      swap(this.items, i, j);
      i = j;
    }
  }
}

function swap<T>(h: T[], i: number, j: number): void {
  const t = h[i];
  h[i] = h[j];
  h[j] = t;
}
