import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { summarizeTrace } from '../../analysis/trace-summary';
import { inspectTrace } from '../../trace/wire/inspect';
import { compareView } from './compare-model';

const read = (name: string) => {
  const bytes = new Uint8Array(readFileSync(new URL(`../../../testdata/traces/${name}`, import.meta.url)));
  return { wire: inspectTrace(bytes), parsed: summarizeTrace(bytes) };
};

describe('comparing two traces', () => {
  it('shows each figure of both, the difference, and marks what differs', () => {
    const a = read('gcstress.go126.trace');
    const b = read('goroutines.go126.trace');
    const v = compareView(a, b);
    const row = (label: string) => v.overview.find((r) => r.label === label)!;
    expect(row('Go version')).toMatchObject({ a: 'Go 1.26 or 1.27', b: 'Go 1.26 or 1.27', change: 'same' });
    const ev = row('Events');
    expect(ev.a).toBe(new Intl.NumberFormat('en-US').format(a.parsed.total.events));
    expect(ev.b).toBe(new Intl.NumberFormat('en-US').format(b.parsed.total.events));
    expect(ev.change).not.toBe('same');
    expect(ev.delta).toMatch(/^[+−][\d,]+ \([+−-]?\d+(\.\d)?%\)$/);
    // Everything that differs is counted; the kinds that differ come first.
    expect(v.differences).toBe([...v.overview, ...v.kinds].filter((r) => r.change !== 'same').length);
    const firstSame = v.kinds.findIndex((r) => r.change === 'same');
    if (firstSame >= 0) expect(v.kinds.slice(firstSame).every((r) => r.change === 'same')).toBe(true);
  });

  it('marks a change of a quarter or more as large, and a trace against itself as the same', () => {
    const a = read('basic.go126.trace');
    const same = compareView(a, a);
    expect(same.differences).toBe(0);
    expect(same.generations.every((g) => g.where === 'both')).toBe(true);
    const grown = { ...a, parsed: { ...a.parsed, total: { ...a.parsed.total, gcCycles: a.parsed.total.gcCycles + 10 } } };
    expect(compareView(a, grown).overview.find((r) => r.label === 'GC cycles')!.change).toBe('big');
  });

  it('lines generations up by number: shared, and in one side only', () => {
    const a = read('flightrecorder-ring.go126.trace');
    const gens = a.wire.generations.map((g) => String(g.gen));
    expect(gens.length).toBeGreaterThanOrEqual(2);
    // B: the same trace without its first generation (as a later snapshot would lack it).
    const b = { wire: { ...a.wire, generations: a.wire.generations.slice(1) }, parsed: a.parsed };
    const v = compareView(a, b);
    expect(v.generations.map((g) => [g.gen, g.where])).toEqual(gens.map((g, i) => [g, i === 0 ? 'a' : 'both']));
    expect(v.generations[0].b).toBe('—');
    // Before Go's parser has read a side, its figures are dashes, not zeros.
    const unparsed = compareView(a, { wire: a.wire, parsed: null });
    expect(unparsed.overview.find((r) => r.label === 'Events')!.b).toBe('—');
    expect(unparsed.kinds).toEqual([]);
  });
});
