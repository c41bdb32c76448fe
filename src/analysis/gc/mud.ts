// The mutator utilization distribution of Go's internal/trace/mud.go: a sum of uniform
// distributions and Dirac deltas over utilization, with a 1024-bucket histogram that tracks
// where a given mass falls, so the MMU search can stop refining early for percentiles.

import { goSortFunc } from '../../trace/go/sort';

const DEGREE = 1024;

interface Edge {
  x: number;
  delta: number;
  dirac: number;
}

function modf(f: number): [number, number] {
  const i = Math.trunc(f);
  return [i, f - i];
}

export class Mud {
  private sorted: Edge[] = [];
  private unsorted: Edge[] = [];
  private trackMass = 0;
  private trackBucket = 0;
  private trackSum = 0;
  private readonly hist = new Float64Array(DEGREE);

  add(l: number, r: number, area: number): void {
    if (area === 0) return;
    if (r < l) [l, r] = [r, l];
    if (l === r) this.unsorted.push({ x: l, delta: 0, dirac: area });
    else {
      const delta = area / (r - l);
      this.unsorted.push({ x: l, delta, dirac: 0 }, { x: r, delta: -delta, dirac: 0 });
    }
    const h = this.hist;
    let [lb, lf] = modf(l * DEGREE);
    if (lb >= DEGREE) [lb, lf] = [DEGREE - 1, 1];
    if (l === r) h[lb] += area;
    else {
      let [rb, rf] = modf(r * DEGREE);
      if (rb >= DEGREE) [rb, rf] = [DEGREE - 1, 1];
      if (lb === rb) h[lb] += area;
      else {
        const perBucket = area / (r - l) / DEGREE;
        h[lb] += perBucket * (1 - lf);
        h[rb] += perBucket * rf;
        for (let i = lb + 1; i < rb; i++) h[i] += perBucket;
      }
    }
    const thresh = this.trackBucket / DEGREE;
    if (l < thresh) {
      if (r < thresh) this.trackSum += area;
      else this.trackSum += (area * (thresh - l)) / (r - l);
      if (this.trackSum >= this.trackMass) this.setTrackMass(this.trackMass);
    }
  }

  setTrackMass(mass: number): void {
    this.trackMass = mass;
    let sum = 0;
    for (let i = 0; i < DEGREE; i++) {
      const newSum = sum + this.hist[i];
      if (newSum > mass) {
        this.trackBucket = i;
        this.trackSum = sum;
        return;
      }
      sum = newSum;
    }
    this.trackBucket = DEGREE;
    this.trackSum = sum;
  }

  /** [lower, upper) bounds of the tracked mass's utilization; null before enough mass. */
  approxInvCumulativeSum(): [number, number] | null {
    if (this.trackBucket === DEGREE) return null;
    return [this.trackBucket / DEGREE, (this.trackBucket + 1) / DEGREE];
  }

  invCumulativeSum(y: number): [number, boolean] {
    if (this.sorted.length === 0 && this.unsorted.length === 0) return [NaN, false];
    const edges = this.unsorted;
    goSortFunc(edges, (a, b) => (a.x < b.x ? -1 : a.x > b.x ? 1 : 0));
    this.unsorted = [];
    if (this.sorted.length === 0) this.sorted = edges;
    else {
      const old = this.sorted;
      const merged: Edge[] = [];
      let i = 0;
      let j = 0;
      while (merged.length < old.length + edges.length) {
        if (i >= old.length) merged.push(...edges.slice(j)), (j = edges.length);
        else if (j >= edges.length) merged.push(...old.slice(i)), (i = old.length);
        else if (old[i].x < edges[j].x) merged.push(old[i++]);
        else merged.push(edges[j++]);
      }
      this.sorted = merged;
    }
    let csum = 0;
    let rate = 0;
    let prevX = 0;
    for (const e of this.sorted) {
      let newCsum = csum + (e.x - prevX) * rate;
      if (newCsum >= y) {
        if (rate === 0) return [e.x, true];
        return [(y - csum) / rate + prevX, true];
      }
      newCsum += e.dirac;
      if (newCsum >= y) return [e.x, true];
      csum = newCsum;
      prevX = e.x;
      rate += e.delta;
    }
    return [prevX, false];
  }
}
