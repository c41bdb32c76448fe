import { describe, expect, it } from 'vitest';
import { frozen, FrozenTimes, NO_TIMES } from './frozen-times';
import { emptyStats, nonOverlapping, settled, subStats, unknownNs } from './exec-stats';

describe('FrozenTimes', () => {
  it('reads back what a Map with the same entries gives, in the same order', () => {
    const m = new Map([
      ['chan receive', 1500],
      ['select', 0],
      ['network', 2 ** 40 + 0.5],
    ]);
    const f = FrozenTimes.of(m);
    expect(f.size).toBe(3);
    expect([...f]).toEqual([...m]);
    for (const k of ['chan receive', 'select', 'network', 'sync', '']) expect(f.get(k)).toBe(m.get(k));
    const seen: [string, number][] = [];
    f.forEach((ns, name) => seen.push([name, ns]));
    expect(seen).toEqual([...m]);
  });

  it('frozen gives the shared empty one for nothing, and keeps one already frozen', () => {
    expect(frozen(new Map())).toBe(NO_TIMES);
    expect(NO_TIMES.size).toBe(0);
    const f = FrozenTimes.of(new Map([['sync', 3]]));
    expect(frozen(f)).toBe(f);
    expect([...frozen(new Map([['sync', 3]]))]).toEqual([['sync', 3]]);
  });
});

describe('ExecStats with frozen blocked times', () => {
  it('a region (end minus begin snapshot) keeps every reason of the end, at zero too, as Go does', () => {
    const begin = emptyStats();
    begin.blockNs.set('chan receive', 100);
    begin.totalNs = 100;
    const end = emptyStats();
    end.blockNs.set('chan receive', 100);
    end.blockNs.set('select', 40);
    end.execNs = 60;
    end.totalNs = 200;
    const region = subStats(end, begin);
    expect([...region.blockNs]).toEqual([
      ['chan receive', 0],
      ['select', 40],
    ]);
    expect(unknownNs(region)).toBe(0);
    expect(nonOverlapping(region).get('Block time (select)')).toBe(40);
    expect(nonOverlapping(region).get('Block time (chan receive)')).toBe(0);
  });

  it('settling a record keeps its blocked times and shares the empty ones', () => {
    const s = emptyStats();
    s.blockNs.set('network', 7);
    expect([...settled(s).blockNs]).toEqual([['network', 7]]);
    expect(settled(emptyStats()).blockNs).toBe(NO_TIMES);
  });
});
