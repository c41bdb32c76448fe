// Execution slices per M (OS thread), built on the page the first time an M lane is asked for
// (M lanes are collapsed by default, so most sessions never pay for them), and extended as
// chunks arrive. A slice follows cmd/trace's thread view (threadgen.go): a goroutine runs on
// the M of the event that made it executing (running or in a syscall) until it stops
// executing, so a syscall that lost its P stays on its M.

import type { TimelineChunk } from './chunk';
import { FROM_SHIFT, isContinuation, RUNNING, SYSCALL, TO_MASK, UNDETERMINED } from './model-rows';
import { SpanFlags, type SpanView } from './query';

const executing = (s: number) => s === RUNNING || s === SYSCALL;

class ThreadLane {
  start: number[] = [];
  end: number[] = [];
  g: number[] = [];
  chunk: number[] = [];
  row: number[] = [];
}

export class ThreadSlices {
  private readonly lanes: ThreadLane[] = [];
  private built = 0;
  /** Per goroutine: [thread, slice position] of the slice it is executing in, or absent. */
  private readonly open = new Map<number, [number, number]>();
  /** Largest slice length, to start searches early enough. */
  private maxLen = 0;

  /** Adds the slices of chunks not yet indexed. */
  update(chunks: readonly TimelineChunk[]): void {
    for (; this.built < chunks.length; this.built++) this.addChunk(chunks[this.built], this.built);
  }

  private lane(m: number): ThreadLane {
    while (this.lanes.length <= m) this.lanes.push(new ThreadLane());
    return this.lanes[m];
  }

  private addChunk(ch: TimelineChunk, c: number): void {
    const rows = ch.goroutines;
    // Rows of all goroutines in time order: the chunk's rows are grouped by goroutine, so
    // gather (time, row) and sort; slices of one M then come out in order.
    const n = rows.state.length;
    const order = new Uint32Array(n);
    for (let i = 0; i < n; i++) order[i] = i;
    const time = rows.time;
    order.sort((a, b) => time[a] - time[b]);
    const gOf = new Uint32Array(n);
    for (let k = 0; k < rows.lanes.length; k++) gOf.fill(rows.lanes[k], rows.offsets[k], rows.offsets[k + 1]);
    for (let j = 0; j < n; j++) {
      const i = order[j];
      const st = rows.state[i];
      if (isContinuation(st) || (st & 0x40) !== 0) continue;
      const to = st & TO_MASK;
      const from = (st >> FROM_SHIFT) & 7;
      const g = gOf[i];
      const t = ch.baseNs + time[i];
      if (executing(from) && !executing(to)) {
        const o = this.open.get(g);
        if (o !== undefined) {
          const lane = this.lanes[o[0]];
          lane.end[o[1]] = t;
          this.maxLen = Math.max(this.maxLen, t - lane.start[o[1]]);
          this.open.delete(g);
        }
      }
      if (!executing(from) && executing(to)) {
        const m = rows.thread[i] - 1;
        if (m < 0) continue;
        const lane = this.lane(m);
        lane.start.push(from === UNDETERMINED ? 0 : t);
        lane.end.push(NaN);
        lane.g.push(g);
        lane.chunk.push(c);
        lane.row.push(i);
        this.open.set(g, [m, lane.start.length - 1]);
      }
    }
  }

  get threadCount(): number {
    return this.lanes.length;
  }

  /** M m's slices overlapping [from, to]; open slices end at endNs. */
  spans(m: number, from: number, to: number, endNs: number, span: SpanView, chunks: readonly TimelineChunk[], visit: (s: SpanView) => boolean | void): void {
    const lane = this.lanes[m];
    if (lane === undefined) return;
    const st = lane.start;
    let lo = 0;
    let hi = st.length;
    const key = from - this.maxLen;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (st[mid] < key) lo = mid + 1;
      else hi = mid;
    }
    for (let i = lo; i < st.length; i++) {
      if (st[i] > to) return;
      const open = Number.isNaN(lane.end[i]);
      const end = open ? endNs : lane.end[i];
      if (end < from) continue;
      const rows = chunks[lane.chunk[i]].goroutines;
      const row = lane.row[i];
      span.startNs = st[i];
      span.endNs = end;
      span.goroutine = lane.g[i];
      span.state = rows.state[row] & TO_MASK;
      span.prevState = (rows.state[row] >> FROM_SHIFT) & 7;
      span.proc = rows.proc[row] - 1;
      span.thread = m;
      span.reason = '';
      span.stack = 0;
      span.flags = (open ? SpanFlags.OpenAtEnd : 0) | (st[i] === 0 ? SpanFlags.StartedBeforeTrace : 0);
      if (visit(span) === false) return;
    }
  }

  /** How many slices of M m start within [from, to] (plus the one that may cover from). */
  count(m: number, from: number, to: number): number {
    const lane = this.lanes[m];
    if (lane === undefined) return 0;
    const below = (x: number) => {
      let lo = 0;
      let hi = lane.start.length;
      while (lo < hi) {
        const mid = (lo + hi) >> 1;
        if (lane.start[mid] <= x) lo = mid + 1;
        else hi = mid;
      }
      return lo;
    };
    return below(to) - below(from) + 1;
  }

  byteSize(): number {
    let n = 0;
    for (const l of this.lanes) n += l.start.length * 40;
    return n;
  }
}
