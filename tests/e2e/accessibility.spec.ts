import AxeBuilder from '@axe-core/playwright';
import type { Page } from '@playwright/test';
import { test, expect, heading, indexPage } from './support/fixtures';

const DURING_APPEAL = new Date('2026-12-01T12:00:00');

async function expectNoViolations(page: Page, state: string) {
  // In WebKit axe runs in its legacy mode, one run in the page: its default mode finishes
  // in a blank page of its own, which the WebDriver adapter (support/webkit.ts) cannot open.
  // The pages have no frames, so both modes check the same document.
  const legacy = test.info().project.use.browserName === 'webkit';
  const analyze = () =>
    new AxeBuilder({ page })
      .withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa', 'best-practice'])
      .setLegacyMode(legacy)
      .analyze();
  const url = page.url();
  const results = await analyze()
    .catch(async (error: Error) => {
      // Once in a few dozen runs Firefox over WebDriver BiDi reports the page's script
      // context gone mid-run, with the same document still shown: that run is repeated,
      // once. Anything else, or a page that really moved, fails.
      if (!/Execution context was destroyed/.test(error.message) || page.url() !== url) throw error;
      return analyze();
    })
    .catch((error: Error) => {
      throw new Error(`axe on ${state} (${page.url()}): ${error.message}`);
    });
  const violations = results.violations.map((v) => `${v.id} (${v.nodes.length}): ${v.help} — ${v.nodes[0]?.target}`);
  expect(violations, state).toEqual([]);
}

for (const colorScheme of ['light', 'dark'] as const) {
  test.describe(`${colorScheme} colour scheme`, () => {
    test.use({ colorScheme });

    test('axe finds no violations on any route or state', async ({ page, request }) => {
      // Fourteen full axe runs: a loaded 2-core machine needs more than the default 30 s.
      test.setTimeout(120_000);
      const newest = (await indexPage(request)).releases[0];
      await page.clock.setFixedTime(DURING_APPEAL);
      for (const [path, state] of [
        ['./', 'home, with the donation banner'],
        ['archive/', 'archive'],
        ['archive/page/2/', 'archive, page 2'],
        ['tags/advocacy/', 'topic'],
        [`releases/${newest.slug}/`, 'release, left to right'],
        ['releases/statement-on-forced-returns-ug/', 'release, right to left'],
        ['releases/families-testimony-project/', 'release with a lead image, its credit and download'],
        ['no-such-page/', 'not found'],
        ['search/?q=sample', 'search results, with "Show more results"'],
        ['media-library.html', 'media library'],
      ]) {
        await page.goto(path);
        await heading(page);
        if (path.startsWith('search/')) await expect(page.getByRole('button', { name: 'Show more results' })).toBeVisible();
        await expectNoViolations(page, state);
      }

      await page.goto(`releases/${newest.slug}/`);
      await heading(page);
      await page.locator('details.share > summary').click();
      await page.getByRole('button', { name: 'Share on Mastodon (opens in a new tab)' }).click();
      await expect(page.locator('#share-mastodon-error')).toBeVisible();
      await expectNoViolations(page, 'share panel open, with a refused Mastodon server');

      await page.evaluate(() => window.scrollTo(0, window.innerHeight * 2));
      await expect(page.locator('.back-to-top')).toBeVisible();
      await expectNoViolations(page, 'back-to-top visible');

      await page.getByRole('button', { name: 'Close the donation appeal' }).click();
      await expectNoViolations(page, 'banner dismissed');

      await page.route('**/data/index/1.json', (route) => route.abort('internetdisconnected'));
      await page.getByRole('navigation', { name: 'Newsroom' }).getByRole('link', { name: 'Latest' }).click();
      await expect(page.getByRole('button', { name: 'Retry' })).toBeVisible();
      await expectNoViolations(page, 'error with Retry');
    });
  });
}
