import { describe, expect, it } from 'vitest';
import { seededRandom } from '../../testing/seeded-random';
import { RangeMax } from './range-max';

describe('RangeMax', () => {
  it('agrees with a scan on random series and ranges', () => {
    const rnd = seededRandom(5);
    for (const n of [0, 1, 31, 32, 33, 100, 1000, 5000]) {
      const v = Float64Array.from({ length: n }, () => Math.floor(rnd() * 1e6));
      const rm = new RangeMax(v);
      for (let k = 0; k < 300; k++) {
        const a = Math.floor(rnd() * (n + 10)) - 5;
        const b = a + Math.floor(rnd() * (rnd() < 0.5 ? 40 : n + 5));
        let want = -Infinity;
        for (let i = Math.max(0, a); i <= Math.min(n - 1, b); i++) want = Math.max(want, v[i]);
        const got = rm.max(a, b);
        if (got !== want) throw new Error(`n=${n} [${a},${b}]: got ${got}, want ${want}`);
      }
    }
    expect(new RangeMax([]).max(0, 3)).toBe(-Infinity);
  });
});
