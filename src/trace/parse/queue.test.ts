// Go's TestQueue (internal/trace/order_test.go): FIFO order across growth and reuse, and with
// pushes and pops interleaved (the reader pops right after each advance).
import { describe, expect, it } from 'vitest';
import { EventQueue } from './queue';

describe('EventQueue', () => {
  const q = new EventQueue<number>();
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
      expect(q.length).toBe(0);
    });
  }

  it('keeps FIFO order when pushes and pops interleave, across growth', () => {
    const r = new EventQueue<number>();
    const out: number[] = [];
    let next = 0;
    for (let round = 0; round < 200; round++) {
      for (let i = 0; i < (round % 7) + 1; i++) r.push(next++);
      for (let i = 0; i < (round % 3) + 1; i++) {
        const v = r.pop();
        if (v !== undefined) out.push(v);
      }
    }
    for (let v = r.pop(); v !== undefined; v = r.pop()) out.push(v);
    expect(out).toEqual([...Array(next).keys()]);
  });

  it('hands back the very objects pushed', () => {
    const r = new EventQueue<{ v: number }>();
    const pushed = [...Array(10).keys()].map((v) => ({ v }));
    for (const p of pushed) r.push(p);
    pushed.forEach((p) => expect(r.pop()).toBe(p));
  });
});
