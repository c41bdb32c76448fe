// A cursor over one M's event batches (their min-heap is cursor-heap.ts). Follows Go's
// internal/trace/batchcursor.go, including its timestamp arithmetic: a batch's first event time
// is mul(base) + mul(dt), each later one adds mul(dt) to the previous time, each dt converted
// separately and truncated.
//
// Where Go decodes into a base event and the ordering then copies it into an Event, the cursor
// here decodes straight into the TraceEvent the reader hands out: when the event advances, the
// reader takes the object and gives the cursor another one to decode the next event into.

import { readBatch } from '../wire/batch';
import { Ev, SPECS } from '../wire/specs';
import type { Batch } from './batch';
import { TraceError } from './errors';
import { TraceEvent } from './event';
import { encodeUvarint, uvarintAt, uvarintScan } from '../wire/varint';
import { i64Add, type I64, type Time, ticksToNs, type U64 } from './int64';
import type { MState } from './order-state';

/** Per event type: how many arguments follow dt, -1 for a type without a timestamp, -2 for none. */
const ARG_COUNT = new Int8Array(256).fill(-2);
for (let t = 0; t < SPECS.length; t++) {
  const s = SPECS[t];
  ARG_COUNT[t] = s.args.length === 0 || !s.isTimed ? -1 : s.args.length - 1;
}

const NO_DATA = new Uint8Array(0);
/** The most bytes a timed event takes after its type byte: dt and four arguments of 10 bytes. */
const MAX_TIMED_TAIL = 5 * 10;
const MAX_SAFE = Number.MAX_SAFE_INTEGER;

/** A new event object for a cursor to decode into. */
export function blankEvent(): TraceEvent {
  return new TraceEvent(null, -1, -1, -1, 0, 0);
}

export class BatchCursor {
  lastTs: Time = 0;
  idx = 0;
  dataOff = 0;
  /** The next event of this M: decoded, not yet ordered. Unused argument slots are 0. */
  ev: TraceEvent = blankEvent();
  /** The ordering's state of this M, once it has tried to advance an event (see Ordering.advance). */
  ms: MState | null = null;
  /** The current batch's payload (cached: one field load per event instead of two). */
  private data: Uint8Array;
  /**
   * Where the last uv() stopped. Decoder state lives in fields rather than module variables:
   * module-level `let`s cost a hole check per access and box non-Smi numbers.
   */
  private rpos = 0;
  /** A value past 2^53 that uv read (see uv). */
  private big: bigint = 0n;

  constructor(
    readonly m: I64,
    readonly batches: Batch[],
  ) {
    this.data = batches.length > 0 ? batches[0].data : NO_DATA;
  }

  /**
   * Decodes the next event into ev. Returns false when the batches are exhausted. Kept small
   * (its rare paths are calls): it is copied into the reader's loop, whose inlining budget
   * also has to hold the caller's sink.
   */
  next(freq: number): boolean {
    if (this.dataOff === this.data.length && !this.nextBatch()) return false;
    if (this.lastTs === 0) this.lastTs = ticksToNs(freq, this.batches[this.idx].time);
    const dt = this.decodeTimed();
    const last = this.lastTs;
    let t: Time;
    // ticksToNs + i64Add inlined for the common case (both plain numbers, the product and the
    // sum safe integers), with the same results; anything else takes int64.ts's exact path.
    if (typeof dt === 'number' && typeof last === 'number') {
      const x = dt * freq;
      const s = Math.trunc(x) + last;
      t = x <= MAX_SAFE && s <= MAX_SAFE && s >= -MAX_SAFE ? s : exactTime(freq, dt, last);
    } else {
      t = exactTime(freq, dt, last);
    }
    this.ev.time = t;
    this.lastTs = t;
    return true;
  }

  /** Moves to the next batch with data (Go accepts empty batches); false when there is none. */
  private nextBatch(): boolean {
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
    return true;
  }

