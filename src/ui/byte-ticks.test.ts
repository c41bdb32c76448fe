import { describe, expect, it } from 'vitest';
import { byteTicks, formatByteTick } from './byte-ticks';

const KiB = 1024;
const MiB = 1024 * KiB;

describe('byte axis ticks', () => {
  it('steps by round binary amounts, never a decimal fraction of a unit', () => {
    // Just over 1 MiB: a decimal step would be 0.2 MiB = 204.8 KiB.
    const t = byteTicks(1.14 * MiB, 4);
    expect(t.step).toBe(512 * KiB);
    expect(t.ticks).toEqual([0, 512 * KiB, MiB, 1.5 * MiB]);
    expect(t.ticks.map(formatByteTick)).toEqual(['0 B', '512 KiB', '1 MiB', '1.5 MiB']);
    expect(byteTicks(3.5 * MiB, 4).ticks.map(formatByteTick)).toEqual(['0 B', '1 MiB', '2 MiB', '3 MiB', '4 MiB']);
    expect(byteTicks(700 * KiB, 4).ticks.map(formatByteTick)).toEqual(['0 B', '256 KiB', '512 KiB', '768 KiB']);
    expect(byteTicks(90, 4).ticks).toEqual([0, 32, 64, 96]);
  });

  it('covers the largest value with at most the asked number of intervals', () => {
    for (const max of [1, 7, 1000, 5000, 123_456, 9.9 * MiB, 3 * 1024 * MiB]) {
      for (const n of [2, 4, 6]) {
        const t = byteTicks(max, n);
        expect(t.top).toBeGreaterThanOrEqual(max);
        expect(t.ticks.length - 1).toBeLessThanOrEqual(n);
        for (const v of t.ticks) expect(Number.isInteger(v)).toBe(true);
        for (const v of t.ticks) expect(formatByteTick(v)).toMatch(/^\d+(\.\d{1,2})? (B|KiB|MiB|GiB)$/);
      }
    }
    expect(byteTicks(0).ticks).toEqual([0, 1]);
  });
});
