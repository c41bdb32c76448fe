// Exact int64/uint64 arithmetic as Go does it: wraparound, ID reinterpretation, and the
// float64 tick → ns conversion with amd64's out-of-range result (-2^63), checked against
// values printed by a Go program.
import { describe, expect, it } from 'vitest';
import { floatToI64, i64Add, i64ToU64, MIN_INT64, nsPerTick, ticksToNs, u64Add, u64Inc, u64ToI64 } from './int64';

describe('int64', () => {
  it('reads 2^64-1 as -1 and back', () => {
    expect(u64ToI64(2n ** 64n - 1n)).toBe(-1);
    expect(i64ToU64(-1)).toBe(2n ** 64n - 1n);
    expect(u64ToI64(2n ** 63n)).toBe(MIN_INT64);
    expect(u64ToI64(2 ** 53 - 1)).toBe(2 ** 53 - 1);
  });

  it('wraps like Go and keeps one canonical form', () => {
    expect(u64Inc(2n ** 64n - 1n)).toBe(0);
    expect(u64Inc(2 ** 53 - 1)).toBe(2n ** 53n);
    expect(u64Add(2n ** 64n - 1n, 2)).toBe(1);
    expect(i64Add(2n ** 63n - 1n, 1)).toBe(MIN_INT64);
    expect(i64Add(2n ** 53n, -1)).toBe(2 ** 53 - 1); // back to a plain number
    expect(i64Add(2 ** 53 - 1, 2)).toBe(2n ** 53n + 1n); // exact past 2^53
  });

  it("converts ticks to ns as Go's float64 arithmetic does", () => {
    // Go: Time(float64(1<<60+12345) * (1.0/(float64(3)/1e9))) = -9223372036854775808 (out of range).
    expect(ticksToNs(nsPerTick(3), 2n ** 60n + 12345n)).toBe(MIN_INT64);
    // A zero frequency gives +Inf ns per tick: every time is out of range, 0 ticks is NaN.
    expect(ticksToNs(nsPerTick(0), 5)).toBe(MIN_INT64);
    expect(ticksToNs(nsPerTick(0), 0)).toBe(MIN_INT64);
    // 64 ns per tick (Linux: 1e9/64 ticks per second) is exact past 2^53.
    expect(ticksToNs(nsPerTick(15625000), 2n ** 50n + 1n)).toBe(2n ** 56n + 64n);
    // Truncation toward zero of a fractional product.
    expect(ticksToNs(nsPerTick(3_000_000_000), 2)).toBe(0);
    expect(floatToI64(-0.5)).toBe(0);
    expect(floatToI64(2 ** 63)).toBe(MIN_INT64);
    expect(floatToI64(-(2 ** 63))).toBe(MIN_INT64);
  });
});
