// Growable typed arrays for the page-side tables and indexes (appended to as chunks arrive).
// Capacity doubles while small and grows by a quarter past 65,536 entries, and compact()
// drops the spare room once the model is complete; byteSize counts the capacity.

type Typed = Float64Array | Uint32Array | Int32Array;

function capacity(current: number, needed: number): number {
  let c = Math.max(16, current);
  while (c < needed) c = c < 1 << 16 ? c * 2 : Math.ceil(c * 1.25);
  return c;
}

abstract class Grow<T extends Typed> {
  abstract data: T;
  length = 0;
  protected abstract make(n: number): T;

  ensure(n: number): void {
    if (n <= this.data.length) return;
    const d = this.make(capacity(this.data.length, n));
    d.set(this.data.subarray(0, this.length) as never);
    this.data = d;
  }

  push(v: number): void {
    if (this.length === this.data.length) this.ensure(this.length + 1);
    this.data[this.length++] = v;
  }

  append(src: ArrayLike<number>, add = 0): void {
    this.ensure(this.length + src.length);
    for (let i = 0; i < src.length; i++) this.data[this.length + i] = src[i] + add;
    this.length += src.length;
  }

  /** Grows to n entries, the new ones set to fill. */
  extend(n: number, fill: number): void {
    if (n <= this.length) return;
    this.ensure(n);
    this.data.fill(fill, this.length, n);
    this.length = n;
  }

  get byteLength(): number {
    return this.data.byteLength;
  }

  /** Drops the spare capacity (no more appends expected). */
  compact(): void {
    if (this.data.length > this.length) this.data = this.data.slice(0, this.length) as T;
  }
}

export class F64Grow extends Grow<Float64Array> {
  data = new Float64Array(16);
  protected make(n: number): Float64Array {
    return new Float64Array(n);
  }
}

export class U32Grow extends Grow<Uint32Array> {
  data = new Uint32Array(16);
  protected make(n: number): Uint32Array {
    return new Uint32Array(n);
  }
}

export class I32Grow extends Grow<Int32Array> {
  data = new Int32Array(16);
  protected make(n: number): Int32Array {
    return new Int32Array(n);
  }
}

/**
 * Go IDs (exact below 2^53): Uint32 while every ID fits, which is the usual case (Go numbers
 * goroutines, Ps and tasks from 1), Float64 from the first one that does not.
 */
export class IdGrow {
  data: Uint32Array | Float64Array = new Uint32Array(16);
  length = 0;

  append(src: ArrayLike<number>): void {
    if (this.data instanceof Uint32Array) {
      for (let i = 0; i < src.length; i++) {
        const v = src[i];
        if (!(v >= 0 && v <= 0xffffffff && Number.isInteger(v))) {
          const d = new Float64Array(this.data.length);
          d.set(this.data);
          this.data = d;
          break;
        }
      }
    }
    const needed = this.length + src.length;
    if (needed > this.data.length) {
      const d = this.data instanceof Uint32Array ? new Uint32Array(capacity(this.data.length, needed)) : new Float64Array(capacity(this.data.length, needed));
      d.set(this.data.subarray(0, this.length) as never);
      this.data = d;
    }
    for (let i = 0; i < src.length; i++) this.data[this.length + i] = src[i];
    this.length += src.length;
  }

  get byteLength(): number {
    return this.data.byteLength;
  }

  compact(): void {
    if (this.data.length > this.length) this.data = this.data.slice(0, this.length);
  }
}

/**
 * Small non-negative integers (indices + 1, 0 for none): Uint8 while every value fits, then
 * Uint16, then Uint32. Per-goroutine facts cost 1–2 bytes each in most traces this way.
 */
export class NarrowGrow {
  data: Uint8Array | Uint16Array | Uint32Array = new Uint8Array(16);
  length = 0;

  private widen(v: number): void {
    const max = this.data instanceof Uint8Array ? 0xff : this.data instanceof Uint16Array ? 0xffff : 0xffffffff;
    if (v <= max) return;
    const d = v <= 0xffff ? new Uint16Array(this.data.length) : new Uint32Array(this.data.length);
    d.set(this.data);
    this.data = d;
  }

  private ensure(n: number): void {
    if (n <= this.data.length) return;
    const c = capacity(this.data.length, n);
    const d = this.data instanceof Uint8Array ? new Uint8Array(c) : this.data instanceof Uint16Array ? new Uint16Array(c) : new Uint32Array(c);
    d.set(this.data.subarray(0, this.length));
    this.data = d;
  }

  /** Grows to n entries, the new ones 0. */
  extend(n: number): void {
    if (n <= this.length) return;
    this.ensure(n);
    this.length = n;
  }

  get(i: number): number {
    return this.data[i];
  }

  set(i: number, v: number): void {
    this.widen(v);
    this.data[i] = v;
  }

  get byteLength(): number {
    return this.data.byteLength;
  }

  compact(): void {
    if (this.data.length > this.length) this.data = this.data.slice(0, this.length);
  }
}
