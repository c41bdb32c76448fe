// Registers the offline service worker (built to sw.js from src/sw/) and tells the page when
// a new version is installed and waiting, so the user can reload into it when it suits them
// (an open trace is lost on reload, so the page never reloads by itself).

import { useSyncExternalStore } from 'react';

let waiting: ServiceWorker | null = null;
const listeners = new Set<() => void>();
let reloadRequested = false;

function setWaiting(w: ServiceWorker | null): void {
  if (w === waiting) return;
  waiting = w;
  for (const l of [...listeners]) l();
}

/** Only in a build (the dev server has no sw.js) and where the browser has service workers. */
export function registerServiceWorker(): void {
  if (!import.meta.env.PROD || !('serviceWorker' in navigator)) return;
  const sw = navigator.serviceWorker;
  // After "Reload" the new worker takes over; reload then, not when the very first install
  // claims the page (that also changes the controller).
  sw.addEventListener('controllerchange', () => {
    if (reloadRequested) window.location.reload();
  });
  const register = async () => {
    try {
      const reg = await sw.register(new URL('sw.js', document.baseURI), { scope: './' });
      const watch = (w: ServiceWorker | null) => {
        if (!w) return;
        const check = () => {
          // Installed with a controller present: an update, not the first install.
          if (w.state === 'installed' && sw.controller) setWaiting(w);
          if (w.state === 'redundant' && waiting === w) setWaiting(null);
        };
        check();
        w.addEventListener('statechange', check);
      };
      watch(reg.waiting);
      reg.addEventListener('updatefound', () => watch(reg.installing));
      // A tab left open for days still learns of a new version (offline, the check just fails).
      setInterval(() => reg.update().catch(() => {}), 60 * 60 * 1000);
    } catch (err) {
      // The app works without it; only offline use is lost.
      console.warn('Flightdeck: the offline service worker could not be registered:', err);
    }
  };
  if (document.readyState === 'complete') void register();
  else window.addEventListener('load', () => void register(), { once: true });
}

/** Moves this tab (and every other tab of the app) to the waiting version. */
export function applyUpdate(): void {
  if (!waiting) return;
  // Another tab may already have moved every tab to it: then only this page is old.
  if (waiting.state === 'activating' || waiting.state === 'activated') {
    window.location.reload();
    return;
  }
  reloadRequested = true;
  waiting.postMessage({ type: 'SKIP_WAITING' });
}

/** True while a new version is installed and waiting. */
export function useUpdateWaiting(): boolean {
  return useSyncExternalStore(
    (f) => {
      listeners.add(f);
      return () => {
        listeners.delete(f);
      };
    },
    () => waiting !== null,
    () => false,
  );
}
