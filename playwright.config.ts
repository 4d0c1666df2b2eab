import { defineConfig } from '@playwright/test';

// The built dist/ (and the sub-path build) served by nginx, in Debian's Chromium and
// Debian's Firefox ESR: one suite, one project per engine (`--project firefox` runs one).
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
    {
      // Over WebDriver BiDi (the `moz-firefox` channel), with scripts/lib/patch_playwright.mjs.
      // Firefox keeps no pages in its back-forward cache here, as Chromium under Playwright
      // keeps none: going back restores a page the way the app does it, in both. A light
      // colour scheme and no preference about motion, Playwright's defaults, which Firefox
      // takes from prefs only (tests/e2e/support/firefox.ts).
      name: 'firefox',
      use: {
        browserName: 'firefox',
        channel: 'moz-firefox',
        launchOptions: {
          executablePath: '/usr/bin/firefox-esr',
          firefoxUserPrefs: {
            'browser.sessionhistory.max_total_viewers': 0,
            'layout.css.prefers-color-scheme.content-override': 1,
            'ui.prefersReducedMotion': 0,
          },
        },
      },
    },
  ],
  webServer: {
    command: `tests/e2e/support/static-server.sh ${port}`,
    url: `http://127.0.0.1:${port}/`,
    reuseExistingServer: false,
    stdout: 'pipe',
    stderr: 'pipe',
  },
});
