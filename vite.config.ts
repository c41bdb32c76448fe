/// <reference types="vitest/config" />
import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';
import { configDefaults } from 'vitest/config';
import { goSuiteExclude, GoSuiteNotice } from './scripts/lib/go-suite-vitest.js';
import { CSP_HEADER, cspPlugin } from './scripts/vite/csp.js';
import { serviceWorkerPlugin } from './scripts/vite/service-worker-plugin.js';

// The app is static: everything runs in the page and its workers, nothing is uploaded (the
// Content-Security-Policy says so to the browser). public/ holds the icon and web manifest;
// the offline service worker is built from src/sw/.
export default defineConfig({
  plugins: [react(), cspPlugin(), serviceWorkerPlugin()],
  base: './',
  worker: { format: 'es' },
  build: { target: 'es2022', sourcemap: true },
  preview: { host: '127.0.0.1', headers: { 'Content-Security-Policy': CSP_HEADER } },
  test: {
    include: ['src/**/*.test.ts', 'src/**/*.test.tsx', 'scripts/**/*.test.ts', 'bench/**/*.test.ts'],
    // Tests that read Go's own conformance files (../shared/conformance) are *.go-suite.test.ts:
    // left out, and named once, on a clone without them (scripts/lib/go-suite.ts).
    exclude: [...configDefaults.exclude, ...goSuiteExclude()],
    environment: 'node',
    pool: 'threads',
    maxWorkers: 2,
    testTimeout: 60_000,
    reporters: ['default', ['json', { outputFile: 'reports/vitest.json' }], new GoSuiteNotice()],
  },
});
