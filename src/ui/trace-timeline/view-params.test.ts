import { describe, expect, it } from 'vitest';
import { formatRoute, parseRoute } from '../../state/route';
import { EMPTY_PARAMS, formatTimelineParams, parseTimelineParams, sameParams } from './view-params';

describe('timeline URL parameters', () => {
  it('round-trip through the URL hash', () => {
    const v = { range: { startNs: 1200, endNs: 98_765_432_100 }, goroutine: 42, timeNs: 5000, lane: 'p3', filter: 'net/http' };
    const hash = formatRoute({ screen: 'inspect', view: 'timeline', params: formatTimelineParams(v) });
    expect(hash).toBe('#/trace/timeline?g=42&l=p3&q=net%2Fhttp&r=1200-98765432100&t=5000');
    expect(parseTimelineParams(parseRoute(hash).params)).toEqual(v);
  });

  it('widen a fractional range outward so reading it back never hides what was shown', () => {
    const p = formatTimelineParams({ ...EMPTY_PARAMS, range: { startNs: 10.7, endNs: 20.2 } });
    expect(p.r).toBe('10-21');
    expect(formatTimelineParams({ ...EMPTY_PARAMS, range: { startNs: -5, endNs: -1 } }).r).toBe('0-1');
  });

  it('drop what is malformed instead of guessing', () => {
    const bad = parseTimelineParams({ r: '20-10', g: '-1', t: 'x', l: 'P 3', q: '' });
    expect(bad).toEqual(EMPTY_PARAMS);
    expect(parseTimelineParams({ r: '1-99999999999999999' }).range).toBeNull(); // past 2^53
    expect(parseTimelineParams({ g: '18446744073709551615' }).goroutine).toBeNull();
    expect(parseTimelineParams({ q: 'x'.repeat(500) }).filter).toHaveLength(200);
  });

  it('compare by what the URL would say', () => {
    expect(sameParams({ ...EMPTY_PARAMS, range: { startNs: 1, endNs: 2.5 } }, { ...EMPTY_PARAMS, range: { startNs: 1.2, endNs: 3 } })).toBe(true);
    expect(sameParams(EMPTY_PARAMS, { ...EMPTY_PARAMS, filter: 'a' })).toBe(false);
  });
});
