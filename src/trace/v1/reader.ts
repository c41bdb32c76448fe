// Reading a Go 1.11–1.21 trace as Go's reader does (internal/trace/reader.go, the v1Events
// branch of ReadEvent): the whole trace is parsed before the first event (parse.ts), then the
// converted events come one at a time between a Sync just before the first event and a Sync
// just after the last. parse.ts and the conversion are Go's tracev1.Parse and
// traceV1Converter; this is what TraceReader hands a v1 header to.
//
// Go parses in NewReader and so reports a damaged trace before any event; we parse on the
// first read, so the error comes from the first readEvent / forEachEvent call, again before
// any event.

import { EV_SYNC, TraceEvent } from '../parse/event';
import { i64Add, type I64 } from '../parse/int64';
import type { EvTable } from '../parse/tables';
import { V1Converter } from './convert';
import { parseV1 } from './parse';

function syncEvent(table: EvTable | null, time: I64, n: number): TraceEvent {
  return new TraceEvent(table, -1, -1, -1, EV_SYNC, time, n);
}

export class V1Reader {
  private conv: V1Converter | null = null;
  private total = 0;
  private syncs = 0;
  private done = false;
  private failed: Error | null = null;
  private readonly slot = syncEvent(null, 0, 0);
  /** The time of the old event the last event came from (V1Converter.sourceTime). */
  sourceTime: I64 = 0;

  constructor(
    private readonly bytes: Uint8Array,
    private readonly headerSize: number,
    readonly version: number,
  ) {}

  /**
   * Bytes consumed so far. The whole file is read before the first event; for progress we
   * count the body in proportion to the events given out.
   */
  get offset(): number {
    if (this.conv === null) return this.headerSize;
    if (this.done || this.total === 0) return this.bytes.length;
    const body = this.bytes.length - this.headerSize;
    return this.headerSize + Math.floor((body * (this.total - this.conv.remaining)) / this.total);
  }

  /** Go reads all or nothing of an old trace: the whole file once read without error. */
  get validOffset(): number {
    return this.conv !== null && this.failed === null ? this.bytes.length : this.headerSize;
  }

  /**
   * The old format has no generations; Go's reader takes it as one, which we number 1 (as the
   * inspector does). Null before the first and after the last Sync.
   */
  get generation(): number | null {
    return this.syncs === 1 && !this.done ? 1 : null;
  }

  /** The next event (into `out` when given), or null after the closing Sync. */
  next(out: TraceEvent | null): TraceEvent | null {
    if (this.failed !== null) throw this.failed;
    if (this.done) return null;
    try {
      if (this.conv === null) {
        this.conv = new V1Converter(parseV1(this.bytes.subarray(this.headerSize), this.version));
        this.total = this.conv.remaining;
      }
      const conv = this.conv;
      if (this.syncs === 0) {
        const first = conv.peekTime();
        if (first !== null) return this.sync(conv.table, i64Add(first, -1));
      }
      const ev = conv.next(out);
      if (ev !== null) {
        this.sourceTime = conv.sourceTime;
        return ev;
      }
      this.done = true;
      return this.sync(null, i64Add(conv.lastTs, 1));
    } catch (e) {
      this.failed = e as Error;
      throw e;
    }
  }

  private sync(table: EvTable | null, time: I64): TraceEvent {
    this.sourceTime = time;
    return syncEvent(table, time, ++this.syncs);
  }

  /** TraceReader.forEachEvent for an old trace: one reused event object. */
  forEach(f: (ev: TraceEvent) => void, max: number): boolean {
    for (let n = 0; n < max; n++) {
      const ev = this.next(this.slot);
      if (ev === null) return true;
      f(ev);
    }
    return false;
  }
}
