import { describe, expect, it } from 'vitest';
import type { LiveGeneration } from '../../state/store';
import { boxLabel, followWindow, generationAt, layoutBoxes, layoutOpenBox, liveBounds } from './generation-boxes';
import { TimeScale } from './time-scale';

const gen = (n: number, bytes: number, inRing: boolean, evicted = false): LiveGeneration => ({
  gen: n,
  bytes,
  batches: 1,
  startNs: (n - 1) * 1_000_000,
  endNs: n * 1_000_000,
  inRing,
  evicted,
});

describe('generation boxes', () => {
  const history = [gen(1, 100, false), gen(2, 400, false, true), gen(3, 200, true), gen(4, 50, true)];

  it('spans each generation across its time and scales height by bytes', () => {
    const scale = TimeScale.create(0, 4_000_000, 400);
    const boxes = layoutBoxes(history, scale, { top: 20, bottom: 120 });
    expect(boxes.map((b) => [b.gen, b.state, b.x0, b.x1])).toEqual([
      [1, 'unrecorded', 0, 100],
      [2, 'evicted', 100, 200],
      [3, 'ring', 200, 300],
      [4, 'ring', 300, 400],
    ]);
    expect(boxes[1].top).toBe(20); // the largest fills the lane
    expect(boxes[2].top).toBe(70); // half of it
    expect(boxes[3].bottom - boxes[3].top).toBe(12.5);
  });

  it('culls generations outside the view and clips the edges', () => {
    const scale = TimeScale.create(1_500_000, 2_500_000, 100);
    const boxes = layoutBoxes(history, scale, { top: 0, bottom: 10 });
    expect(boxes.map((b) => b.gen)).toEqual([2, 3]);
    expect(boxes[0].x0).toBe(-1);
    expect(boxes[1].x1).toBe(101);
  });

  it('never draws a box shorter than the minimum', () => {
    const boxes = layoutBoxes([gen(1, 1, true), gen(2, 1_000_000, true)], TimeScale.create(0, 2e6, 100), { top: 0, bottom: 100 });
    expect(boxes[0].bottom - boxes[0].top).toBe(6);
  });

  it('labels boxes as fully as their width allows', () => {
    expect(boxLabel({ gen: 12, bytes: 49152 }, 200)).toBe('g12 · 48.0 KiB');
    expect(boxLabel({ gen: 12, bytes: 49152 }, 70)).toBe('48.0 KiB');
    expect(boxLabel({ gen: 12, bytes: 49152 }, 34)).toBe('g12');
    expect(boxLabel({ gen: 12, bytes: 49152 }, 10)).toBeNull();
  });

  it('bounds the view by the oldest generation and now, and follows the end', () => {
    expect(liveBounds(history, 4_500_000)).toEqual({ startNs: 0, endNs: 4_500_000 });
    expect(liveBounds([], 0)).toEqual({ startNs: 0, endNs: 1 });
    const w = followWindow(history, 4_500_000, 2_000_000);
    expect(w.endNs - w.startNs).toBe(2_000_000);
    expect(w.endNs).toBeGreaterThan(4_500_000);
    // Early on, the window starts at the first generation and fills up from the left.
    expect(followWindow(history, 4_500_000, 20_000_000)).toEqual({ startNs: 0, endNs: 20_000_000 });
  });
});

describe('the generation being written', () => {
  const history = [gen(1, 100, true), gen(2, 400, true)];
  const lane = { top: 0, bottom: 100 };

  it('runs from the last seal to now, sized against the sealed ones', () => {
    const scale = TimeScale.create(0, 4_000_000, 400);
    const open = layoutOpenBox(history, scale, lane, { gen: 3, startNs: 2_000_000, nowNs: 2_500_000, bytes: 200 });
    expect(open).toEqual({ gen: 3, x0: 200, x1: 250, top: 50, bottom: 100, bytes: 200 });
    // Bigger than any sealed one so far: it fills the lane and the sealed boxes shrink with it.
    const big = layoutOpenBox(history, scale, lane, { gen: 3, startNs: 2_000_000, nowNs: 2_500_000, bytes: 800 });
    expect(big!.top).toBe(0);
    expect(layoutBoxes(history, scale, lane, 800)[1].top).toBe(50);
  });

  it('is absent before the first generation and out of view', () => {
    const scale = TimeScale.create(0, 1_000_000, 100);
    expect(layoutOpenBox(history, scale, lane, { gen: 0, startNs: 0, nowNs: 5, bytes: 1 })).toBeNull();
    expect(layoutOpenBox(history, scale, lane, { gen: 3, startNs: 2_000_000, nowNs: 2_500_000, bytes: 1 })).toBeNull();
    expect(layoutOpenBox(history, scale, lane, { gen: 3, startNs: 500, nowNs: 500, bytes: 1 })).toBeNull();
  });
});

describe('hover', () => {
  it('finds the generation under a time, and none in gaps or outside', () => {
    const history = [gen(1, 1, true), gen(2, 1, true), gen(4, 1, true)];
    expect(generationAt(history, 0)?.gen).toBe(1);
    expect(generationAt(history, 999_999)?.gen).toBe(1);
    expect(generationAt(history, 1_000_000)?.gen).toBe(2);
    expect(generationAt(history, 2_500_000)).toBeNull();
    expect(generationAt(history, 3_500_000)?.gen).toBe(4);
    expect(generationAt(history, -1)).toBeNull();
    expect(generationAt(history, 4_000_000)).toBeNull();
    expect(generationAt([], 0)).toBeNull();
  });
});