  /**
   * Reads one timed event at dataOff into ev and moves past it; returns its dt. Go's
   * readTimedBaseEvent, with the same errors. Argument slots the event type does not have are
   * set to 0, so an event object carries nothing over from the event decoded into it before.
   *
   * This is the hottest code of the parser. Away from the end of a batch (nearly always, as
   * batches are up to 64 KiB) no read can pass the end, and a one-byte value, the most common
   * by far, is one load and one comparison; longer ones go to uvLong.
   */
  private decodeTimed(): U64 {
    const b = this.data;
    const e = this.ev;
    let p = this.dataOff;
    const typ = b[p++];
    const nargs = ARG_COUNT[typ];
    if (nargs < 0) {
      if (nargs === -2) throw new TraceError(`found invalid event type: ${typ}`);
      throw new TraceError(`found event without a timestamp: type=${typ}`);
    }
    e.type = typ;
    if (b.length - p < MAX_TIMED_TAIL) return this.decodeNearEnd(p, nargs);
    // uvLong gives -1 for a value that cannot be read and -2 for one past 2^53 (then in big),
    // so the checks here only ever compare numbers.
    let dt: U64 = b[p];
    if (dt < 0x80) {
      p++;
    } else {
      dt = this.uvLong(b, p);
      p = this.rpos;
      if (dt < 0) {
        if (dt === -1) throw new TraceError('found invalid uvarint for timestamp');
        dt = this.big;
      }
    }
    let a0: U64 = 0;
    let a1: U64 = 0;
    let a2: U64 = 0;
    let a3: U64 = 0;
    if (nargs > 0) {
      a0 = b[p];
      if (a0 < 0x80) {
        p++;
      } else {
        a0 = this.uvLong(b, p);
        p = this.rpos;
        if (a0 < 0) a0 = this.bigArg(a0);
      }
      if (nargs > 1) {
        a1 = b[p];
        if (a1 < 0x80) {
          p++;
        } else {
          a1 = this.uvLong(b, p);
          p = this.rpos;
          if (a1 < 0) a1 = this.bigArg(a1);
        }
        if (nargs > 2) {
          a2 = b[p];
          if (a2 < 0x80) {
            p++;
          } else {
            a2 = this.uvLong(b, p);
            p = this.rpos;
            if (a2 < 0) a2 = this.bigArg(a2);
          }
          if (nargs > 3) {
            a3 = b[p];
            if (a3 < 0x80) {
              p++;
            } else {
              a3 = this.uvLong(b, p);
              p = this.rpos;
              if (a3 < 0) a3 = this.bigArg(a3);
            }
          }
        }
      }
    }
    e.a0 = a0;
    e.a1 = a1;
    e.a2 = a2;
    e.a3 = a3;
    this.dataOff = p;
    return dt;
  }

  /** decodeTimed for an event that starts (after its type byte, at p) near the end of its batch. */
  private decodeNearEnd(p: number, nargs: number): U64 {
    const b = this.data;
    const e = this.ev;
    const end = b.length;
    let dt: U64 = this.uv(b, p, end);
    if (dt < 0) {
      if (dt === -1) throw new TraceError('found invalid uvarint for timestamp');
      dt = this.big;
    }
    let a0: U64 = 0;
    let a1: U64 = 0;
    let a2: U64 = 0;
    let a3: U64 = 0;
    if (nargs > 0) {
      a0 = this.uv(b, this.rpos, end);
      if (a0 < 0) a0 = this.bigArg(a0);
      if (nargs > 1) {
        a1 = this.uv(b, this.rpos, end);
        if (a1 < 0) a1 = this.bigArg(a1);
        if (nargs > 2) {
          a2 = this.uv(b, this.rpos, end);
          if (a2 < 0) a2 = this.bigArg(a2);
          if (nargs > 3) {
            a3 = this.uv(b, this.rpos, end);
            if (a3 < 0) a3 = this.bigArg(a3);
          }
        }
      }
    }
    e.a0 = a0;
    e.a1 = a1;
    e.a2 = a2;
    e.a3 = a3;
    this.dataOff = this.rpos;
    return dt;
  }

