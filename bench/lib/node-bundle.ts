// Bundles a bench's measuring script the way the app and the Node package ship the code (Vite,
// no keepNames, ES modules) and returns the path of the .mjs to run in a fresh Node process.
// Under tsx every function would also carry esbuild's keepNames helper, a cost no user pays:
// figures compared with Go's reader or with the browser must come from the shipped form.

import { join, parse, resolve } from 'node:path';
import { build } from 'vite';

const ROOT = resolve(import.meta.dirname, '../..');

export async function bundleForNode(entry: string, outDir: string): Promise<string> {
  await build({
    configFile: false,
    publicDir: false,
    logLevel: 'warn',
    root: ROOT,
    ssr: { noExternal: true },
    build: {
      ssr: entry,
      outDir,
      emptyOutDir: true,
      target: 'node20',
      minify: false,
      rollupOptions: { output: { format: 'es', entryFileNames: '[name].mjs' } },
    },
  });
  return join(outDir, `${parse(entry).name}.mjs`);
}
