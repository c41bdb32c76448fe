// Go's TestHeap (internal/trace/batchcursor_test.go): the frontier's heap keeps its order
// through inserts, updates and removals, comparing bigint and number times exactly.

import { describe, expect, it } from 'vitest';
import { BatchCursor } from './batch-cursor';
import { compareCursors, heapInsert, heapRemove, heapUpdate } from './cursor-heap';
import type { Time } from './int64';

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
