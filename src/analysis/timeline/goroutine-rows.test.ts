// Goroutine rows keep their times as Uint32 offsets from the chunk's base while every offset
// fits, and switch the whole chunk to exact Float64 offsets from the first one that does not
// (a chunk longer than 2^32 ns, which the sink only makes when told to).
import { describe, expect, it } from 'vitest';
import { GoroutineRowBuilder } from './goroutine-rows';

const carried = { proc: [], g: [], startNs: [] };

describe('GoroutineRowBuilder', () => {
  it('seals times as offsets from the chunk base, grouped by goroutine in time order', () => {
    const b = new GoroutineRowBuilder();
    b.push(10, 1, 3, 1, 1, 0);
    b.push(20, 0, 3, 1, 1, 0);
    b.push(30, 1, 2, 1, 1, 0);
    b.seal(2, 1, carried, 1000);
    b.push(1005, 0, 2, 1, 1, 0);
    b.push(1007, 1, 4, 1, 1, 0);
    const { rows } = b.seal(2, 1, carried, 2000);
    expect(rows.time).toBeInstanceOf(Uint32Array);
    expect([...rows.time]).toEqual([5, 7]);
    expect([...rows.lanes]).toEqual([0, 1]);
  });

  it('keeps exact times past 2^32 ns from the base, for every row of that chunk', () => {
    const b = new GoroutineRowBuilder();
    const far = 2 ** 32 + 12345;
    b.push(7, 1, 3, 1, 1, 0);
    b.push(far, 0, 3, 1, 1, 0);
    for (let i = 0; i < 3000; i++) b.push(far + 1 + i, 0, 2, 1, 1, 0);
    const { rows } = b.seal(2, 1, carried, far + 5000);
    expect(rows.time).toBeInstanceOf(Float64Array);
    expect(rows.time[0]).toBe(far);
    expect(rows.time[3000]).toBe(far + 3000);
    expect(rows.time[3001]).toBe(7);
    // The next chunk starts narrow again.
    b.push(far + 5003, 0, 3, 1, 1, 0);
    const next = b.seal(2, 1, carried, far + 6000).rows;
    expect(next.time).toBeInstanceOf(Uint32Array);
    expect([...next.time]).toEqual([3]);
  });
});
