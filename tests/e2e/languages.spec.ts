import { test, expect, heading, release } from './support/fixtures';

const ENGLISH = 'statement-on-forced-returns';
const UYGHUR = 'statement-on-forced-returns-ug';

test('a release links to its other language versions, each named in its own language', async ({ page }) => {
  await page.goto(`releases/${ENGLISH}/`);
  const versions = page.getByRole('navigation', { name: 'Other languages' });
  const uyghur = versions.getByRole('link', { name: 'ئۇيغۇرچە' });
  await expect(uyghur).toHaveAttribute('hreflang', 'ug');
  await expect(uyghur).toHaveAttribute('lang', 'ug');
  await expect(page.locator(`link[rel="alternate"][hreflang="ug"]`)).toHaveAttribute('href', /statement-on-forced-returns-ug\/$/);
});

test('the page language and direction follow each navigation, and the interface speaks it', async ({ page, request }) => {
  const translated = await release(request, UYGHUR);
  await page.goto(`releases/${ENGLISH}/`);
  await heading(page);
  await expect(page.locator('html')).toHaveAttribute('lang', 'en');
  await page.getByRole('link', { name: 'ئۇيغۇرچە' }).click();
  await expect(await heading(page)).toHaveText(translated.listing.title);
  await expect(page.locator('html')).toHaveAttribute('lang', 'ug');
  await expect(page.locator('html')).toHaveAttribute('dir', 'rtl');
  await expect(page.getByRole('link', { name: 'ئاساسىي مەزمۇنغا ئاتلاش' })).toHaveCount(1);
  await expect(page.getByRole('navigation', { name: 'ئاخبارات بۆلۈمى' }).getByRole('link', { name: 'ئەڭ يېڭى' })).toBeVisible();
  await expect(page.locator('.release__meta time')).toHaveText('4-مارت، 2025');
  await expect(page.locator('#announcer')).toHaveText(translated.listing.title);
  await expect(page.locator('main h1')).toBeFocused();

  await page.goBack();
  await expect(await heading(page)).toHaveText(/forcibly returned/);
  await expect(page.locator('html')).toHaveAttribute('lang', 'en');
  await expect(page.locator('html')).toHaveAttribute('dir', 'ltr');
  await expect(page.getByRole('link', { name: 'Skip to main content' })).toHaveCount(1);
});

test('a right-to-left page arrives right to left, and its layout mirrors', async ({ page }) => {
  await page.clock.setFixedTime(new Date('2026-12-01T12:00:00'));
  await page.setViewportSize({ width: 800, height: 600 });
  await page.goto(`releases/${UYGHUR}/`);
  await heading(page);
  await expect(page.locator('html')).toHaveAttribute('dir', 'rtl');
  const mainBox = (await page.locator('main').boundingBox())!;
  const title = (await page.locator('main h1').boundingBox())!;
  expect(title.x + title.width, 'text starts at the right edge of the content').toBeGreaterThan(mainBox.x + mainBox.width - 40);

  const close = (await page.locator('.donation-banner__close').boundingBox())!;
  const banner = (await page.locator('.donation-banner').boundingBox())!;
  expect(close.x - banner.x, 'close button at the inline end: left').toBeLessThan(60);

  await page.evaluate(() => window.scrollTo(0, document.body.scrollHeight));
  // It appears on the scroll event, a moment after the scroll.
  await expect(page.locator('.back-to-top')).toBeVisible();
  const backToTop = (await page.locator('.back-to-top').boundingBox())!;
  expect(backToTop.x, 'back to top at the inline end: left').toBeLessThan(60);

  const list = (await page.locator('.release__body ul li').first().boundingBox())!;
  expect(list.x + list.width, 'list items indent from the right').toBeLessThan(mainBox.x + mainBox.width - 10);
});
