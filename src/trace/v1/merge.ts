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
import type { BatchParser, V1Event } from './batches';
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
  for (const pid of parser.batches.keys()) all.push({ pid, events: [], head: 0, done: false, pos: 0 });
  all.push({ pid: PROFILE_P, events: samples, head: 0, done: false, pos: 0 });

  const avail: Proc[] = all.slice();
  avail.forEach((p, i) => (p.pos = i));
  const gs = new Map<U64, GState>();
  const waiting = new Map<U64, Waiters>();
  const frontier = new OrderHeap<Proc>();
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

  /** Positions of the Ps waiting on g that its new state s lets go. */
  const wake = (g: U64, s: GState, out: number[]) => {
    const w = waiting.get(g);
    if (w === undefined) return;
    const any = w.anySeq[s.status];
    if (any !== undefined) {
      for (const p of any) out.push(p.pos);
      w.anySeq[s.status] = undefined;
    }
    const bySeq = w.bySeq[s.status];
    const exact = bySeq?.get(s.seq);
    if (exact !== undefined) {
      for (const p of exact) out.push(p.pos);
      bySeq!.delete(s.seq);
    }
  };

  const load = (proc: Proc): boolean => {
    if (proc.pid === PROFILE_P && proc.events === samples) proc.events = [];
    if (!parser.loadBatch(proc.pid, proc.events)) return false;
    proc.head = 0;
    return true;
  };

  // Go's walk over availableProcs, visiting only the candidate positions (sorted, distinct).
  const walk = (cand: number[]) => {
    let h = 0;
    let end = cand.length;
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
        frontier.push({ ev, proc });
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

  let cand: number[] = avail.map((_, i) => i);
  for (;;) {
    walk(cand);
    if (frontier.length === 0) {
      for (const p of all) if (!p.done) throw new TraceError('no consistent ordering of events possible');
      return;
    }
    const f = frontier.pop();
    transitionOf(f.ev, t);
    // "Local" events only served the ordering.
    if (f.ev.type === V1.GoStartLocal) f.ev.type = V1.GoStart;
    else if (f.ev.type === V1.GoUnblockLocal) f.ev.type = V1.GoUnblock;
    else if (f.ev.type === V1.GoSysExitLocal) f.ev.type = V1.GoSysExit;
    emit(f.ev);
    applyTransition(gs, t);
    cand = [];
    if (t.g !== UNORDERED) wake(t.g, stateOf(gs, t.g), cand);
    f.proc.pos = avail.length;
    avail.push(f.proc);
    cand.push(f.proc.pos);
    if (cand.length > 1) cand.sort((a, b) => a - b);
  }
}

function sortSamples(samples: V1Event[]): void {
  goSortFunc(samples, (a, b) => (a.ts < b.ts ? -1 : a.ts > b.ts ? 1 : 0));
}
