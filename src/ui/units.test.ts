import { describe, expect, it } from 'vitest';
import { convertBytes, convertMs, joinBytes, joinMs, splitBytes, splitMs } from './units';

describe('recorder setting units', () => {
  it("shows Go's defaults in their natural units", () => {
    expect(splitBytes(10 << 20)).toEqual({ value: 10, unit: 'MiB' });
    expect(splitMs(10_000)).toEqual({ value: 10, unit: 's' });
  });

  it('picks the largest unit that keeps the number short and exact', () => {
    expect(splitBytes(16 * 1024)).toEqual({ value: 16, unit: 'KiB' });
    expect(splitBytes(1.5 * 1024 * 1024)).toEqual({ value: 1.5, unit: 'MiB' });
    expect(splitBytes(512 * 1024)).toEqual({ value: 512, unit: 'KiB' });
    expect(splitBytes(1000)).toEqual({ value: 1000, unit: 'B' });
    expect(splitBytes(5000)).toEqual({ value: 5000, unit: 'B' });
    expect(splitMs(250)).toEqual({ value: 250, unit: 'ms' });
    expect(splitMs(1500)).toEqual({ value: 1.5, unit: 's' });
    expect(splitMs(1234)).toEqual({ value: 1234, unit: 'ms' });
  });

  it('turns typed values into whole bytes and milliseconds, refusing nonsense', () => {
    expect(joinBytes(16, 'KiB')).toBe(16384);
    expect(joinBytes(10, 'MiB')).toBe(10485760);
    expect(joinBytes(0.5, 'KiB')).toBe(512);
    expect(joinBytes(0, 'KiB')).toBeNull();
    expect(joinBytes(-1, 'MiB')).toBeNull();
    expect(joinBytes(Number.NaN, 'B')).toBeNull();
    expect(joinBytes(1e30, 'MiB')).toBeNull();
    expect(joinMs(2.5, 's')).toBe(2500);
    expect(joinMs(0.2, 'ms')).toBeNull();
    expect(joinMs(Infinity, 's')).toBeNull();
  });

  it('round-trips every split through join', () => {
    for (const n of [1, 1023, 1024, 1536, 16384, 10 << 20, 3 * 1024 * 1024 + 1]) {
      const a = splitBytes(n);
      expect(joinBytes(a.value, a.unit)).toBe(n);
    }
    for (const ms of [1, 999, 1000, 1500, 10_000, 61_234]) {
      const a = splitMs(ms);
      expect(joinMs(a.value, a.unit)).toBe(ms);
    }
  });

  it('re-expresses a value when the unit changes', () => {
    expect(convertBytes(10, 'MiB', 'KiB')).toBe(10240);
    expect(convertBytes(512, 'KiB', 'MiB')).toBe(0.5);
    expect(convertMs(2, 's', 'ms')).toBe(2000);
    expect(convertMs(250, 'ms', 's')).toBe(0.25);
  });
});
