// Go's TestQueue (internal/trace/order_test.go): FIFO order across growth and reuse; plus the
// slot contract the reader relies on (a popped slot is intact until the next push, and slots
// are reused rather than made per value).
import { describe, expect, it } from 'vitest';
import { SlotQueue } from './queue';

interface Slot {
  v: number;
}

function queue(): { q: SlotQueue<Slot>; made: () => number } {
  let made = 0;
  const q = new SlotQueue<Slot>(() => {
    made++;
    return { v: -1 };
  });
  return { q, made: () => made };
}

const push = (q: SlotQueue<Slot>, v: number) => (q.push().v = v);
const pop = (q: SlotQueue<Slot>) => q.pop()?.v;

describe('SlotQueue', () => {
  const { q } = queue();
  const cases: [string, number[]][] = [
    ['one element', [4]],
    ['two elements', [64, 12]],
    ['six elements', [55, 16423, 2352, 644, 12874, 9372]],
    ['one element again', [7]],
    ['two elements again', [77, 6336]],
  ];
  for (const [name, values] of cases) {
    it(name, () => {
      for (const v of values) push(q, v);
      expect(q.length).toBe(values.length);
      for (const want of values) expect(pop(q)).toBe(want);
      expect(q.pop()).toBeUndefined();
      expect(q.pop()).toBeUndefined();
    });
  }

  it('keeps FIFO order when pushes and pops interleave', () => {
    const { q: r } = queue();
    const out: number[] = [];
    let next = 0;
    for (let round = 0; round < 50; round++) {
      for (let i = 0; i < (round % 5) + 1; i++) push(r, next++);
      for (let i = 0; i < (round % 3) + 1; i++) {
        const v = pop(r);
        if (v !== undefined) out.push(v);
      }
    }
    for (let v = pop(r); v !== undefined; v = pop(r)) out.push(v);
    expect(out).toEqual([...Array(next).keys()]);
  });

  it('reuses slots: as many are made as were ever queued at once (rounded up)', () => {
    const { q: r, made } = queue();
    for (let i = 0; i < 10_000; i++) {
      push(r, i);
      if (i % 3 === 0) push(r, -i);
      while (r.length > 0) pop(r);
    }
    expect(made()).toBe(4);
    for (let i = 0; i < 9; i++) push(r, i);
    expect(made()).toBe(16);
  });

  it('leaves a popped slot intact until the next push, at any fill level', () => {
    const { q: r } = queue();
    for (let fill = 1; fill < 40; fill++) {
      for (let i = 0; i < fill; i++) push(r, i);
      const popped: Slot[] = [];
      for (let slot = r.pop(); slot !== undefined; slot = r.pop()) popped.push(slot);
      expect(popped.map((s) => s.v)).toEqual([...Array(fill).keys()]);
    }
  });

  it('pushValue queues the value itself, and renew never refills what was handed out', () => {
    const { q: r } = queue();
    const pushed: Slot[] = [];
    const popped: Slot[] = [];
    for (let i = 0; i < 10; i++) {
      const v = { v: i };
      pushed.push(v);
      r.pushValue(v);
      if (i % 3 === 2) for (let s = r.pop(); s !== undefined; s = r.pop()) popped.push(s);
    }
    for (let s = r.pop(); s !== undefined; s = r.pop()) popped.push(s);
    expect(popped).toEqual(pushed);
    popped.forEach((s, i) => expect(s).toBe(pushed[i]));
    r.renew();
    for (let i = 0; i < 40; i++) {
      push(r, 1000 + i);
      pop(r);
    }
    expect(pushed.map((v) => v.v)).toEqual([...Array(10).keys()]);
  });

  it('keeps FIFO order when values and filled slots are mixed', () => {
    const { q: r } = queue();
    const out: number[] = [];
    let next = 0;
    for (let round = 0; round < 60; round++) {
      for (let i = 0; i < (round % 4) + 1; i++) {
        if ((round + i) % 3 === 0) push(r, next++);
        else r.pushValue({ v: next++ });
      }
      for (let i = 0; i < (round % 3) + 1; i++) {
        const v = pop(r);
        if (v !== undefined) out.push(v);
      }
    }
    for (let v = pop(r); v !== undefined; v = pop(r)) out.push(v);
    expect(out).toEqual([...Array(next).keys()]);
  });
});
