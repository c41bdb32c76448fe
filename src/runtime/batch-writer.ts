// Per-M batch buffers, written the way runtime/tracebuf.go writes them: a batch header
// (EvEventBatch, gen, M, base time, and a length slot reserved as a padded 10-byte
// varint), then events as type byte, time delta and arguments, each argument a uvarint.
// Before every event the writer makes sure the worst case (10 bytes per number) fits,
// and flushes the batch when it does not, so no batch exceeds Go's 64 KiB limit.
// A flushed batch is handed to the sink as one complete chunk, as ReadTrace returns it.

import { Ev, MAX_BATCH_SIZE } from '../trace/wire/specs';

/** Bytes a batch may use in total; Go's traceBuf array is MaxBatchSize minus its header. */
export const BATCH_CAPACITY = MAX_BATCH_SIZE - 32;
/** Worst-case bytes per number (traceBytesPerNumber). */
export const BYTES_PER_NUMBER = 10;
/** Our stand-in for uint64(-1): Go's NoThread/NoProc/NoGoroutine on the wire. */
export const NONE = -1;

export type ChunkSink = (chunk: Uint8Array) => void;

/** Writes v (a safe integer ≥ 0, or NONE for 2^64-1) as a minimal uvarint at pos; returns the new pos. */
export function putUvarint(arr: Uint8Array, pos: number, v: number): number {
  if (v < 0x80) {
    if (v >= 0) {
      arr[pos] = v;
      return pos + 1;
    }
    // 2^64-1: nine 0xff bytes then 0x01.
    for (let i = 0; i < 9; i++) arr[pos++] = 0xff;
    arr[pos++] = 0x01;
    return pos;
  }
  if (v < 0x80000000) {
    while (v >= 0x80) {
      arr[pos++] = (v & 0x7f) | 0x80;
      v >>>= 7;
    }
    arr[pos++] = v;
    return pos;
  }
  while (v >= 0x80) {
    arr[pos++] = (v % 128) | 0x80;
    v = Math.floor(v / 128);
  }
  arr[pos++] = v;
  return pos;
}

/**
 * A batch is written in place inside a larger block and handed out as a view of it: no
 * copy when it is finished, and one ArrayBuffer per block instead of one per batch (a ring
 * keeps thousands of batches; one buffer each made the garbage collector work hard, as
 * external memory is accounted per buffer). The next batch starts right after the last
 * one; a block with less than a whole batch's room left is replaced by a fresh one. A
 * block lives as long as any batch in it is kept.
 */
const BLOCK_SIZE = 256 << 10;

/** One M's (or the runtime's own, M = NONE) batch in progress. */
export class BatchBuf {
  /** The block being written; the batch is arr[base, pos). */
  arr = new Uint8Array(BLOCK_SIZE);
  base = 0;
  /** base + BATCH_CAPACITY: no batch goes past it. */
  limit = BATCH_CAPACITY;
  pos = 0;
  lenPos = 0;
  lastTime = 0;
  gen = 0;
  open = false;
  events = 0;

  constructor(readonly m: number) {}

  available(n: number): boolean {
    return this.limit - this.pos >= n;
  }

  /** Starts a new batch (traceWriter.refill). */
  begin(gen: number, ts: number): void {
    const a = this.arr;
    let p = this.base;
    a[p++] = Ev.EventBatch;
    p = putUvarint(a, p, gen);
    p = putUvarint(a, p, this.m);
    p = putUvarint(a, p, ts);
    this.lenPos = p;
    this.pos = p + BYTES_PER_NUMBER;
    this.lastTime = ts;
    this.gen = gen;
    this.open = true;
    this.events = 0;
  }

  /** A timestamp for the next event: never equal to or before the last (tracebuf.go). */
  delta(ts: number): number {
    if (ts <= this.lastTime) ts = this.lastTime + 1;
    const d = ts - this.lastTime;
    this.lastTime = ts;
    return d;
  }

  /** Ends the batch: patches the padded length and returns its bytes (a view of the block, never written again). */
  finish(): Uint8Array {
    const a = this.arr;
    let v = this.pos - (this.lenPos + BYTES_PER_NUMBER);
    let p = this.lenPos;
    for (let i = 0; i < BYTES_PER_NUMBER - 1; i++) {
      a[p++] = (v & 0x7f) | 0x80;
      v >>>= 7;
    }
    a[p] = v & 0x7f;
    this.open = false;
    const out = a.subarray(this.base, this.pos);
    // The next batch starts 8-byte aligned after this one, or in a new block.
    let next = (this.pos + 7) & ~7;
    if (a.length - next < BATCH_CAPACITY) {
      this.arr = new Uint8Array(BLOCK_SIZE);
      next = 0;
    }
    this.base = next;
    this.limit = next + BATCH_CAPACITY;
    this.pos = next;
    return out;
  }
}

/** Counters the runtime keeps about what it wrote. */
export interface WriteStats {
  bytes: number;
  batches: number;
  events: number;
}
