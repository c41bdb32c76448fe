import { describe, expect, it } from 'vitest';
import { seededRandom } from '../../testing/seeded-random';
import { IntervalIndex } from './interval-index';

function random(seed: number, n: number, span: number) {
  const rnd = seededRandom(seed);
  const s: number[] = [];
  const e: number[] = [];
  for (let i = 0; i < n; i++) {
    const a = rnd() * span;
    s.push(a);
    e.push(a + (rnd() < 0.9 ? rnd() * span * 0.001 : rnd() * span * 0.3));
  }
  return { s, e };
}

describe('IntervalIndex', () => {
  const span = 1e9;
  const { s, e } = random(9, 3000, span);
  const ix = new IntervalIndex(s, e, s.map((_, i) => i), 0, span);

  it('counts and visits exactly the intervals overlapping a window (random windows)', () => {
    const rnd = seededRandom(10);
    for (let k = 0; k < 200; k++) {
      const t0 = rnd() * span;
      const t1 = t0 + rnd() * span * (rnd() < 0.5 ? 0.001 : 0.5);
      const want = s.map((_, i) => i).filter((i) => s[i] <= t1 && e[i] >= t0).sort((a, b) => a - b);
      const got: number[] = [];
      ix.forEach(t0, t1, (i) => got.push(ix.ids[i]));
      expect(got.sort((a, b) => a - b)).toEqual(want);
      expect(ix.count(t0, t1)).toBe(want.length);
    }
  });

  it('coverage per column matches the exact overlap when columns are wider than its resolution', () => {
    const cols = 50;
    const out = new Float32Array(cols);
    ix.coverage(0, span, cols, out);
    for (let x = 0; x < cols; x++) {
      const a = (x * span) / cols;
      const b = ((x + 1) * span) / cols;
      let exact = 0;
      for (let i = 0; i < s.length; i++) exact += Math.max(0, Math.min(b, e[i]) - Math.max(a, s[i]));
      expect(out[x]).toBeCloseTo(exact / (b - a), 2);
    }
  });

  it('handles no intervals', () => {
    const empty = new IntervalIndex([], [], [], 0, 10);
    const out = new Float32Array(4);
    empty.coverage(0, 10, 4, out);
    expect(Array.from(out)).toEqual([0, 0, 0, 0]);
    expect(empty.count(0, 10)).toBe(0);
  });
});
