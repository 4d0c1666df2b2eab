import type { Page, Request } from '@playwright/test';
import { test, expect, heading, release } from './support/fixtures';

// "Share this release" (src/components/share.rs, web/share.js), as a reader uses it:
// the disclosure under a release's title, then its links, "Copy link" and Mastodon.

const SLUG = 'families-testimony-project';

function summary(page: Page) {
  return page.locator('details.share > summary');
}

function panel(page: Page) {
  return page.locator('#share-panel');
}

/** The addresses each network is sent, made here from the release's own address and title. */
function expectedLinks(title: string, url: string) {
  const e = encodeURIComponent;
  return [
    ['Email', `mailto:?subject=${e(title)}&body=${e(`${title}\n\n${url}`)}`],
    ['Bluesky (opens in a new tab)', `https://bsky.app/intent/compose?text=${e(`${title} ${url}`)}`],
    ['X (opens in a new tab)', `https://x.com/intent/post?text=${e(title)}&url=${e(url)}`],
    ['Facebook (opens in a new tab)', `https://www.facebook.com/sharer/sharer.php?u=${e(url)}`],
    ['LinkedIn (opens in a new tab)', `https://www.linkedin.com/sharing/share-offsite/?url=${e(url)}`],
    ['WhatsApp (opens in a new tab)', `https://wa.me/?text=${e(`${title} ${url}`)}`],
    ['Telegram (opens in a new tab)', `https://t.me/share/url?url=${e(url)}&text=${e(title)}`],
  ];
}

function requestsOf(page: Page): string[] {
  const seen: string[] = [];
  page.on('request', (request: Request) => seen.push(request.url()));
  return seen;
}

/** Answers every request to another host with a page of its own, as the network would, and records it. */
async function networksAnswer(page: Page): Promise<string[]> {
  const asked: string[] = [];
  await page.context().route(/^https:\/\//, (route) => {
    asked.push(route.request().url());
    return route.fulfill({ contentType: 'text/html', body: '<!DOCTYPE html><title>A network</title><p>Shared.' });
  });
  return asked;
}

async function openShare(page: Page) {
  await summary(page).click();
  await expect(panel(page).getByRole('button', { name: 'Copy link' })).toBeVisible();
}

test('a release offers e-mail and six networks with its own address and title, and nothing loads before the reader opens it or leaves the site before a click', async ({ page, request, baseURL }) => {
  const title = (await release(request, SLUG)).listing.title;
  const seen = requestsOf(page);
  await page.goto(`releases/${SLUG}/`);
  await expect(await heading(page)).toHaveText(title);
  await expect(summary(page)).toHaveText('Share this release');
  await expect(panel(page)).toBeHidden();
  expect(seen.filter((url) => /share/.test(url)), 'nothing of sharing before it is opened').toEqual([]);

  await openShare(page);
  const url = new URL(`releases/${SLUG}/`, baseURL).href;
  const links = panel(page).getByRole('link');
  const expected = expectedLinks(title, url);
  await expect(links).toHaveText(expected.map(([name]) => name));
  for (const [index, [, href]] of expected.entries()) {
    await expect(links.nth(index)).toHaveAttribute('href', href);
  }
  await expect(panel(page).getByRole('textbox', { name: 'Link to this release' })).toHaveValue(url);
  expect(seen.filter((url) => /share/.test(url)).map((url) => new URL(url).pathname)).toEqual(['/share.js', '/share/text.json']);
  expect(seen.filter((url) => new URL(url).origin !== new URL(baseURL!).origin), 'no request to another host').toEqual([]);
});

