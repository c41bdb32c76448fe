// Go's TestHeap (internal/trace/batchcursor_test.go), and the cursor's decoding of events
// and times (each dt converted separately and truncated, as Go does).
import { describe, expect, it } from 'vitest';
import { Ev } from '../wire/specs';
import { BatchCursor, compareCursors, heapInsert, heapRemove, heapUpdate } from './batch-cursor';
import { TraceError } from './errors';
import type { Time } from './int64';
import { nsPerTick } from './int64';

function cursor(t: Time): BatchCursor {
  const bc = new BatchCursor(0, []);
  bc.ev.time = t;
  return bc;
}

function checkHeap(heap: BatchCursor[]): void {
  for (let i = 1; i < heap.length; i++) {
    expect(compareCursors(heap[(i - 1) >> 1], heap[i]), `parent of ${i}`).toBeLessThanOrEqual(0);
  }
}

describe('heap', () => {
  it('keeps the invariant through inserts, updates and removals', () => {
    const heap: BatchCursor[] = [];
    checkHeap(heap);
    heapInsert(heap, cursor(5));
    checkHeap(heap);
    for (let i = -20; i < 20; i++) {
      heapInsert(heap, cursor(i));
      checkHeap(heap);
    }
    // A middle element becomes the new minimum.
    const mid = heap.findIndex((bc) => bc.ev.time === 5);
    heap[mid].ev.time = -21;
    heapUpdate(heap, mid);
    checkHeap(heap);
    expect(heap[0].ev.time).toBe(-21);
    // The minimum gets smaller: no change.
    heap[0].ev.time = -22;
    heapUpdate(heap, 0);
    checkHeap(heap);
    expect(heap[0].ev.time).toBe(-22);
    // The last gets larger: no change.
    heap[heap.length - 1].ev.time = 21;
    heapUpdate(heap, heap.length - 1);
    checkHeap(heap);
    expect(heap[heap.length - 1].ev.time).toBe(21);
    // The last gets smaller: it moves.
    heap[heap.length - 1].ev.time = 7;
    heapUpdate(heap, heap.length - 1);
    checkHeap(heap);
    expect(heap[heap.length - 1].ev.time).not.toBe(21);
    // Remove from the middle, then the tail.
    const five = heap.findIndex((bc) => bc.ev.time === 5);
    heapRemove(heap, five);
    checkHeap(heap);
    expect(heap.some((bc) => bc.ev.time === 5)).toBe(false);
    heapRemove(heap, heap.length - 1);
    checkHeap(heap);
    // Draining from the head yields sorted order.
    const removed: Time[] = [];
    while (heap.length > 0) {
      removed.push(heap[0].ev.time);
      heapRemove(heap, 0);
      checkHeap(heap);
    }
    expect(removed).toEqual([...removed].sort((a, b) => Number(a) - Number(b)));
  });

  it('compares bigint and number times exactly', () => {
    const heap: BatchCursor[] = [];
    heapInsert(heap, cursor(2n ** 62n));
    heapInsert(heap, cursor(2 ** 53 - 1));
    heapInsert(heap, cursor(2n ** 53n + 1n));
    expect(heap[0].ev.time).toBe(2 ** 53 - 1);
    heapRemove(heap, 0);
    expect(heap[0].ev.time).toBe(2n ** 53n + 1n);
  });
});

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
