// ProfileTotals keeps its first key in fields and the rest in an array (then a Map past eight
// keys): whatever the layout, it must add up, keep the order keys came in, and keep each key's
// latest seq, as the profiles and the "longest" links rely on.
import { describe, expect, it } from 'vitest';
import { ProfileTotals } from './profile-sink';

function entries(t: ProfileTotals): number[][] {
  const out: number[][] = [];
  t.forEach((key, count, ns, seq) => out.push([key, count, ns, seq]));
  return out;
}

describe('ProfileTotals', () => {
  it('adds by (stack, kind) in the order keys first came, keeping the latest seq', () => {
    const t = new ProfileTotals();
    t.add(1, 7, 1, 100, 1);
    t.add(2, 7, 1, 50, 2);
    t.add(1, 7, 2, 30, 3);
    t.add(0, 9, 1, 5, 4);
    t.add(2, 7, 1, 1, 5);
    expect(entries(t)).toEqual([
      [7 * 8 + 1, 3, 130, 3],
      [7 * 8 + 2, 2, 51, 5],
      [9 * 8 + 0, 1, 5, 4],
    ]);
  });

  it('gives the same totals past the eight keys searched in order', () => {
    const t = new ProfileTotals();
    const want = new Map<number, number[]>();
    let seq = 0;
    for (let round = 0; round < 3; round++) {
      for (let stack = 0; stack < 20; stack++) {
        seq++;
        t.add(3, stack, 1, stack * 10 + round, seq);
        const w = want.get(stack * 8 + 3) ?? [stack * 8 + 3, 0, 0, 0];
        w[1] += 1;
        w[2] += stack * 10 + round;
        w[3] = seq;
        want.set(stack * 8 + 3, w);
      }
    }
    t.trim();
    expect(entries(t)).toEqual([...want.values()]);
  });

  it('adds and takes away another record; taking away keeps its own seq', () => {
    const a = new ProfileTotals();
    a.add(0, 1, 2, 20, 10);
    a.add(1, 1, 1, 5, 11);
    const b = new ProfileTotals();
    b.add(1, 1, 1, 5, 12);
    b.add(0, 4, 1, 7, 13);
    const sum = a.copy();
    sum.addAll(b);
    expect(entries(sum)).toEqual([
      [8, 2, 20, 10],
      [9, 2, 10, 12],
      [32, 1, 7, 13],
    ]);
    sum.addAll(b, -1);
    expect(entries(sum)).toEqual([
      [8, 2, 20, 10],
      [9, 1, 5, 12],
      [32, 0, 0, 13],
    ]);
    // The copy was its own: a is as it was.
    expect(entries(a)).toEqual([
      [8, 2, 20, 10],
      [9, 1, 5, 11],
    ]);
    expect(entries(new ProfileTotals())).toEqual([]);
  });
});
