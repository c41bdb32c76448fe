// Level of detail: how much of each time bucket a lane spends in each state, so a frame that
// shows a whole busy trace costs what it draws rather than what the trace holds. Per lane and
// chunk, a pyramid of busy time per state per bucket (base buckets hold ~8 spans each, every
// level doubles the width) is built the first time that lane is drawn coarse, and kept in an
// LRU bounded by bytes. A range with few spans is summed directly from them instead.

import type { TimelineChunk } from './chunk';
import { COVERAGE_CATEGORIES, type LaneRef, type SpanView } from './query';

/** GoState → coverage category (Running 0, Runnable 1, Waiting 2, Syscall 3); -1 none. */
const CATEGORY = [-1, -1, 1, 0, 2, 3, -1, -1];
const MIN_BASE_NS = 1 << 10;
/** Bytes of pyramids kept at most. */
const CACHE_BYTES = 48 << 20;

interface Pyramid {
  baseNs: number;
  endNs: number;
  /** Width of a level-0 bucket. */
  w0: number;
  levels: Float32Array[];
  bytes: number;
}

export type SpanSource = (lane: LaneRef, from: number, to: number, visit: (s: SpanView) => boolean | void) => void;
export type SpanCounter = (lane: LaneRef, from: number, to: number) => number;

export class Coverage {
  private readonly cache = new Map<string, Pyramid>();
  private bytes = 0;

  constructor(
    private readonly chunks: readonly TimelineChunk[],
    private readonly spans: SpanSource,
    private readonly count: SpanCounter,
    private readonly isComplete: () => boolean,
  ) {}

  /** Forgets pyramids that later data can change (the last chunk's, while loading). */
  invalidateTail(): void {
    for (const [k, p] of this.cache) {
      if (k.endsWith(':tail')) {
        this.cache.delete(k);
        this.bytes -= p.bytes;
      }
    }
  }

  fill(lane: LaneRef, from: number, to: number, buckets: number, out: Float32Array): void {
    const K = COVERAGE_CATEGORIES;
    out.fill(0, 0, buckets * K);
    if (!(to > from) || buckets <= 0 || this.chunks.length === 0) return;
    const width = (to - from) / buckets;
    for (let c = 0; c < this.chunks.length; c++) {
      const ch = this.chunks[c];
      const segFrom = Math.max(from, ch.baseNs);
      const segTo = Math.min(to, ch.endNs);
      if (segTo <= segFrom) continue;
      const n = this.count(lane, segFrom, segTo);
      if (n <= 2 * buckets || width < 4 * MIN_BASE_NS) this.direct(lane, segFrom, segTo, from, width, buckets, out);
      else this.fromPyramid(this.pyramid(lane, c), segFrom, segTo, from, width, buckets, out);
    }
    for (let i = 0; i < buckets * K; i++) out[i] /= width;
  }

  /** Adds the busy time of [a, b) in category k to the output buckets it overlaps. */
  private static add(out: Float32Array, from: number, width: number, buckets: number, a: number, b: number, k: number, weight = 1): void {
    let i = Math.max(0, Math.floor((a - from) / width));
    for (; i < buckets; i++) {
      const lo = from + i * width;
      const hi = lo + width;
      if (lo >= b) break;
      const o = Math.min(b, hi) - Math.max(a, lo);
      if (o > 0) out[i * COVERAGE_CATEGORIES + k] += o * weight;
    }
  }

  private direct(lane: LaneRef, segFrom: number, segTo: number, from: number, width: number, buckets: number, out: Float32Array): void {
    this.spans(lane, segFrom, segTo, (s) => {
      const k = CATEGORY[s.state];
      if (k < 0) return;
      const a = Math.max(s.startNs, segFrom);
      const b = Math.min(s.endNs, segTo);
      if (b > a) Coverage.add(out, from, width, buckets, a, b, k);
    });
  }

  private pyramid(lane: LaneRef, c: number): Pyramid {
    const tail = c === this.chunks.length - 1 && !this.isComplete();
    const key = `${lane.kind}:${lane.index}:${c}${tail ? ':tail' : ''}`;
    const hit = this.cache.get(key);
    if (hit) {
      this.cache.delete(key);
      this.cache.set(key, hit);
      return hit;
    }
    const ch = this.chunks[c];
    const span = Math.max(1, ch.endNs - ch.baseNs);
    const n = Math.max(1, this.count(lane, ch.baseNs, ch.endNs));
    let w0 = MIN_BASE_NS;
    while (w0 * (n / 8) < span) w0 *= 2;
    const nb = Math.max(1, Math.ceil(span / w0));
    const K = COVERAGE_CATEGORIES;
    const l0 = new Float32Array(nb * K);
    this.spans(lane, ch.baseNs, ch.endNs, (s) => {
      const k = CATEGORY[s.state];
      if (k < 0) return;
      const a = Math.max(s.startNs, ch.baseNs);
      const b = Math.min(s.endNs, ch.endNs);
      if (b > a) Coverage.add(l0, ch.baseNs, w0, nb, a, b, k);
    });
    const levels = [l0];
    let bytes = l0.byteLength;
    for (let prev = l0; prev.length > K; ) {
      const m = Math.ceil(prev.length / K / 2);
      const next = new Float32Array(m * K);
      for (let j = 0; j < m; j++) {
        for (let k = 0; k < K; k++) {
          const a = prev[2 * j * K + k];
          const b = 2 * j + 1 < prev.length / K ? prev[(2 * j + 1) * K + k] : 0;
          next[j * K + k] = a + b;
        }
      }
      levels.push(next);
      bytes += next.byteLength;
      prev = next;
    }
    const p: Pyramid = { baseNs: ch.baseNs, endNs: ch.endNs, w0, levels, bytes };
    this.cache.set(key, p);
    this.bytes += bytes;
    for (const [k, v] of this.cache) {
      if (this.bytes <= CACHE_BYTES || k === key) break;
      this.cache.delete(k);
      this.bytes -= v.bytes;
    }
    return p;
  }

  private fromPyramid(p: Pyramid, segFrom: number, segTo: number, from: number, width: number, buckets: number, out: Float32Array): void {
    const K = COVERAGE_CATEGORIES;
    let level = 0;
    while (level + 1 < p.levels.length && p.w0 * 2 ** (level + 1) <= width) level++;
    const w = p.w0 * 2 ** level;
    const data = p.levels[level];
    const nb = data.length / K;
    const j0 = Math.max(0, Math.floor((segFrom - p.baseNs) / w));
    const j1 = Math.min(nb - 1, Math.floor((segTo - p.baseNs) / w));
    for (let j = j0; j <= j1; j++) {
      const lo = p.baseNs + j * w;
      const a = Math.max(lo, segFrom);
      const b = Math.min(lo + w, segTo);
      if (b <= a) continue;
      // The bucket's busy time, spread evenly over it, for the part inside the segment.
      const frac = (b - a) / w;
      for (let k = 0; k < K; k++) {
        const v = data[j * K + k];
        if (v > 0) Coverage.add(out, from, width, buckets, a, b, k, (v * frac) / (b - a));
      }
    }
  }

  byteSize(): number {
    return this.bytes;
  }
}
