// The ordering's goroutine and P states (Go's gState and pState in internal/trace/order.go,
// kept there in maps of pointers) in one flat Int32Array: an open-addressing hash table
// (linear probing, Fibonacci hashing) whose entries are the states themselves, four int32s
// each — the ID, the wire status, the generation of the sequence number, the sequence number.
// Looking a state up and reading or changing it touches one cache line and no object, so the
// ordering's hottest code neither waits on scattered memory (a server trace has tens of
// thousands of live goroutines) nor meets an object whose shape could change mid-trace.
//
// An ID's home entry is its low bits: goroutine IDs are handed out in increasing runs, so the
// goroutines a stretch of trace works on sit side by side in memory, as they would in an array
// indexed by ID, where a scrambling hash would scatter every lookup to its own cache miss. IDs
// that pile up on the same low bits make an insert probe far; the table then switches to
// Fibonacci hashing for good, so no input makes lookups slow. Real traces get there too: more
// than 32 live IDs in a row fill a probe run that an ID whose home lands at its start must
// walk, and both bench traces (a busy scheduler, an HTTP server) switch within their first few
// million events. Growing the table instead, to 2^18 entries, was tried on the server trace:
// no fewer cache misses.
//
// IDs in [0, 2^31) — nearly every goroutine and P ID — are their own keys. Any other ID
// (negative, larger, past 2^53) gets a negative stand-in key from a Map. Sequence numbers
// past 2^31 live in a Map by key; region stacks and in-flight ranges in arrays beside the
// table, moving with their entries. Entries move when others are deleted (backward-shift
// deletion), so a position is valid until the next delete.

import { type I64, type U64, u64Inc } from './int64';
import type { RangeType, RegionStack } from './order-state';

const STRIDE = 4;
const KEY = 0;
const STATUS = 1;
const SEQ_GEN = 2;
const SEQ = 3;
const EMPTY = -1;
/** In the SEQ field: the sequence number does not fit an int32 and is in bigSeqs. */
const BIG_SEQ = -1;
const SMALL_MAX = 0x7fffffff;
const NO_REGIONS: Readonly<RegionStack> = Object.freeze([]);
const GOLDEN = 0x9e3779b1 | 0;
/** An insert probing further than this switches the table to Fibonacci hashing. */
const MAX_PROBE = 32;


export class SchedTable {
  private tab = new Int32Array(64 * STRIDE).fill(EMPTY);
  private mask = 63;
  private shift = 32 - 6;
  /** Whether homes come from Fibonacci hashing rather than the low bits of the key. */
  private scrambled = false;
  private filled = 0;
  /** Stand-in keys (-2, -3, …) of IDs outside [0, 2^31), and back. */
  private readonly standIns = new Map<I64, number>();
  private readonly standInIds = new Map<number, I64>();
  private nextStandIn = -2;
  private readonly bigSeqs = new Map<number, U64>();
  /**
   * Region stacks and in-flight ranges by position, for the entries that have them: two
   * arrays, so a goroutine that only opens regions (a server's request goroutines) gets one
   * array, reached in one load.
   */
  private regionLists: (RegionStack | undefined)[] = new Array<RegionStack | undefined>(64).fill(undefined);
  private rangeLists: (RangeType[] | undefined)[] = new Array<RangeType[] | undefined>(64).fill(undefined);

  /** The position of id's state, or -1 if it has none. Valid until the next delete. */
  find(id: I64): number {
    let key: number;
    if (typeof id === 'number' && id >= 0 && id <= SMALL_MAX) {
      key = id;
    } else {
      const k = this.standIns.get(id);
      if (k === undefined) return -1;
      key = k;
    }
    return this.probe(key);
  }

  private probe(key: number): number {
    const tab = this.tab;
    const mask = this.mask;
    let h = this.home(key);
    for (;;) {
      const k = tab[h * STRIDE];
      if (k === key) return h;
      if (k === EMPTY) return -1;
      h = (h + 1) & mask;
    }
  }

  /** Makes a state for id (which must have none); returns its position. */
  insert(id: I64, status: number, seqGen: number): number {
    let key: number;
    if (typeof id === 'number' && id >= 0 && id <= SMALL_MAX) {
      key = id;
    } else {
      key = this.nextStandIn--;
      this.standIns.set(id, key);
      this.standInIds.set(key, id);
    }
    if ((this.filled + 1) * 2 > this.mask + 1) this.rehash((this.mask + 1) * 2);
    let tab = this.tab;
    let h = this.home(key);
    for (let probes = 0; tab[h * STRIDE] !== EMPTY; probes++) {
      if (probes === MAX_PROBE && !this.scrambled) {
        this.scrambled = true;
        this.rehash(this.mask + 1);
        tab = this.tab;
        h = this.home(key);
        probes = 0;
        continue;
      }
      h = (h + 1) & this.mask;
    }
    const i = h * STRIDE;
    tab[i + KEY] = key;
    tab[i + STATUS] = status;
    tab[i + SEQ_GEN] = seqGen;
    tab[i + SEQ] = 0;
    this.filled++;
    return h;
  }