test('following a network\'s link opens it in a new tab with the release, and the release stays', async ({ page, request, baseURL, browserName }) => {
  test.skip(browserName === 'webkit', 'the WebDriver adapter (support/webkit.ts) cannot follow a new tab');
  const title = (await release(request, SLUG)).listing.title;
  const asked = await networksAnswer(page);
  await page.goto(`releases/${SLUG}/`);
  await openShare(page);
  expect(asked, 'nothing asked of a network before the click').toEqual([]);
  const opened = page.waitForEvent('popup');
  await panel(page).getByRole('link', { name: 'Bluesky (opens in a new tab)' }).click();
  const tab = await opened;
  await tab.waitForLoadState();
  const url = new URL(`releases/${SLUG}/`, baseURL).href;
  expect(tab.url()).toBe(`https://bsky.app/intent/compose?text=${encodeURIComponent(`${title} ${url}`)}`);
  expect(asked).toEqual([tab.url()]);
  expect(await tab.evaluate(() => document.referrer), 'the network is not told where the reader came from').toBe('');
  await expect(await heading(page)).toHaveText(title);
});

test('Copy link puts the release\'s address on the clipboard and says so, on screen and to screen readers', async ({ page, baseURL, browserName }) => {
  if (browserName === 'chromium') await page.context().grantPermissions(['clipboard-read', 'clipboard-write']);
  await page.goto(`releases/${SLUG}/`);
  await openShare(page);
  await panel(page).getByRole('button', { name: 'Copy link' }).click();
  await expect(panel(page).getByRole('status')).toHaveText('Link copied.');
  if (browserName === 'chromium') {
    expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(new URL(`releases/${SLUG}/`, baseURL).href);
  }
});

test('where the clipboard refuses, Copy link selects the address for the keyboard and says how to copy it', async ({ page, baseURL }) => {
  await page.addInitScript(() => {
    Object.defineProperty(Navigator.prototype, 'clipboard', { get: () => undefined });
  });
  await page.goto(`releases/${SLUG}/`);
  await openShare(page);
  await panel(page).getByRole('button', { name: 'Copy link' }).click();
  await expect(panel(page).getByRole('status')).toHaveText('Copying did not work here. The link is selected: copy it with your keyboard or the menu.');
  const address = panel(page).getByRole('textbox', { name: 'Link to this release' });
  await expect(address).toBeFocused();
  const url = new URL(`releases/${SLUG}/`, baseURL).href;
  expect(await address.evaluate((input: HTMLInputElement) => input.value.slice(input.selectionStart!, input.selectionEnd!))).toBe(url);
});

test('a Mastodon server typed as a name, an address or a handle receives the share, and is kept for next time', async ({ page, request, baseURL, browserName }) => {
  test.skip(browserName === 'webkit', 'the WebDriver adapter (support/webkit.ts) cannot follow a new tab');
  const title = (await release(request, SLUG)).listing.title;
  const asked = await networksAnswer(page);
  const url = new URL(`releases/${SLUG}/`, baseURL).href;
  const server = panel(page).getByRole('textbox', { name: 'Your Mastodon server' });
  await page.goto(`releases/${SLUG}/`);
  for (const typed of ['social.example.org', ' https://Social.Example.org/@someone ', '@someone@social.example.org']) {
    await openShare(page);
    await server.fill(typed);
    const opened = page.waitForEvent('popup');
    await panel(page).getByRole('button', { name: 'Share on Mastodon (opens in a new tab)' }).click();
    const tab = await opened;
    await tab.waitForLoadState();
    expect(tab.url(), typed).toBe(`https://social.example.org/share?text=${encodeURIComponent(`${title}\n\n${url}`)}`);
    await tab.close();
    await page.reload();
    await heading(page);
  }
  expect(asked).toHaveLength(3);
  await openShare(page);
  await expect(server).toHaveValue('social.example.org');
});

test('a Mastodon server that is not a host name over https is refused with a message, and nothing opens', async ({ page }) => {
  const asked: string[] = [];
  page.on('request', (request: Request) => {
    if (!request.url().startsWith('http://127.0.0.1')) asked.push(request.url());
  });
  await page.goto(`releases/${SLUG}/`);
  await openShare(page);
  const server = panel(page).getByRole('textbox', { name: 'Your Mastodon server' });
  for (const typed of ['', 'javascript:alert(1)', 'http://social.example.org', 'https://user:pass@social.example.org', 'social.example.org:8443', 'social', 'evil.example/"><img src=x>', '[::1]', 'x'.repeat(600) + '.org']) {
    await server.fill(typed);
    await panel(page).getByRole('button', { name: 'Share on Mastodon (opens in a new tab)' }).click();
    await expect(panel(page).locator('#share-mastodon-error')).toHaveText('Enter a Mastodon server, such as mastodon.social.');
    await expect(server).toHaveAttribute('aria-invalid', 'true');
    await expect(server).toBeFocused();
  }
  await expect(panel(page).locator('img')).toHaveCount(0);
  expect(asked).toEqual([]);
});

