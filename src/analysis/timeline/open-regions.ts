// The user regions open on each goroutine while a generation is read (regions nest on their
// goroutine: an end closes the innermost open one, trace.WithRegion). Kept in typed arrays:
// a pool of open-region records, each pointing at the next one out on its goroutine, and per
// goroutine the innermost; a region begun and ended allocates nothing.

const INITIAL = 64;

export class OpenRegions {
  // Pool records: begin time, task index, name string index, begin stack, depth (0 outermost).
  start = new Float64Array(INITIAL);
  task = new Uint32Array(INITIAL);
  name = new Uint32Array(INITIAL);
  stack = new Uint32Array(INITIAL);
  depth = new Uint32Array(INITIAL);
  /** The next region out on the same goroutine (-1 none); for a free record, the next free. */
  private below = new Int32Array(INITIAL);
  /** Per goroutine index: its innermost open region + 1 (0 none). */
  private head = new Int32Array(INITIAL);
  private used = 0;
  private free = -1;

  /** Opens a region on goroutine g. */
  begin(g: number, t: number, task: number, name: number, stack: number): void {
    if (g >= this.head.length) this.growHead(g);
    const h = this.head[g] - 1;
    let r = this.free;
    if (r >= 0) this.free = this.below[r];
    else {
      r = this.used++;
      if (r === this.start.length) this.growPool();
    }
    this.start[r] = t;
    this.task[r] = task;
    this.name[r] = name;
    this.stack[r] = stack;
    this.depth[r] = h >= 0 ? this.depth[h] + 1 : 0;
    this.below[r] = h;
    this.head[g] = r + 1;
  }

  /**
   * Closes g's innermost open region: its record (read it before the next begin), or -1 when
   * none is open (the region began before the trace).
   */
  end(g: number): number {
    if (g >= this.head.length) return -1;
    const r = this.head[g] - 1;
    if (r < 0) return -1;
    this.head[g] = this.below[r] + 1;
    this.below[r] = this.free;
    this.free = r;
    return r;
  }

  /** Calls f for every open region: goroutines in ascending order, each outermost first. */
  forEachOpen(f: (g: number, r: number) => void): void {
    const chain: number[] = [];
    for (let g = 0; g < this.head.length; g++) {
      chain.length = 0;
      for (let r = this.head[g] - 1; r >= 0; r = this.below[r]) chain.push(r);
      for (let k = chain.length - 1; k >= 0; k--) f(g, chain[k]);
    }
  }

  copy(): OpenRegions {
    const c = new OpenRegions();
    c.start = this.start.slice();
    c.task = this.task.slice();
    c.name = this.name.slice();
    c.stack = this.stack.slice();
    c.depth = this.depth.slice();
    c.below = this.below.slice();
    c.head = this.head.slice();
    c.used = this.used;
    c.free = this.free;
    return c;
  }

  private growHead(g: number): void {
    let n = this.head.length;
    while (n <= g) n *= 2;
    const h = new Int32Array(n);
    h.set(this.head);
    this.head = h;
  }

  private growPool(): void {
    const n = this.start.length * 2;
    const f64 = (a: Float64Array) => {
      const b = new Float64Array(n);
      b.set(a);
      return b;
    };
    const u32 = (a: Uint32Array) => {
      const b = new Uint32Array(n);
      b.set(a);
      return b;
    };
    this.start = f64(this.start);
    this.task = u32(this.task);
    this.name = u32(this.name);
    this.stack = u32(this.stack);
    this.depth = u32(this.depth);
    const b = new Int32Array(n);
    b.set(this.below);
    this.below = b;
  }
}
