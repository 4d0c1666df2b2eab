import { test, expect, heading, indexPage } from './support/fixtures';

// Every page has one address. Reached at another one a static host also serves it
// from, the page is shown and the address bar is given the canonical address, in
// place of the history entry (so Back does not return to the other one).

test('an address ending in index.html shows its page and the address bar loses the index.html', async ({ page, request }) => {
  const target = (await indexPage(request)).releases[0];
  await page.goto(`releases/${target.slug}/index.html?from=feed#contact-heading`);
  await expect(await heading(page)).toHaveText(target.title);
  await expect(page).toHaveURL(new RegExp(`/releases/${target.slug}/\\?from=feed#contact-heading$`));

  await page.goto('archive/index.html');
  await expect(await heading(page)).toHaveText('Archive, page 1 of 2');
  await expect(page).toHaveURL(/\/archive\/$/);

  await page.goto('index.html');
  await expect(await heading(page)).toHaveText('Latest releases');
  await expect(page).toHaveURL(/:\d+\/$/);
});

test('page 1 written out shows the first page at its own address, and Back skips the other one', async ({ page }) => {
  await page.goto('archive/page/2/');
  await heading(page);
  await page.goto('archive/page/1/');
  await expect(await heading(page)).toHaveText('Archive, page 1 of 2');
  await expect(page).toHaveURL(/\/archive\/$/);
  await page.goBack();
  await expect(page).toHaveURL(/\/archive\/page\/2\/$/);
});

test('an address without its trailing slash ends with one', async ({ page, request }) => {
  const target = (await indexPage(request)).releases[1];
  await page.goto(`releases/${target.slug}`);
  await expect(await heading(page)).toHaveText(target.title);
  await expect(page).toHaveURL(new RegExp(`/releases/${target.slug}/$`));
});

test('page numbers with a sign, a leading zero or too many digits are not found', async ({ page }) => {
  for (const path of ['archive/page/+1/', 'archive/page/01/', 'archive/page/%2B2/', 'archive/page/4294967297/', 'archive/0202/']) {
    await page.goto(path);
    await expect(await heading(page), path).toHaveText('Page not found');
    expect(new URL(page.url()).pathname, 'a page that does not exist keeps its address').toBe(`/${path}`);
  }
});

test('under a sub-path the canonical address keeps the sub-path', async ({ page }) => {
  await page.goto('/newsroom/archive/index.html');
  await expect(await heading(page)).toHaveText('Archive, page 1 of 2');
  await expect(page).toHaveURL(/\/newsroom\/archive\/$/);
});
