// Goroutine rows of the generation being read, in event order, and their sealing into the
// chunk's columns grouped by goroutine (a stable counting sort: each goroutine's rows stay in
// time order), with the per-P execution-slice index remapped to the sorted rows.

import type { GoroutineRows, ProcSlices, TimeColumn } from './chunk';
import { U32Builder, maxOf, narrow, uintLike, U32_TIME_LIMIT } from './columns';

const INITIAL = 1024;

export class GoroutineRowBuilder {
  // One capacity for every column, grown by doubling: a push is six stores and one check.
  /**
   * Times as offsets from the chunk's base, as the chunk stores them: Uint32 (the sink cuts
   * chunks shorter than 2^32 ns), or Float64 in `wide` from the first offset that does not fit.
   */
  private time = new Uint32Array(INITIAL);
  private wide: Float64Array | null = null;
  /** The open chunk's base (ns since the origin). */
  private base = 0;
  private g = new Uint32Array(INITIAL);
  private state = new Uint8Array(INITIAL);
  private proc = new Uint32Array(INITIAL);
  private thread = new Uint32Array(INITIAL);
  private site = new Uint32Array(INITIAL);
  length = 0;
  /** Rows (event order) that start an execution slice on a P, and that P's index. */
  private readonly sliceRow = new U32Builder();
  private readonly sliceProc = new U32Builder();
  /** Continuation rows (event order) and the start of the interval each continues. */
  private readonly contRow = new U32Builder();
  private readonly contStart: number[] = [];

  /** Adds a row; proc and thread are index + 1 (0 none). Returns its event-order index. */
  push(timeNs: number, g: number, state: number, proc1: number, thread1: number, site: number): number {
    const i = this.length;
    if (i === this.time.length) this.grow();
    const d = timeNs - this.base;
    if (d <= U32_TIME_LIMIT && this.wide === null) this.time[i] = d;
    else this.pushWide(i, d);
    this.g[i] = g;
    this.state[i] = state;
    this.proc[i] = proc1;
    this.thread[i] = thread1;
    this.site[i] = site;
    this.length = i + 1;
    return i;
  }

  private pushWide(i: number, d: number): void {
    if (this.wide === null) {
      this.wide = new Float64Array(this.time.length);
      for (let k = 0; k < i; k++) this.wide[k] = this.time[k];
    }
    this.wide[i] = d;
  }

  private grow(): void {
    const n = this.time.length * 2;
    const time = new Uint32Array(n);
    time.set(this.time);
    this.time = time;
    if (this.wide !== null) {
      const w = new Float64Array(n);
      w.set(this.wide);
      this.wide = w;
    }
    const g = new Uint32Array(n);
    g.set(this.g);
    this.g = g;
    const state = new Uint8Array(n);
    state.set(this.state);
    this.state = state;
    const proc = new Uint32Array(n);
    proc.set(this.proc);
    this.proc = proc;
    const thread = new Uint32Array(n);
    thread.set(this.thread);
    this.thread = thread;
    const site = new Uint32Array(n);
    site.set(this.site);
    this.site = site;
  }

  /** Sets flag bits on a row already pushed. */
  flag(row: number, bits: number): void {
    this.state[row] |= bits;
  }

  /** Row `row` continues an interval that began at startNs. */
  continues(row: number, startNs: number): void {
    this.contRow.push(row);
    this.contStart.push(startNs);
  }

  /** Row `row` starts an execution slice on proc index p. */
  startsSlice(row: number, p: number): void {
    this.sliceRow.push(row);
    this.sliceProc.push(p);
  }

