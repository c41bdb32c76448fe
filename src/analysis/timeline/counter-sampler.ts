// Goroutine and thread counts as the sink sees them change, sampled per generation into at
// most COUNTER_BUCKETS points (CounterSamples in chunk.ts): the largest value of each count in
// every bucket where something changed. The bucket width is only known at the generation's
// end, so the changes are kept at a fine fixed width first and merged at seal.

import type { CounterSamples } from './chunk';
import { COUNTER_BUCKETS } from './chunk';
import { F64Builder, U32Builder, narrow, timeColumn } from './columns';

const COUNTS = 6;
/** Finest bucket kept while the generation is read (ns). */
const FINE_NS = 1 << 12;

export class CounterSampler {
  /** Current counts: running, runnable, waiting, syscall, procsRunning, syscallNoProc. */
  readonly now = new Int32Array(COUNTS);
  private readonly fineTime = new F64Builder();
  private readonly fineMax: U32Builder[] = Array.from({ length: COUNTS }, () => new U32Builder());
  /** The open fine bucket: [start, end) in ns, and the largest value of each count in it. */
  private bucketStart = 0;
  private bucketEnd = -Infinity;
  private readonly max = new Int32Array(COUNTS);

  /**
   * Records the counts after a change at time t (ns). Only `raised` (a count index, or -1)
   * and syscallNoProc may have grown since the last call: a count that fell cannot raise its
   * bucket's largest value, so the others are not looked at.
   */
  changed(t: number, raised: number): void {
    const now = this.now;
    const max = this.max;
    if (t < this.bucketEnd && t >= this.bucketStart) {
      if (raised >= 0 && now[raised] > max[raised]) max[raised] = now[raised];
      if (now[5] > max[5]) max[5] = now[5];
      return;
    }
    this.close();
    const b = Math.floor(t / FINE_NS);
    this.bucketStart = b * FINE_NS;
    this.bucketEnd = this.bucketStart + FINE_NS;
    for (let k = 0; k < COUNTS; k++) max[k] = Math.max(0, now[k]);
  }

  /** Appends the open fine bucket's point. */
  private close(): void {
    if (this.bucketEnd === -Infinity) return;
    this.fineTime.push(this.bucketStart);
    for (let k = 0; k < COUNTS; k++) this.fineMax[k].push(this.max[k]);
    this.bucketEnd = -Infinity;
  }

  /** The generation [base, end)'s points; the counts carry on into the next. */
  seal(base: number, end: number): CounterSamples {
    this.close();
    const width = Math.max(FINE_NS, Math.ceil((end - base) / COUNTER_BUCKETS));
    const n = this.fineTime.length;
    const ft = this.fineTime.data;
    const times: number[] = [];
    const cols: number[][] = Array.from({ length: COUNTS }, () => []);
    const fine = this.fineMax.map((m) => m.data);
    let cur = -Infinity;
    for (let i = 0; i < n; i++) {
      const b = Math.floor((Math.max(ft[i], base) - base) / width);
      if (b !== cur) {
        cur = b;
        times.push(base + b * width);
        for (let k = 0; k < COUNTS; k++) cols[k].push(fine[k][i]);
      } else {
        const j = times.length - 1;
        for (let k = 0; k < COUNTS; k++) if (fine[k][i] > cols[k][j]) cols[k][j] = fine[k][i];
      }
    }
    this.fineTime.reset();
    for (const m of this.fineMax) m.reset();
    const tArr = Float64Array.from(times);
    const col = (k: number) => narrow(cols[k], cols[k].length);
    return {
      time: timeColumn(tArr, tArr.length, base),
      running: col(0),
      runnable: col(1),
      waiting: col(2),
      syscall: col(3),
      procsRunning: col(4),
      syscallNoProc: col(5),
    };
  }

  reset(): void {
    this.fineTime.reset();
    for (const m of this.fineMax) m.reset();
    this.bucketEnd = -Infinity;
  }
}
