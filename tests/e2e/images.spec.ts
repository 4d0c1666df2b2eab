import { test, expect, heading } from './support/fixtures';

// The sample release with a lead image: a 1200×630 PNG drawing, of which the content
// build makes copies 480, 800 and 1200 pixels wide.
const withImage = 'releases/families-testimony-project/';
const leadImage = (page: import('@playwright/test').Page) => page.getByRole('img', { name: 'A drawing of a row of lit candles on a dark blue background' });

/** The image copies the page has fetched, as the browser's resource timing lists them. */
async function copiesFetched(page: import('@playwright/test').Page) {
  await expect.poll(() => leadImage(page).evaluate((image: HTMLImageElement) => image.complete && image.naturalWidth > 0)).toBe(true);
  return page.evaluate(() => performance.getEntriesByType('resource').map((entry) => new URL(entry.name).pathname).filter((path) => path.includes('/images/')));
}

test.describe('on a phone', () => {
  test.use({ viewport: { width: 390, height: 700 } });

  // Any format: WebKit builds the app's image before putting it in its `<picture>`, so
  // it may fetch the fallback's copy as well as the lighter one, but of the same width.
  test('the lead image loads its 480-pixel copy and no wider one', async ({ page }) => {
    await page.goto(withImage);
    await heading(page);
    const fetched = await copiesFetched(page);
    expect(fetched.length).toBeGreaterThan(0);
    expect(fetched.every((path) => /-480\.(avif|webp|png)$/.test(path)), fetched.join(', ')).toBe(true);
    expect(await leadImage(page).evaluate((image: HTMLImageElement) => image.currentSrc)).toMatch(/-480\.(avif|webp|png)$/);
  });
});

test('on a desktop the lead image loads the 800-pixel copy that fills its 44-rem column', async ({ page }) => {
  await page.goto(withImage);
  await heading(page);
  const fetched = await copiesFetched(page);
  expect(fetched.every((path) => /-800\.(avif|webp|png)$/.test(path)), fetched.join(', ')).toBe(true);
  expect(await leadImage(page).evaluate((image: HTMLImageElement) => image.currentSrc)).toMatch(/-800\.(avif|webp|png)$/);
  // Its space is reserved before it loads: the attributes give its proportions.
  await expect(leadImage(page)).toHaveAttribute('width', '1200');
  await expect(leadImage(page)).toHaveAttribute('height', '630');
});

test('a lead image shows its credit and licence and links to its original, with format and size', async ({ page, request }) => {
  await page.goto(withImage);
  await heading(page);
  const figure = page.locator('figure.release-body__image');
  await expect(figure.locator('figcaption')).toContainText('Illustration: Sample Rights Campaign (sample) · CC BY 4.0');
  const download = figure.getByRole('link', { name: 'Download the original (PNG, 8 KB)' });
  await expect(download).toHaveAttribute('download', '');
  const original = await request.get(new URL(await download.evaluate((link: HTMLAnchorElement) => link.href)).pathname);
  expect(original.status()).toBe(200);
  expect((await original.body()).length).toBe(7287);
});

test('a release link preview shows a 1200×630 card made from its lead image', async ({ page, request }) => {
  const html = await (await request.get(withImage)).text();
  const card = /<meta property="og:image" content="([^"]+)"/.exec(html)?.[1];
  expect(card).toMatch(/\/images\/sample-vigil-illustration-[0-9a-f]{10}-card\.jpg$/);
  expect(html).toContain(`<meta name="twitter:image" content="${card}"`);
  await page.goto(withImage);
  await heading(page);
  const size = await page.evaluate(async (path) => {
    const image = new Image();
    image.src = path;
    await image.decode();
    return [image.naturalWidth, image.naturalHeight];
  }, new URL(card!).pathname);
  expect(size).toEqual([1200, 630]);
});
