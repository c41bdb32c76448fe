// The ordering's goroutine and P states (Go's gState and pState in internal/trace/order.go,
// kept there in maps of pointers) as flat typed arrays: one slot per live ID, the fields of
// a state in parallel arrays indexed by slot. Looking a state up is a hash probe over two
// Int32Arrays, and reading or changing it touches no object, so the ordering's hottest code
// never meets an object whose shape could change halfway through a trace (a number field that
// first holds small integers and later a large one makes V8 throw away optimised code).
//
// IDs in [0, 2^31) — nearly every goroutine and P ID — live in an open-addressing table with
// linear probing (Fibonacci hashing); any other ID (negative, larger, past 2^53) goes to a Map.
// A slot is freed when its ID is deleted (a goroutine that ended), so memory follows the
// number of live goroutines, not the range of their IDs.

import { dec, type I64, type U64, u64Inc } from './int64';
import type { RangeType, UserRegion } from './order-state';

const EMPTY = -1;
const SMALL_MAX = 0x7fffffff;
const MAX_SAFE = Number.MAX_SAFE_INTEGER;
const GOLDEN = 0x9e3779b1 | 0;

export class SchedTable {
  // ID → slot for small IDs: keys[i] is an ID or EMPTY, vals[i] its slot.
  private keys = new Int32Array(64).fill(EMPTY);
  private vals = new Int32Array(64);
  private mask = 63;
  private shift = 32 - 6;
  private filled = 0;
  private readonly others = new Map<I64, number>();

  /** Wire status (GoStatus or ProcStatus) per slot. */
  status = new Uint8Array(16);
  /** Sequence number per slot; NaN when it is past 2^53 (then in bigSeqs). */
  seq = new Float64Array(16);
  /** Generation (as Ordering.genOrdinal) the sequence number belongs to, per slot. */
  seqGen = new Int32Array(16);
  /** When each slot was filled, to list states in the order they were made. */
  private born = new Float64Array(16);
  private ids: I64[] = new Array<I64>(16).fill(0);
  private regionLists: (UserRegion[] | null)[] = new Array<UserRegion[] | null>(16).fill(null);
  private rangeLists: (RangeType[] | null)[] = new Array<RangeType[] | null>(16).fill(null);
  private bigSeqs: Map<number, bigint> | null = null;
  private readonly freeSlots: number[] = [];
  private used = 0;
  private stamp = 0;

  /** The slot of id, or -1 if it has no state. */
  find(id: I64): number {
    if (typeof id === 'number' && id >= 0 && id <= SMALL_MAX) {
      const keys = this.keys;
      const mask = this.mask;
      let h = Math.imul(id, GOLDEN) >>> this.shift;
      for (;;) {
        const k = keys[h];
        if (k === id) return this.vals[h];
        if (k === EMPTY) return -1;
        h = (h + 1) & mask;
      }
    }
    const s = this.others.get(id);
    return s === undefined ? -1 : s;
  }

  /** Makes a state for id (which must have none) and returns its slot. */
  insert(id: I64, status: number, seqGen: number): number {
    let slot = this.freeSlots.pop();
    if (slot === undefined) {
      if (this.used === this.status.length) this.growSlots();
      slot = this.used++;
    }
    this.status[slot] = status;
    this.seq[slot] = 0;
    this.seqGen[slot] = seqGen;
    this.born[slot] = this.stamp++;
    this.ids[slot] = id;
    if (typeof id === 'number' && id >= 0 && id <= SMALL_MAX) {
      if ((this.filled + 1) * 2 > this.keys.length) this.rehash(this.keys.length * 2);
      const keys = this.keys;
      let h = Math.imul(id, GOLDEN) >>> this.shift;
      while (keys[h] !== EMPTY) h = (h + 1) & this.mask;
      keys[h] = id;
      this.vals[h] = slot;
      this.filled++;
    } else {
      this.others.set(id, slot);
    }
    return slot;
  }

