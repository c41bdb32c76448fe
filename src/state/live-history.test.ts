import { describe, expect, it } from 'vitest';
import { appendSealed, applyRing, clearRing, ringExtent, spanOf, type SealedSummary } from './live-history';
import type { LiveGeneration } from './store';

const sealed = (gen: number, bytes = 100): SealedSummary => ({
  gen,
  bytes,
  batches: 2,
  startNs: (gen - 1) * 1000,
  endNs: gen * 1000,
});

function build(n: number, inRing: boolean): LiveGeneration[] {
  let h: LiveGeneration[] = [];
  for (let g = 1; g <= n; g++) h = appendSealed(h, sealed(g), inRing);
  return h;
}

describe('live history', () => {
  it('keeps generations in order and bounded', () => {
    const h = build(10, true);
    const bounded = appendSealed(h, sealed(11), true, 4);
    expect(bounded.map((g) => g.gen)).toEqual([8, 9, 10, 11]);
    // A repeated seal for the same generation replaces it instead of duplicating.
    expect(appendSealed(h, sealed(3, 999), true).filter((g) => g.gen === 3)).toEqual([
      { ...sealed(3, 999), inRing: true, evicted: false },
    ]);
  });

  it('marks generations that leave the ring as evicted, and only those', () => {
    let h = build(3, false); // sealed while the recorder was off
    h = appendSealed(h, sealed(4), true);
    h = appendSealed(h, sealed(5), true);
    h = applyRing(h, [4, 5]);
    h = appendSealed(h, sealed(6), true);
    h = applyRing(h, [5, 6]);
    expect(h.map((g) => [g.gen, g.inRing, g.evicted])).toEqual([
      [1, false, false],
      [2, false, false],
      [3, false, false],
      [4, false, true],
      [5, true, false],
      [6, true, false],
    ]);
  });

  it('returns the same array when the ring did not change', () => {
    const h = applyRing(build(3, true), [1, 2, 3]);
    expect(applyRing(h, [1, 2, 3])).toBe(h);
  });

  it('clears the ring when the recorder stops', () => {
    const h = clearRing(build(3, true));
    expect(h.every((g) => !g.inRing && g.evicted)).toBe(true);
  });

  it('measures the retained window', () => {
    const h = applyRing(build(5, true), [3, 4, 5]);
    expect(ringExtent(h)).toEqual({ count: 3, bytes: 300, startNs: 2000, endNs: 5000, firstGen: 3, lastGen: 5 });
    expect(ringExtent(clearRing(h))).toBeNull();
  });

  it('finds the time a snapshot covers', () => {
    const h = build(5, true);
    expect(spanOf(h, [3, 4])).toEqual({ startNs: 2000, endNs: 4000 });
    expect(spanOf(h, [9])).toBeNull();
  });
});
