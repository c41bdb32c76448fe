// Spans of goroutine and P lanes over the chunks: goroutine state intervals (continuation
// rows joined, a state known since before the trace back-dated to 0) and P execution slices
// (from the sink's per-P slice index, ended by the goroutine's next SliceEnd row).

import type { TimelineChunk } from './chunk';
import type { ModelTables } from './model-tables';
import {
  chunkAt,
  findSorted,
  FROM_SHIFT,
  GoroutineRowsReader,
  isContinuation,
  laneOfRow,
  NOT_EXIST,
  PROC_LOST,
  type RowRef,
  SLICE_END,
  TO_MASK,
  UNDETERMINED,
  upperBound,
} from './model-rows';
import { SpanFlags, type SpanView, type StateInterval } from './query';

export type SpanVisitor = (s: SpanView) => boolean | void;

export function newSpanView(): SpanView {
  return { startNs: 0, endNs: 0, state: 0, goroutine: -1, proc: -1, thread: -1, reason: '', stack: 0, prevState: 0, flags: 0 };
}

export class SpanReader {
  readonly rows: GoroutineRowsReader;

  constructor(
    private readonly chunks: readonly TimelineChunk[],
    private readonly t: ModelTables,
    private readonly endNs: () => number,
  ) {
    this.rows = new GoroutineRowsReader(chunks, t);
  }

  /** Fills s from the row that began a span. */
  private fill(s: SpanView, g: number, head: RowRef, startNs: number, endNs: number, open: boolean): void {
    const c = this.chunks[head.chunk].goroutines;
    const st = c.state[head.row];
    const site = c.site[head.row];
    s.startNs = startNs;
    s.endNs = endNs;
    s.state = st & TO_MASK;
    s.prevState = (st >> FROM_SHIFT) & 7;
    s.goroutine = g;
    s.proc = c.proc[head.row] - 1;
    s.thread = c.thread[head.row] - 1;
    s.stack = this.t.siteStack.data[site];
    s.reason = this.t.strings[this.t.siteReason.data[site]];
    s.flags = (startNs === 0 && s.prevState === UNDETERMINED ? SpanFlags.StartedBeforeTrace : 0) | (open ? SpanFlags.OpenAtEnd : 0) | (st & PROC_LOST ? SpanFlags.ProcLost : 0);
  }

  /** Goroutine g's state intervals overlapping [from, to], in order. NotExist is not a span. */
  goroutineSpans(g: number, from: number, to: number, visit: SpanVisitor): void {
    const R = this.rows;
    let ref = R.rowAtOrBefore(g, from);
    if (ref === null) {
      const first = this.t.firstChunk(g);
      if (first < 0 || first >= this.chunks.length) return;
      const r = R.range(first, g)!;
      ref = { chunk: first, row: r[0] };
    }
    let head = R.spanHead(g, ref);
    let start = R.spanStart(ref);
    // One record per call (not per span): a visitor may itself query the model.
    const s = newSpanView();
    for (;;) {
      if (start > to) return;
      const end = R.spanEnd(g, ref);
      const endNs = end === null ? this.endNs() : R.time(end);
      const state = R.state(head) & TO_MASK;
      if (state !== NOT_EXIST && endNs >= from) {
        this.fill(s, g, head, start, endNs, end === null);
        if (visit(s) === false) return;
      }
      if (end === null) return;
      ref = end;
      head = end;
      start = R.spanStart(end);
    }
  }

  /** The interval of goroutine g at time t; null before it existed or after it ended. */
  goroutineSpanAt(g: number, t: number): StateInterval | null {
    let found: StateInterval | null = null;
    this.goroutineSpans(g, t, t, (s) => {
      if (s.startNs <= t && t < s.endNs) {
        found = { ...s };
        return false;
      }
      return undefined;
    });
    return found;
  }

  /** Where the P slice starting at row (chunk c) ends: time and whether it was still open. */
  private sliceEnd(g: number, c: number, row: number): { endNs: number; open: boolean } {
    const R = this.rows;
    for (let ref: RowRef | null = R.next(g, { chunk: c, row }); ref !== null; ref = R.next(g, ref)) {
      if ((R.state(ref) & SLICE_END) !== 0) return { endNs: R.time(ref), open: false };
    }
    return { endNs: this.endNs(), open: true };
  }

