// An index over a set of intervals (user tasks of one nesting depth) for drawing them at any
// zoom at the cost of what is visible: how many overlap a window (two binary searches), the
// ones that do (from the first whose end reaches the window), and, when they are too many to
// draw one by one, the share of each pixel column they cover, read from a running integral
// of the number of open intervals sampled at BUCKETS points (two lookups per column).
// Pure; built once per model version.

/** Resolution of the coverage integral over the whole range. */
export const BUCKETS = 1 << 18;

function upperBound(a: Float64Array, v: number): number {
  let lo = 0;
  let hi = a.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (a[mid] <= v) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

function lowerBound(a: Float64Array, v: number): number {
  let lo = 0;
  let hi = a.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (a[mid] < v) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

export class IntervalIndex {
  /** Starts ascending; ends and ids in the same order. */
  readonly starts: Float64Array;
  readonly ends: Float64Array;
  readonly ids: Uint32Array;
  private readonly sortedEnds: Float64Array;
  private readonly maxEnd: Float64Array;
  /** integral[i]: covered time (summed over intervals) in [from, from + i × step]. */
  private readonly integral: Float64Array;
  private readonly from: number;
  private readonly step: number;

  /** Intervals [starts[i], ends[i]] named by ids[i], over the range [fromNs, toNs]. */
  constructor(starts: ArrayLike<number>, ends: ArrayLike<number>, ids: ArrayLike<number>, fromNs: number, toNs: number) {
    const n = starts.length;
    // Tasks come from the model in start order: sort only when they are not.
    let sorted = true;
    for (let i = 1; i < n && sorted; i++) sorted = starts[i - 1] <= starts[i];
    const order = Uint32Array.from({ length: n }, (_, i) => i);
    if (!sorted) order.sort((a, b) => starts[a] - starts[b]);
    this.starts = Float64Array.from(order, (i) => starts[i]);
    this.ends = Float64Array.from(order, (i) => Math.max(starts[i], ends[i]));
    this.ids = Uint32Array.from(order, (i) => ids[i]);
    this.sortedEnds = Float64Array.from(this.ends).sort();
    this.maxEnd = new Float64Array(n);
    let m = -Infinity;
    for (let i = 0; i < n; i++) this.maxEnd[i] = m = Math.max(m, this.ends[i]);
    this.from = fromNs;
    this.step = Math.max(1e-9, (toNs - fromNs) / BUCKETS);
    this.integral = n > 0 ? this.buildIntegral() : new Float64Array(BUCKETS + 1);
  }

  get size(): number {
    return this.starts.length;
  }

  /** Sweeps the starts and ends in time order, integrating the count of open intervals. */
  private buildIntegral(): Float64Array {
    const out = new Float64Array(BUCKETS + 1);
    const S = this.starts;
    const E = this.sortedEnds;
    let i = 0;
    let j = 0;
    let open = 0;
    let t = this.from;
    let acc = 0;
    for (let b = 1; b <= BUCKETS; b++) {
      const edge = this.from + b * this.step;
      // Every start and end before this boundary changes the count from its time on.
      for (;;) {
        const ns = i < S.length ? S[i] : Infinity;
        const ne = j < E.length ? E[j] : Infinity;
        const next = Math.min(ns, ne);
        if (next >= edge) break;
        const at = Math.max(t, next);
        acc += open * (at - t);
        t = at;
        if (ns <= ne) {
          open++;
          i++;
        } else {
          open--;
          j++;
        }
      }
      acc += open * (edge - t);
      t = edge;
      out[b] = acc;
    }
    return out;
  }

  /** How many intervals overlap [t0, t1]. */
  count(t0: number, t1: number): number {
    return upperBound(this.starts, t1) - lowerBound(this.sortedEnds, t0);
  }

  /** Visits the intervals overlapping [t0, t1] in start order (index into starts/ends/ids). */
  forEach(t0: number, t1: number, visit: (i: number) => void): void {
    const hi = upperBound(this.starts, t1);
    // The first interval whose running maximum end reaches t0: none before it can overlap.
    let lo = 0;
    let h = hi;
    while (lo < h) {
      const mid = (lo + h) >> 1;
      if (this.maxEnd[mid] < t0) lo = mid + 1;
      else h = mid;
    }
    for (let i = lo; i < hi; i++) if (this.ends[i] >= t0) visit(i);
  }

  /** Covered time (summed over intervals) in [from, t], interpolated inside a bucket. */
  private coveredUntil(t: number): number {
    const x = (t - this.from) / this.step;
    if (x <= 0) return 0;
    if (x >= BUCKETS) return this.integral[BUCKETS];
    const b = Math.floor(x);
    return this.integral[b] + (this.integral[b + 1] - this.integral[b]) * (x - b);
  }

  /** out[x] = share of column x of [t0, t1) split into `columns` that the intervals cover (may pass 1 where they overlap). */
  coverage(t0: number, t1: number, columns: number, out: Float32Array): void {
    const w = (t1 - t0) / columns;
    let prev = this.coveredUntil(t0);
    for (let x = 0; x < columns; x++) {
      const next = this.coveredUntil(t0 + (x + 1) * w);
      out[x] = (next - prev) / w;
      prev = next;
    }
  }
}
