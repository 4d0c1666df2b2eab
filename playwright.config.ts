import { defineConfig } from '@playwright/test';

// The built dist/ (and the sub-path build) served by nginx, in Debian's Chromium.
// NEWSROOM_TEST_PORT lets two checkouts run their suites side by side.
const port = Number(process.env.NEWSROOM_TEST_PORT ?? 4173);

export default defineConfig({
  testDir: 'tests/e2e',
  fullyParallel: true,
  workers: 2,
  retries: 0,
  timeout: 30_000,
  forbidOnly: !!process.env.CI,
  reporter: [['list'], ['json', { outputFile: 'test-results/results.json' }]],
  use: {
    baseURL: `http://127.0.0.1:${port}/`,
    trace: 'retain-on-failure',
  },
  // Tests tagged @no-browser read files over HTTP or run the build, without a page: they
  // run once, with Chromium's project. Tests tagged @chromium-tool drive a tool only
  // Chromium has (Lighthouse, printing to PDF).
  projects: [
    {
      name: 'chromium',
      use: {
        browserName: 'chromium',
        launchOptions: {
          executablePath: '/usr/bin/chromium',
          args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
        },
      },
    },
    // WebKitGTK's MiniBrowser through its WebDriver: tests/e2e/support/webkit.ts.
    { name: 'webkit', use: { browserName: 'webkit' }, grepInvert: /@no-browser|@chromium-tool/ },
  ],
  webServer: {
    command: `tests/e2e/support/static-server.sh ${port}`,
    url: `http://127.0.0.1:${port}/`,
    reuseExistingServer: false,
    stdout: 'pipe',
    stderr: 'pipe',
  },
});
