// User regions of the generation being read, as intervals: paired in the sink (regions nest
// on their goroutine, trace.WithRegion: an end closes the innermost open one; an end with none
// open closes a region begun before the trace) and listed in the chunk where they end, grouped
// by goroutine. A region open across many generations costs one row, not one per chunk. The
// regions still open when the trace ends are added to its last chunk (sealOpen).

import type { RegionIntervals } from './chunk';
import { narrow, permuteNarrow, timeColumn } from './columns';
import { OpenRegions } from './open-regions';

const BEFORE_TRACE = 1;
const OPEN = 2;
const INITIAL = 256;

export class RegionRowBuilder {
  // One capacity for every column, grown by doubling.
  private g = new Uint32Array(INITIAL);
  private start = new Float64Array(INITIAL);
  private end = new Float64Array(INITIAL);
  private task = new Uint32Array(INITIAL);
  private name = new Uint32Array(INITIAL);
  private depth = new Uint8Array(INITIAL);
  private flags = new Uint8Array(INITIAL);
  private startStack = new Uint32Array(INITIAL);
  private endStack = new Uint32Array(INITIAL);
  private length = 0;
  /** Open regions per goroutine. */
  private open = new OpenRegions();

  push(t: number, g: number, begin: boolean, task: number, name: number, stack: number): void {
    const open = this.open;
    if (begin) {
      open.begin(g, t, task, name, stack);
      return;
    }
    const r = open.end(g);
    if (r < 0) this.row(g, 0, t, task, name, 0, BEFORE_TRACE, 0, stack);
    else this.row(g, open.start[r], t, open.task[r], open.name[r], open.depth[r], 0, open.stack[r], stack);
  }

  private row(g: number, start: number, end: number, task: number, name: number, depth: number, flags: number, startStack: number, endStack: number): void {
    const i = this.length;
    if (i === this.g.length) this.grow(i * 2);
    this.g[i] = g;
    this.start[i] = start;
    this.end[i] = end;
    this.task[i] = task;
    this.name[i] = name;
    this.depth[i] = Math.min(depth, 255);
    this.flags[i] = flags;
    this.startStack[i] = startStack;
    this.endStack[i] = endStack;
    this.length = i + 1;
  }

  private grow(n: number): void {
    const m = this.length;
    const u32 = (a: Uint32Array) => {
      const b = new Uint32Array(n);
      b.set(a.subarray(0, m));
      return b;
    };
    const f64 = (a: Float64Array) => {
      const b = new Float64Array(n);
      b.set(a.subarray(0, m));
      return b;
    };
    const u8 = (a: Uint8Array) => {
      const b = new Uint8Array(n);
      b.set(a.subarray(0, m));
      return b;
    };
    this.g = u32(this.g);
    this.start = f64(this.start);
    this.end = f64(this.end);
    this.task = u32(this.task);
    this.name = u32(this.name);
    this.depth = u8(this.depth);
    this.flags = u8(this.flags);
    this.startStack = u32(this.startStack);
    this.endStack = u32(this.endStack);
  }

  /**
   * The rows of regions that ended since the last seal; given openUntil (the chunk's end),
   * also those still open, as ending there with the open flag.
   */
  seal(base: number, goroutines: number, openUntil?: number): RegionIntervals {
    if (openUntil !== undefined) {
      const open = this.open;
      open.forEachOpen((g, r) => this.row(g, open.start[r], openUntil, open.task[r], open.name[r], open.depth[r], OPEN, open.stack[r], 0));
    }
    const n = this.length;
    const gs = this.g;
    const count = new Uint32Array(goroutines + 1);
    for (let i = 0; i < n; i++) count[gs[i] + 1]++;
    const lanes: number[] = [];
    const offsets: number[] = [0];
    for (let g = 0; g < goroutines; g++) {
      if (count[g + 1] === 0) continue;
      lanes.push(g);
      offsets.push(offsets[offsets.length - 1] + count[g + 1]);
    }
    for (let g = 1; g <= goroutines; g++) count[g] += count[g - 1];
    const order = new Uint32Array(n);
    for (let i = 0; i < n; i++) order[count[gs[i]]++] = i;
    const u8 = (b: Uint8Array) => {
      const out = new Uint8Array(n);
      for (let i = 0; i < n; i++) out[i] = b[order[i]];
      return out;
    };
    const before = new Float64Array(n);
    for (let i = 0; i < n; i++) before[i] = this.end[i] - this.start[i];
    const out: RegionIntervals = {
      lanes: narrow(lanes, lanes.length),
      offsets: narrow(offsets, offsets.length),
      end: timeColumn(this.end, n, base, order),
      before: timeColumn(before, n, 0, order),
      task: permuteNarrow(this.task, n, order),
      name: permuteNarrow(this.name, n, order),
      depth: u8(this.depth),
      flags: u8(this.flags),
      startStack: permuteNarrow(this.startStack, n, order),
      endStack: permuteNarrow(this.endStack, n, order),
    };
    this.reset();
    return out;
  }

  /** A copy of the rows not yet sealed (to seal again with the open ones, if the trace ends). */
  snapshot(): RegionRowBuilder {
    const c = new RegionRowBuilder();
    c.grow(Math.max(INITIAL, this.length));
    c.g.set(this.g.subarray(0, this.length));
    c.start.set(this.start.subarray(0, this.length));
    c.end.set(this.end.subarray(0, this.length));
    c.task.set(this.task.subarray(0, this.length));
    c.name.set(this.name.subarray(0, this.length));
    c.depth.set(this.depth.subarray(0, this.length));
    c.flags.set(this.flags.subarray(0, this.length));
    c.startStack.set(this.startStack.subarray(0, this.length));
    c.endStack.set(this.endStack.subarray(0, this.length));
    c.length = this.length;
    c.open = this.open.copy();
    return c;
  }

  /** Drops the rows (the open regions stay: they continue into the next chunk). */
  reset(): void {
    this.length = 0;
  }
}
