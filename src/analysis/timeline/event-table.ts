// A small columnar table for the rarer events of a generation (P transitions, ranges, metrics,
// labels, tasks, regions, logs, CPU samples): rows pushed in time order, sealed into a chunk
// table whose integer columns are narrowed and whose times are offsets from the chunk base.

import { F64Builder, U32Builder, U8Builder, timeColumn } from './columns';

/**
 * Column kinds: 'time' (ns since origin), 'u8', 'uint' (narrowed), 'f64' (kept as is), 'num'
 * (Uint32 when every value is an integer that fits, else Float64).
 */
export type ColumnKind = 'time' | 'u8' | 'uint' | 'f64' | 'num';

type Builder = F64Builder | U32Builder | U8Builder;

export class EventTable<K extends string> {
  private readonly cols: Record<K, Builder>;
  private readonly kinds: Record<K, ColumnKind>;
  private readonly names: K[];
  /** The builders in the order of the spec's keys. */
  private readonly list: Builder[];

  constructor(spec: Record<K, ColumnKind>) {
    this.kinds = spec;
    this.names = Object.keys(spec) as K[];
    if (this.names.length < 3 || this.names.length > 8) throw new Error('an event table has 3 to 8 columns');
    const cols = {} as Record<K, Builder>;
    for (const k of this.names) {
      const kind = spec[k];
      cols[k] = kind === 'time' || kind === 'f64' || kind === 'num' ? new F64Builder() : kind === 'u8' ? new U8Builder() : new U32Builder();
    }
    this.cols = cols;
    this.list = this.names.map((k) => cols[k]);
  }

  get length(): number {
    return this.cols[this.names[0]].length;
  }

  /**
   * Appends one row; values in the order of the spec's keys (at least three columns, at most
   * eight). Fixed parameters rather than a rest array: nothing is allocated per row.
   */
  push(v0: number, v1: number, v2: number, v3 = 0, v4 = 0, v5 = 0, v6 = 0, v7 = 0): void {
    const c = this.list;
    const n = c.length;
    c[0].push(v0);
    c[1].push(v1);
    c[2].push(v2);
    if (n > 3) c[3].push(v3);
    if (n > 4) c[4].push(v4);
    if (n > 5) c[5].push(v5);
    if (n > 6) c[6].push(v6);
    if (n > 7) c[7].push(v7);
  }

  /** The generation's rows as a chunk table; the builder is then empty. */
  seal<T>(base: number): T {
    const out: Record<string, unknown> = {};
    for (const k of this.names) {
      const b = this.cols[k];
      const kind = this.kinds[k];
      if (kind === 'time') {
        out[k] = timeColumn(b.data as Float64Array, b.length, base);
        b.reset();
      } else if (kind === 'uint') out[k] = (b as U32Builder).takeNarrow();
      else if (kind === 'num') {
        const d = b.data as Float64Array;
        let fits = true;
        for (let i = 0; i < b.length && fits; i++) fits = d[i] >= 0 && d[i] <= 0xffffffff && Number.isInteger(d[i]);
        out[k] = fits ? Uint32Array.from(d.subarray(0, b.length)) : d.slice(0, b.length);
        b.reset();
      }
      else out[k] = b.take();
    }
    return out as T;
  }

  /** Drops the rows (a generation cut short by damage). */
  reset(): void {
    for (const k of this.names) this.cols[k].reset();
  }
}