  /** Removes id's state (it must have one); its slot may be reused. */
  delete(id: I64): void {
    let slot: number;
    if (typeof id === 'number' && id >= 0 && id <= SMALL_MAX) {
      const keys = this.keys;
      const mask = this.mask;
      let i = Math.imul(id, GOLDEN) >>> this.shift;
      while (keys[i] !== id) {
        if (keys[i] === EMPTY) return;
        i = (i + 1) & mask;
      }
      slot = this.vals[i];
      // Backward-shift deletion: pull later entries of the probe run into the hole, so lookups
      // never need tombstones.
      for (let j = (i + 1) & mask; keys[j] !== EMPTY; j = (j + 1) & mask) {
        const home = Math.imul(keys[j], GOLDEN) >>> this.shift;
        // The entry at j may move to i unless its home lies cyclically in (i, j].
        const stays = i <= j ? home > i && home <= j : home > i || home <= j;
        if (stays) continue;
        keys[i] = keys[j];
        this.vals[i] = this.vals[j];
        i = j;
      }
      keys[i] = EMPTY;
      this.filled--;
    } else {
      const s = this.others.get(id);
      if (s === undefined) return;
      this.others.delete(id);
      slot = s;
    }
    this.regionLists[slot] = null;
    this.rangeLists[slot] = null;
    this.bigSeqs?.delete(slot);
    this.freeSlots.push(slot);
  }

  id(slot: number): I64 {
    return this.ids[slot];
  }

  /** The sequence number of a slot. */
  seqOf(slot: number): U64 {
    const s = this.seq[slot];
    return s === s ? s : this.bigSeqs!.get(slot)!;
  }

  setSeq(slot: number, seqGen: number, seq: U64): void {
    this.seqGen[slot] = seqGen;
    if (typeof seq === 'number') {
      this.seq[slot] = seq;
      if (this.bigSeqs !== null) this.bigSeqs.delete(slot);
    } else {
      this.seq[slot] = NaN;
      (this.bigSeqs ??= new Map()).set(slot, seq);
    }
  }

  /** Whether (seqGen, seq) immediately follows the slot's sequence number (Go's seqCounter.succeeds). */
  succeeds(slot: number, seqGen: number, seq: U64): boolean {
    if (this.seqGen[slot] !== seqGen) return false;
    const p = this.seq[slot];
    if (p < MAX_SAFE) return seq === p + 1;
    return seq === u64Inc(this.seqOf(slot));
  }

  /** The goroutine's stack of user regions (made on first use). */
  regions(slot: number): UserRegion[] {
    let r = this.regionLists[slot];
    if (r === null) this.regionLists[slot] = r = [];
    return r;
  }

  /** The in-flight special ranges of the goroutine or P (made on first use). */
  inFlight(slot: number): RangeType[] {
    let r = this.rangeLists[slot];
    if (r === null) this.rangeLists[slot] = r = [];
    return r;
  }

  /** Live slots: IDs in [0, 2^20) in increasing order first, then the others as they were made. */
  slots(): number[] {
    const live: number[] = [];
    for (let i = 0; i < this.keys.length; i++) if (this.keys[i] !== EMPTY) live.push(this.vals[i]);
    for (const s of this.others.values()) live.push(s);
    const dense = (s: number) => {
      const id = this.ids[s];
      return typeof id === 'number' && id >= 0 && id < 1 << 20;
    };
    return live.sort((a, b) => {
      const da = dense(a);
      const db = dense(b);
      if (da && db) return (this.ids[a] as number) - (this.ids[b] as number);
      if (da !== db) return da ? -1 : 1;
      return this.born[a] - this.born[b];
    });
  }

  describe(slot: number): string {
    return dec(this.ids[slot]);
  }

  private rehash(n: number): void {
    const oldKeys = this.keys;
    const oldVals = this.vals;
    this.keys = new Int32Array(n).fill(EMPTY);
    this.vals = new Int32Array(n);
    this.mask = n - 1;
    this.shift = 32 - Math.log2(n);
    for (let i = 0; i < oldKeys.length; i++) {
      const k = oldKeys[i];
      if (k === EMPTY) continue;
      let h = Math.imul(k, GOLDEN) >>> this.shift;
      while (this.keys[h] !== EMPTY) h = (h + 1) & this.mask;
      this.keys[h] = k;
      this.vals[h] = oldVals[i];
    }
  }

  private growSlots(): void {
    const n = this.status.length * 2;
    const grow = <T extends Uint8Array | Float64Array | Int32Array>(a: T, make: (n: number) => T): T => {
      const b = make(n);
      b.set(a);
      return b;
    };
    this.status = grow(this.status, (k) => new Uint8Array(k));
    this.seq = grow(this.seq, (k) => new Float64Array(k));
    this.seqGen = grow(this.seqGen, (k) => new Int32Array(k));
    this.born = grow(this.born, (k) => new Float64Array(k));
    for (let i = this.ids.length; i < n; i++) {
      this.ids.push(0);
      this.regionLists.push(null);
      this.rangeLists.push(null);
    }
  }
}
