// Reading the chunks: which chunk holds a time, which rows of a chunk belong to a goroutine,
// and the start and end of the span a goroutine row begins (joining continuation rows and
// following a goroutine into later chunks). Binary searches only; nothing here scans a chunk.

import type { GoroutineRows, TimeColumn, TimelineChunk } from './chunk';
import { RowBits } from './chunk';

export const TO_MASK = RowBits.ToMask;
export const FROM_SHIFT = RowBits.FromShift;
export const PROC_LOST = RowBits.ProcLost;
export const SLICE_END = RowBits.SliceEnd;
export const UNDETERMINED = 0;
export const NOT_EXIST = 1;
export const RUNNING = 3;
export const SYSCALL = 5;

/** Index of the last chunk whose base is ≤ t (0 when t is before the first). */
export function chunkAt(chunks: readonly TimelineChunk[], t: number): number {
  let lo = 0;
  let hi = chunks.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (chunks[mid].baseNs <= t) lo = mid;
    else hi = mid - 1;
  }
  return lo;
}

/** Position of value in a sorted array, or -1. */
export function findSorted(a: ArrayLike<number>, value: number): number {
  let lo = 0;
  let hi = a.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const v = a[mid];
    if (v === value) return mid;
    if (v < value) lo = mid + 1;
    else hi = mid - 1;
  }
  return -1;
}

/** First index in [lo, hi) whose time (base + col) is > t; hi if none. */
export function upperBound(col: TimeColumn, lo: number, hi: number, rel: number): number {
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (col[mid] <= rel) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** The lane (index into rows.lanes) whose row range holds row. */
export function laneOfRow(rows: GoroutineRows, row: number): number {
  const off = rows.offsets;
  let lo = 0;
  let hi = rows.lanes.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (off[mid] <= row) lo = mid;
    else hi = mid - 1;
  }
  return lo;
}

/** A row of a goroutine: chunk index and row index. */
export interface RowRef {
  chunk: number;
  row: number;
}

export const isContinuation = (state: number) => (state & PROC_LOST) === 0 && (state & TO_MASK) === ((state >> FROM_SHIFT) & 7);

/** Reads goroutine g's rows across chunks. */
export class GoroutineRowsReader {
  constructor(
    private readonly chunks: readonly TimelineChunk[],
    /** Per goroutine: first and last chunk with rows (-1 for none). */
    private readonly t: { firstChunk(g: number): number; lastChunk(g: number): number },
  ) {}

  /** [start, end) of g's rows in chunk c, or null when it has none there. */
  range(c: number, g: number): [number, number] | null {
    const rows = this.chunks[c].goroutines;
    const k = findSorted(rows.lanes, g);
    return k < 0 ? null : [rows.offsets[k], rows.offsets[k + 1]];
  }

  time(ref: RowRef): number {
    const c = this.chunks[ref.chunk];
    return c.baseNs + c.goroutines.time[ref.row];
  }

  state(ref: RowRef): number {
    return this.chunks[ref.chunk].goroutines.state[ref.row];
  }

  /** g's last row at or before time t, or null (none yet: before creation / first sight). */
  rowAtOrBefore(g: number, t: number): RowRef | null {
    const first = this.t.firstChunk(g);
    if (first < 0) return null;
    let c = Math.min(chunkAt(this.chunks, t), this.t.lastChunk(g));
    for (; c >= first; c--) {
      const r = this.range(c, g);
      if (r === null) continue;
      const ch = this.chunks[c];
      const i = upperBound(ch.goroutines.time, r[0], r[1], t - ch.baseNs) - 1;
      if (i >= r[0]) return { chunk: c, row: i };
    }
    return null;
  }

  /** g's first row after ref, or null. */
  next(g: number, ref: RowRef): RowRef | null {
    const r = this.range(ref.chunk, g)!;
    if (ref.row + 1 < r[1]) return { chunk: ref.chunk, row: ref.row + 1 };
    for (let c = ref.chunk + 1, last = this.t.lastChunk(g); c <= last && c < this.chunks.length; c++) {
      const rc = this.range(c, g);
      if (rc !== null) return { chunk: c, row: rc[0] };
    }
    return null;
  }

  /** g's last row before ref, or null. */
  prev(g: number, ref: RowRef): RowRef | null {
    const r = this.range(ref.chunk, g)!;
    if (ref.row > r[0]) return { chunk: ref.chunk, row: ref.row - 1 };
    for (let c = ref.chunk - 1, first = this.t.firstChunk(g); c >= first; c--) {
      const rc = this.range(c, g);
      if (rc !== null) return { chunk: c, row: rc[1] - 1 };
    }
    return null;
  }

  /**
   * When the span that row ref belongs to began: its own time, the start of the interval a
   * continuation row continues, or 0 for a state held since before the trace.
   */
  spanStart(ref: RowRef): number {
    const c = this.chunks[ref.chunk];
    const s = c.goroutines.state[ref.row];
    if (isContinuation(s)) {
      const k = findSorted(c.goroutines.continuedRow, ref.row);
      if (k >= 0) return c.goroutines.continuedStartNs[k];
    }
    if (((s >> FROM_SHIFT) & 7) === UNDETERMINED) return 0;
    return c.baseNs + c.goroutines.time[ref.row];
  }

  /** The first row after ref that is not a continuation (where ref's span ends), or null. */
  spanEnd(g: number, ref: RowRef): RowRef | null {
    for (let r = this.next(g, ref); r !== null; r = this.next(g, r)) {
      if (!isContinuation(this.state(r))) return r;
    }
    return null;
  }

  /** The row that began the span holding ref (skipping back over continuations). */
  spanHead(g: number, ref: RowRef): RowRef {
    let r = ref;
    while (isContinuation(this.state(r))) {
      const p = this.prev(g, r);
      if (p === null) return r;
      r = p;
    }
    return r;
  }
}
