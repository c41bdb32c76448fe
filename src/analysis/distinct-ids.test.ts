// Distinct-ID counting against plain Sets: per stretch and over the whole trace, with IDs that
// get a slot, IDs past the slots, negative ones and bigints, and limits small enough to cap.
import { describe, expect, it } from 'vitest';
import { seededRandom } from '../testing/seeded-random';
import { DistinctIds, type DistinctCount } from './distinct-ids';
import type { Id } from './bounded-id-set';

function expected(ids: Set<Id>, limit: number): DistinctCount {
  return { size: Math.min(ids.size, limit), capped: ids.size > limit };
}

describe('DistinctIds', () => {
  for (const seed of [1, 2, 3, 4, 5, 6]) {
    it(`counts as Sets do (seed ${seed})`, () => {
      const rand = seededRandom(seed);
      const limit = [3, 50, 1000][seed % 3];
      const pick = (): Id => {
        const r = rand();
        if (r < 0.6) return Math.floor(rand() * 200); // small, repeated
        if (r < 0.8) return Math.floor(rand() * 5_000_000); // up to past the slots
        if (r < 0.9) return -1 - Math.floor(rand() * 10);
        return BigInt(2 ** 53) + BigInt(Math.floor(rand() * 20));
      };
      const d = new DistinctIds(limit);
      const trace = new Set<Id>();
      for (let stretch = 0; stretch < 8; stretch++) {
        const here = new Set<Id>();
        const n = Math.floor(rand() * 3000);
        for (let i = 0; i < n; i++) {
          const id = pick();
          d.add(id);
          here.add(id);
          trace.add(id);
        }
        expect(d.stretchCount()).toEqual(expected(here, limit));
        expect(d.traceCount()).toEqual(expected(trace, limit));
        d.nextStretch();
      }
    });
  }

  it('an empty stretch counts nothing, and the trace keeps what came before', () => {
    const d = new DistinctIds(10);
    d.add(1);
    d.add(2n ** 60n);
    d.nextStretch();
    expect(d.stretchCount()).toEqual({ size: 0, capped: false });
    expect(d.traceCount()).toEqual({ size: 2, capped: false });
    d.add(1);
    expect(d.stretchCount()).toEqual({ size: 1, capped: false });
    expect(d.traceCount()).toEqual({ size: 2, capped: false });
  });
});
