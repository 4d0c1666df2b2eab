import { gunzipSync, gzipSync } from 'node:zlib';
import type { APIRequestContext, Page } from '@playwright/test';
import { test, expect, heading } from './support/fixtures';

// Full-text search (src/routes/search.rs, web/search.js, Pagefind's index built by
// scripts/lib/search_index.mjs), as a reader uses it: the header's search box, then the
// results page.

async function releaseTitle(request: APIRequestContext, slug: string): Promise<string> {
  const response = await request.get(`data/releases/${slug}.json`);
  expect(response.ok()).toBe(true);
  return (await response.json()).listing.title;
}

function searchBox(page: Page) {
  return page.getByRole('search').getByRole('searchbox', { name: 'Search the press releases' });
}

function status(page: Page) {
  return page.locator('.search__status');
}

function results(page: Page) {
  return page.locator('.search__results > li');
}

async function searchFromHeader(page: Page, query: string) {
  await searchBox(page).fill(query);
  await searchBox(page).press('Enter');
  await expect(page).toHaveURL(/\/search\/\?q=/);
  await expect(await heading(page)).toHaveText('Search');
}

test('a word from the body of an English release finds it from the header box, with its date and the word highlighted', async ({ page, request }) => {
  const title = await releaseTitle(request, 'families-testimony-project');
  await page.goto('./');
  await searchFromHeader(page, 'interviewees');
  await expect(status(page)).toHaveText('1 release matches “interviewees”.');
  await expect(results(page)).toHaveCount(1);
  const result = results(page).first();
  await expect(result.getByRole('heading', { level: 2 })).toHaveText(title);
  await expect(result).toHaveAttribute('lang', 'en');
  await expect(result.locator('.search__date')).toHaveText(/^[A-Z][a-z]+ \d{1,2}, \d{4}$/);
  await expect(result.locator('mark')).toHaveText(['interviewees']);
  await expect(searchBox(page)).toHaveValue('interviewees');

  await result.getByRole('link', { name: title }).click();
  await expect(await heading(page)).toHaveText(title);
  await page.goBack();
  await expect(status(page)).toHaveText('1 release matches “interviewees”.');
  await expect(results(page).getByRole('heading', { level: 2 })).toHaveText([title]);
});

test('a Uyghur word finds the Uyghur release, shown right to left, also typed with a zero-width non-joiner', async ({ page, request }) => {
  const title = await releaseTitle(request, 'statement-on-forced-returns-ug');
  for (const query of ['تەلەپلىرىمىز', 'تەلەپ\u200cلىرىمىز']) {
    await page.goto('archive/');
    await searchFromHeader(page, query);
    await expect(status(page)).toHaveText(`1 release matches “${query}”.`);
    const result = results(page).first();
    await expect(result.getByRole('link')).toHaveText(title);
    await expect(result).toHaveAttribute('lang', 'ug');
    await expect(result).toHaveAttribute('dir', 'rtl');
    await expect(result.locator('mark')).toHaveText(['تەلەپلىرىمىز']);
  }
});

test('a search that finds nothing says so, and shows no list', async ({ page }) => {
  await page.goto('search/?q=zqxjkvw');
  await expect(status(page)).toHaveText('No release matches “zqxjkvw”. Try other or fewer words.');
  await expect(page.locator('.search__results')).toHaveCount(0);
});

test('many results come ten at a time, and "Show more results" moves focus to the first new one', async ({ page }) => {
  await page.goto('search/?q=sample');
  await expect(status(page)).toHaveText(/^(\d+) releases match “sample”\.$/);
  const count = Number((await status(page).textContent())!.match(/\d+/)![0]);
  expect(count).toBeGreaterThan(10);
  await expect(results(page)).toHaveCount(10);
  await page.getByRole('button', { name: 'Show more results' }).click();
  await expect(results(page)).toHaveCount(count);
  await expect(page.getByRole('button', { name: 'Show more results' })).toHaveCount(0);
  await expect(results(page).nth(10).getByRole('link')).toBeFocused();
});

test('no page loads search code or index before a search, and the search page only once there is a query', async ({ page }) => {
  const searchRequests: string[] = [];
  page.on('request', (request) => {
    if (/\/(pagefind\/|search\.js|search\/text\.json)/.test(request.url())) searchRequests.push(request.url());
  });
  await page.goto('./');
  await page.goto('releases/families-testimony-project/');
  await searchBox(page).focus();
  expect(searchRequests).toEqual([]);
  await page.goto('search/');
  await expect(await heading(page)).toHaveText('Search');
  await expect(status(page)).toHaveText('');
  expect(searchRequests.filter((url) => url.includes('/pagefind/'))).toEqual([]);
  await page.goto('search/?q=interviewees');
  await expect(status(page)).toHaveText('1 release matches “interviewees”.');
  expect(searchRequests.some((url) => url.includes('/pagefind/'))).toBe(true);
});

