// IdMap against a Map fed the same random operations: the same answers, sizes and iteration
// order, for small IDs, huge ones, negative ones and bigints, through deletions that make it
// compact its slots.

import { describe, expect, it } from 'vitest';
import { randomId } from '../testing/random-ids';
import { seededRandom } from '../testing/seeded-random';
import { IdMap } from './id-map';
import type { Id } from './bounded-id-set';

describe('IdMap', () => {
  it('answers as a Map does, in the same order, through random sets and deletes', () => {
    const rnd = seededRandom(7);
    const m = new Map<Id, number>();
    const im = new IdMap<number>();
    for (let step = 0; step < 60_000; step++) {
      const id = randomId(rnd);
      const op = rnd();
      if (op < 0.45) {
        m.set(id, step);
        im.set(id, step);
      } else if (op < 0.9) {
        expect(im.delete(id)).toBe(m.delete(id));
      } else {
        expect(im.get(id)).toBe(m.get(id));
        expect(im.has(id)).toBe(m.has(id));
      }
      if (step % 5000 === 0) expect([...im]).toEqual([...m]);
    }
    expect(im.size).toBe(m.size);
    expect([...im.entries()]).toEqual([...m.entries()]);
    expect([...im.values()]).toEqual([...m.values()]);
  });

  it('an ID set again after a delete goes to the end, as in a Map', () => {
    const im = new IdMap<string>();
    im.set(1, 'a').set(2, 'b').set(3, 'c');
    im.delete(1);
    im.set(1, 'd');
    expect([...im]).toEqual([[2, 'b'], [3, 'c'], [1, 'd']]);
    im.clear();
    expect(im.size).toBe(0);
    expect(im.get(2)).toBeUndefined();
  });

  it('holds a million goroutines, and answers the same after most are deleted (its slots compacted)', () => {
    const im = new IdMap<number>();
    for (let g = 1; g <= 1_000_000; g++) im.set(g, g);
    expect(im.get(999_999)).toBe(999_999);
    for (let g = 1; g <= 999_000; g++) im.delete(g);
    expect(im.size).toBe(1000);
    expect([...im.values()].slice(0, 2)).toEqual([999_001, 999_002]);
    expect(im.get(999_001)).toBe(999_001);
    expect(im.has(5)).toBe(false);
  });
});
