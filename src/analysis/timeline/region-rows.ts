// User regions of the generation being read, as intervals: paired in the sink (regions nest
// on their goroutine, trace.WithRegion: an end closes the innermost open one; an end with none
// open closes a region begun before the trace) and listed in the chunk where they end, grouped
// by goroutine. A region open across many generations costs one row, not one per chunk. The
// regions still open when the trace ends are added to its last chunk (sealOpen).

import type { RegionIntervals } from './chunk';
import { F64Builder, U32Builder, U8Builder, narrow, permuteNarrow, timeColumn } from './columns';

interface Open {
  start: number;
  task: number;
  name: number;
  stack: number;
  depth: number;
}

const BEFORE_TRACE = 1;
const OPEN = 2;

export class RegionRowBuilder {
  private readonly g = new U32Builder();
  private readonly start = new F64Builder();
  private readonly end = new F64Builder();
  private readonly task = new U32Builder();
  private readonly name = new U32Builder();
  private readonly depth = new U8Builder();
  private readonly flags = new U8Builder();
  private readonly startStack = new U32Builder();
  private readonly endStack = new U32Builder();
  /** Open regions per goroutine, outermost first. */
  private readonly open = new Map<number, Open[]>();

  push(t: number, g: number, begin: boolean, task: number, name: number, stack: number): void {
    let open = this.open.get(g);
    if (begin) {
      if (!open) this.open.set(g, (open = []));
      open.push({ start: t, task, name, stack, depth: open.length });
      return;
    }
    const r = open?.pop();
    if (open && open.length === 0) this.open.delete(g);
    if (r === undefined) this.row(g, 0, t, task, name, 0, BEFORE_TRACE, 0, stack);
    else this.row(g, r.start, t, r.task, r.name, r.depth, 0, r.stack, stack);
  }

  private row(g: number, start: number, end: number, task: number, name: number, depth: number, flags: number, startStack: number, endStack: number): void {
    this.g.push(g);
    this.start.push(start);
    this.end.push(end);
    this.task.push(task);
    this.name.push(name);
    this.depth.push(Math.min(depth, 255));
    this.flags.push(flags);
    this.startStack.push(startStack);
    this.endStack.push(endStack);
  }

  /**
   * The rows of regions that ended since the last seal; given openUntil (the chunk's end),
   * also those still open, as ending there with the open flag.
   */
  seal(base: number, goroutines: number, openUntil?: number): RegionIntervals {
    if (openUntil !== undefined) {
      for (const g of [...this.open.keys()].sort((a, b) => a - b)) {
        for (const r of this.open.get(g)!) this.row(g, r.start, openUntil, r.task, r.name, r.depth, OPEN, r.stack, 0);
      }
    }
    const n = this.g.length;
    const gs = this.g.data;
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
    const u8 = (b: U8Builder) => {
      const out = new Uint8Array(n);
      for (let i = 0; i < n; i++) out[i] = b.data[order[i]];
      return out;
    };
    const before = new Float64Array(n);
    for (let i = 0; i < n; i++) before[i] = this.end.data[i] - this.start.data[i];
    const out: RegionIntervals = {
      lanes: narrow(lanes, lanes.length),
      offsets: narrow(offsets, offsets.length),
      end: timeColumn(this.end.data, n, base, order),
      before: timeColumn(before, n, 0, order),
      task: permuteNarrow(this.task.data, n, order),
      name: permuteNarrow(this.name.data, n, order),
      depth: u8(this.depth),
      flags: u8(this.flags),
      startStack: permuteNarrow(this.startStack.data, n, order),
      endStack: permuteNarrow(this.endStack.data, n, order),
    };
    this.reset();
    return out;
  }

  /** A copy of the rows not yet sealed (to seal again with the open ones, if the trace ends). */
  snapshot(): RegionRowBuilder {
    const c = new RegionRowBuilder();
    const n = this.g.length;
    for (let i = 0; i < n; i++) {
      c.row(this.g.data[i], this.start.data[i], this.end.data[i], this.task.data[i], this.name.data[i], this.depth.data[i], this.flags.data[i], this.startStack.data[i], this.endStack.data[i]);
    }
    for (const [g, l] of this.open) c.open.set(g, l.map((r) => ({ ...r })));
    return c;
  }

  reset(): void {
    for (const b of [this.g, this.start, this.end, this.task, this.name, this.depth, this.flags, this.startStack, this.endStack]) b.reset();
  }
}
