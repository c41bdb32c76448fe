import { describe, expect, it } from 'vitest';
import { cacheName, cachesToDelete, precacheUrls, routeRequest } from './offline-routes';

const scope = 'https://example.test/tools/flightdeck/';
const get = (url: string, mode = 'cors') => routeRequest({ method: 'GET', url, mode }, scope);

describe('offline routes', () => {
  it('a page load of the app, with any query or hash, gets the cached app page', () => {
    for (const url of [scope, `${scope}index.html`, `${scope}?url=/traces/a.trace`, `${scope}#/inspect/summary`]) {
      expect(get(url, 'navigate'), url).toEqual({ kind: 'app-page' });
    }
  });

  it('plain same-origin files are looked up in the precache', () => {
    expect(get(`${scope}assets/index-3f2a.js`)).toEqual({ kind: 'precached' });
    expect(get(`${scope}icon.svg`)).toEqual({ kind: 'precached' });
    // Another page of the site is served as itself, not as the app.
    expect(get(`${scope}embed-example.html`, 'navigate')).toEqual({ kind: 'precached' });
  });

  it('never touches other origins, other paths, other methods or requests with a query', () => {
    expect(get('https://cdn.example.org/tools/flightdeck/assets/index-3f2a.js')).toEqual({ kind: 'pass' });
    expect(get('http://example.test/tools/flightdeck/icon.svg')).toEqual({ kind: 'pass' }); // other scheme: other origin
    expect(get('https://example.test:8443/tools/flightdeck/icon.svg')).toEqual({ kind: 'pass' });
    expect(get('https://example.test/other-app/index.html', 'navigate')).toEqual({ kind: 'pass' });
    expect(get(`${scope}traces/slow.trace?v=2`)).toEqual({ kind: 'pass' });
    expect(routeRequest({ method: 'POST', url: `${scope}index.html`, mode: 'navigate' }, scope)).toEqual({ kind: 'pass' });
    expect(routeRequest({ method: 'HEAD', url: `${scope}icon.svg`, mode: 'cors' }, scope)).toEqual({ kind: 'pass' });
    expect(get('not a url')).toEqual({ kind: 'pass' });
  });

  it('precache keys are absolute URLs under the scope', () => {
    expect(precacheUrls({ version: 'v', files: ['index.html', 'assets/a-1.js'] }, scope)).toEqual([
      `${scope}index.html`,
      `${scope}assets/a-1.js`,
    ]);
  });

  it('an update keeps its own cache and the newest previous one, and leaves other caches alone', () => {
    const names = ['flightdeck-v1', 'other-app', 'flightdeck-v2', 'flightdeck-v3', cacheName('v4')];
    expect(cachesToDelete(names, 'v4')).toEqual(['flightdeck-v1', 'flightdeck-v2']);
    expect(cachesToDelete(['flightdeck-v1', 'flightdeck-v2'], 'v2')).toEqual([]);
    expect(cachesToDelete([], 'v1')).toEqual([]);
  });
});
