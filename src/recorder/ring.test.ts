// The ring eviction rule (runtime/trace/recorder.go endGeneration) at its edges, on
// hand-made batches so sizes and times are exact.
import { describe, expect, it } from 'vitest';
import { GenerationRing } from './ring';

const HEADER = new TextEncoder().encode('go 1.25 trace\0\0\0');

/** A batch of exactly `size` bytes for generation gen at base time `ticks`. */
function batch(gen: number, ticks: number, size: number): Uint8Array {
  const head = [1, gen, 0, ...uv(ticks)];
  const payload = size - head.length - 10;
  if (payload < 0) throw new Error('batch too small');
  const len = [];
  let v = payload;
  for (let i = 0; i < 9; i++) {
    len.push((v & 0x7f) | 0x80);
    v >>>= 7;
  }
  len.push(v);
  const b = new Uint8Array(size);
  b.set([...head, ...len]);
  return b;
}

function uv(v: number): number[] {
  const out = [];
  while (v >= 0x80) {
    out.push((v % 128) | 0x80);
    v = Math.floor(v / 128);
  }
  out.push(v);
  return out;
}

/** Feeds generations of the given sizes, one per ms (1 tick = 1 ns here); returns the ring's gens after each seal. */
function feed(maxBytes: number, minAgeNs: number, sizes: number[], nowNs?: (i: number) => number) {
  const r = new GenerationRing(1, maxBytes, minAgeNs);
  r.write(HEADER);
  const rings: number[][] = [];
  const causes: (string | null)[] = [];
  sizes.forEach((size, i) => {
    const gen = i + 1;
    if (size > 0) r.write(batch(gen, (i + 1) * 1_000_000, size));
    const c = r.endGeneration(nowNs ? nowNs(i) : (i + 2) * 1_000_000);
    rings.push(c.ring.map((g) => g.gen));
    causes.push(c.cause);
  });
  expect(r.err).toBeNull();
  return { r, rings, causes };
}

describe('ring eviction', () => {
  it('keeps older generations while the kept bytes are not above MaxBytes (exactly at the limit continues)', () => {
    // 100 + 100 = 200 is not > 200, so a third is added; then 300 > 200 stops the walk.
    const { rings, causes } = feed(200, 1e15, [100, 100, 100, 100]);
    expect(rings).toEqual([[1], [1, 2], [1, 2, 3], [2, 3, 4]]);
    expect(causes[3]).toBe('max-bytes');
  });

  it('one byte over the limit stops earlier', () => {
    const { rings } = feed(199, 1e15, [100, 100, 100]);
    expect(rings).toEqual([[1], [1, 2], [2, 3]]);
  });

  it('one generation larger than MaxBytes is still kept, alone', () => {
    const { rings, causes } = feed(1000, 1e15, [300, 5000, 300]);
    expect(rings).toEqual([[1], [2], [2, 3]]);
    expect(causes[1]).toBe('max-bytes');
  });

  it('MinAge: the oldest kept generation is the one that crosses the age', () => {
    // Generation i starts at (i+1) ms; now is (i+2) ms. With MinAge 2.5 ms the walk stops once
    // the oldest kept is more than 2.5 ms old.
    const { rings, causes } = feed(1e12, 2_500_000, [40, 40, 40, 40, 40]);
    expect(rings).toEqual([[1], [1, 2], [1, 2, 3], [2, 3, 4], [3, 4, 5]]);
    expect(causes[4]).toBe('min-age');
  });

  it('exactly MinAge old is not "older than" MinAge', () => {
    const { rings } = feed(1e12, 3_000_000, [40, 40, 40, 40]);
    // At gen 4, now = 5 ms: gen 2 starts at 2 ms (3 ms old, not > 3 ms), so gen 1 is added too.
    expect(rings[3]).toEqual([1, 2, 3, 4]);
  });

  it('MinAge far below the generation period keeps only the newest generation', () => {
    const { rings } = feed(1e12, 1, [40, 40, 40]);
    expect(rings).toEqual([[1], [2], [3]]);
  });

  it('MaxBytes alone limits the ring when MinAge is long', () => {
    const { rings, causes } = feed(10, 1e15, [50, 50, 50]);
    expect(rings).toEqual([[1], [2], [3]]);
    expect(causes).toEqual([null, 'max-bytes', 'max-bytes']);
  });

  it('when both limits trip at the same step, MaxBytes is the cause (Go tests the size first)', () => {
    // At gen 2's seal (now 3 ms) the new ring holds gen 2 alone: 200 bytes > 150, and gen 2
    // (from 2 ms) is 1 ms old > 0.5 ms. recorder.go's condition is `size > wantSize || age >
    // wantDur`, so either trips the same ring; the size is looked at first.
    const { rings, causes } = feed(150, 500_000, [200, 200, 200]);
    expect(rings).toEqual([[1], [2], [3]]);
    expect(causes).toEqual([null, 'max-bytes', 'max-bytes']);
  });

  it('MinAge is the cause when only the age trips', () => {
    const { rings, causes } = feed(1e12, 500_000, [200, 200, 200]);
    expect(rings).toEqual([[1], [2], [3]]);
    expect(causes).toEqual([null, 'min-age', 'min-age']);
  });

  it('zero-length generations (no batches) are kept as empty entries and stop the age walk', () => {
    // The empty generation has no number (0) and minTime 0, so it counts as very old: with
    // MinAge 3.5 ms gen 1 (3 ms old at gen 3's seal) would be kept, but the walk stops at the empty one.
    const { rings, r } = feed(1e12, 3_500_000, [40, 0, 40]);
    expect(rings).toEqual([[1], [1, 0], [0, 3]]);
    expect(r.ring[0].size).toBe(0);
  });

  it('the ring array is replaced, never mutated, so a snapshot can hold it', () => {
    const r = new GenerationRing(1, 1e12, 1e15);
    r.write(HEADER);
    r.write(batch(1, 10, 40));
    r.endGeneration(20);
    const held = r.ring;
    r.write(batch(2, 30, 40));
    r.endGeneration(40);
    expect(held.map((g) => g.gen)).toEqual([1]);
    expect(r.ring.map((g) => g.gen)).toEqual([1, 2]);
  });

  it('reports Go’s errors for bad writes and keeps the first', () => {
    const r = new GenerationRing(1, 100, 100);
    expect(r.write(new Uint8Array(3))).toBe(0);
    expect(r.err?.message).toBe('expected at least 16 bytes in the first write');
    const r2 = new GenerationRing(1, 100, 100);
    r2.write(HEADER);
    r2.write(new Uint8Array([7, 1, 2]));
    expect(r2.err?.message).toBe('expected batch event, got event 7');
    r2.write(new Uint8Array([52, 52]));
    expect(r2.err?.message).toBe('expected batch event, got event 7');
    const r3 = new GenerationRing(1, 100, 100);
    r3.write(HEADER);
    r3.write(new Uint8Array([52, 52]));
    expect(r3.err?.message).toBe('unexpected end of generation in batch of size >1');
    const big = batch(1, 5, 40);
    big[big.length - 1] = 0;
    const r4 = new GenerationRing(1, 100, 100);
    r4.write(HEADER);
    r4.write(big.subarray(0, 30));
    expect(r4.err?.message).toBe('expected complete batch');
  });
});
