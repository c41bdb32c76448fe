// A small seeded generator (SplitMix32-style mixing over a 32-bit state) so every run of a
// workload with the same seed writes the same bytes. Not for anything but simulation.

// Exponential variates by the ziggurat method (Marsaglia and Tsang, 2000): 256 strips of
// equal area under e^-x; a draw falls inside a strip's rectangle ~99% of the time and costs
// one 32-bit number and a multiply. -log(u) costs a Math.log call, and the simulation draws
// an exponential for every compute slice, syscall and timer.
const ZIG_N = 256;
const ZIG_R = 7.69711747013104972;
const ZIG_V = 3.949659822581572e-3;
/** Strip thresholds against the top 24 bits of a draw, scaled strip widths, e^-x at strip edges. */
const zk = new Float64Array(ZIG_N);
const zw = new Float64Array(ZIG_N);
const zf = new Float64Array(ZIG_N);
{
  const m = 2 ** 24;
  let d = ZIG_R;
  let t = d;
  const q = ZIG_V / Math.exp(-d);
  zk[0] = Math.floor((d / q) * m);
  zk[1] = 0;
  zw[0] = q / m;
  zw[ZIG_N - 1] = d / m;
  zf[0] = 1;
  zf[ZIG_N - 1] = Math.exp(-d);
  for (let i = ZIG_N - 2; i >= 1; i--) {
    d = -Math.log(ZIG_V / d + Math.exp(-d));
    zk[i + 1] = Math.floor((d / t) * m);
    t = d;
    zf[i] = Math.exp(-d);
    zw[i] = d / m;
  }
}

export class Rng {
  private s: number;

  constructor(seed: number) {
    // Kept as a signed 32-bit value (same bits) so it stays a small integer for the JIT.
    this.s = Math.floor(seed) ^ 0x9e3779b9;
  }

  /** The next 32 random bits as a signed 32-bit integer. */
  private raw(): number {
    this.s = (this.s + 0x9e3779b9) | 0;
    let z = this.s;
    z = Math.imul(z ^ (z >>> 16), 0x85ebca6b);
    z = Math.imul(z ^ (z >>> 13), 0xc2b2ae35);
    return z ^ (z >>> 16);
  }

  /** Uniform 32-bit unsigned integer. */
  u32(): number {
    return this.raw() >>> 0;
  }

  /**
   * Uniform 30-bit integer. The hot draws (chance, int) go through it: a value below 2^30
   * is a small integer to the JIT, where a full 32-bit one is a heap number when returned.
   */
  bits30(): number {
    return this.raw() >>> 2;
  }

  /** Uniform in [0, 1). */
  next(): number {
    return (this.raw() >>> 0) / 4294967296;
  }

  /** Uniform integer in [0, n). */
  int(n: number): number {
    return Math.floor((this.bits30() * n) / 1073741824);
  }

  /** Uniform in [lo, hi). */
  range(lo: number, hi: number): number {
    return lo + this.next() * (hi - lo);
  }

  chance(p: number): boolean {
    return this.bits30() < p * 1073741824;
  }

  /** Exponentially distributed with the given mean, capped at 20× the mean. */
  exp(mean: number): number {
    const x = this.stdExp();
    return (x < 20 ? x : 20) * mean;
  }

  /** A standard exponential variate (mean 1), ziggurat method. */
  private stdExp(): number {
    for (;;) {
      const u = this.raw();
      const i = u & 0xff;
      const j = u >>> 8;
      const x = j * zw[i];
      if (j < zk[i]) return x;
      if (i === 0) return ZIG_R - Math.log(1 - this.next());
      // Wedge: accept with the density's shape between the strip's edges.
      if (zf[i] + this.next() * (zf[i - 1] - zf[i]) < Math.exp(-x)) return x;
    }
  }

  pick<T>(xs: readonly T[]): T {
    return xs[this.int(xs.length)];
  }
}
