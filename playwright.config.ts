import { defineConfig } from '@playwright/test';

// The built dist/ (and the sub-path and hostile builds) served by nginx, in Debian's
// Chromium, Firefox ESR and WebKitGTK: one suite, one project per engine
// (`--project firefox` runs one).
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
  // run once, with Chromium's project. Tests tagged @chromium-tool drive Lighthouse,
  // which runs a Chromium of its own whatever the project.
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
      grepInvert: /@no-browser|@chromium-tool/,
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
