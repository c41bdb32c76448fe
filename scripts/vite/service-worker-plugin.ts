// Builds the offline service worker: src/sw/service-worker.ts becomes sw.js at the root of
// the output (its scope is then the whole app), with the build's precache manifest written
// into it once every other file has its final hashed name. Only for `vite build`: the dev
// server registers no worker.

import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import type { Plugin } from 'vite';
import { injectManifest, precacheManifest, type OutputFile } from './precache.js';

export const SW_FILE = 'sw.js';
const SW_SOURCE = 'src/sw/service-worker.ts';

function publicFiles(dir: string): OutputFile[] {
  const out: OutputFile[] = [];
  const walk = (d: string) => {
    let names: string[];
    try {
      names = readdirSync(d);
    } catch {
      return; // no public folder
    }
    for (const name of names) {
      const p = join(d, name);
      if (statSync(p).isDirectory()) walk(p);
      else out.push({ fileName: relative(dir, p).split(sep).join('/'), content: readFileSync(p) });
    }
  };
  walk(dir);
  return out;
}

export function serviceWorkerPlugin(): Plugin {
  let publicDir = '';
  let root = '';
  return {
    name: 'flightdeck:service-worker',
    apply: 'build',
    // After Vite's own plugins have emitted index.html and the CSS.
    enforce: 'post',
    configResolved(config) {
      publicDir = config.publicDir;
      root = config.root;
    },
    buildStart() {
      this.emitFile({ type: 'chunk', id: join(root, SW_SOURCE), fileName: SW_FILE });
    },
    generateBundle(_options, bundle) {
      const sw = bundle[SW_FILE];
      if (!sw || sw.type !== 'chunk') throw new Error(`service worker: ${SW_FILE} was not built`);
      // It runs as a classic script (every browser with service workers can run it): it must
      // not import anything.
      if (sw.imports.length > 0 || sw.dynamicImports.length > 0) {
        throw new Error(`service worker: ${SW_FILE} imports ${[...sw.imports, ...sw.dynamicImports].join(', ')}; it must stand alone`);
      }
      const built: OutputFile[] = Object.values(bundle).map((f) => ({
        fileName: f.fileName,
        content: f.type === 'chunk' ? f.code : typeof f.source === 'string' ? f.source : f.source,
      }));
      const manifest = precacheManifest([...built, ...publicFiles(publicDir)], SW_FILE);
      sw.code = injectManifest(sw.code, manifest);
    },
  };
}
