// The goroutine state table against a plain Map: IDs in the array, past it (so it grows),
// past the array's cap, negative and bigint, each read back as the Map gives it.
import { describe, expect, it } from 'vitest';
import { seededRandom } from '../testing/seeded-random';
import { GoroutineStates } from './goroutine-states';
import type { GoID } from '../trace/parse/index';

describe('GoroutineStates', () => {
  for (const seed of [1, 2, 3]) {
    it(`reads back what a Map would (seed ${seed})`, () => {
      const rand = seededRandom(seed);
      const pick = (): GoID => {
        const r = rand();
        if (r < 0.6) return Math.floor(rand() * 300);
        if (r < 0.8) return Math.floor(rand() * 3_000_000);
        if (r < 0.85) return 2 ** 24 + Math.floor(rand() * 10);
        if (r < 0.95) return -1 - Math.floor(rand() * 10);
        return BigInt(2 ** 53) + BigInt(Math.floor(rand() * 20));
      };
      const states = new GoroutineStates();
      const want = new Map<GoID, number>();
      for (let i = 0; i < 20_000; i++) {
        const g = pick();
        if (rand() < 0.5) {
          const s = Math.floor(rand() * 7);
          states.set(g, s);
          want.set(g, s);
        } else {
          expect(states.get(g)).toBe(want.get(g) ?? 0);
        }
      }
      for (const [g, s] of want) expect(states.get(g)).toBe(s);
    });
  }
});
