import { describe, expect, it } from 'vitest';
import { checkMaxBytes, checkMinAge, convertBytes, convertMs, maxBytesNote, minAgeNote, splitBytes, splitMs } from './units';

const CAP_BYTES = 2 ** 40;
const CAP_MS = 3_600_000;
const bytes = (v: number, u: 'B' | 'KiB' | 'MiB') => {
  const r = checkMaxBytes(v, u, CAP_BYTES);
  return r.ok ? r.value : r.error;
};
const ms = (v: number, u: 'ms' | 's') => {
  const r = checkMinAge(v, u, CAP_MS);
  return r.ok ? r.value : r.error;
};

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

  it("reads MaxBytes as Go's uint64 and MinAge as Go's Duration: 0 is the default, a negative age is valid", () => {
    expect(bytes(16, 'KiB')).toBe(16384);
    expect(bytes(10, 'MiB')).toBe(10485760);
    expect(bytes(0.5, 'KiB')).toBe(512);
    expect(bytes(0, 'KiB')).toBe(0);
    expect(maxBytesNote(0)).toBe('0 means Go’s default, 10 MiB.');
    expect(maxBytesNote(512)).toBeNull();
    expect(bytes(-1, 'MiB')).toMatch(/cannot be negative/);
    expect(bytes(0.5, 'B')).toMatch(/whole number of bytes; 0.5 B is 0.5 bytes/);
    expect(bytes(Number.NaN, 'B')).toMatch(/Type a number/);
    expect(bytes(2, 'MiB') as number).toBe(2 << 20);
    expect(bytes(1e30, 'MiB')).toMatch(/at most 1 TiB/);
    expect(ms(2.5, 's')).toBe(2500);
    expect(ms(0.2, 'ms')).toBe(0.2);
    expect(ms(0, 's')).toBe(0);
    expect(ms(-1, 's')).toBe(-1000);
    expect(minAgeNote(0)).toBe('0 means Go’s default, 10 s.');
    // Below a nanosecond a Duration is 0: the default again.
    expect(minAgeNote(1e-7)).toBe('0 means Go’s default, 10 s.');
    expect(minAgeNote(-1000)).toMatch(/negative MinAge is a valid Go duration.*only the newest generation/);
    expect(minAgeNote(1500)).toBeNull();
    expect(ms(Infinity, 's')).toMatch(/Type a duration/);
    expect(ms(3601, 's')).toMatch(/at most 1 h/);
  });

  it('round-trips every split through the checks', () => {
    for (const n of [1, 1023, 1024, 1536, 16384, 10 << 20, 3 * 1024 * 1024 + 1]) {
      const a = splitBytes(n);
      expect(bytes(a.value, a.unit)).toBe(n);
    }
    for (const m of [1, 999, 1000, 1500, 10_000, 61_234]) {
      const a = splitMs(m);
      expect(ms(a.value, a.unit)).toBe(m);
    }
  });

  it('re-expresses a value when the unit changes', () => {
    expect(convertBytes(10, 'MiB', 'KiB')).toBe(10240);
    expect(convertBytes(512, 'KiB', 'MiB')).toBe(0.5);
    expect(convertMs(2, 's', 'ms')).toBe(2000);
    expect(convertMs(250, 'ms', 's')).toBe(0.25);
  });
});
