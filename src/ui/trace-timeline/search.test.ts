import { describe, expect, it } from 'vitest';
import { isEmptyQuery, matchBitmap, matches, parseQuery, stepResult } from './search';

describe('goroutine search', () => {
  it('reads a number, with or without G, as an ID', () => {
    expect(parseQuery(' G0042 ')).toEqual({ id: '42', text: '' });
    expect(parseQuery('7')).toEqual({ id: '7', text: '' });
    expect(parseQuery('g0')).toEqual({ id: '0', text: '' });
    expect(parseQuery('net/HTTP')).toEqual({ id: null, text: 'net/http' });
    expect(isEmptyQuery(parseQuery('   '))).toBe(true);
  });

  it('matches an ID exactly and text anywhere in the start function or the name, ignoring case', () => {
    expect(matches(parseQuery('G12'), '12', 'main.main', 'G12 main.main')).toBe(true);
    expect(matches(parseQuery('12'), '123', 'main.main', 'G123 main.main')).toBe(false);
    expect(matches(parseQuery('Worker'), '5', 'main.worker', 'G5 main.worker')).toBe(true);
    expect(matches(parseQuery('(dedicated)'), '9', 'runtime.gcBgMarkWorker', 'G9 runtime.gcBgMarkWorker (GC (dedicated))')).toBe(true);
    expect(matches(parseQuery('net/http'), '5', 'main.worker', 'G5 main.worker')).toBe(false);
  });

  it('builds a bitmap over all goroutines from their groups, or from one ID', () => {
    const groups = [
      { startFunc: 'main.main', goroutines: [0] },
      { startFunc: 'main.worker', goroutines: [1, 3] },
      { startFunc: 'runtime.gcBgMarkWorker', goroutines: [2] },
    ];
    const { bits, n } = matchBitmap(parseQuery('worker'), 4, groups, () => -1);
    expect(Array.from(bits)).toEqual([0, 1, 1, 1]);
    expect(n).toBe(3);
    const byId = matchBitmap(parseQuery('G7'), 4, groups, (id) => (id === '7' ? 2 : -1));
    expect([Array.from(byId.bits), byId.n]).toEqual([[0, 0, 1, 0], 1]);
    expect(matchBitmap(parseQuery('G8'), 4, groups, () => -1).n).toBe(0);
  });

  it('steps to the next and previous result in time, wrapping at the ends', () => {
    const t = [10, 20, 20, 30];
    expect(stepResult(t, 15, 1)).toBe(1);
    expect(stepResult(t, 20, 1)).toBe(3);
    expect(stepResult(t, 30, 1)).toBe(0);
    expect(stepResult(t, 20, -1)).toBe(0);
    expect(stepResult(t, 10, -1)).toBe(3);
    expect(stepResult([], 0, 1)).toBe(-1);
  });
});
