import { test, expect, heading } from './support/fixtures';

const releaseTitle = 'Families abroad record testimony on relatives who disappeared: campaign launches archive project';

test('the about text leads to the media library, which shows each image with its credit and its original', async ({ page, request }) => {
  await page.goto('releases/families-testimony-project/');
  await heading(page);
  await page.getByRole('region', { name: /^About / }).getByRole('link', { name: 'media library' }).click();
  // A page load, not the app's move: waited for by the address the browser reports.
  await expect(page).toHaveURL(/\/media-library\.html$/);
  await expect(await heading(page)).toHaveText('Media library');
  const region = page.getByRole('region', { name: releaseTitle });
  await expect(region.getByRole('link', { name: releaseTitle })).toHaveAttribute('href', '/releases/families-testimony-project/');
  await expect(region.getByRole('img', { name: 'A drawing of a row of lit candles on a dark blue background' })).toBeVisible();
  await expect(region.locator('figcaption')).toContainText('Illustration: Sample Rights Campaign (sample) · CC BY 4.0');
  const download = region.getByRole('link', { name: 'Download the original (PNG, 8 KB)' });
  const original = await request.get(new URL(await download.evaluate((link: HTMLAnchorElement) => link.href)).pathname);
  expect(original.status()).toBe(200);
  // Plain HTML: the app is not there to take the page over.
  expect(await page.evaluate(() => document.scripts.length)).toBe(0);
  expect(await page.evaluate(() => document.querySelector('link[rel="canonical"]')?.getAttribute('href'))).toBe('https://newsroom.example.org/media-library.html');
});

test('from the media library, a release opens in the app and back returns to the library', async ({ page }) => {
  await page.goto('media-library.html');
  await expect(await heading(page)).toHaveText('Media library');
  await page.getByRole('link', { name: releaseTitle }).click();
  await expect(await heading(page)).toHaveText(releaseTitle);
  await page.goBack();
  await expect(await heading(page)).toHaveText('Media library');
});

test('a keyboard reader skips to the library and reaches each release and each download in order', async ({ page }) => {
  await page.goto('media-library.html');
  await heading(page);
  await page.keyboard.press('Tab');
  await expect(page.getByRole('link', { name: 'Skip to main content' })).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(page.locator('main')).toBeFocused();
  await page.keyboard.press('Tab');
  await expect(page.getByRole('link', { name: releaseTitle })).toBeFocused();
  await page.keyboard.press('Tab');
  await expect(page.getByRole('link', { name: 'Download the original (PNG, 8 KB)' })).toBeFocused();
});

test('the sitemap lists the media library', { tag: '@no-browser' }, async ({ request }) => {
  expect(await (await request.get('sitemap.xml')).text()).toContain('<loc>https://newsroom.example.org/media-library.html</loc>');
});
