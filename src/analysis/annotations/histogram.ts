// go tool trace's latency histogram (internal/trace/traceviewer/histogram.go TimeHistogram):
// five buckets per power of ten; bucket i holds durations d with floor(ln d / ln 10^(1/5)) = i,
// and durations ≤ 0 go to bucket 0. Bucket bounds are Go's, through goExp (see exp.ts).

import { goExp } from '../../trace/go/exp';

const LOG_DIV = Math.log(Math.pow(10, 1 / 5));

export interface TimeHistogram {
  count: number;
  /** Counts by bucket index, from 0 to maxBucket. */
  buckets: number[];
  minBucket: number;
  maxBucket: number;
}

export function emptyHistogram(): TimeHistogram {
  return { count: 0, buckets: [], minBucket: 0, maxBucket: 0 };
}

export function bucketOf(ns: number): number {
  return ns > 0 ? Math.trunc(Math.log(ns) / LOG_DIV) : 0;
}

export function addSample(h: TimeHistogram, ns: number): void {
  const b = bucketOf(ns);
  while (h.buckets.length <= b) h.buckets.push(0);
  h.buckets[b]++;
  // Go's rule: a new minimum, or any sample while the maximum is still bucket 0.
  if (b < h.minBucket || h.maxBucket === 0) h.minBucket = b;
  if (b > h.maxBucket) h.maxBucket = b;
  h.count++;
}

/** The lower bound of bucket i in whole nanoseconds (Go's BucketMin). */
export function bucketMinNs(i: number): number {
  return Math.trunc(goExp(i * LOG_DIV));
}