  /** Removes id's state, if it has one. Positions of other states may change. */
  delete(id: I64): void {
    let key: number;
    if (typeof id === 'number' && id >= 0 && id <= SMALL_MAX) {
      key = id;
    } else {
      const k = this.standIns.get(id);
      if (k === undefined) return;
      key = k;
      this.standIns.delete(id);
      this.standInIds.delete(k);
    }
    let i = this.probe(key);
    if (i < 0) return;
    const tab = this.tab;
    const mask = this.mask;
    // Backward-shift deletion: pull later entries of the probe run into the hole, so lookups
    // never need tombstones.
    for (let j = (i + 1) & mask; tab[j * STRIDE] !== EMPTY; j = (j + 1) & mask) {
      const home = this.home(tab[j * STRIDE]);
      // The entry at j stays unless the hole lies cyclically between its home and j.
      const stays = i <= j ? home > i && home <= j : home > i || home <= j;
      if (stays) continue;
      tab.copyWithin(i * STRIDE, j * STRIDE, j * STRIDE + STRIDE);
      this.regionLists[i] = this.regionLists[j];
      this.rangeLists[i] = this.rangeLists[j];
      i = j;
    }
    tab[i * STRIDE + KEY] = EMPTY;
    this.regionLists[i] = undefined;
    this.rangeLists[i] = undefined;
    this.filled--;
    if (this.bigSeqs.size !== 0) this.bigSeqs.delete(key);
  }

  /** Entries the table has room for (twice the most states held at once, rounded up). */
  get capacity(): number {
    return this.mask + 1;
  }

  /** The ID of the state at pos. */
  id(pos: number): I64 {
    const key = this.tab[pos * STRIDE + KEY];
    return key >= 0 ? key : this.standInIds.get(key)!;
  }

  statusOf(pos: number): number {
    return this.tab[pos * STRIDE + STATUS];
  }

  setStatus(pos: number, status: number): void {
    this.tab[pos * STRIDE + STATUS] = status;
  }

  /** The generation (as Ordering.genOrdinal) of the sequence number at pos. */
  seqGenOf(pos: number): number {
    return this.tab[pos * STRIDE + SEQ_GEN];
  }

  seqOf(pos: number): U64 {
    const i = pos * STRIDE;
    const s = this.tab[i + SEQ];
    return s !== BIG_SEQ ? s : this.bigSeqs.get(this.tab[i + KEY])!;
  }

  setSeq(pos: number, seqGen: number, seq: U64): void {
    const i = pos * STRIDE;
    const tab = this.tab;
    tab[i + SEQ_GEN] = seqGen;
    if (typeof seq === 'number' && seq >= 0 && seq <= SMALL_MAX) {
      if (tab[i + SEQ] === BIG_SEQ) this.bigSeqs.delete(tab[i + KEY]);
      tab[i + SEQ] = seq;
    } else {
      tab[i + SEQ] = BIG_SEQ;
      this.bigSeqs.set(tab[i + KEY], seq);
    }
  }

  /** Whether (seqGen, seq) immediately follows the sequence number at pos (Go's seqCounter.succeeds). */
  succeeds(pos: number, seqGen: number, seq: U64): boolean {
    const i = pos * STRIDE;
    const tab = this.tab;
    if (tab[i + SEQ_GEN] !== seqGen) return false;
    const p = tab[i + SEQ];
    if (p !== BIG_SEQ) return seq === p + 1;
    return seq === u64Inc(this.bigSeqs.get(tab[i + KEY])!);
  }

  /**
   * Whether id has a state with status `from`, which then takes status `to`, in one look-up.
   * False (nothing changed) also for an ID outside int32, left to find.
   */
  step(id: I64, from: number, to: number): boolean {
    if (!(typeof id === 'number' && id >= 0 && id <= SMALL_MAX)) return false;
    const i = this.probe(id) * STRIDE;
    if (i < 0 || this.tab[i + STATUS] !== from) return false;
    this.tab[i + STATUS] = to;
    return true;
  }

