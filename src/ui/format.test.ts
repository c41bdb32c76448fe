import { describe, expect, it } from 'vitest';
import { formatBytes, formatBytesShort, formatDuration, formatInt, formatSpeed, plural } from './format';

describe('format', () => {
  it('groups integers, bigint too', () => {
    expect(formatInt(389579)).toBe('389,579');
    expect(formatInt(2n ** 64n - 1n)).toBe('18,446,744,073,709,551,615');
  });

  it('writes bytes in binary units', () => {
    expect(formatBytes(0)).toBe('0 B');
    expect(formatBytes(1023)).toBe('1023 B');
    expect(formatBytes(1024)).toBe('1.0 KiB');
    expect(formatBytes(389579)).toBe('380.4 KiB');
    expect(formatBytes(10 * 1024 * 1024)).toBe('10.0 MiB');
    expect(formatBytes(-1)).toBe('—');
  });

  it('writes durations with three significant digits', () => {
    expect(formatDuration(42)).toBe('42 ns');
    expect(formatDuration(1500)).toBe('1.5 µs');
    expect(formatDuration(830_000)).toBe('830 µs');
    expect(formatDuration(1_250_000_000)).toBe('1.25 s');
    expect(formatDuration(12_340_000n)).toBe('12.3 ms');
    expect(formatDuration(1_000_000_000)).toBe('1 s');
  });

  it('pluralises', () => {
    expect(plural(1, 'generation')).toBe('1 generation');
    expect(plural(3, 'batch', 'batches')).toBe('3 batches');
  });

  it('writes short byte counts for tight spaces', () => {
    expect(formatBytesShort(96)).toBe('96 B');
    expect(formatBytesShort(821_555)).toBe('802 KiB');
    expect(formatBytesShort(1.1 * 1024 * 1024)).toBe('1.1 MiB');
    expect(formatBytesShort(15.25 * 1024)).toBe('15.3 KiB');
    expect(formatBytesShort(-1)).toBe('—');
  });

  it('writes speeds as multiples of real time', () => {
    expect(formatSpeed(1.2634)).toBe('1.3×');
    expect(formatSpeed(0.98)).toBe('1.0×');
    expect(formatSpeed(0.25)).toBe('0.25×');
    expect(formatSpeed(12.4)).toBe('12×');
    expect(formatSpeed(Number.NaN)).toBe('—');
  });
});
