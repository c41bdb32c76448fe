// Per-generation tables: strings, stacks, frames by PC, clock data, experimental batches and
// the "extra strings" the ordering smuggles across generations. Follows Go's
// internal/trace/base.go (evTable, dataTable) and generation.go (sync).

import { TraceError } from './errors';
import { dec, type U64 } from './int64';

/**
 * An ID → value table where ID 0 always exists (as the zero value). Inserting an ID twice is an
 * error. After the generation is read it is compacted into a dense array when the IDs are
 * dense enough (the same 2× rule as Go), so a huge ID (fuzz seed large-id) never allocates.
 */
export class DataTable<E> {
  private sparse: Map<U64, E> | null = new Map();
  private dense: (E | undefined)[] | null = null;
  /**
   * Every ID below this exists (ID 0 always does): once compacted with no gaps, the IDs 1..max;
   * a check of an event's ID is then one comparison.
   */
  fullBelow = 1;

  constructor(
    private readonly zero: E,
    private readonly typeName: string,
    private readonly show: (e: E) => string,
  ) {}

  insert(id: U64, data: E): void {
    const existing = this.get(id);
    if (existing !== undefined) {
      throw new TraceError(
        `multiple ${this.typeName}s with the same ID: id=${dec(id)}, new=${this.show(data)}, existing=${this.show(existing)}`,
      );
    }
    this.sparse!.set(id, data);
  }

  /** Adds data under the next free ID (Go's dataTable.append). */
  append(data: E): number {
    const id = this.size() + 1;
    this.sparse!.set(id, data);
    return id;
  }

  private size(): number {
    return this.sparse ? this.sparse.size : 0;
  }

  /** The value for id, or undefined if absent. ID 0 is always present. */
  get(id: U64): E | undefined {
    if (id === 0) return this.zero;
    const d = this.dense;
    if (d !== null && typeof id === 'number' && id < d.length) return d[id];
    return this.sparse?.get(id);
  }

  has(id: U64): boolean {
    return this.get(id) !== undefined;
  }

  compactify(): void {
    const sp = this.sparse;
    if (sp === null || this.dense !== null) return;
    let max = 0;
    let min = Infinity;
    for (const id of sp.keys()) {
      if (typeof id !== 'number') return; // IDs past 2^53: keep sparse
      if (id > max) max = id;
      if (id < min) min = id;
    }
    const n = sp.size;
    if (n === 0) return;
    if (max - min > Math.max(n, 2 * n)) return;
    if (min > n) return;
    const dense: (E | undefined)[] = new Array(max + 1);
    for (const [id, v] of sp) dense[id as number] = v;
    this.dense = dense;
    this.sparse = null;
    // n distinct IDs in [1, max] with n === max: all of them.
    if (min === 1 && n === max) this.fullBelow = max + 1;
  }

  /** Calls f with every (id, value), in the order of entries(). */
  forEach(f: (id: U64, v: E) => void): void {
    const d = this.dense;
    if (d !== null) {
      for (let i = 0; i < d.length; i++) {
        const v = d[i];
        if (v !== undefined) f(i, v);
      }
    }
    if (this.sparse !== null) for (const [id, v] of this.sparse) f(id, v);
  }

  /** Every (id, value), dense IDs in order first, then sparse ones in insertion order. */
  *entries(): Generator<[U64, E]> {
    if (this.dense) {
      for (let i = 0; i < this.dense.length; i++) {
        const v = this.dense[i];
        if (v !== undefined) yield [i, v];
      }
    }
    if (this.sparse) yield* this.sparse.entries();
  }
}

export interface Frame {
  pc: U64;
  funcID: U64;
  fileID: U64;
  line: U64;
}

/** A stack in the table: its PCs, leaf first. */
export type StackPCs = U64[];

export interface ExperimentalBatch {
  /** The thread that produced the data (Go's ThreadID). */
  thread: number | bigint;
  data: Uint8Array;
}

const showStack = (pcs: StackPCs) => pcs.map((pc) => `\t0x${pc.toString(16)}\n`).join('');

export class EvTable {
  /** ns per tick; 0 until the generation's Frequency event is read. */
  freq = 0;
  hasClockSnapshot = false;
  snapTime: U64 = 0;
  snapMono: U64 = 0;
  snapSec: U64 = 0;
  snapNsec: U64 = 0;
  readonly strings = new DataTable<string>('', 'string', (s) => s);
  readonly stacks = new DataTable<StackPCs>([], 'trace.stack', showStack);
  readonly pcs = new Map<U64, Frame>();
  /** Strings made while parsing (task names carried from an earlier generation). */
  readonly extraStrings: string[] = [];
  private extraIDs: Map<string, number> | null = null;
  expBatches: Map<number, ExperimentalBatch[]> | null = null;

  addExtraString(s: string): number {
    if (s === '') return 0;
    if (this.extraIDs === null) this.extraIDs = new Map();
    const known = this.extraIDs.get(s);
    if (known !== undefined) return known;
    this.extraStrings.push(s);
    const id = this.extraStrings.length;
    this.extraIDs.set(s, id);
    return id;
  }

  getExtraString(id: number): string {
    return id === 0 ? '' : this.extraStrings[id - 1];
  }
}
