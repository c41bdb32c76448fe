// A cursor over one M's event batches, and the min-heap of cursors ordered by the time of
// their next event. Follows Go's internal/trace/batchcursor.go, including its timestamp
// arithmetic: a batch's first event time is mul(base) + mul(dt), each later one adds mul(dt)
// to the previous time, each dt converted separately and truncated.

import { SPECS } from '../wire/specs';
import type { Batch } from './batch';
import { TraceError } from './errors';
import { uvarintAt, uvarintScan } from '../wire/varint';
import { i64Add, type I64, type Time, ticksToNs, type U64 } from './int64';

/** Per event type: how many arguments follow dt, or -1 if the type is not a timed event. */
const ARG_COUNT = new Int8Array(256).fill(-2);
for (let t = 0; t < SPECS.length; t++) {
  const s = SPECS[t];
  ARG_COUNT[t] = s.args.length === 0 || !s.isTimed ? -1 : s.args.length - 1;
}

/** The unprocessed form of a timed event (Go's baseEvent): type, time and 4 argument slots. */
export class BaseEvent {
  type = 0;
  time: Time = 0;
  a0: U64 = 0;
  a1: U64 = 0;
  a2: U64 = 0;
  a3: U64 = 0;
}

export class BatchCursor {
  lastTs: Time = 0;
  idx = 0;
  dataOff = 0;
  readonly ev = new BaseEvent();

  constructor(
    readonly m: I64,
    readonly batches: Batch[],
  ) {}

  /** Decodes the next event into ev. Returns false when the batches are exhausted. */
  next(freq: number): boolean {
    const batches = this.batches;
    while (this.idx < batches.length && batches[this.idx].data.length === this.dataOff) {
      this.idx++;
      this.dataOff = 0;
      this.lastTs = 0;
    }
    if (this.idx === batches.length) return false;
    const batch = batches[this.idx];
    if (this.lastTs === 0) this.lastTs = ticksToNs(freq, batch.time);
    const data = batch.data;
    this.dataOff = decodeTimed(data, this.dataOff, this.ev);
    const t = i64Add(ticksToNs(freq, dt), this.lastTs);
    this.ev.time = t;
    this.lastTs = t;
    return true;
  }
}

/** dt of the event decodeTimed read last (a module slot keeps the hot path allocation-free). */
let dt: U64 = 0;
/** Read position shared by decodeTimed and uvarint. */
let rpos = 0;

/**
 * Go's binary.Uvarint at rpos within b[0:end), advancing rpos; -1 when it fails. This is the
 * hottest loop of the parser (every argument of every event), so values of up to 7 bytes are
 * decoded inline here, where V8 inlines them into decodeTimed: going through the shared
 * wire/varint.ts uvarintAt for every value measured ~20% slower overall. Longer values and
 * failures go to uvarintAt, the one decoder of record.
 */
function uvarint(b: Uint8Array, end: number): U64 {
  let p = rpos;
  if (p < end) {
    const c = b[p];
    if (c < 0x80) {
      rpos = p + 1;
      return c;
    }
    let v = c & 0x7f;
    let mul = 128;
    for (p++; p < end && mul < 2 ** 49; p++) {
      const d = b[p];
      if (d < 0x80) {
        rpos = p + 1;
        return v + d * mul;
      }
      v += (d & 0x7f) * mul;
      mul *= 128;
    }
  }
  const v = uvarintAt(b, rpos, end);
  rpos = uvarintScan.end;
  return v;
}

/** Reads one timed event at off; returns the offset after it. Go's readTimedBaseEvent. */
function decodeTimed(b: Uint8Array, off: number, e: BaseEvent): number {
  const typ = b[off];
  const nargs = ARG_COUNT[typ];
  if (nargs < 0) {
    if (nargs === -2) throw new TraceError(`found invalid event type: ${typ}`);
    throw new TraceError(`found event without a timestamp: type=${typ}`);
  }
  e.type = typ;
  const end = b.length;
  rpos = off + 1;
  const t = uvarint(b, end);
  if (t === -1) throw new TraceError('found invalid uvarint for timestamp');
  dt = t;
  if (nargs > 0) {
    const a = uvarint(b, end);
    if (a === -1) throw new TraceError('found invalid uvarint');
    e.a0 = a;
    if (nargs > 1) {
      const a = uvarint(b, end);
      if (a === -1) throw new TraceError('found invalid uvarint');
      e.a1 = a;
      if (nargs > 2) {
        const a = uvarint(b, end);
        if (a === -1) throw new TraceError('found invalid uvarint');
        e.a2 = a;
        if (nargs > 3) {
          const a = uvarint(b, end);
          if (a === -1) throw new TraceError('found invalid uvarint');
          e.a3 = a;
        }
      }
    }
  }
  return rpos;
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
 * stays, and the left child wins over the right.
 */
function siftDown(heap: BatchCursor[], i: number): void {
  const n = heap.length;
  if (i >= n) return;
  const x = heap[i];
  const t = x.ev.time;
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
}
