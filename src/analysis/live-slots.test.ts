// LiveSlots fed random opens and closes of small IDs, IDs past the dense range, negative ones
// and bigints: every open ID keeps a slot no other open ID has, a closed ID has none, slots
// come back (the columns stay as long as the most IDs open at once), and grown() keeps values.

import { describe, expect, it } from 'vitest';
import { randomId } from '../testing/random-ids';
import { seededRandom } from '../testing/seeded-random';
import type { Id } from './bounded-id-set';
import { grown, LiveSlots } from './live-slots';

describe('LiveSlots', () => {
  it('gives each open ID a slot of its own and takes it back on close', () => {
    const rnd = seededRandom(11);
    const slots = new LiveSlots();
    const open = new Map<Id, number>();
    let most = 0;
    for (let step = 0; step < 60_000; step++) {
      const id = randomId(rnd);
      const s = slots.slotOf(id);
      expect(s).toBe(open.get(id) ?? -1);
      if (s < 0 && rnd() < 0.5) {
        const n = slots.open(id);
        open.set(id, n);
      } else if (s >= 0) {
        slots.close(id, s);
        open.delete(id);
      }
      most = Math.max(most, open.size);
      if (step % 5000 === 0) expect(new Set(open.values()).size).toBe(open.size);
    }
    expect(slots.used).toBe(most);
    for (const [id, s] of open) expect(slots.slotOf(id)).toBe(s);
  });

  it('grown() keeps every value and at least doubles', () => {
    const a = Float64Array.from([1.5, -2, 3]);
    const b = grown(a, 5);
    expect(b.length).toBeGreaterThanOrEqual(256);
    expect([...b.subarray(0, 3)]).toEqual([1.5, -2, 3]);
    const c = grown(new Int32Array(300).fill(7), 301);
    expect(c.length).toBe(600);
    expect(c[299]).toBe(7);
    expect(c[300]).toBe(0);
  });
});
