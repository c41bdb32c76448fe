import { describe, expect, it } from 'vitest';
import { DEFAULT_ROUTE, formatRoute, parseRoute, sameRoute } from './route';

describe('route', () => {
  it('reads the screen, the trace page and its parameters', () => {
    expect(parseRoute('#/live')).toEqual({ screen: 'live', view: 'summary', params: {} });
    expect(parseRoute('#/compare')).toEqual({ screen: 'compare', view: 'summary', params: {} });
    expect(parseRoute('#/trace/timeline?r=10-20&g=7')).toEqual({
      screen: 'inspect',
      view: 'timeline',
      params: { r: '10-20', g: '7' },
    });
  });

  it('falls back to the defaults for an empty or unknown hash', () => {
    for (const h of ['', '#', '#/', '#/nowhere', '#/trace/nowhere', '#%%%', '#/trace?']) {
      const r = parseRoute(h);
      expect(r.screen).toBe('inspect');
      expect(r.view).toBe('summary');
    }
    expect(parseRoute('')).toEqual(DEFAULT_ROUTE);
  });

  it('keeps the first of repeated parameters and ignores empty keys', () => {
    expect(parseRoute('#/trace/gc?a=1&a=2&=3').params).toEqual({ a: '1' });
  });

  it('formats what it parses, with parameters in sorted order', () => {
    expect(formatRoute(DEFAULT_ROUTE)).toBe('#/trace');
    expect(formatRoute({ screen: 'live', view: 'timeline', params: { r: '1' } })).toBe('#/live');
    expect(formatRoute({ screen: 'compare', view: 'summary', params: {} })).toBe('#/compare');
    const r = { screen: 'inspect', view: 'timeline', params: { r: '1-2', g: '5', q: 'a b&c' } } as const;
    expect(formatRoute(r)).toBe('#/trace/timeline?g=5&q=a+b%26c&r=1-2');
    expect(parseRoute(formatRoute(r))).toEqual(r);
    expect(sameRoute(r, { ...r, params: { q: 'a b&c', r: '1-2', g: '5' } })).toBe(true);
    expect(sameRoute(r, { ...r, view: 'gc' })).toBe(false);
  });

  it('drops parameters whose value is empty', () => {
    expect(formatRoute({ screen: 'inspect', view: 'timeline', params: { q: '' } })).toBe('#/trace/timeline');
  });
});
