// Distinct-ID counting for the trace summary: goroutine, P and M IDs seen, per generation and
// in total, at the cost of one bit test per event. Bounded, so a crafted or enormous trace
// naming millions of goroutines cannot grow it without limit.

/**
 * Distinct goroutine, P and M IDs are counted exactly up to this many per set, then the set
 * stops growing. Real programs rarely have more live goroutines than that, and a trace that does
 * is told so.
 */
export const ID_SET_LIMIT = 100_000;

export type Id = number | bigint;

/**
 * IDs below this are members of a bitset (goroutine and P IDs count up from 0, Linux thread IDs
 * stay below 2^22): one bit test, no hashing. The bitset grows by doubling to at most 2^24 bits
 * (2 MiB); larger or negative IDs, and bigints, go to a Set.
 */
const DENSE_IDS = 1 << 24;

/** A set that stops growing at `limit` members and remembers that it had to. */
export class BoundedIdSet {
  private bits = new Uint32Array(64);
  private dense = 0;
  private readonly sparse = new Set<Id>();
  /** A new ID arrived while the set was full: the true count is above `limit`. */
  capped = false;
  constructor(readonly limit: number) {}

  /**
   * Adds the ID. True when it was not a member, or when that cannot be told any more (the set
   * is capped): a caller counting a wider stretch must then count it too.
   */
  add(id: Id): boolean {
    if (this.capped) return true;
    if (typeof id === 'number' && id >= 0 && id < DENSE_IDS) {
      const word = id >>> 5;
      const bit = 1 << (id & 31);
      if (word < this.bits.length && (this.bits[word] & bit) !== 0) return false;
      if (!this.room()) return true;
      if (word >= this.bits.length) this.growTo(word);
      this.bits[word] |= bit;
      this.dense++;
      return true;
    }
    if (this.sparse.has(id)) return false;
    if (this.room()) this.sparse.add(id);
    return true;
  }

  /** Exact while not capped; `limit` once capped. */
  get size(): number {
    return this.capped ? this.limit : this.dense + this.sparse.size;
  }

  /** True when one more member fits; otherwise the set is capped and its members dropped. */
  private room(): boolean {
    if (this.dense + this.sparse.size < this.limit) return true;
    this.capped = true;
    // The members are no longer needed once the answer is "more than limit".
    this.bits = new Uint32Array(0);
    this.sparse.clear();
    return false;
  }

  private growTo(word: number): void {
    let n = Math.max(this.bits.length, 64);
    while (n <= word) n *= 2;
    const bits = new Uint32Array(n);
    bits.set(this.bits);
    this.bits = bits;
  }
}
