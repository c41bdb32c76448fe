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

  constructor(spec: Record<K, ColumnKind>) {
    this.kinds = spec;
    this.names = Object.keys(spec) as K[];
    const cols = {} as Record<K, Builder>;
    for (const k of this.names) {
      const kind = spec[k];
      cols[k] = kind === 'time' || kind === 'f64' || kind === 'num' ? new F64Builder() : kind === 'u8' ? new U8Builder() : new U32Builder();
    }
    this.cols = cols;
  }

  get length(): number {
    return this.cols[this.names[0]].length;
  }

  /** Appends one row; values in the order of the spec's keys. */
  push(...values: number[]): void {
    const names = this.names;
    for (let i = 0; i < names.length; i++) this.cols[names[i]].push(values[i]);
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