test('a Uyghur release\'s panel speaks Uyghur, right to left, with the address left to right', async ({ page, request, baseURL }) => {
  const slug = 'statement-on-forced-returns-ug';
  const title = (await release(request, slug)).listing.title;
  await page.goto(`releases/${slug}/`);
  await expect(summary(page)).toHaveText('بۇ باياناتنى ھەمبەھرلەش');
  await summary(page).click();
  await expect(panel(page).getByRole('button', { name: 'ئۇلانمىنى كۆچۈرۈش' })).toBeVisible();
  await expect(panel(page).getByRole('link').first()).toHaveText('ئېلخەت');
  expect(await panel(page).evaluate((element) => getComputedStyle(element).direction)).toBe('rtl');
  const address = panel(page).getByRole('textbox', { name: 'بۇ باياناتنىڭ ئۇلانمىسى' });
  await expect(address).toHaveValue(new URL(`releases/${slug}/`, baseURL).href);
  expect(await address.evaluate((element) => getComputedStyle(element).direction)).toBe('ltr');
  const url = new URL(`releases/${slug}/`, baseURL).href;
  await expect(panel(page).getByRole('link', { name: /^Telegram/ })).toHaveAttribute('href', `https://t.me/share/url?url=${encodeURIComponent(url)}&text=${encodeURIComponent(title)}`);
});

test('after moving to another release, its panel shares that release', async ({ page, request, baseURL }) => {
  const first = await release(request, SLUG);
  const other = first.previous ?? first.next;
  await page.goto(`releases/${SLUG}/`);
  await openShare(page);
  await page.getByRole('link', { name: new RegExp(other!.title.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')) }).first().click();
  await expect(await heading(page)).toHaveText(other!.title);
  await expect(page.locator('details.share')).not.toHaveAttribute('open', /.*/);
  await openShare(page);
  await expect(panel(page).getByRole('textbox', { name: 'Link to this release' })).toHaveValue(new URL(`releases/${other!.slug}/`, baseURL).href);
  await expect(panel(page).getByRole('link', { name: 'Facebook (opens in a new tab)' })).toHaveAttribute(
    'href',
    `https://www.facebook.com/sharer/sharer.php?u=${encodeURIComponent(new URL(`releases/${other!.slug}/`, baseURL).href)}`,
  );
});

test('words of the panel altered on the host are shown as text, and a missing language falls back to English', async ({ page }) => {
  const markup = `<img src=x onerror="window.pwned = 'share'">`;
  await page.route('**/share/text.json', async (route) => {
    const response = await route.fetch();
    const words = await response.json();
    words.en.copy = markup;
    delete words.ug;
    await route.fulfill({ response, json: words });
  });
  await page.goto(`releases/${SLUG}/`);
  await summary(page).click();
  await expect(panel(page).getByRole('button', { name: markup })).toBeVisible();
  await expect(panel(page).locator('img')).toHaveCount(0);
  expect(await page.evaluate(() => (window as unknown as { pwned?: unknown }).pwned)).toBeUndefined();
  await page.goto('releases/statement-on-forced-returns-ug/');
  await summary(page).click();
  await expect(panel(page).getByRole('link').first()).toHaveText('Email');
});

test.describe('without JavaScript', () => {
  test.use({ javaScriptEnabled: false });

  test('the share disclosure opens and says what sharing needs and where the address is', async ({ page }) => {
    await page.goto(`releases/${SLUG}/`);
    await summary(page).click();
    // Inside a <noscript>, whose text Playwright's text matchers skip: the paragraph's own.
    await expect(panel(page).locator('p')).toHaveText("Sharing needs JavaScript, which is off here. The address of this release is in your browser's address bar.");
  });
});