  /** P p's execution slices overlapping [from, to], in order. */
  procSpans(p: number, from: number, to: number, visit: SpanVisitor): void {
    const chunks = this.chunks;
    if (chunks.length === 0) return;
    const c0 = chunkAt(chunks, from);
    const c1 = chunkAt(chunks, to);
    const s = newSpanView();
    for (let c = c0; c <= c1; c++) {
      const ch = chunks[c];
      const ps = ch.procSlices;
      if (c === c0) {
        for (let i = 0; i < ps.carriedProc.length; i++) {
          if (ps.carriedProc[i] !== p) continue;
          const g = ps.carriedG[i];
          const r = this.rows.range(c, g);
          const end = r === null ? { endNs: this.endNs(), open: true } : this.sliceEndFrom(g, c, r[0]);
          if (end.endNs < from || ps.carriedStartNs[i] > to) continue;
          this.fillSlice(s, g, p, c, r === null ? -1 : r[0], ps.carriedStartNs[i], end.endNs, end.open, true);
          if (visit(s) === false) return;
        }
      }
      const k = findSorted(ps.lanes, p);
      if (k < 0) continue;
      const lo = ps.offsets[k];
      const hi = ps.offsets[k + 1];
      // First slice starting after `from`, then one back: slices on a P do not overlap.
      let i = lo;
      {
        let a = lo;
        let b = hi;
        const rel = from - ch.baseNs;
        const time = ch.goroutines.time;
        while (a < b) {
          const mid = (a + b) >> 1;
          if (time[ps.row[mid]] <= rel) a = mid + 1;
          else b = mid;
        }
        i = Math.max(lo, a - 1);
      }
      for (; i < hi; i++) {
        const row = ps.row[i];
        const g = ch.goroutines.lanes[laneOfRow(ch.goroutines, row)];
        const st = ch.goroutines.state[row];
        const startNs = ((st >> FROM_SHIFT) & 7) === UNDETERMINED ? 0 : ch.baseNs + ch.goroutines.time[row];
        if (startNs > to) break;
        const end = this.sliceEnd(g, c, row);
        if (end.endNs < from) continue;
        this.fillSlice(s, g, p, c, row, startNs, end.endNs, end.open, false);
        if (visit(s) === false) return;
      }
    }
  }

  /** Like sliceEnd, but the row itself may be the end (a carried slice's first row). */
  private sliceEndFrom(g: number, c: number, row: number): { endNs: number; open: boolean } {
    const st = this.chunks[c].goroutines.state[row];
    if ((st & SLICE_END) !== 0) return { endNs: this.chunks[c].baseNs + this.chunks[c].goroutines.time[row], open: false };
    return this.sliceEnd(g, c, row);
  }

  private fillSlice(s: SpanView, g: number, p: number, c: number, row: number, startNs: number, endNs: number, open: boolean, carried: boolean): void {
    s.startNs = startNs;
    s.endNs = endNs;
    s.state = 3; // Running
    s.goroutine = g;
    s.proc = p;
    s.reason = '';
    s.flags = (open ? SpanFlags.OpenAtEnd : 0) | (startNs === 0 ? SpanFlags.StartedBeforeTrace : 0);
    if (row < 0 || carried) {
      s.thread = row < 0 ? -1 : this.chunks[c].goroutines.thread[row] - 1;
      s.stack = 0;
      s.prevState = 3;
      return;
    }
    const rows = this.chunks[c].goroutines;
    s.thread = rows.thread[row] - 1;
    s.stack = this.t.siteStack.data[rows.site[row]];
    s.prevState = (rows.state[row] >> FROM_SHIFT) & 7;
  }

  /** How many spans goroutineSpans/procSpans would visit over [from, to] (rows, estimated). */
  countRows(kind: 'goroutine' | 'proc', index: number, from: number, to: number): number {
    const chunks = this.chunks;
    if (chunks.length === 0) return 0;
    const c0 = chunkAt(chunks, from);
    const c1 = chunkAt(chunks, to);
    let n = 0;
    for (let c = c0; c <= c1; c++) {
      const ch = chunks[c];
      if (kind === 'goroutine') {
        const r = this.rows.range(c, index);
        if (r === null) continue;
        const a = upperBound(ch.goroutines.time, r[0], r[1], from - ch.baseNs);
        const b = upperBound(ch.goroutines.time, r[0], r[1], to - ch.baseNs);
        n += b - a + 1;
      } else {
        const ps = ch.procSlices;
        const k = findSorted(ps.lanes, index);
        if (k < 0) continue;
        const lo = ps.offsets[k];
        const hi = ps.offsets[k + 1];
        const time = ch.goroutines.time;
        const count = (rel: number) => {
          let a = lo;
          let b = hi;
          while (a < b) {
            const mid = (a + b) >> 1;
            if (time[ps.row[mid]] <= rel) a = mid + 1;
            else b = mid;
          }
          return a;
        };
        n += count(to - ch.baseNs) - count(from - ch.baseNs) + 1;
      }
    }
    return n;
  }
}

export { isContinuation };
