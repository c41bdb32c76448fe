// What the service worker does with each request, as a pure function (tested without a
// browser). The rules keep the offline cache to the app itself:
// - only GET requests to this app's own origin, under the worker's scope, are looked at;
//   a request to any other origin is never answered from, or written to, the cache;
// - a page load of the app (the scope's root or index.html, with any query such as
//   ?url=… and any hash) gets the cached index.html, so the app opens with no network;
// - any other same-origin GET is answered from the precache when the precache has that exact
//   URL (the built files, whose names carry a content hash), and otherwise goes to the
//   network untouched: a trace fetched by ?url= is never cached.

/** The build's list of files to keep offline, written into sw.js at build time. */
export interface PrecacheManifest {
  /** Changes whenever any precached file changes (a hash of names and contents). */
  readonly version: string;
  /** Paths relative to the worker's scope: 'index.html', 'assets/index-3f2a….js', 'icon.svg'… */
  readonly files: readonly string[];
}

export interface RequestFacts {
  readonly method: string;
  readonly url: string;
  /** Request.mode: 'navigate' for a page load. */
  readonly mode: string;
}

export type OfflineRoute =
  /** Serve the cached app page (index.html). */
  | { readonly kind: 'app-page' }
  /** Serve this cached file if it is there, else let the network answer. */
  | { readonly kind: 'precached' }
  /** Not ours to answer: the browser does what it would do without a service worker. */
  | { readonly kind: 'pass' };

export const CACHE_PREFIX = 'flightdeck-';

export function cacheName(version: string): string {
  return `${CACHE_PREFIX}${version}`;
}

/** scope: the registration's scope URL, ending in '/'. */
export function routeRequest(req: RequestFacts, scope: string): OfflineRoute {
  if (req.method !== 'GET') return { kind: 'pass' };
  let url: URL;
  let base: URL;
  try {
    url = new URL(req.url);
    base = new URL(scope);
  } catch {
    return { kind: 'pass' };
  }
  if (url.origin !== base.origin || !url.pathname.startsWith(base.pathname)) return { kind: 'pass' };
  const rel = url.pathname.slice(base.pathname.length);
  if (req.mode === 'navigate' && (rel === '' || rel === 'index.html')) return { kind: 'app-page' };
  // A query means a request the app makes on purpose (or a file someone asked for by URL):
  // the precache holds only plain file URLs.
  if (url.search !== '') return { kind: 'pass' };
  return { kind: 'precached' };
}

/** Absolute URLs of the manifest's files, the keys the cache stores them under. */
export function precacheUrls(manifest: PrecacheManifest, scope: string): string[] {
  return manifest.files.map((f) => new URL(f, scope).href);
}

/**
 * The caches to delete when version activates: every older one of ours except the newest
 * previous version, which a tab still running the old version may need for a file it loads
 * late (the parse worker starts on the first open). Caches not named by us are left alone.
 */
export function cachesToDelete(existing: readonly string[], version: string): string[] {
  const current = cacheName(version);
  const ours = existing.filter((n) => n.startsWith(CACHE_PREFIX) && n !== current);
  // caches.keys() lists caches in the order they were created: the last one is the newest.
  return ours.slice(0, Math.max(0, ours.length - 1));
}
