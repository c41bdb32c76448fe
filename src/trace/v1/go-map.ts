// The iteration order of a Go map that one of Go's conversions walks and whose order shows in
// its output. Go randomises map iteration, so Go's own output varies run to run; we produce
// one order Go can produce, deterministically.
//
// Go 1.24+ maps (internal/runtime/maps) keep up to 8 entries in one group of 8 slots: an
// insert takes the lowest empty slot, a delete empties its slot, and iteration visits the
// slots from a random starting slot, wrapping around. We model that and start at slot 0. A
// map that outgrows one group is rehashed with a per-map random seed: from then on we keep
// insertion order, which is a fixed choice rather than a modelled one.

const SLOTS = 8;

export class GoMapOrder<K> {
  private slots: (K | undefined)[] | null = new Array(SLOTS).fill(undefined);
  private readonly keys = new Set<K>();

  get size(): number {
    return this.keys.size;
  }

  add(k: K): void {
    if (this.keys.has(k)) return;
    this.keys.add(k);
    const s = this.slots;
    if (s === null) return;
    const free = s.indexOf(undefined);
    if (free >= 0) s[free] = k;
    else this.slots = null; // Grown past one group.
  }

  delete(k: K): void {
    if (!this.keys.delete(k)) return;
    const s = this.slots;
    if (s !== null) s[s.indexOf(k)] = undefined;
  }

  /** The keys in the order Go visits them when its iteration starts at slot 0. */
  *[Symbol.iterator](): Generator<K> {
    if (this.slots === null) {
      yield* this.keys;
      return;
    }
    for (const k of this.slots) if (k !== undefined) yield k;
  }
}
