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
 * Finished batches are copied into large shared blocks and handed out as views. A ring
 * keeps thousands of batches; one ArrayBuffer each made the garbage collector work hard
 * (external memory is accounted per buffer), one per MiB does not. A block lives as long
 * as any batch in it is kept: at most one block more than the batches themselves.
 */
const ARENA_BLOCK = 1 << 20;
let arena = new Uint8Array(0);
let arenaPos = 0;

function arenaCopy(src: Uint8Array, n: number): Uint8Array {
  if (arena.length - arenaPos < n) {
    arena = new Uint8Array(Math.max(ARENA_BLOCK, n));
    arenaPos = 0;
  }
  const out = arena.subarray(arenaPos, arenaPos + n);
  out.set(src.subarray(0, n));
  // Keep views 8-byte aligned, as separate allocations would be.
  arenaPos = (arenaPos + n + 7) & ~7;
  return out;
}

/** One M's (or the runtime's own, M = NONE) batch in progress. */
export class BatchBuf {
  readonly arr = new Uint8Array(BATCH_CAPACITY);
  pos = 0;
  lenPos = 0;
  lastTime = 0;
  gen = 0;
  open = false;
  events = 0;

  constructor(readonly m: number) {}

  available(n: number): boolean {
    return BATCH_CAPACITY - this.pos >= n;
  }

  /** Starts a new batch (traceWriter.refill). */
  begin(gen: number, ts: number): void {
    const a = this.arr;
    let p = 0;
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

  /** Ends the batch: patches the padded length and returns a copy of its bytes (a view into a shared block). */
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
    return arenaCopy(a, this.pos);
  }
}

/** Counters the runtime keeps about what it wrote. */
export interface WriteStats {
  bytes: number;
  batches: number;
  events: number;
}
