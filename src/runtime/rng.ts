// A small seeded generator (SplitMix32-style mixing over a 32-bit state) so every run of a
// workload with the same seed writes the same bytes. Not for anything but simulation.

export class Rng {
  private s: number;

  constructor(seed: number) {
    // Kept as a signed 32-bit value (same bits) so it stays a small integer for the JIT.
    this.s = Math.floor(seed) ^ 0x9e3779b9;
  }

  /** Uniform 32-bit unsigned integer. */
  u32(): number {
    this.s = (this.s + 0x9e3779b9) | 0;
    let z = this.s;
    z = Math.imul(z ^ (z >>> 16), 0x85ebca6b);
    z = Math.imul(z ^ (z >>> 13), 0xc2b2ae35);
    return (z ^ (z >>> 16)) >>> 0;
  }

  /** Uniform in [0, 1). */
  next(): number {
    return this.u32() / 4294967296;
  }

  /** Uniform integer in [0, n). */
  int(n: number): number {
    return Math.floor(this.next() * n);
  }

  /** Uniform in [lo, hi). */
  range(lo: number, hi: number): number {
    return lo + this.next() * (hi - lo);
  }

  chance(p: number): boolean {
    return this.next() < p;
  }

  /** Exponentially distributed with the given mean, capped at 20× the mean. */
  exp(mean: number): number {
    const u = this.next();
    return Math.min(-Math.log(1 - u) * mean, 20 * mean);
  }

  pick<T>(xs: readonly T[]): T {
    return xs[this.int(xs.length)];
  }
}
