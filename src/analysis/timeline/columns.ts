// Growable typed arrays for the rows of the generation being read, and their narrowing into
// chunk columns (the smallest unsigned width that holds the values) when it is sealed.

import type { TimeColumn, UintColumn } from './chunk';

const INITIAL = 256;

/** A growable Float64 column (times, IDs, values). */
export class F64Builder {
  data = new Float64Array(INITIAL);
  length = 0;

  push(v: number): void {
    if (this.length === this.data.length) this.data = grow(this.data, new Float64Array(this.data.length * 2));
    this.data[this.length++] = v;
  }

  /** An exact-length copy (the builder is reused for the next generation). */
  take(): Float64Array {
    const out = this.data.slice(0, this.length);
    this.reset();
    return out;
  }

  reset(): void {
    this.length = 0;
    if (this.data.length > INITIAL * 64) this.data = new Float64Array(INITIAL);
  }
}

/** A growable Uint32 column (indices). */
export class U32Builder {
  data = new Uint32Array(INITIAL);
  length = 0;

  push(v: number): void {
    if (this.length === this.data.length) this.data = grow(this.data, new Uint32Array(this.data.length * 2));
    this.data[this.length++] = v;
  }

  take(): Uint32Array {
    const out = this.data.slice(0, this.length);
    this.reset();
    return out;
  }

  /** The narrowest column holding the values, then reset. */
  takeNarrow(): UintColumn {
    const out = narrow(this.data, this.length);
    this.reset();
    return out;
  }

  reset(): void {
    this.length = 0;
    if (this.data.length > INITIAL * 64) this.data = new Uint32Array(INITIAL);
  }
}

/** A growable Uint8 column (states, kinds). */
export class U8Builder {
  data = new Uint8Array(INITIAL);
  length = 0;

  push(v: number): void {
    if (this.length === this.data.length) this.data = grow(this.data, new Uint8Array(this.data.length * 2));
    this.data[this.length++] = v;
  }

  take(): Uint8Array {
    const out = this.data.slice(0, this.length);
    this.reset();
    return out;
  }

  reset(): void {
    this.length = 0;
    if (this.data.length > INITIAL * 64) this.data = new Uint8Array(INITIAL);
  }
}

function grow<T extends Float64Array | Uint32Array | Uint8Array>(from: T, to: T): T {
  to.set(from);
  return to;
}

/** The largest of the first n values. */
export function maxOf(a: ArrayLike<number>, n: number): number {
  let m = 0;
  for (let i = 0; i < n; i++) if (a[i] > m) m = a[i];
  return m;
}

/** Copies the first n values into the narrowest unsigned array that holds them. */
export function narrow(a: ArrayLike<number>, n: number): UintColumn {
  const m = maxOf(a, n);
  const out = m <= 0xff ? new Uint8Array(n) : m <= 0xffff ? new Uint16Array(n) : new Uint32Array(n);
  for (let i = 0; i < n; i++) out[i] = a[i];
  return out;
}

/** An empty column of width w for a permuted copy (see permuteNarrow). */
export function uintLike(max: number, n: number): UintColumn {
  return max <= 0xff ? new Uint8Array(n) : max <= 0xffff ? new Uint16Array(n) : new Uint32Array(n);
}

/** Largest offset a Uint32 time column holds. */
export const U32_TIME_LIMIT = 0xffffffff;

/**
 * Times (ns since the origin) as offsets from base: Uint32 when every offset fits, else
 * Float64. `order`, when given, picks and permutes the rows.
 */
export function timeColumn(times: Float64Array, n: number, base: number, order?: Uint32Array): TimeColumn {
  let max = 0;
  for (let i = 0; i < n; i++) {
    const d = times[i] - base;
    if (d > max) max = d;
  }
  const out: TimeColumn = max <= U32_TIME_LIMIT ? new Uint32Array(n) : new Float64Array(n);
  if (order) for (let i = 0; i < n; i++) out[i] = times[order[i]] - base;
  else for (let i = 0; i < n; i++) out[i] = times[i] - base;
  return out;
}

/** The rows of `src` in the order given, in the narrowest width. */
export function permuteNarrow(src: ArrayLike<number>, n: number, order: Uint32Array): UintColumn {
  const out = uintLike(maxOf(src, n), n);
  for (let i = 0; i < n; i++) out[i] = src[order[i]];
  return out;
}

/** Bytes held by a typed array's view (not its whole buffer: chunk columns own theirs). */
export function bytesOf(a: { byteLength: number } | null | undefined): number {
  return a ? a.byteLength : 0;
}
