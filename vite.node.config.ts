import { defineConfig } from 'vite';

// Builds the Node library entry and the `flightdeck` command into dist-node/.
export default defineConfig({
  // The command must run from the package alone: bundle the one runtime dependency it uses.
  ssr: { noExternal: ['pprof-format'] },
  build: {
    ssr: true,
    target: 'node20',
    outDir: 'dist-node',
    emptyOutDir: true,
    rollupOptions: {
      input: { index: 'src/index.ts', cli: 'src/cli/main.ts' },
      output: { format: 'es', entryFileNames: '[name].js', banner: (c) => (c.name === 'cli' ? '#!/usr/bin/env node' : '') },
    },
  },
});
