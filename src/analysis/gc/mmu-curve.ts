// The minimum mutator utilization curve and its worst windows, ported from Go's
// internal/trace/gc.go (MMUCurve, mmuSeries, bands, the accumulator) and mud.go (the
// utilization distribution behind the percentile curves). The same float operations in the
// same order, and Go's container/heap, so the values and the windows chosen are Go's.

import { goHeapInit, goHeapPop, goHeapPush, goHeapRemove, type GoHeap } from './go-heap';
import { Mud } from './mud';
import type { MutatorUtil } from './mutator-util';

const BANDS_PER_SERIES = 1000;
const MAX_INT64 = Number.MAX_VALUE; // stands for math.MaxInt64 as "no time"

interface Band {
  minUtil: number;
  cumUtil: number;
  integrator: Integrator;
}

class Series {
  readonly sums: number[];
  readonly bands: Band[];
  readonly bandDur: number;
  constructor(readonly util: MutatorUtil[]) {
    const sums = new Array<number>(util.length);
    let prevTime = 0;
    let prevUtil = 0;
    let sum = 0;
    for (let j = 0; j < util.length; j++) {
      sum += prevUtil * (util[j].time - prevTime);
      sums[j] = sum;
      prevTime = util[j].time;
      prevUtil = util[j].util;
    }
    this.sums = sums;
    const numBands = Math.min(BANDS_PER_SERIES, util.length);
    const dur = util[util.length - 1].time - util[0].time;
    this.bandDur = Math.max(1, Math.trunc((dur + numBands - 1) / numBands));
    this.bands = [];
    const left = new Integrator(this, 0);
    for (let i = 0; i <= numBands; i++) {
      const [start, end] = this.bandTime(i);
      const cumUtil = left.advance(start);
      let minUtil = 1.0;
      for (let k = left.pos; k < util.length && util[k].time < end; k++) minUtil = Math.min(minUtil, util[k].util);
      this.bands.push({ minUtil, cumUtil, integrator: left.clone() });
    }
  }

  bandTime(i: number): [number, number] {
    const start = i * this.bandDur + this.util[0].time;
    return [start, start + this.bandDur];
  }

  mkBandUtil(series: number, winNs: number): BandUtil[] {
    const minBands = Math.trunc((winNs + this.bandDur - 1) / this.bandDur);
    const maxBands = Math.trunc((winNs + 2 * (this.bandDur - 1)) / this.bandDur);
    if (winNs > 1 && maxBands < 2) throw new Error('maxBands < 2');
    const tailDur = winNs % this.bandDur;
    const nUtil = Math.max(0, this.bands.length - maxBands + 1);
    const out: BandUtil[] = [];
    for (let i = 0; i < nUtil; i++) {
      let util = 0;
      const l = this.bands[i].minUtil;
      const r1 = this.bands[i + minBands - 1].minUtil;
      const r2 = this.bands[i + maxBands - 1].minUtil;
      const minBand = Math.min(l, Math.min(r1, r2));
      if (minBands === 1) util += minBand * winNs;
      else {
        util += minBand * this.bandDur;
        let midBand = 0;
        if (minBand === l) midBand = Math.min(r1, r2);
        else if (minBand === r1) midBand = Math.min(l, r2);
        else if (minBand === r2) midBand = Math.min(l, r1);
        util += midBand * tailDur;
      }
      if (minBands > 2) util += this.bands[i + minBands - 1].cumUtil - this.bands[i + 1].cumUtil;
      out.push({ series, i, utilBound: util / winNs });
    }
    return out;
  }

  bandMMU(bandIdx: number, winNs: number, acc: Accumulator): void {
    const util = this.util;
    const left = this.bands[bandIdx].integrator.clone();
    const right = left.clone();
    let [time, endTime] = this.bandTime(bandIdx);
    const utilEnd = util[util.length - 1].time - winNs;
    if (utilEnd < endTime) endTime = utilEnd;
    acc.resetTime();
    for (;;) {
      const mu = (right.advance(time + winNs) - left.advance(time)) / winNs;
      if (acc.addMU(time, mu, winNs)) break;
      if (time === endTime) break;
      const minTime = time + Math.trunc((mu - acc.bound) * winNs);
      const t1 = left.next(time);
      const t2 = right.next(time + winNs) - winNs;
      time = t1 < t2 ? t1 : t2;
      if (time < minTime) time = minTime;
      if (time >= endTime) time = endTime;
    }
  }
}

class Integrator {
  constructor(
    readonly u: Series,
    public pos: number,
  ) {}
  clone(): Integrator {
    return new Integrator(this.u, this.pos);
  }
  advance(time: number): number {
    const util = this.u.util;
    let pos = this.pos;
    const maxSeq = 8;
    if (pos + maxSeq < util.length && util[pos + maxSeq].time > time) {
      while (pos + 1 < util.length && util[pos + 1].time <= time) pos++;
    } else {
      let l = pos;
      let r = util.length;
      while (l < r) {
        const h = (l + r) >>> 1;
        if (util[h].time <= time) l = h + 1;
        else r = h;
      }
      pos = l - 1;
    }
    this.pos = pos;
    const partial = time !== util[pos].time ? util[pos].util * (time - util[pos].time) : 0;
    return this.u.sums[pos] + partial;
  }
  next(time: number): number {
    const util = this.u.util;
    for (let i = this.pos; i < util.length; i++) if (util[i].time > time) return util[i].time;
    return MAX_INT64;
  }
}

