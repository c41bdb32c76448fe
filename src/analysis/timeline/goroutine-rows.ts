// Goroutine rows of the generation being read, in event order, and their sealing into the
// chunk's columns grouped by goroutine (a stable counting sort: each goroutine's rows stay in
// time order), with the per-P execution-slice index remapped to the sorted rows.

import type { GoroutineRows, ProcSlices } from './chunk';
import { F64Builder, U32Builder, U8Builder, narrow, permuteNarrow, timeColumn } from './columns';

export class GoroutineRowBuilder {
  private readonly time = new F64Builder();
  private readonly g = new U32Builder();
  private readonly state = new U8Builder();
  private readonly proc = new U32Builder();
  private readonly thread = new U32Builder();
  private readonly site = new U32Builder();
  /** Rows (event order) that start an execution slice on a P, and that P's index. */
  private readonly sliceRow = new U32Builder();
  private readonly sliceProc = new U32Builder();
  /** Continuation rows (event order) and the start of the interval each continues. */
  private readonly contRow = new U32Builder();
  private readonly contStart: number[] = [];

  get length(): number {
    return this.time.length;
  }

  /** Adds a row; proc and thread are index + 1 (0 none). Returns its event-order index. */
  push(timeNs: number, g: number, state: number, proc1: number, thread1: number, site: number): number {
    const i = this.time.length;
    this.time.push(timeNs);
    this.g.push(g);
    this.state.push(state);
    this.proc.push(proc1);
    this.thread.push(thread1);
    this.site.push(site);
    return i;
  }

  /** Sets flag bits on a row already pushed. */
  flag(row: number, bits: number): void {
    this.state.data[row] |= bits;
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
   * index is below them); carried lists the slices open when the generation began.
   */
  seal(base: number, goroutines: number, procs: number, carried: Carried): { rows: GoroutineRows; slices: ProcSlices } {
    const n = this.time.length;
    const gs = this.g.data;
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
    const order = new Uint32Array(n);
    const newPos = new Uint32Array(n);
    for (let i = 0; i < n; i++) {
      const p = count[gs[i]]++;
      order[p] = i;
      newPos[i] = p;
    }
    const rows: GoroutineRows = {
      lanes: narrow(lanes, lanes.length),
      offsets: narrow(offsets, offsets.length),
      time: timeColumn(this.time.data, n, base, order),
      state: permuteU8(this.state.data, n, order),
      proc: permuteNarrow(this.proc.data, n, order),
      thread: permuteNarrow(this.thread.data, n, order),
      site: permuteNarrow(this.site.data, n, order),
      ...sealContinued(this.contRow, this.contStart, newPos),
    };
    this.contStart.length = 0;
    const slices = sealSlices(this.sliceRow, this.sliceProc, newPos, procs, carried);
    this.reset();
    return { rows, slices };
  }

  reset(): void {
    this.time.reset();
    this.g.reset();
    this.state.reset();
    this.proc.reset();
    this.thread.reset();
    this.site.reset();
    this.sliceRow.reset();
    this.sliceProc.reset();
    this.contRow.reset();
    this.contStart.length = 0;
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

function permuteU8(src: Uint8Array, n: number, order: Uint32Array): Uint8Array {
  const out = new Uint8Array(n);
  for (let i = 0; i < n; i++) out[i] = src[order[i]];
  return out;
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
