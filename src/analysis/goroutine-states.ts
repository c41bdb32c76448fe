// The last state of every goroutine, for sinks that follow each transition (the MMU log, as
// Go's MutatorUtilizationV2 keeps a map of goroutine states). One byte per goroutine ID in a
// flat array that grows by doubling: a state change is one store, where a Map set was a hash
// and, for a new goroutine, an entry. Goroutine IDs count up from 1, so the array covers every
// ID of a real trace; an ID past DENSE_IDS (crafted), negative or a bigint goes to a Map.

import type { GoID } from '../trace/parse/index';

/** IDs below this are bytes of the array (at most 16 MiB); others go to the Map. */
const DENSE_IDS = 1 << 24;

export class GoroutineStates {
  private dense = new Uint8Array(1024);
  private readonly sparse = new Map<GoID, number>();

  /** The goroutine's last state, 0 (GoState.Undetermined) if it has none. */
  get(g: GoID): number {
    if (typeof g === 'number' && g >= 0 && g < DENSE_IDS) return g < this.dense.length ? this.dense[g] : 0;
    return this.sparse.get(g) ?? 0;
  }

  /** Records a state (a GoState, below 256). */
  set(g: GoID, state: number): void {
    if (typeof g === 'number' && g >= 0 && g < DENSE_IDS) {
      if (g >= this.dense.length) this.grow(g);
      this.dense[g] = state;
      return;
    }
    this.sparse.set(g, state);
  }

  private grow(g: number): void {
    let n = this.dense.length;
    while (n <= g) n *= 2;
    const next = new Uint8Array(Math.min(n, DENSE_IDS));
    next.set(this.dense);
    this.dense = next;
  }
}

// The array is reassigned when it first grows: doing that once here keeps V8 from treating
// the field as a constant and dropping optimised code mid-trace (see event.ts).
{
  const s = new GoroutineStates();
  s.set(4096, 1);
}
