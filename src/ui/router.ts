// Keeps the store and the URL hash in step: on load the hash picks the screen and page (a
// shared link), and Back/Forward apply the hash they land on. Changes made in the app reach
// the hash through state/navigation.ts.

import { useEffect } from 'react';
import { applyRoute } from '../state/navigation';
import { parseRoute } from '../state/route';

export function useHashRouter(): void {
  useEffect(() => {
    const apply = () => applyRoute(parseRoute(window.location.hash));
    apply();
    window.addEventListener('popstate', apply);
    window.addEventListener('hashchange', apply);
    return () => {
      window.removeEventListener('popstate', apply);
      window.removeEventListener('hashchange', apply);
    };
  }, []);
}
