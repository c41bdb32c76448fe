// Where the app is, as the URL hash says it: the screen, the page of an open trace, and the
// page's own parameters (a timeline's visible range, a selection, a filter). Pure: parsed and
// formatted here, applied to the store by the router (ui/router.ts). The hash, not the path,
// because the app is static files served from any folder; `?url=` stays in the query.
//
//   #/live                                  the live flight recorder
//   #/compare                               two traces side by side
//   #/trace/timeline?r=1000-2000&g=12       an open trace's timeline, a range and a goroutine
//
// A link that names a trace page reopens that page once the same file is open again.

export type Screen = 'inspect' | 'live' | 'compare';

/** The pages of an open trace; 'summary' is what the wire layer and Go's parser found. */
export type TraceView = 'summary' | 'timeline' | 'goroutines' | 'regions' | 'gc' | 'profiles';

export const TRACE_VIEWS: readonly TraceView[] = ['summary', 'timeline', 'goroutines', 'regions', 'gc', 'profiles'];

export type RouteParams = Readonly<Record<string, string>>;

export interface Route {
  readonly screen: Screen;
  readonly view: TraceView;
  readonly params: RouteParams;
}

export const DEFAULT_ROUTE: Route = { screen: 'inspect', view: 'summary', params: {} };

const SCREEN_SEGMENT: Record<Screen, string> = { inspect: 'trace', live: 'live', compare: 'compare' };

/** Reads a location.hash ('' or '#…'). Anything it does not know falls back to the defaults. */
export function parseRoute(hash: string): Route {
  const body = hash.startsWith('#') ? hash.slice(1) : hash;
  const q = body.indexOf('?');
  const path = (q < 0 ? body : body.slice(0, q)).split('/').filter((s) => s !== '');
  const params: Record<string, string> = {};
  if (q >= 0) {
    for (const [k, v] of new URLSearchParams(body.slice(q + 1))) {
      if (k !== '' && !(k in params)) params[k] = v;
    }
  }
  const screen: Screen = path[0] === 'live' ? 'live' : path[0] === 'compare' ? 'compare' : 'inspect';
  const view = screen === 'inspect' && (TRACE_VIEWS as readonly string[]).includes(path[1] ?? '')
    ? (path[1] as TraceView)
    : 'summary';
  return { screen, view, params: screen === 'inspect' ? params : {} };
}

/** The hash for a route ('#/trace' for the default), params in a stable (sorted) order. */
export function formatRoute(route: Route): string {
  let s = `#/${SCREEN_SEGMENT[route.screen]}`;
  if (route.screen === 'inspect' && route.view !== 'summary') s += `/${route.view}`;
  const keys = route.screen === 'inspect' ? Object.keys(route.params).filter((k) => route.params[k] !== '').sort() : [];
  if (keys.length > 0) {
    const sp = new URLSearchParams();
    for (const k of keys) sp.set(k, route.params[k]);
    s += `?${sp.toString()}`;
  }
  return s;
}

export function sameRoute(a: Route, b: Route): boolean {
  return formatRoute(a) === formatRoute(b);
}
