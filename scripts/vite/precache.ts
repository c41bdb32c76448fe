// The precache manifest of a build: which output files the service worker keeps for offline
// use, and a version that changes whenever any of them does. Pure, so it is tested without a
// build (precache.test.ts).

import { createHash } from 'node:crypto';

export interface OutputFile {
  /** Path relative to the output folder, with '/' separators. */
  readonly fileName: string;
  readonly content: string | Uint8Array;
}

/** The service worker itself and the source maps (large, fetched only by devtools) stay out. */
export function isPrecached(fileName: string, swFileName: string): boolean {
  if (fileName === swFileName || fileName.startsWith(`${swFileName}.`)) return false;
  if (fileName.endsWith('.map')) return false;
  if (fileName.split('/').some((part) => part.startsWith('.'))) return false; // .DS_Store and the like
  return true;
}

export function precacheManifest(files: readonly OutputFile[], swFileName: string): { version: string; files: string[] } {
  const kept = files.filter((f) => isPrecached(f.fileName, swFileName)).sort((a, b) => (a.fileName < b.fileName ? -1 : a.fileName > b.fileName ? 1 : 0));
  const seen = new Set<string>();
  const hash = createHash('sha256');
  const names: string[] = [];
  for (const f of kept) {
    if (seen.has(f.fileName)) continue; // a public file shadowed by a built one of the same name
    seen.add(f.fileName);
    names.push(f.fileName);
    hash.update(f.fileName);
    hash.update('\0');
    hash.update(f.content);
    hash.update('\0');
  }
  return { version: hash.digest('hex').slice(0, 16), files: names };
}

/** The marker in src/sw/service-worker.ts that the manifest replaces. */
export const MANIFEST_MARKER = '__FLIGHTDECK_PRECACHE_MANIFEST__';

/**
 * Writes the manifest into the built worker in place of the quoted marker, as a string literal
 * holding JSON (the source reads it with JSON.parse). Throws when the marker is missing, so a
 * minifier change can never ship a worker without its list.
 */
export function injectManifest(code: string, manifest: { version: string; files: string[] }): string {
  const re = new RegExp(`(["'\`])${MANIFEST_MARKER}\\1`);
  if (!re.test(code)) throw new Error(`service worker: marker ${MANIFEST_MARKER} not found in the built code`);
  return code.replace(re, () => JSON.stringify(JSON.stringify(manifest)));
}