  /**
   * The generation's rows grouped by goroutine. goroutines/procs are the table sizes (every
   * index is below them); carried lists the slices open when the generation began; nextBase
   * is the next chunk's base (this one's end).
   */
  seal(goroutines: number, procs: number, carried: Carried, nextBase: number): { rows: GoroutineRows; slices: ProcSlices } {
    const n = this.length;
    const gs = this.g;
    const count = new Uint32Array(goroutines + 1);
    for (let i = 0; i < n; i++) count[gs[i] + 1]++;
    let lanesN = 0;
    for (let g = 0; g < goroutines; g++) if (count[g + 1] > 0) lanesN++;
    const lanes = new Uint32Array(lanesN);
    const offsets = new Uint32Array(lanesN + 1);
    for (let g = 0, k = 0; g < goroutines; g++) {
      if (count[g + 1] === 0) continue;
      lanes[k] = g;
      offsets[k + 1] = offsets[k] + count[g + 1];
      k++;
    }
    // Prefix sums: count[g] becomes the first sorted position of goroutine g's rows.
    for (let g = 1; g <= goroutines; g++) count[g] += count[g - 1];
    // One scatter of every column into its sorted place, in the narrowest width.
    const times = this.wide ?? this.time;
    const time: TimeColumn = this.wide === null ? new Uint32Array(n) : new Float64Array(n);
    const state = new Uint8Array(n);
    const proc = uintLike(maxOf(this.proc, n), n);
    const thread = uintLike(maxOf(this.thread, n), n);
    const site = uintLike(maxOf(this.site, n), n);
    const newPos = new Uint32Array(n);
    const st = this.state;
    const ps = this.proc;
    const ms = this.thread;
    const ss = this.site;
    for (let i = 0; i < n; i++) {
      const p = count[gs[i]]++;
      newPos[i] = p;
      time[p] = times[i];
      state[p] = st[i];
      proc[p] = ps[i];
      thread[p] = ms[i];
      site[p] = ss[i];
    }
    const rows: GoroutineRows = {
      lanes: narrow(lanes, lanes.length),
      offsets: narrow(offsets, offsets.length),
      time,
      state,
      proc,
      thread,
      site,
      ...sealContinued(this.contRow, this.contStart, newPos),
    };
    this.contStart.length = 0;
    const slices = sealSlices(this.sliceRow, this.sliceProc, newPos, procs, carried);
    this.reset();
    this.base = nextBase;
    return { rows, slices };
  }

  /** Empties the builder; its capacity is kept for the next generation (they are alike). */
  reset(): void {
    this.length = 0;
    this.wide = null;
    this.sliceRow.reset();
    this.sliceProc.reset();
    this.contRow.reset();
    this.contStart.length = 0;
  }

  /** Empties the builder and gives back its memory (the pass is over). */
  release(): void {
    this.reset();
    this.time = new Uint32Array(INITIAL);
    this.g = new Uint32Array(INITIAL);
    this.state = new Uint8Array(INITIAL);
    this.proc = new Uint32Array(INITIAL);
    this.thread = new Uint32Array(INITIAL);
    this.site = new Uint32Array(INITIAL);
  }
}

/** Execution slices open when a generation began: P, goroutine and start time of each. */
export interface Carried {
  proc: number[];
  g: number[];
  startNs: number[];
}

function sealContinued(rowB: U32Builder, start: number[], newPos: Uint32Array): { continuedRow: Uint32Array; continuedStartNs: Float64Array } {
  const n = rowB.length;
  const idx = Array.from({ length: n }, (_, i) => i).sort((a, b) => newPos[rowB.data[a]] - newPos[rowB.data[b]]);
  const continuedRow = new Uint32Array(n);
  const continuedStartNs = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    continuedRow[i] = newPos[rowB.data[idx[i]]];
    continuedStartNs[i] = start[idx[i]];
  }
  rowB.reset();
  return { continuedRow, continuedStartNs };
}

function sealSlices(rowB: U32Builder, procB: U32Builder, newPos: Uint32Array, procs: number, carried: Carried): ProcSlices {
  const n = rowB.length;
  const rs = rowB.data;
  const ps = procB.data;
  const count = new Uint32Array(procs + 1);
  for (let i = 0; i < n; i++) count[ps[i] + 1]++;
  let lanesN = 0;
  for (let p = 0; p < procs; p++) if (count[p + 1] > 0) lanesN++;
  const lanes = new Uint32Array(lanesN);
  const offsets = new Uint32Array(lanesN + 1);
  for (let p = 0, k = 0; p < procs; p++) {
    if (count[p + 1] === 0) continue;
    lanes[k] = p;
    offsets[k + 1] = offsets[k] + count[p + 1];
    k++;
  }
  for (let p = 1; p <= procs; p++) count[p] += count[p - 1];
  // Slices were recorded in event order, so each P's list comes out in time order.
  const row = new Uint32Array(n);
  for (let i = 0; i < n; i++) row[count[ps[i]]++] = newPos[rs[i]];
  return {
    lanes: narrow(lanes, lanes.length),
    offsets: narrow(offsets, offsets.length),
    row: narrow(row, row.length),
    carriedProc: Uint32Array.from(carried.proc),
    carriedG: Uint32Array.from(carried.g),
    carriedStartNs: Float64Array.from(carried.startNs),
  };
}
