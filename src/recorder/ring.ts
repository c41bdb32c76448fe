// The flight recorder's storage: the generation being received, and the ring of complete
// generations (runtime/trace/recorder.go). At every end of generation the ring is rebuilt
// wholesale: the just-finished generation always, then older ones newest first until the
// kept bytes exceed MaxBytes or the oldest kept is older than MinAge (either stops the
// walk, so MaxBytes wins). A generation that crosses a limit is kept; one wholly beyond it
// is dropped. Replacing the array (never mutating it) lets a snapshot hold on to it.

import { readBatch } from './batch';

export interface RawGeneration {
  readonly gen: number;
  /** Bytes of its batches as stored (EndOfGeneration byte included in the 1.26 format). */
  readonly size: number;
  /** Earliest batch time, ns (frequency.mul of the base ticks); 0 if unknown. */
  readonly minTime: number;
  readonly batches: readonly Uint8Array[];
}

export type EvictionCause = 'max-bytes' | 'min-age';

export interface RingChange {
  readonly sealed: RawGeneration;
  readonly ring: readonly RawGeneration[];
  readonly evicted: readonly RawGeneration[];
  /** Which limit stopped the walk; null when every older generation was kept. */
  readonly cause: EvictionCause | null;
}

/** float64(t) * f, truncated toward zero like Go's float→int64 conversion. */
export function mulFreq(t: number, nsPerTick: number): number {
  return Math.trunc(t * nsPerTick);
}

export class GenerationRing {
  header: Uint8Array | null = null;
  ring: readonly RawGeneration[] = [];
  private gen = 0;
  private size = 0;
  private minTime = 0;
  private batches: Uint8Array[] = [];
  /** The first error seen while receiving (fr.err); not surfaced by the API, as in Go. */
  err: Error | null = null;

  constructor(
    readonly nsPerTick: number,
    readonly maxBytes: number,
    readonly minAgeNs: number,
  ) {}

  /** recorder.Write: the header first, then exactly one batch per call. */
  write(b: Uint8Array): number {
    let n = 0;
    if (this.header === null) {
      if (b.length < 16) return this.fail(new Error('expected at least 16 bytes in the first write'), 0);
      this.header = b.slice(0, 16);
      n = 16;
    }
    if (b.length === n) return n;
    let ba;
    try {
      ba = readBatch(n === 0 ? b : b.subarray(n));
    } catch (e) {
      return this.fail(e as Error, n);
    }
    if (ba.gen !== 0 && this.gen === 0) this.gen = ba.gen;
    if (ba.time !== 0) {
      const t = mulFreq(ba.time, this.nsPerTick);
      if (this.minTime === 0 || this.minTime > t) this.minTime = t;
    }
    this.size += ba.data.length;
    this.batches.push(n === 0 ? ba.data : ba.data.slice());
    return b.length;
  }

  private fail(e: Error, n: number): number {
    if (this.err === null) this.err = e;
    return n;
  }

  /** recorder.endGeneration: seals the active generation into a rebuilt ring. */
  endGeneration(nowNs: number): RingChange {
    const active: RawGeneration = { gen: this.gen, size: this.size, minTime: this.minTime, batches: this.batches };
    const next: RawGeneration[] = [active];
    let size = active.size;
    let cause: EvictionCause | null = null;
    let i = this.ring.length - 1;
    for (; i >= 0; i--) {
      if (size > this.maxBytes) {
        cause = 'max-bytes';
        break;
      }
      // now.Sub(minTime) > MinAge, in int64 nanoseconds: exact in bigint.
      if (BigInt(nowNs) - BigInt(next[next.length - 1].minTime) > BigInt(this.minAgeNs)) {
        cause = 'min-age';
        break;
      }
      size += this.ring[i].size;
      next.push(this.ring[i]);
    }
    const evicted = this.ring.slice(0, i + 1);
    next.reverse();
    this.ring = next;
    this.gen = 0;
    this.size = 0;
    this.minTime = 0;
    this.batches = [];
    return { sealed: active, ring: next, evicted, cause: evicted.length > 0 ? cause : null };
  }

  /** Bytes kept in the ring. */
  ringBytes(): number {
    let n = 0;
    for (const g of this.ring) n += g.size;
    return n;
  }
}
