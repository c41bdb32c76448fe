// The reader's frontier: the min-heap of batch cursors ordered by the time of their next event,
// as Go's internal/trace/batchcursor.go keeps it, and the frontier as Go prints it in errors.

import { SPECS } from '../wire/specs';
import { BatchCursor } from './batch-cursor';
import type { Generation } from './generation';
import { dec, type Time } from './int64';

/** A generation's frontier: a cursor on each M's batches, at its first event, in a heap. */
export function frontierOf(gen: Generation): BatchCursor[] {
  const heap: BatchCursor[] = [];
  for (const m of gen.batchMs) {
    const bc = new BatchCursor(m, gen.batches.get(m)!);
    if (bc.next(gen.table.freq)) heapInsert(heap, bc); // else only empty batches
  }
  return heap;
}

/** Go's batchCursor.compare. */
export function compareCursors(a: BatchCursor, b: BatchCursor): number {
  const x = a.ev.time;
  const y = b.ev.time;
  return x < y ? -1 : x > y ? 1 : 0;
}

// The heap, as Go's hand-written one (strict > on sift-up; sift-down takes the smallest of
// parent and children, preferring the parent, then the left child, on ties).

export function heapInsert(heap: BatchCursor[], bc: BatchCursor): void {
  heap.push(bc);
  siftUp(heap, heap.length - 1);
}

export function heapUpdate(heap: BatchCursor[], i: number): void {
  if (siftUp(heap, i) !== i) return;
  siftDown(heap, i);
}

export function heapRemove(heap: BatchCursor[], i: number): void {
  while (i > 0) {
    const p = (i - 1) >> 1;
    const t = heap[p];
    heap[p] = heap[i];
    heap[i] = t;
    i = p;
  }
  const last = heap.length - 1;
  const t = heap[0];
  heap[0] = heap[last];
  heap[last] = t;
  heap.pop();
  siftDown(heap, 0);
}

function siftUp(heap: BatchCursor[], i: number): number {
  const x = heap[i];
  const t = x.ev.time;
  const start = i;
  while (i > 0) {
    const p = (i - 1) >> 1;
    const parent = heap[p];
    if (!(parent.ev.time > t)) break;
    heap[i] = parent;
    i = p;
  }
  if (i !== start) heap[i] = x;
  return i;
}

/**
 * Go's siftDown with min3: the smallest of parent and children moves up; on ties the parent
 * stays, and the left child wins over the right. So the head stays where it is exactly when
 * its time is at most both children's times (headLimit).
 */
export function siftDown(heap: BatchCursor[], i: number): void {
  if (i >= heap.length) return;
  const x = heap[i];
  sinkFrom(heap, i, x, x.ev.time);
}

/**
 * siftDown's loop for cursor x, whose next event is at time t, from position i (where x is not
 * stored yet): x goes down past every child earlier than it, and is stored where it stops.
 * Returns that position.
 */
export function sinkFrom(heap: BatchCursor[], i: number, x: BatchCursor, t: Time): number {
  const n = heap.length;
  for (;;) {
    const l = 2 * i + 1;
    if (l >= n) break;
    let m = l;
    let mc = heap[l];
    let mt = mc.ev.time;
    const r = l + 1;
    if (r < n) {
      const rc = heap[r];
      const rt = rc.ev.time;
      if (rt < mt) {
        m = r;
        mc = rc;
        mt = rt;
      }
    }
    if (!(mt < t)) break;
    heap[i] = mc;
    i = m;
  }
  heap[i] = x;
  return i;
}

/**
 * The latest time the head's next event may have and still be the head after siftDown: the
 * smaller of its children's times (Infinity without children).
 */
export function headLimit(heap: BatchCursor[]): Time {
  const n = heap.length;
  if (n < 2) return Infinity;
  const l = heap[1].ev.time;
  if (n < 3) return l;
  const r = heap[2].ev.time;
  return r < l ? r : l;
}

/** The frontier as Go prints it in its "failed to advance" error: each M and its next event. */
export function dumpFrontier(frontier: BatchCursor[]): string {
  let s = '';
  for (const bc of frontier) {
    const spec = SPECS[bc.ev.type];
    s += `M ${dec(bc.m)} [${spec.name} time=${dec(bc.ev.time)}`;
    spec.args.slice(1).forEach((a, i) => (s += ` ${a}=${dec(bc.ev[(['a0', 'a1', 'a2', 'a3'] as const)[i]])}`));
    s += ']\n';
  }
  return s;
}

// The heap's loops past their first level, taken before any trace is read (see the end of
// batch-cursor.ts): with two Ms the first comes only once a third M has events, mid-trace.
for (let round = 0; round < 12; round++) {
  const heap: BatchCursor[] = [];
  for (let t = 1; t <= 7; t++) {
    const bc = new BatchCursor(t, []);
    bc.ev.time = t;
    heapInsert(heap, bc);
  }
  const top = heap[0];
  top.ev.time = 10;
  heap[0] = heap[1];
  sinkFrom(heap, 1, top, 10);
  siftDown(heap, 0);
  heapRemove(heap, 0);
}
