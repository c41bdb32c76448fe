// Moving around the app: every change of screen, trace page or page parameters goes through
// navigate(), which updates the store and the browser history together, so Back and Forward
// walk through earlier pages and views and a copied link reopens the same view. The router
// (ui/router.ts) applies the hash when the user goes Back or follows a link.

import { formatRoute, type Route, type RouteParams, type Screen, type TraceView } from './route';
import { useApp } from './store';

export function currentRoute(): Route {
  const s = useApp.getState();
  return { screen: s.screen, view: s.traceView, params: s.viewParams };
}

/**
 * Goes to a route (fields not given stay as they are). 'push' adds a history entry (a new page
 * or a deliberate jump); 'replace' rewrites the current one (a view that moves continuously,
 * such as a zoom in progress).
 */
export function navigate(patch: Partial<Route>, how: 'push' | 'replace' = 'push'): void {
  const next: Route = { ...currentRoute(), ...patch };
  applyRoute(next);
  writeHistory(next, how);
}

/** Puts a route into the store without touching history (the router's half of Back/Forward). */
export function applyRoute(r: Route): void {
  if (r.screen !== 'inspect') useApp.setState({ screen: r.screen });
  else useApp.setState({ screen: 'inspect', traceView: r.view, viewParams: r.params });
}

export function setScreen(screen: Screen): void {
  navigate({ screen });
}

export function setTraceView(view: TraceView, params: RouteParams = {}): void {
  navigate({ screen: 'inspect', view, params });
}

/** Rewrites the open page's parameters: 'replace' while a view moves, 'push' for a jump. */
export function setViewParams(params: RouteParams, how: 'push' | 'replace' = 'replace'): void {
  navigate({ params }, how);
}

/**
 * A place on the timeline that another page links to (a slow region, a blocked goroutine, an
 * MMU window). Times are nanoseconds since the trace's first event, the timeline model's origin.
 */
export interface TimelineFocus {
  readonly startNs: number;
  readonly endNs: number;
  /** Select this goroutine (its lane is shown and scrolled to). */
  readonly goroutine?: number;
}

/** The timeline page's parameters for a focus: r = visible range, g = selected goroutine. */
export function timelineParams(f: TimelineFocus): RouteParams {
  const p: Record<string, string> = { r: `${Math.floor(f.startNs)}-${Math.ceil(f.endNs)}` };
  if (f.goroutine !== undefined) p.g = String(f.goroutine);
  return p;
}

export function openOnTimeline(f: TimelineFocus): void {
  setTraceView('timeline', timelineParams(f));
}

function writeHistory(r: Route, how: 'push' | 'replace'): void {
  if (typeof window === 'undefined' || typeof window.history === 'undefined') return;
  const hash = formatRoute(r);
  if (hash === window.location.hash) return;
  const url = `${window.location.pathname}${window.location.search}${hash}`;
  if (how === 'push') window.history.pushState(null, '', url);
  else window.history.replaceState(null, '', url);
}