test('a query of any shape is text, a long one is cut, and nothing runs', async ({ page }) => {
  await page.goto(`search/?q=${encodeURIComponent('<img src=x onerror="window.pwned=1">interviewees')}`);
  await expect(status(page)).toContainText('“<img src=x onerror="window.pwned=1">interviewees”');
  // 5,000 characters: about what a host takes in an address (nginx: 8 KB).
  await page.goto(`search/?q=${'interviewees%20'.repeat(400)}`);
  await expect(status(page)).toContainText('release');
  expect((await status(page).textContent())!.length).toBeLessThan(400);
  expect(await page.evaluate(() => (window as unknown as { pwned?: unknown }).pwned)).toBeUndefined();
  await expect(page.locator('main img')).toHaveCount(0);
});

test('an index file altered on the host cannot make a result run, load or lead elsewhere', async ({ page }) => {
  // Pagefind's fragments are gzip'd JSON after a 12-byte signature: rewritten as an
  // attacker with write access to pagefind/ would.
  await page.route(/\/pagefind\/fragment\/.*\.pf_fragment$/, async (route) => {
    const response = await route.fetch();
    const raw = gunzipSync(await response.body());
    const fragment = JSON.parse(raw.subarray(12).toString());
    if (fragment.meta.path.startsWith('releases/winter-appeal')) fragment.meta.path = '//evil.example/releases/x/';
    else if (fragment.meta.path.startsWith('releases/statement')) fragment.meta.path = 'javascript:window.pwned=1//';
    fragment.meta.title = `<img src=x onerror="window.pwned=2">${fragment.meta.title}`;
    fragment.meta.language = 'en" onmouseover="window.pwned=3';
    fragment.meta.direction = 'rtl;color:red';
    fragment.content += ' <img src=x onerror="window.pwned=4"> sample';
    const body = gzipSync(Buffer.concat([raw.subarray(0, 12), Buffer.from(JSON.stringify(fragment))]));
    await route.fulfill({ response, body });
  });
  await page.goto('search/?q=sample');
  await expect(status(page)).toHaveText(/^(\d+) releases match “sample”\.$/);
  await page.getByRole('button', { name: 'Show more results' }).click();
  await expect(page.getByRole('button', { name: 'Show more results' })).toHaveCount(0);
  const count = Number((await status(page).textContent())!.match(/\d+/)![0]);
  // The results whose address is not a release's are left out.
  await expect(results(page)).toHaveCount(count - 2);
  await expect(results(page).first().getByRole('heading')).toContainText('<img src=x onerror="window.pwned=2">');
  await expect(results(page).first()).not.toHaveAttribute('lang', /./);
  await expect(results(page).first()).not.toHaveAttribute('dir', /./);
  await expect(page.locator('main img, main [onerror], main [onmouseover]')).toHaveCount(0);
  const hrefs = await results(page).getByRole('link').evaluateAll((links) => links.map((link) => link.getAttribute('href')));
  expect(hrefs.every((href) => /^\/releases\/[a-z0-9-]+\/$/.test(href ?? ''))).toBe(true);
  expect(await page.evaluate(() => (window as unknown as { pwned?: unknown }).pwned)).toBeUndefined();
});

test('search works deployed under a sub-path, with links that stay under it', async ({ page }) => {
  await page.goto('/newsroom/search/?q=interviewees');
  await expect(status(page)).toHaveText('1 release matches “interviewees”.');
  await expect(results(page).getByRole('link')).toHaveAttribute('href', '/newsroom/releases/families-testimony-project/');
});

test.describe('without JavaScript', () => {
  test.use({ javaScriptEnabled: false });

  test('the header box leads to a search page that says what search needs, with the ways on', async ({ page }) => {
    await page.goto('./');
    await searchBox(page).fill('interviewees');
    await searchBox(page).press('Enter');
    await expect(page).toHaveURL(/\/search\/\?q=interviewees$/);
    await expect(await heading(page)).toHaveText('Search');
    await expect(page.getByRole('main')).toContainText('Search runs in your browser and needs JavaScript');
    await page.getByRole('main').getByRole('link', { name: 'All releases, in the archive' }).click();
    await expect(await heading(page)).toHaveText(/Archive/);
  });
});
