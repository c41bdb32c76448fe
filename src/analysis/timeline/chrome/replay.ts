// Replays the timeline model as the event stream cmd/trace's generators consume: every row of
// every table of every chunk, merged back into time order (Go's reader makes event times
// strictly increasing, so time alone orders them). The goroutine rows of a chunk are grouped by
// goroutine; a heap over the goroutines merges them. Synthetic rows (ProcLost) are the model's
// own and are skipped: the generators derive the same thing from the P transitions.

import type { TimelineChunk, TimeColumn, UintColumn } from '../chunk';
import { RowBits } from '../chunk';

export enum ReplayKind {
  Sync = 0,
  GoTransition = 1,
  ProcTransition = 2,
  Range = 3,
  Metric = 4,
  Label = 5,
  Log = 6,
  Sample = 7,
}

/** One replayed event; reused between calls. Table indices refer to the chunk's tables. */
export interface ReplayEvent {
  kind: ReplayKind;
  timeNs: number;
  chunk: TimelineChunk;
  /** Row in the kind's table (GoroutineRows for GoTransition). */
  row: number;
  /** For GoTransition: the goroutine index. */
  goroutine: number;
}

const KINDS_BY_TABLE = [ReplayKind.ProcTransition, ReplayKind.Range, ReplayKind.Metric, ReplayKind.Label, ReplayKind.Log, ReplayKind.Sample];

/** Calls visit for every event of the chunks in time order (Syncs at each chunk's base). */
export function replay(chunks: readonly TimelineChunk[], visit: (ev: ReplayEvent) => void): void {
  const ev: ReplayEvent = { kind: ReplayKind.Sync, timeNs: 0, chunk: chunks[0], row: 0, goroutine: -1 };
  for (const c of chunks) {
    ev.chunk = c;
    if (!c.continuesGeneration) {
      ev.kind = ReplayKind.Sync;
      ev.timeNs = c.baseNs;
      ev.row = 0;
      ev.goroutine = -1;
      visit(ev);
    }
    const base = c.baseNs;
    // Tasks and regions are not in the proc and thread views (cmd/trace draws them only when
    // focused on a task), so they are not replayed.
    const tables: TimeColumn[] = [c.procs.time, c.ranges.time, c.metrics.time, c.labels.time, c.logs.time, c.samples.time];
    const pos = new Array<number>(tables.length).fill(0);
    const g = new LaneMerge(c);
    for (;;) {
      // The smallest next time among the goroutine rows and the other tables.
      let best = -1;
      let bestT = g.peekTime();
      for (let k = 0; k < tables.length; k++) {
        if (pos[k] < tables[k].length && tables[k][pos[k]] < bestT) {
          bestT = tables[k][pos[k]];
          best = k;
        }
      }
      if (bestT === Infinity) break;
      if (best < 0) {
        const row = g.pop();
        if ((c.goroutines.state[row] & RowBits.ProcLost) !== 0) continue;
        ev.kind = ReplayKind.GoTransition;
        ev.row = row;
        ev.goroutine = g.lastGoroutine;
      } else {
        ev.kind = KINDS_BY_TABLE[best];
        ev.row = pos[best]++;
        ev.goroutine = -1;
      }
      ev.timeNs = base + bestT;
      visit(ev);
    }
  }
  // The trace's closing Sync (cmd/trace counts it; it ends the last generation).
  const last = chunks[chunks.length - 1];
  if (last) {
    ev.chunk = last;
    ev.kind = ReplayKind.Sync;
    ev.timeNs = last.endNs;
    ev.row = 0;
    ev.goroutine = -1;
    visit(ev);
  }
}

/** A min-heap over a chunk's goroutine lanes, keyed by each lane's next row time. */
class LaneMerge {
  private readonly heap: number[] = [];
  private readonly next: Uint32Array;
  private readonly time: TimeColumn;
  private readonly offsets: UintColumn;
  private readonly lanes: UintColumn;
  lastGoroutine = -1;

  constructor(c: TimelineChunk) {
    const r = c.goroutines;
    this.time = r.time;
    this.offsets = r.offsets;
    this.lanes = r.lanes;
    this.next = Uint32Array.from(r.offsets.subarray(0, r.lanes.length));
    for (let i = 0; i < r.lanes.length; i++) if (this.offsets[i + 1] > this.offsets[i]) this.push(i);
  }

  private key(lane: number): number {
    return this.time[this.next[lane]];
  }

  peekTime(): number {
    return this.heap.length === 0 ? Infinity : this.key(this.heap[0]);
  }

  /** The next row in time order (heap must be non-empty). */
  pop(): number {
    const lane = this.heap[0];
    const row = this.next[lane]++;
    this.lastGoroutine = this.lanes[lane];
    if (this.next[lane] < this.offsets[lane + 1]) this.siftDown(0);
    else {
      const last = this.heap.pop()!;
      if (this.heap.length > 0) {
        this.heap[0] = last;
        this.siftDown(0);
      }
    }
    return row;
  }

  private push(lane: number): void {
    const h = this.heap;
    h.push(lane);
    let i = h.length - 1;
    while (i > 0) {
      const p = (i - 1) >> 1;
      if (this.key(h[p]) <= this.key(h[i])) break;
      [h[p], h[i]] = [h[i], h[p]];
      i = p;
    }
  }

  private siftDown(i: number): void {
    const h = this.heap;
    const n = h.length;
    for (;;) {
      const l = 2 * i + 1;
      if (l >= n) return;
      const r = l + 1;
      let m = l;
      if (r < n && this.key(h[r]) < this.key(h[l])) m = r;
      if (this.key(h[i]) <= this.key(h[m])) return;
      [h[i], h[m]] = [h[m], h[i]];
      i = m;
    }
  }
}
