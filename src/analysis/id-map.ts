// A Map keyed by goroutine, P or M ID, for the analysis sinks, which look one up on nearly
// every event. A Map keyed by numbers costs a hash and a probe per look-up, and with a
// server's tens of thousands of goroutines its table no longer stays in the cache. Real IDs
// count up from small numbers, so here an ID below DENSE_IDS finds its entry through a typed
// array indexed by the ID itself; any other ID (negative, huge, a bigint from a crafted trace)
// goes through a Map. Entries sit in arrays in insertion order, so iterating gives a Map's
// order and outputs built by iterating do not change.

import type { Id } from './bounded-id-set';
import { isDenseId, withRoomFor } from './live-slots';

/** The key of a deleted entry's slot, until the arrays are compacted. */
const HOLE = Symbol('deleted');

export class IdMap<V> {
  /** Per dense ID: its entry's slot + 1, or 0 for none. */
  private slotOf = new Int32Array(256);
  /** The slot of every other ID's entry. */
  private readonly other = new Map<Id, number>();
  private keys: (Id | typeof HOLE)[] = [];
  private vals: (V | undefined)[] = [];
  private live = 0;

  get size(): number {
    return this.live;
  }

  get(id: Id): V | undefined {
    const s = this.slot(id);
    return s < 0 ? undefined : this.vals[s];
  }

  has(id: Id): boolean {
    return this.slot(id) >= 0;
  }

  set(id: Id, v: V): this {
    const s = this.slot(id);
    if (s >= 0) {
      this.vals[s] = v;
      return this;
    }
    const slot = this.keys.length;
    this.keys.push(id);
    this.vals.push(v);
    this.live++;
    this.place(id, slot);
    return this;
  }

  delete(id: Id): boolean {
    const s = this.slot(id);
    if (s < 0) return false;
    if (isDenseId(id)) this.slotOf[id] = 0;
    else this.other.delete(id);
    this.keys[s] = HOLE;
    this.vals[s] = undefined;
    this.live--;
    // Deleted slots are reclaimed once they are the majority: memory follows the live entries.
    if (this.keys.length >= 1024 && this.live < this.keys.length / 2) this.compact();
    return true;
  }

  clear(): void {
    this.slotOf = new Int32Array(256);
    this.other.clear();
    this.keys = [];
    this.vals = [];
    this.live = 0;
  }

  /** Entries in insertion order (as a Map's). Not to be changed while iterating. */
  *entries(): IterableIterator<[Id, V]> {
    const { keys, vals } = this;
    for (let i = 0; i < keys.length; i++) {
      const k = keys[i];
      if (k !== HOLE) yield [k, vals[i] as V];
    }
  }

  *values(): IterableIterator<V> {
    for (const [, v] of this.entries()) yield v;
  }

  [Symbol.iterator](): IterableIterator<[Id, V]> {
    return this.entries();
  }

  private slot(id: Id): number {
    if (isDenseId(id)) return id < this.slotOf.length ? this.slotOf[id] - 1 : -1;
    return this.other.get(id) ?? -1;
  }

  private place(id: Id, slot: number): void {
    if (!isDenseId(id)) {
      this.other.set(id, slot);
      return;
    }
    this.slotOf = withRoomFor(this.slotOf, id);
    this.slotOf[id] = slot + 1;
  }

  private compact(): void {
    const keys: Id[] = [];
    const vals: (V | undefined)[] = [];
    for (let i = 0; i < this.keys.length; i++) {
      const k = this.keys[i];
      if (k === HOLE) continue;
      this.place(k, keys.length);
      keys.push(k);
      vals.push(this.vals[i]);
    }
    this.keys = keys;
    this.vals = vals;
  }
}
