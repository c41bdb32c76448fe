// The offline service worker, built to sw.js by scripts/vite/service-worker-plugin.ts, which
// writes the build's precache manifest into it (so sw.js changes with every new build and
// the browser sees the update). What it answers is decided by offline-routes.ts.
//
// Updates: a new version installs its own cache beside the old one and then waits; the page
// offers "Reload" (ui/offline.ts), which posts SKIP_WAITING. The old version's cache is kept
// until the next update, for tabs still running the old version.

import { cacheName, cachesToDelete, CACHE_PREFIX, precacheUrls, routeRequest, type PrecacheManifest } from './offline-routes';

// The DOM library has no service-worker global types, and the WebWorker library cannot be
// loaded beside it in one program: these are the few members used here.
interface ExtendableEvent extends Event {
  waitUntil(p: Promise<unknown>): void;
}
interface FetchEvent extends ExtendableEvent {
  readonly request: Request;
  respondWith(r: Response | Promise<Response>): void;
}
interface ServiceWorkerScope {
  readonly registration: ServiceWorkerRegistration;
  readonly clients: { claim(): Promise<void> };
  skipWaiting(): Promise<void>;
  addEventListener(type: 'install' | 'activate', f: (e: ExtendableEvent) => void): void;
  addEventListener(type: 'fetch', f: (e: FetchEvent) => void): void;
  addEventListener(type: 'message', f: (e: MessageEvent) => void): void;
}

const sw = self as unknown as ServiceWorkerScope;
// Replaced at build time by the manifest as JSON text (the string below is the marker).
const manifest = JSON.parse('__FLIGHTDECK_PRECACHE_MANIFEST__') as PrecacheManifest;
const CACHE = cacheName(manifest.version);
const scope = () => sw.registration.scope;

sw.addEventListener('install', (e) => {
  e.waitUntil(
    (async () => {
      const cache = await caches.open(CACHE);
      // 'reload' skips the HTTP cache, so a stale copy of a file never enters the precache.
      await cache.addAll(precacheUrls(manifest, scope()).map((url) => new Request(url, { cache: 'reload' })));
    })(),
  );
});

sw.addEventListener('activate', (e) => {
  e.waitUntil(
    (async () => {
      for (const name of cachesToDelete(await caches.keys(), manifest.version)) await caches.delete(name);
      // The first install takes over the page that registered it, so it works offline at once.
      await sw.clients.claim();
    })(),
  );
});

sw.addEventListener('message', (e) => {
  if (e.data && typeof e.data === 'object' && (e.data as { type?: unknown }).type === 'SKIP_WAITING') void sw.skipWaiting();
});

sw.addEventListener('fetch', (e) => {
  const route = routeRequest(e.request, scope());
  if (route.kind === 'pass') return;
  if (route.kind === 'app-page') {
    e.respondWith(fromCache(new URL('index.html', scope()).href, e.request));
  } else {
    e.respondWith(fromCache(e.request.url, e.request));
  }
});

/** The newest of our caches that has url, else the network (never written back). */
async function fromCache(url: string, request: Request): Promise<Response> {
  const ours = (await caches.keys()).filter((n) => n.startsWith(CACHE_PREFIX) && n !== CACHE);
  // This version's cache first, then older ones, newest first (a tab of the previous version).
  for (const name of [CACHE, ...ours.reverse()]) {
    const hit = await (await caches.open(name)).match(url);
    // A page load may not be answered with a redirected response (a host that redirects
    // index.html to the folder): hand back the same body as a plain response.
    if (hit) return hit.redirected ? new Response(hit.body, { status: hit.status, statusText: hit.statusText, headers: hit.headers }) : hit;
  }
  return fetch(request);
}
