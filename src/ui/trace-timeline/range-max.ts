// Largest value over a range of a series' samples in O(log n): a pyramid of block maxima over
// blocks of LEAF samples, doubling per level. A counter drawn zoomed out asks this once per
// pixel column, so a frame costs the columns, not the millions of samples a goroutine count
// can have. Memory: about 2n/LEAF floats over the series. Pure.

const LEAF = 32;

export class RangeMax {
  private readonly levels: Float32Array[] = [];

  constructor(private readonly values: ArrayLike<number>) {
    const n = values.length;
    let cur = new Float32Array(Math.ceil(n / LEAF));
    for (let b = 0; b < cur.length; b++) {
      let m = -Infinity;
      const end = Math.min(n, (b + 1) * LEAF);
      for (let i = b * LEAF; i < end; i++) if (values[i] > m) m = values[i];
      cur[b] = m;
    }
    this.levels.push(cur);
    while (cur.length > 1) {
      const next = new Float32Array(Math.ceil(cur.length / 2));
      for (let i = 0; i < next.length; i++) next[i] = Math.max(cur[2 * i], 2 * i + 1 < cur.length ? cur[2 * i + 1] : -Infinity);
      this.levels.push(next);
      cur = next;
    }
  }

  /** Max of values[a..b] inclusive (clamped); −Infinity for an empty range. */
  max(a: number, b: number): number {
    const n = this.values.length;
    let lo = Math.max(0, a);
    const hi = Math.min(n - 1, b);
    let m = -Infinity;
    if (lo > hi) return m;
    // Loose samples up to the first block boundary, and after the last whole block.
    const firstBlock = Math.ceil(lo / LEAF);
    const lastBlock = Math.floor((hi + 1) / LEAF) - 1;
    if (firstBlock > lastBlock) {
      for (let i = lo; i <= hi; i++) if (this.values[i] > m) m = this.values[i];
      return m;
    }
    for (; lo < firstBlock * LEAF; lo++) if (this.values[lo] > m) m = this.values[lo];
    for (let i = (lastBlock + 1) * LEAF; i <= hi; i++) if (this.values[i] > m) m = this.values[i];
    // Whole blocks [firstBlock, lastBlock] through the pyramid.
    let l = firstBlock;
    let r = lastBlock;
    for (let lv = 0; l <= r; lv++) {
      const level = this.levels[lv];
      if (l & 1) m = Math.max(m, level[l++]);
      if (!(r & 1)) m = Math.max(m, level[r--]);
      l >>= 1;
      r >>= 1;
    }
    return m;
  }
}
