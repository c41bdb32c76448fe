// Distinct goroutine, P or M IDs, counted per generation and over the whole trace at once, for
// the trace summary. Per ID this is one bit test: a bitset of the IDs seen in this stretch
// (generation), cleared when the next begins, and one of the IDs seen in the trace, tested
// only for an ID new to the stretch. Bitsets rather than a slot per ID: the 131,000 goroutines
// of a busy trace take 16 KiB, which stays in the first-level cache.
//
// Goroutine and P IDs count up from 0 and Linux thread IDs stay below 2^22, so the bitsets
// cover every ID of a real trace; they grow by doubling to the largest ID seen, at most 512 KiB
// each. Any other ID (larger, negative, past 2^53) goes to bounded sets (bounded-id-set.ts), so
// a crafted trace naming millions of them cannot grow memory without limit.

import { BoundedIdSet, type Id } from './bounded-id-set';

/** IDs below this are bits; others go to bounded sets. */
const BITSET_IDS = 1 << 22;

/** A count of distinct IDs, exact up to the limit; past it, the limit and capped. */
export interface DistinctCount {
  size: number;
  capped: boolean;
}

export class DistinctIds {
  private inStretchBits = new Uint32Array(32);
  private inTraceBits = new Uint32Array(32);
  private inStretch = 0;
  private inTrace = 0;
  /** IDs below this have a bit in the bitsets as they are now (32 per word). */
  private bitLimit = 32 * 32;
  private otherInStretch: BoundedIdSet;
  private readonly otherInTrace: BoundedIdSet;

  constructor(readonly limit: number) {
    this.otherInStretch = new BoundedIdSet(limit);
    this.otherInTrace = new BoundedIdSet(limit);
  }

  /**
   * Counts id; returns whether it is new to this stretch (or past telling, once a bounded set
   * is full). Nearly every call names an ID already seen in this stretch: that case is one bit
   * test, in a method small enough for the compiler to copy into its caller.
   */
  add(id: Id): boolean {
    if (typeof id === 'number' && id >= 0 && id < this.bitLimit && (this.inStretchBits[id >>> 5] & (1 << (id & 31))) !== 0) return false;
    return this.addSlow(id);
  }

  private addSlow(id: Id): boolean {
    if (typeof id === 'number' && id >= 0 && id < BITSET_IDS) {
      const word = id >>> 5;
      if (word >= this.inStretchBits.length) this.growTo(word);
      const bit = 1 << (id & 31);
      const w = this.inStretchBits[word];
      if ((w & bit) !== 0) return false;
      this.inStretchBits[word] = w | bit;
      this.inStretch++;
      const t = this.inTraceBits[word];
      if ((t & bit) === 0) {
        this.inTraceBits[word] = t | bit;
        this.inTrace++;
      }
      return true;
    }
    // New to the stretch, or past telling: the trace's set decides.
    if (!this.otherInStretch.add(id)) return false;
    this.otherInTrace.add(id);
    return true;
  }

  /** Distinct IDs since the stretch began. */
  stretchCount(): DistinctCount {
    return count(this.inStretch, this.otherInStretch, this.limit);
  }

  /** Distinct IDs in the whole trace. */
  traceCount(): DistinctCount {
    return count(this.inTrace, this.otherInTrace, this.limit);
  }

  /** Begins the next stretch (generation): nothing is in it yet. */
  nextStretch(): void {
    if (this.inStretch !== 0) this.inStretchBits.fill(0);
    this.inStretch = 0;
    if (this.otherInStretch.size !== 0 || this.otherInStretch.capped) this.otherInStretch = new BoundedIdSet(this.limit);
  }

  private growTo(word: number): void {
    let n = this.inStretchBits.length;
    while (n <= word) n *= 2;
    const stretch = new Uint32Array(n);
    stretch.set(this.inStretchBits);
    this.inStretchBits = stretch;
    const trace = new Uint32Array(n);
    trace.set(this.inTraceBits);
    this.inTraceBits = trace;
    this.bitLimit = n * 32;
  }
}

function count(slotted: number, others: BoundedIdSet, limit: number): DistinctCount {
  const n = slotted + others.size;
  return { size: Math.min(n, limit), capped: others.capped || n > limit };
}

// The bitsets are reassigned when they grow, early in the first trace a process reads; doing
// it once here keeps V8 from treating the field as a constant and throwing away the optimised
// code that relied on it mid-trace (see event.ts on field representations).
{
  const d = new DistinctIds(1);
  d.add(4096);
}
