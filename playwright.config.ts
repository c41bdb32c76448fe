import { defineConfig } from '@playwright/test';

// Chromium comes from the system (Debian's `chromium` package); FLIGHTDECK_CHROMIUM overrides the path.
const executablePath = process.env.FLIGHTDECK_CHROMIUM ?? '/usr/bin/chromium';
// FLIGHTDECK_E2E_PORT lets two checkouts run their browser tests side by side.
const port = Number(process.env.FLIGHTDECK_E2E_PORT ?? 4174);

export default defineConfig({
  testDir: 'e2e',
  timeout: 60_000,
  // Two at a time: a test spends much of its time waiting on the page, so on a 2-core machine
  // two workers take the suite from about 8.5 to about 6 minutes. FLIGHTDECK_E2E_WORKERS=1 runs
  // them one by one.
  workers: Number(process.env.FLIGHTDECK_E2E_WORKERS ?? 2),
  reporter: [['list'], ['json', { outputFile: 'reports/playwright.json' }]],
  outputDir: 'test-results',
  use: {
    baseURL: `http://127.0.0.1:${port}`,
    headless: true,
    acceptDownloads: true,
    launchOptions: {
      executablePath,
      args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking',
        '--disable-component-update', '--disable-sync'],
    },
  },
  webServer: {
    command: `npx vite preview --port ${port} --strictPort --host 127.0.0.1`,
    url: `http://127.0.0.1:${port}`,
    reuseExistingServer: false,
    timeout: 60_000,
  },
});
