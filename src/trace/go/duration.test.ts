import { describe, expect, it } from 'vitest';
import { goDuration } from './duration';

describe('goDuration', () => {
  it('prints as Go time.Duration.String does', () => {
    // Expected strings are what Go 1.26 prints for these durations (fmt.Println(time.Duration(n))).
    const cases: [number, string][] = [
      [0, '0s'],
      [1, '1ns'],
      [999, '999ns'],
      [1000, '1µs'],
      [1500, '1.5µs'],
      [1_000_001, '1.000001ms'],
      [12_345_678, '12.345678ms'],
      [999_999_999, '999.999999ms'],
      [1e9, '1s'],
      [1_500_000_000, '1.5s'],
      [61e9, '1m1s'],
      [3_723_000_000_001, '1h2m3.000000001s'],
      [-1500, '-1.5µs'],
      [3600e9, '1h0m0s'],
    ];
    for (const [ns, s] of cases) expect(goDuration(ns), String(ns)).toBe(s);
  });
});
