// The Content-Security-Policy that backs "nothing is uploaded": the page, its workers and
// anything it loads may connect to this app's own origin only (?url= traces are same-origin
// by design, see state/inspect-actions.ts openUrl), run only the app's own script files (no
// inline script, no eval), and embed nothing from elsewhere.
//
// Delivered twice: as a <meta http-equiv> tag that the build puts first in index.html (the
// app is static files, and a host may send no headers at all), and as a response header
// from `vite preview` (vite.config.ts), which also covers what a meta tag cannot reach: the
// workers' and service worker's own scripts, and frame-ancestors. Not in the dev server,
// whose hot reload needs inline script and styles.

import type { Plugin } from 'vite';

export const CSP_DIRECTIVES: readonly (readonly [string, string])[] = [
  ['default-src', "'self'"],
  ['script-src', "'self'"],
  // Styles come from the built CSS file; React's style={…} goes through the CSSOM, which a
  // policy does not restrict.
  ['style-src', "'self'"],
  ['img-src', "'self' blob:"],
  ['font-src', "'self'"],
  ['connect-src', "'self'"],
  ['worker-src', "'self'"],
  ['manifest-src', "'self'"],
  ['frame-src', "'self'"],
  ['object-src', "'none'"],
  ['base-uri', "'self'"],
  ['form-action', "'none'"],
];

/** The policy for a <meta> tag. */
export const CSP_META = CSP_DIRECTIVES.map(([k, v]) => `${k} ${v}`).join('; ');

/**
 * The policy as a response header: the same, plus the one directive a meta tag may not carry.
 * frame-ancestors * : any page may embed Flightdeck in an iframe (see "Embedding" in the
 * README); what it can do to the app is limited to the postMessage API.
 */
export const CSP_HEADER = `${CSP_META}; frame-ancestors *`;

/** Puts the meta tag before anything else in <head> (a policy applies only from where it appears). */
export function cspPlugin(): Plugin {
  return {
    name: 'flightdeck:csp',
    apply: 'build',
    transformIndexHtml() {
      return [{ tag: 'meta', attrs: { 'http-equiv': 'Content-Security-Policy', content: CSP_META }, injectTo: 'head-prepend' }];
    },
  };
}
