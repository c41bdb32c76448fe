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

const NO_DATA = new Uint8Array(0);
const MAX_SAFE = Number.MAX_SAFE_INTEGER;

export class BatchCursor {
  lastTs: Time = 0;
  idx = 0;
  dataOff = 0;
  readonly ev = new BaseEvent();
  /** The current batch's payload (cached: one field load per event instead of two). */
  private data: Uint8Array;
  /**
   * Where uvarintRest stopped. Decoder state lives in fields rather than module variables:
   * module-level `let`s cost a hole check per access and box non-Smi numbers.
   */
  private rpos = 0;

  constructor(
    readonly m: I64,
    readonly batches: Batch[],
  ) {
    this.data = batches.length > 0 ? batches[0].data : NO_DATA;
  }

  /** Decodes the next event into ev. Returns false when the batches are exhausted. */
  next(freq: number): boolean {
    if (this.dataOff === this.data.length) {
      // Go accepts empty batches, so skip as many as there are.
      const batches = this.batches;
      do {
        if (this.idx >= batches.length - 1) {
          this.idx = batches.length;
          return false;
        }
        this.idx++;
        this.data = batches[this.idx].data;
        this.dataOff = 0;
        this.lastTs = 0;
      } while (this.data.length === 0);
    }
    if (this.lastTs === 0) this.lastTs = ticksToNs(freq, this.batches[this.idx].time);
    const dt = this.decodeTimed();
    const last = this.lastTs;
    let t: Time;
    // ticksToNs + i64Add inlined for the common case (both plain numbers, the product and the
    // sum safe integers), with the same results; anything else takes int64.ts's exact path.
    if (typeof dt === 'number' && typeof last === 'number') {
      const x = dt * freq;
      const s = Math.trunc(x) + last;
      t = x <= MAX_SAFE && s <= MAX_SAFE && s >= -MAX_SAFE ? s : i64Add(ticksToNs(freq, dt), last);
    } else {
      t = i64Add(ticksToNs(freq, dt), last);
    }
    this.ev.time = t;
    this.lastTs = t;
    return true;
  }

  /**
   * Reads one timed event at dataOff into ev and moves past it; returns its dt. Go's
   * readTimedBaseEvent. This is the hottest code of the parser: dt and every argument are
   * uvarints, nearly all of 1 to 3 bytes (small dts, IDs, sequence numbers), so those are
   * decoded right here in int32 arithmetic, in one loop so the code stays small enough for V8
   * to inline it into the reader; anything else goes to uvarintRest.
   */
  private decodeTimed(): U64 {
    const b = this.data;
    const e = this.ev;
    const end = b.length;
    let p = this.dataOff;
    const typ = b[p++];
    const nargs = ARG_COUNT[typ];
    if (nargs < 0) {
      if (nargs === -2) throw new TraceError(`found invalid event type: ${typ}`);
      throw new TraceError(`found event without a timestamp: type=${typ}`);
    }
    e.type = typ;
    let dt: U64 = 0;
    for (let k = 0; k <= nargs; k++) {
      let v: U64;
      const c0 = p < end ? b[p] : 0x80;
      if (c0 < 0x80) {
        v = c0;
        p += 1;
      } else if (p + 3 <= end) {
        const c1 = b[p + 1];
        const c2 = b[p + 2];
        if (c1 < 0x80) {
          v = (c0 & 0x7f) | (c1 << 7);
          p += 2;
        } else if (c2 < 0x80) {
          v = (c0 & 0x7f) | ((c1 & 0x7f) << 7) | (c2 << 14);
          p += 3;
        } else {
          v = this.uvarintRest(b, p);
          p = this.rpos;
        }
      } else {
        v = this.uvarintRest(b, p);
        p = this.rpos;
      }
      if (v === -1) throw new TraceError(k === 0 ? 'found invalid uvarint for timestamp' : 'found invalid uvarint');
      switch (k) {
        case 0:
          dt = v;
          break;
        case 1:
          e.a0 = v;
          break;
        case 2:
          e.a1 = v;
          break;
        case 3:
          e.a2 = v;
          break;
        default:
          e.a3 = v;
      }
    }
    this.dataOff = p;
    return dt;
  }

  /**
   * Longer values, values near the end of a batch, and failures, at p: wire/varint.ts's
   * uvarintAt, the one decoder of record. Sets rpos to where it stopped.
   */
  private uvarintRest(b: Uint8Array, p: number): U64 {
    const v = uvarintAt(b, p, b.length);
    this.rpos = uvarintScan.end;
    return v;
  }
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
export function siftDown(heap: BatchCursor[], i: number): void {
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
