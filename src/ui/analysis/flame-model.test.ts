import { describe, expect, it } from 'vitest';
import type { ProfileRecord } from '../../analysis/profiles/select';
import { flameLayout, flameTree } from './flame-model';

const f = (func: string, line = 1) => ({ pc: line, func, file: `${func}.go`, line });

describe('flame graph model', () => {
  it('merges common callers and sums values root to leaf', () => {
    const recs: ProfileRecord[] = [
      { stack: [f('chanrecv'), f('worker'), f('main')], count: 2, ns: 300, longest: { startNs: 10, endNs: 200, g: 5 } },
      { stack: [f('Lock'), f('worker'), f('main')], count: 1, ns: 100, longest: { startNs: 0, endNs: 100, g: 6 } },
      { stack: [f('Sleep'), f('main')], count: 1, ns: 600, longest: null },
    ];
    const root = flameTree(recs, 'ns');
    expect(root.value).toBe(1000);
    expect(root.children.map((c) => c.name)).toEqual(['main']);
    const main = root.children[0];
    expect(main.children.map((c) => [c.name, c.value])).toEqual([
      ['Sleep', 600],
      ['worker', 400],
    ]);
    expect(main.children[1].longest).toEqual({ startNs: 10, endNs: 200, g: 5 });
    expect(flameTree(recs, 'count').value).toBe(4);
    const rects = flameLayout(root);
    const worker = rects.find((r) => r.node.name === 'worker')!;
    expect(worker.depth).toBe(2);
    expect(worker.x0).toBeCloseTo(0.6);
    expect(worker.x1).toBeCloseTo(1);
  });
});