interface BandUtil {
  series: number;
  i: number;
  utilBound: number;
}

/** A span of time and its mean mutator utilization (Go's UtilWindow). */
export interface UtilWindow {
  time: number;
  mutatorUtil: number;
}

const worstLess = (a: UtilWindow, b: UtilWindow) => (a.mutatorUtil !== b.mutatorUtil ? a.mutatorUtil > b.mutatorUtil : a.time > b.time);

class Accumulator {
  mmu = 1.0;
  bound = 1.0;
  nWorst = 0;
  readonly wHeap: GoHeap<UtilWindow> = { items: [], less: worstLess };
  mud: Mud | null = null;
  preciseMass = 0;
  lastTime = MAX_INT64;
  lastMU = 0;

  resetTime(): void {
    this.lastTime = MAX_INT64;
  }

  addMU(time: number, mu: number, winNs: number): boolean {
    if (mu < this.mmu) this.mmu = mu;
    this.bound = this.mmu;
    if (this.nWorst === 0) return mu === 0;
    const h = this.wHeap.items;
    if (h.length < this.nWorst || mu < h[0].mutatorUtil) {
      let keep = false;
      for (let i = 0; i < h.length; i++) {
        const ui = h[i];
        if (time + winNs > ui.time && ui.time + winNs > time) {
          if (ui.mutatorUtil <= mu) keep = true;
          else goHeapRemove(this.wHeap, i);
          break;
        }
      }
      if (!keep) {
        goHeapPush(this.wHeap, { time, mutatorUtil: mu });
        if (h.length > this.nWorst) goHeapPop(this.wHeap);
      }
    }
    if (h.length < this.nWorst) this.bound = 1.0;
    else this.bound = Math.max(this.bound, h[0].mutatorUtil);
    if (this.mud !== null) {
      if (this.lastTime !== MAX_INT64) this.mud.add(this.lastMU, mu, time - this.lastTime);
      this.lastTime = time;
      this.lastMU = mu;
      const approx = this.mud.approxInvCumulativeSum();
      if (approx !== null) this.bound = Math.max(this.bound, approx[1]);
      else this.bound = 1;
      return false;
    }
    return h.length === this.nWorst && h[0].mutatorUtil === 0;
  }
}

export class MMUCurve {
  private readonly series: Series[];
  constructor(utils: MutatorUtil[][]) {
    this.series = utils.map((u) => new Series(u));
  }

  /** The lowest mean utilization over all windows of this many ns. */
  mmu(winNs: number): number {
    const acc = new Accumulator();
    this.run(winNs, acc);
    return acc.mmu;
  }

  /** Up to n disjoint windows of the lowest utilization, worst first (Go's Examples). */
  examples(winNs: number, n: number): UtilWindow[] {
    const acc = new Accumulator();
    acc.nWorst = n;
    this.run(winNs, acc);
    // sort.Sort(sort.Reverse(heap)): an unstable sort in Go; ties between equal windows are
    // broken by time here (Go's heap order already puts later windows first among equals).
    return [...acc.wHeap.items].sort((a, b) => (worstLess(a, b) ? 1 : worstLess(b, a) ? -1 : 0));
  }

  /** Mutator utilization distribution quantiles for windows of this size (Go's MUD). */
  mud(winNs: number, quantiles: number[]): number[] {
    if (quantiles.length === 0) return [];
    const maxQ = Math.max(...quantiles);
    let duration = 0;
    for (const s of this.series) {
      const d = s.util[s.util.length - 1].time - s.util[0].time;
      if (d >= winNs) duration += d - winNs;
    }
    const qMass = duration * maxQ;
    const acc = new Accumulator();
    acc.preciseMass = qMass;
    acc.mud = new Mud();
    acc.mud.setTrackMass(qMass);
    this.run(winNs, acc);
    return quantiles.map((q) => {
      const [mu] = acc.mud!.invCumulativeSum(duration * q);
      return Number.isNaN(mu) ? acc.mmu : mu;
    });
  }

  private run(winNs: number, acc: Accumulator): void {
    if (winNs <= 0) {
      acc.mmu = 0;
      return;
    }
    const heap: GoHeap<BandUtil> = { items: [], less: (a, b) => a.utilBound < b.utilBound };
    const windows: number[] = [];
    this.series.forEach((s, i) => {
      const max = s.util[s.util.length - 1].time - s.util[0].time;
      windows[i] = winNs > max ? max : winNs;
      heap.items.push(...s.mkBandUtil(i, windows[i]));
    });
    goHeapInit(heap);
    while (heap.items.length > 0 && heap.items[0].utilBound < acc.bound) {
      const i = heap.items[0].series;
      this.series[i].bandMMU(heap.items[0].i, windows[i], acc);
      goHeapPop(heap);
    }
  }
}
