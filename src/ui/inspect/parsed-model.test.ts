import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { summarizeTrace } from '../../analysis/trace-summary';
import { distinct, parsedGenerations, parsedView, shortWall, spanMs } from './parsed-model';

const DIR = join(__dirname, '../../../testdata/traces');
const read = (name: string) => summarizeTrace(new Uint8Array(readFileSync(join(DIR, name))));

describe('parsed view', () => {
  it('shortens Go RFC 3339 wall times to milliseconds in UTC', () => {
    expect(shortWall('2026-11-25T21:26:31.905489524Z')).toBe('2026-11-25 21:26:31.905 UTC');
    expect(shortWall('2026-11-25T21:26:31Z')).toBe('2026-11-25 21:26:31.000 UTC');
    expect(shortWall('2026-11-25T21:26:31.5+02:00')).toBe('2026-11-25T21:26:31.5+02:00');
  });

  it('prints spans in ms with microsecond digits', () => {
    expect(spanMs(7_141_313)).toBe('7.141');
    expect(spanMs(1_234_567_890)).toBe('1,234.568');
  });

  it('shows a capped distinct-ID count as "N+" and says counting stopped', () => {
    expect(distinct(1234, false)).toBe('1,234');
    expect(distinct(100_000, true)).toBe('100,000+');
    const s = summarizeTrace(new Uint8Array(readFileSync(join(DIR, 'gcstress.go126.trace'))), 2);
    const tile = parsedView(s).tiles.find((t) => t.testId === 'parsed-goroutines')!;
    expect(tile.value).toBe('2+');
    expect(tile.sub).toBe('more than 2 distinct IDs; counting stops there');
  });

  it('says a clean trace reads cleanly and splits StateTransition by resource', () => {
    const s = read('gcstress.go126.trace');
    const v = parsedView(s);
    expect(v.ok).toBe(true);
    expect(v.goMessage).toBeNull();
    expect(v.tiles.find((t) => t.testId === 'parsed-gc')?.value).toBe(String(s.total.gcCycles));
    const st = v.kinds.findIndex((k) => k.label === 'StateTransition');
    expect(v.kinds[st].count).toBe(s.total.byKind[13]);
    const children = v.kinds.slice(st + 1).filter((k, i, a) => a.slice(0, i + 1).every((x) => x.child));
    expect(children.reduce((n, k) => n + k.count, 0)).toBe(s.total.byKind[13]);
    // Largest kind first.
    const tops = v.kinds.filter((k) => !k.child).map((k) => k.count);
    expect(tops).toEqual([...tops].sort((a, b) => b - a));
  });

  it('gives Go’s message and what was kept for a damaged trace', () => {
    const s = read('damaged-noend.go126.trace');
    const v = parsedView(s);
    expect(v.ok).toBe(false);
    expect(v.goMessage).toBe(readFileSync(join(DIR, 'damaged-noend.go126.trace.parsed.stderr'), 'utf8').trim());
    expect(v.kept).toMatch(/^Kept 1 complete generation: \d+ events of the \d+ events read before the error\.$/);
  });

  it('joins parser generations to wire rows by generation number', () => {
    const s = read('syscallsteal.go126.trace');
    const m = parsedGenerations(s);
    expect(m.size).toBe(s.generations.length);
    for (const g of s.generations) expect(m.get(String(g.gen))).toBe(g);
  });

  it("says a damaged Go 1.21 trace keeps nothing, as Go's reader gives no event of it", () => {
    const s = read('damaged-v1header.go126.trace');
    const v = parsedView(s);
    expect(v.ok).toBe(false);
    expect(v.goMessage).toBe('EvBatch has wrong number of arguments: got 1, want 2');
    expect(v.kept).toBe('Kept nothing: the error comes before the first event.');
    expect(v.explanation).toMatch(/^Go reads a trace in the Go 1\.11–1\.21 format whole/);
  });
});
