// Merging the per-P batches into one ordered stream, as Go's parseEventBatches does
// (internal/trace/internal/tracev1/parser.go): each P offers its next event when the event's
// goroutine is in the state it needs (order.ts); offered events wait in a min-heap on their
// timestamp; the earliest is taken, its goroutine advances, and its P offers again.
//
// Go walks its list of Ps that have not offered (availableProcs) in full on every step,
// removing by swapping the last one into the hole. That walk decides the order offers enter
// the heap, and so which of two events with the same timestamp comes first: we reproduce it
// exactly. But walking it in full makes a crafted trace with many stuck Ps quadratic, so we
// only visit the Ps that can have changed: the P just taken from, and the Ps whose goroutine
// has just reached the state they wait for (indexed by goroutine, status and sequence). A P
// that stays stuck is a no-op in Go's walk, so skipping it changes nothing.
//
// Go starts the walk in the order of a Go map, which varies run to run. We take the order a
// small Go map gives when its iteration starts at slot 0: the order Ps first appear in the
// file (Go 1.24+ maps keep up to 8 entries in insertion slots and iterate them from a random
// slot, so this is one of Go's orders whenever the trace has at most 8 Ps; with more, Go's
// order depends on a per-map random hash seed and ours is a fixed choice).

import { goSortFunc } from '../go/sort';
import { TraceError } from '../parse/errors';
import type { U64 } from '../parse/int64';
import { type BatchParser, newEvent, type V1Event } from './batches';
import {
  applyTransition,
  type GState,
  newTransition,
  NOSEQ,
  OrderHeap,
  ready,
  stateOf,
  transitionOf,
  UNORDERED,
} from './order';
import { V1 } from '../wire/v1-specs';
import { PROFILE_P } from './specs';

interface Proc {
  readonly pid: number;
  /** The event this P offers while it is in the heap. */
  ev: V1Event;
  events: V1Event[];
  /** Next unmerged event in events (Go slices proc.events instead). */
  head: number;
  done: boolean;
  /** Index in the walk list, or -1 while its event is in the heap. */
  pos: number;
}

/** Ps stuck on one goroutine, by the status (and sequence number) they wait for. */
interface Waiters {
  anySeq: (Proc[] | undefined)[];
  bySeq: (Map<U64, Proc[]> | undefined)[];
}

/** How much work a merge did: Ps looked at in all walks (Go's walk looks at every P each step). */
export interface MergeStats {
  visits: number;
}

/** Calls emit with every event in merged order (Local event types renamed, as Go does). */
export function mergeBatches(parser: BatchParser, emit: (ev: V1Event) => void, stats?: MergeStats): void {
  const samples = parser.cpuSamples;
  // Go re-sorts CPU samples by the time the signal handler took (slices.SortFunc: pdqsort).
  sortSamples(samples);

  const all: Proc[] = [];
  const none = newEvent(V1.None, 0, 0);
  for (const pid of parser.batches.keys()) all.push({ pid, ev: none, events: [], head: 0, done: false, pos: 0 });
  all.push({ pid: PROFILE_P, ev: none, events: samples, head: 0, done: false, pos: 0 });

  const avail: Proc[] = all.slice();
  avail.forEach((p, i) => (p.pos = i));
  const gs = new Map<U64, GState>();
  const waiting = new Map<U64, Waiters>();
  const frontier = new OrderHeap<Proc>();
  // Candidate positions for the next walk (reused; its first candN entries count).
  const cand: number[] = avail.map((_, i) => i);
  let candN = cand.length;
  const t = newTransition();

  const wait = (proc: Proc) => {
    let w = waiting.get(t.g);
    if (w === undefined) {
      w = { anySeq: [], bySeq: [] };
      waiting.set(t.g, w);
    }
    if (t.initSeq === NOSEQ) (w.anySeq[t.initStatus] ??= []).push(proc);
    else {
      const m = (w.bySeq[t.initStatus] ??= new Map());
      const list = m.get(t.initSeq);
      if (list === undefined) m.set(t.initSeq, [proc]);
      else list.push(proc);
    }
  };

  /** Adds the positions of the Ps waiting on g that its new state s lets go. */
  const wake = (g: U64, s: GState) => {
    const w = waiting.get(g);
    if (w === undefined) return;
    const any = w.anySeq[s.status];
    if (any !== undefined) {
      for (const p of any) cand[candN++] = p.pos;
      w.anySeq[s.status] = undefined;
    }
    const bySeq = w.bySeq[s.status];
    const exact = bySeq?.get(s.seq);
    if (exact !== undefined) {
      for (const p of exact) cand[candN++] = p.pos;
      bySeq!.delete(s.seq);
    }
  };

  const load = (proc: Proc): boolean => {
    const events = parser.loadBatch(proc.pid);
    if (events === null) return false;
    proc.events = events;
    proc.head = 0;
    return true;
  };

  // Go's walk over availableProcs, visiting only the candidate positions (sorted, distinct).
  const walk = () => {
    let h = 0;
    let end = candN;
    if (stats) stats.visits += end;
    while (h < end) {
      const at = cand[h];
      const proc = avail[at];
      let remove = false;
      while (proc.head === proc.events.length) {
        // Batches can be empty: load until there is an event or no batch is left.
        if (!load(proc)) {
          proc.done = true;
          remove = true;
          break;
        }
      }
      if (!remove) {
        const ev = proc.events[proc.head];
        transitionOf(ev, t);
        if (!ready(t, stateOf(gs, t.g))) {
          wait(proc);
          h++;
          continue;
        }
        proc.head++;
        proc.ev = ev;
        frontier.push(proc);
      }
      // Remove by moving the last P into the hole, as Go does; Go then looks at the hole again.
      const last = avail.length - 1;
      const moved = avail[last];
      avail[at] = moved;
      moved.pos = at;
      avail.pop();
      proc.pos = -1;
      if (at !== last && end - 1 > h && cand[end - 1] === last) {
        cand[h] = at;
        end--;
      } else {
        h++;
      }
    }
  };

  for (;;) {
    walk();
    if (frontier.length === 0) {
      for (const p of all) if (!p.done) throw new TraceError('no consistent ordering of events possible');
      return;
    }
    const proc = frontier.pop();
    const ev = proc.ev;
    transitionOf(ev, t);
    // "Local" events only served the ordering.
    if (ev.type === V1.GoStartLocal) ev.type = V1.GoStart;
    else if (ev.type === V1.GoUnblockLocal) ev.type = V1.GoUnblock;
    else if (ev.type === V1.GoSysExitLocal) ev.type = V1.GoSysExit;
    emit(ev);
    applyTransition(gs, t);
    candN = 0;
    if (t.g !== UNORDERED) wake(t.g, stateOf(gs, t.g));
    proc.pos = avail.length;
    avail.push(proc);
    cand[candN++] = proc.pos;
    if (candN > 1) sortPrefix(cand, candN);
  }
}

/** Sorts cand[0..n) ascending (usually two or three entries). */
function sortPrefix(cand: number[], n: number): void {
  if (n > 16) {
    const sorted = cand.slice(0, n).sort((a, b) => a - b);
    for (let i = 0; i < n; i++) cand[i] = sorted[i];
    return;
  }
  for (let i = 1; i < n; i++) {
    const x = cand[i];
    let j = i - 1;
    while (j >= 0 && cand[j] > x) {
      cand[j + 1] = cand[j];
      j--;
    }
    cand[j + 1] = x;
  }
}

function sortSamples(samples: V1Event[]): void {
  goSortFunc(samples, (a, b) => (a.ts < b.ts ? -1 : a.ts > b.ts ? 1 : 0));
}
