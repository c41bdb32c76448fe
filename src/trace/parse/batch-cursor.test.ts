// The cursor's decoding of events and times (each dt converted separately and truncated, as
// Go does); the heap's tests are in cursor-heap.test.ts.

import { describe, expect, it } from 'vitest';
import { Ev } from '../wire/specs';
import { BatchCursor } from './batch-cursor';
import { TraceError } from './errors';
import { nsPerTick } from './int64';

function batch(time: number, bytes: number[]) {
  return { gen: 1, m: 1, time, data: new Uint8Array(bytes), exp: 0, isEndOfGeneration: false, offset: 0 };
}

describe('BatchCursor', () => {
  it('converts each dt separately and truncates toward zero', () => {
    // 3 GHz: 1/3 ns per tick. base 10 ticks → 3 ns; +2 ticks → trunc(0.66) = 0 → 3; +4 → +1.
    const bc = new BatchCursor(1, [batch(10, [Ev.ProcStop, 2, Ev.ProcStop, 4])]);
    const f = nsPerTick(3_000_000_000);
    expect(bc.next(f)).toBe(true);
    expect(bc.ev.time).toBe(3);
    expect(bc.next(f)).toBe(true);
    expect(bc.ev.time).toBe(4);
    expect(bc.next(f)).toBe(false);
  });

  it('skips empty batches and restarts time at each batch', () => {
    const bc = new BatchCursor(1, [batch(5, []), batch(100, [Ev.GoStart, 1, 7, 2]), batch(50, [Ev.ProcStop, 1])]);
    expect(bc.next(1)).toBe(true);
    expect([bc.ev.type, bc.ev.time, bc.ev.a0, bc.ev.a1]).toEqual([Ev.GoStart, 101, 7, 2]);
    expect(bc.next(1)).toBe(true);
    expect(bc.ev.time).toBe(51);
  });

  it("fails with Go's messages on undecodable events", () => {
    const run = (bytes: number[]) => () => new BatchCursor(1, [batch(1, bytes)]).next(1);
    expect(run([200, 0])).toThrow(new TraceError('found invalid event type: 200'));
    expect(run([Ev.Frequency, 0])).toThrow(new TraceError('found event without a timestamp: type=8'));
    expect(run([Ev.ProcStop, 0x80])).toThrow(new TraceError('found invalid uvarint for timestamp'));
    expect(run([Ev.ProcStop, ...Array(9).fill(0xff), 2])).toThrow(new TraceError('found invalid uvarint for timestamp'));
    expect(run([Ev.GoStart, 1, 0xff])).toThrow(new TraceError('found invalid uvarint'));
  });

  it('reads arguments past 2^53 exactly', () => {
    const max = [...Array(9).fill(0xff), 1]; // 2^64-1
    const bc = new BatchCursor(1, [batch(1, [Ev.GoUnblock, 1, ...max, 1, 0])]);
    expect(bc.next(1)).toBe(true);
    expect(bc.ev.a0).toBe(2n ** 64n - 1n);
    expect(bc.ev.a1).toBe(1);
  });
});