  /**
   * A uvarint of two or more bytes at p, where at least four bytes exist: up to four bytes in
   * int32 arithmetic, longer ones through uvRest. Same results as uv.
   */
  private uvLong(b: Uint8Array, p: number): number {
    const c0 = b[p] & 0x7f;
    const c1 = b[p + 1];
    if (c1 < 0x80) {
      this.rpos = p + 2;
      return c0 | (c1 << 7);
    }
    const c2 = b[p + 2];
    if (c2 < 0x80) {
      this.rpos = p + 3;
      return c0 | ((c1 & 0x7f) << 7) | (c2 << 14);
    }
    const c3 = b[p + 3];
    if (c3 < 0x80) {
      this.rpos = p + 4;
      return c0 | ((c1 & 0x7f) << 7) | ((c2 & 0x7f) << 14) | (c3 << 21);
    }
    return this.uvRest(b, p, b.length);
  }

  /** An argument uv could not give as a number: Go's error, or the value past 2^53. */
  private bigArg(v: number): U64 {
    if (v === -1) throw new TraceError('found invalid uvarint');
    return this.big;
  }

  /**
   * One uvarint at p, read with bounds checks, as a number; -1 if it cannot be read, -2 if it
   * is past 2^53 (the value is then in big). rpos is set to where it ended. Values of 1 to 3
   * bytes are decoded here in int32 arithmetic; anything else goes to wire/varint.ts's
   * uvarintAt, the one decoder of record.
   */
  private uv(b: Uint8Array, p: number, end: number): number {
    if (p + 3 <= end) {
      const c0 = b[p];
      if (c0 < 0x80) {
        this.rpos = p + 1;
        return c0;
      }
      const c1 = b[p + 1];
      if (c1 < 0x80) {
        this.rpos = p + 2;
        return (c0 & 0x7f) | (c1 << 7);
      }
      const c2 = b[p + 2];
      if (c2 < 0x80) {
        this.rpos = p + 3;
        return (c0 & 0x7f) | ((c1 & 0x7f) << 7) | (c2 << 14);
      }
    }
    return this.uvRest(b, p, end);
  }

  private uvRest(b: Uint8Array, p: number, end: number): number {
    const v = uvarintAt(b, p, end);
    // `| 0`: a position in a batch is a small integer, but the shared scan record holds any
    // caller's position, and once one came as a heap number (wire/varint.ts uvarintLong) it
    // made rpos, then dataOff, float fields: every index in decodeTimed was then a float
    // conversion.
    this.rpos = uvarintScan.end | 0;
    if (typeof v === 'number') return v;
    this.big = v;
    return -2;
  }
}

/** An event's time from its delta and the time before it, through int64.ts's exact arithmetic. */
function exactTime(freq: number, dt: U64, last: Time): Time {
  return i64Add(ticksToNs(freq, dt), last);
}

// Field representations settled before any trace is read (see event.ts): times are doubles, the
// M may be any int64.
{
  const bc = new BatchCursor(0, []);
  bc.lastTs = 0.5;
  (bc as { m: I64 }).m = 0n;
}

// The cursor's rarer paths, taken before any trace is read: values of one to five
// bytes in dt and in every argument, events near a batch's end, an empty batch, the move to the
// next batch and the end of the last. A path first taken mid-trace has no type feedback, and
// the optimised reader loop that inlines it is thrown away there and compiled again (on the
// busy bench trace, several times in its first quarter-million events). Small integers only:
// a bigint or a float here would make the decoder's comparisons generic for every trace.
{
  const bytes = (...vs: number[]) => vs.flatMap((v) => [...encodeUvarint(v)]);
  const wide = [5, 300, 70_000, 20_000_000, 2 ** 29 + 5]; // one to five bytes
  const payload: number[] = [];
  for (let i = 0; i < wide.length; i++) {
    const at = (k: number) => wide[(i + k) % wide.length];
    payload.push(Ev.GoStatusStack, ...bytes(at(0), at(1), at(2), at(3), at(4)));
  }
  const batch = (data: number[]) => {
    const header = [Ev.EventBatch, ...bytes(1, 7, 1000, data.length)];
    return readBatch(new Uint8Array([...header, ...data]), 0)!.batch;
  };
  const batches = [batch(payload), batch([]), batch(payload)];
  // Repeated: V8 keeps no feedback for a function until it has run a few times.
  for (let round = 0; round < 12; round++) {
    const bc = new BatchCursor(7, batches);
    let n = 0;
    while (bc.next(0.75)) n++;
    if (n !== 2 * wide.length || bc.ev.a3 !== wide[3]) throw new Error('batch-cursor: settling read the wrong events');
  }
}