  /**
   * The step of a state whose event carries the next sequence number (GoStart, GoUnblock), in
   * one look-up: if id has a state with status `from` whose sequence number (seqGen, seq)
   * follows, it takes status `to` and that sequence number, and the result is 1. 0: it has no
   * such state or the number does not follow (nothing changed). -1: an ID or sequence number
   * outside int32, left to find, succeeds and setSeq (nothing changed).
   */
  stepSeq(id: number, from: number, to: number, seqGen: number, seq: U64): number {
    if (!(id >= 0 && id <= SMALL_MAX) || typeof seq !== 'number' || seq > SMALL_MAX) return -1;
    const i = this.probe(id) * STRIDE;
    const tab = this.tab;
    if (i < 0 || tab[i + STATUS] !== from || tab[i + SEQ_GEN] !== seqGen) return 0;
    const prev = tab[i + SEQ];
    if (prev === BIG_SEQ) return -1;
    if (seq !== prev + 1) return 0;
    tab[i + STATUS] = to;
    tab[i + SEQ] = seq;
    return 1;
  }

  /** The goroutine's stack of open user regions (read only; see openRegion, closeRegion). */
  regions(pos: number): Readonly<RegionStack> {
    return this.regionLists[pos] ?? NO_REGIONS;
  }

  /**
   * Opens a region on the goroutine at pos. Its first is made as a two-element array: an empty
   * array's first push reserves room for sixteen, which on a server's short-lived goroutines
   * (one region or two each) was most of what the ordering allocated.
   */
  openRegion(pos: number, taskID: U64, name: string): void {
    const l = this.regionLists[pos];
    if (l === undefined) this.regionLists[pos] = [taskID, name];
    else l.push(taskID, name);
  }

  /** Closes the innermost region of the goroutine at pos (which must have one). */
  closeRegion(pos: number): void {
    const l = this.regionLists[pos]!;
    l.pop();
    l.pop();
  }

  /** The in-flight special ranges of the goroutine or P (made on first use). */
  inFlight(pos: number): RangeType[] {
    let l = this.rangeLists[pos];
    if (l === undefined) this.rangeLists[pos] = l = [];
    return l;
  }

  /** Positions of every state: IDs in [0, 2^31) in increasing order, then the others as they came. */
  slots(): number[] {
    const out: number[] = [];
    const tab = this.tab;
    for (let h = 0; h <= this.mask; h++) if (tab[h * STRIDE] !== EMPTY) out.push(h);
    // Stand-in keys count down from -2 in the order the IDs came.
    const rank = (k: number) => (k >= 0 ? k : SMALL_MAX - k);
    return out.sort((a, b) => rank(tab[a * STRIDE]) - rank(tab[b * STRIDE]));
  }

  private home(key: number): number {
    return this.scrambled ? Math.imul(key, GOLDEN) >>> this.shift : key & this.mask;
  }

  private rehash(n: number): void {
    const old = this.tab;
    const oldRegions = this.regionLists;
    const oldRanges = this.rangeLists;
    const tab = new Int32Array(n * STRIDE).fill(EMPTY);
    const regionLists = new Array<RegionStack | undefined>(n).fill(undefined);
    const rangeLists = new Array<RangeType[] | undefined>(n).fill(undefined);
    this.tab = tab;
    this.regionLists = regionLists;
    this.rangeLists = rangeLists;
    this.mask = n - 1;
    this.shift = 32 - Math.log2(n);
    for (let i = 0; i < old.length; i += STRIDE) {
      const k = old[i];
      if (k === EMPTY) continue;
      let h = this.home(k);
      while (tab[h * STRIDE] !== EMPTY) h = (h + 1) & this.mask;
      tab.set(old.subarray(i, i + STRIDE), h * STRIDE);
      regionLists[h] = oldRegions[i / STRIDE];
      rangeLists[h] = oldRanges[i / STRIDE];
    }
  }
}

// V8 treats a field that has kept its first value as a constant, and optimised code that
// reads it relies on that; the first reassignment throws all that code away. The table,
// its mask, shift and list arrays are reassigned when the table first grows or switches to
// Fibonacci hashing, in the middle of the first trace a process reads (some 20 functions
// deoptimised at once, the ordering's hottest among them). So both happen once, here, on a
// table of no use (see event.ts on field representations).
{
  const t = new SchedTable();
  for (let i = 0; i < 48; i++) t.insert(i << 12, 0, 0); // one home for all: grows, then scrambles
  if (!(t as unknown as { scrambled: boolean }).scrambled) throw new Error('sched-table: settling did not switch hashing');
  // Lookups that walk a probe run (a displaced entry, an absent ID landing on a full slot):
  // the first one in a trace would otherwise come a million events in and throw away the
  // optimised code of every handler that inlines the lookup.
  for (let i = 0; i < 48; i++) t.find(i << 12);
  for (let i = 0; i < 256; i++) t.find(i);
  t.setSeq(t.find(0), 0, 2 ** 40);
  t.delete(0);
  t.openRegion(t.find(1 << 12), 1, 'settle');
  t.closeRegion(t.find(1 << 12));
  t.inFlight(t.find(2 << 12));
}
