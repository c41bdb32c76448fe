// Go's TestQueue (internal/trace/order_test.go): FIFO order across growth and reuse.
import { describe, expect, it } from 'vitest';
import { Queue } from './queue';

describe('Queue', () => {
  const q = new Queue<number>();
  const cases: [string, number[]][] = [
    ['one element', [4]],
    ['two elements', [64, 12]],
    ['six elements', [55, 16423, 2352, 644, 12874, 9372]],
    ['one element again', [7]],
    ['two elements again', [77, 6336]],
  ];
  for (const [name, values] of cases) {
    it(name, () => {
      for (const v of values) q.push(v);
      expect(q.length).toBe(values.length);
      for (const want of values) expect(q.pop()).toBe(want);
      expect(q.pop()).toBeUndefined();
      expect(q.pop()).toBeUndefined();
    });
  }
  it('keeps FIFO order when pushes and pops interleave', () => {
    const r = new Queue<number>();
    const out: number[] = [];
    let next = 0;
    for (let round = 0; round < 50; round++) {
      for (let i = 0; i < (round % 5) + 1; i++) r.push(next++);
      for (let i = 0; i < (round % 3) + 1; i++) {
        const v = r.pop();
        if (v !== undefined) out.push(v);
      }
    }
    for (let v = r.pop(); v !== undefined; v = r.pop()) out.push(v);
    expect(out).toEqual([...Array(next).keys()]);
  });
});
