import { test, expect, activateUnannounced, heading, indexPage, release } from './support/fixtures';

const FAILED = 'This page could not be loaded';

// Every page arrives pre-rendered with its own data, so fetches (and their failures)
// happen when the reader moves on inside the app: these tests click their way there.
async function followLatest(page: import('@playwright/test').Page) {
  await page.getByRole('navigation', { name: 'Newsroom' }).getByRole('link', { name: 'Latest' }).click();
}

test('a network failure explains itself, and Retry loads the page', async ({ page, request }) => {
  const index = await indexPage(request);
  await page.goto(`releases/${index.releases[0].slug}/`);
  await heading(page);
  await page.route('**/data/index/1.json', (route) => route.abort('internetdisconnected'));
  await followLatest(page);
  await expect(await heading(page)).toHaveText(FAILED);
  await expect(page.getByRole('main')).toContainText('could not be reached');
  await expect(page).toHaveTitle(/^This page could not be loaded/);
  await expect(page.getByRole('link', { name: 'Back to the latest releases' })).toBeVisible();

  await page.unroute('**/data/index/1.json');
  await page.getByRole('button', { name: 'Retry' }).click();
  await expect(await heading(page)).toHaveText('Latest releases');
  await expect(page.locator('.release-list__title').first()).toHaveText(index.releases[0].title);
  await expect(page.locator('main h1'), 'focus follows the content that replaced the button').toBeFocused();
});

test('a server error says so, with its status, and Retry tries again', async ({ page, request }) => {
  const target = (await indexPage(request)).releases[0];
  let attempts = 0;
  await page.route(`**/data/releases/${target.slug}.json`, (route) => {
    attempts += 1;
    return attempts === 1 ? route.fulfill({ status: 503, body: 'unavailable' }) : route.continue();
  });
  await page.goto('./');
  await heading(page);
  // Pointing at the link first would fetch it ahead, and use up the failure.
  await activateUnannounced(page.getByRole('link', { name: target.title }));
  await expect(await heading(page)).toHaveText(FAILED);
  await expect(page.getByRole('main')).toContainText('error 503');
  await page.getByRole('button', { name: 'Retry' }).click();
  await expect(await heading(page)).toHaveText(target.title);
  expect(attempts).toBe(2);
});

for (const [name, body] of [
  ['JSON that does not parse', '{"page": 1, "releases": ['],
  ['JSON of the wrong shape', '{"hello": "world"}'],
  ['an empty file', ''],
] as const) {
  test(`${name} gives a clear message instead of a broken page`, async ({ page }) => {
    await page.goto('archive/page/2/');
    await heading(page);
    await page.route('**/data/index/1.json', (route) => route.fulfill({ status: 200, contentType: 'application/json', body }));
    await followLatest(page);
    await expect(await heading(page)).toHaveText(FAILED);
    await expect(page.getByRole('main')).toContainText('arrived damaged');
    await expect(page.getByRole('button', { name: 'Retry' })).toBeVisible();
  });
}

test('an unknown release shows the not-found page, with a way back', async ({ page }) => {
  await page.goto('releases/no-such-release/');
  await expect(await heading(page)).toHaveText('Page not found');
  await expect(page).toHaveTitle('Page not found – Sample Rights Campaign Newsroom');
  await page.getByRole('main').getByRole('link', { name: 'Latest releases' }).click();
  await expect(await heading(page)).toHaveText('Latest releases');
});

test('an unknown address and a page past the end of the archive are not found', async ({ page }) => {
  for (const path of ['no/such/page', 'archive/page/99/', 'releases/UPPER/', 'tags/no-such-topic/']) {
    await page.goto(path);
    await expect(await heading(page), path).toHaveText('Page not found');
  }
});

test('a host that answers a missing file with an HTML page still gets not found', async ({ page }) => {
  await page.route('**/data/releases/missing.json', (route) => route.fulfill({ status: 200, contentType: 'text/html', body: '<!doctype html><p>SPA fallback</p>' }));
  await page.goto('releases/missing/');
  await expect(await heading(page)).toHaveText('Page not found');
});

test('with every data request failing, the site around the error is still there', async ({ page }) => {
  await page.clock.setFixedTime(new Date('2026-12-01T12:00:00'));
  await page.route('**/data/**', (route) => route.abort('internetdisconnected'));
  await page.goto('archive/page/2/');
  await heading(page);
  await followLatest(page);
  await expect(await heading(page)).toHaveText(FAILED);
  await expect(page.getByRole('banner')).toContainText('Sample Rights Campaign Newsroom');
  await expect(page.getByRole('contentinfo')).toContainText('press@example.org');
  await expect(page.getByRole('region', { name: 'Stand with families searching for their relatives' })).toBeVisible();
});

test('site settings that are missing from the page leave a working newsroom', async ({ page, request }) => {
  const target = (await indexPage(request)).releases[0];
  await page.route(/\/releases\/[^/]+\/$/, async (route) => {
    const response = await route.fetch();
    const html = (await response.text()).replace(/<script type="application\/json" id="site-data">.*?<\/script>/, '');
    await route.fulfill({ response, body: html });
  });
  const warnings: string[] = [];
  page.on('console', (message) => message.type() === 'warning' && warnings.push(message.text()));
  await page.goto(`releases/${target.slug}/`);
  await expect(await heading(page)).toHaveText(target.title);
  expect(warnings.join('\n')).toContain('no valid site data');
});

test('hostile text in content is shown as text and never runs', async ({ page, request }) => {
  const target = (await indexPage(request)).releases[0];
  const real = await release(request, target.slug);
  const hostile = {
    ...real,
    listing: { ...real.listing, title: '<img src=x onerror="window.pwned=1">Title' },
    body: [
      { paragraph: [{ text: '<script>window.pwned = 2</script>' }] },
      { paragraph: [{ link: { href: 'javascript:window.pwned=3', content: [{ text: 'click me' }] } }] },
      { paragraph: [{ link: { href: ' JaVaScRiPt:window.pwned=4', content: [{ text: 'or me' }] } }] },
      { image: { src: 'javascript:window.pwned=5', alt: 'an image', caption: null, widths: [], formats: [] } },
    ],
  };
  let dialogs = 0;
  page.on('dialog', (dialog) => ((dialogs += 1), dialog.dismiss()));
  await page.route(`**/data/releases/${target.slug}.json`, (route) => route.fulfill({ json: hostile }));
  await page.goto('./');
  await heading(page);
  await page.getByRole('link', { name: target.title }).click();
  await expect(await heading(page)).toHaveText('<img src=x onerror="window.pwned=1">Title');
  await expect(page.getByRole('main')).toContainText('<script>window.pwned = 2</script>');
  await expect(page.getByRole('link', { name: 'click me' })).toHaveCount(0);
  await expect(page.getByRole('link', { name: 'or me' })).toHaveCount(0);
  await expect(page.getByText('click me')).toBeVisible();
  await expect(page.locator('main script, main img[src^="x"], main [onerror]')).toHaveCount(0);
  await page.getByText('click me').click();
  expect(await page.evaluate(() => (window as unknown as { pwned?: number }).pwned)).toBeUndefined();
  expect(dialogs).toBe(0);
  // The image the hostile JSON names is never requested: the app shows its alt text
  // instead (and the fixture fails on any policy violation, which a request would be).
  await expect(page.getByRole('main').getByRole('img')).toHaveCount(0);
  await expect(page.getByRole('main')).toContainText('an image');
});

test('a reply of the wrong shape is not kept: Retry asks the host again and shows the page', async ({ page, request }) => {
  const target = (await indexPage(request)).releases[0];
  let requests = 0;
  await page.route(`**/data/releases/${target.slug}.json`, (route) => {
    requests += 1;
    return requests === 1 ? route.fulfill({ status: 200, contentType: 'application/json', body: '{"hello": "world"}' }) : route.continue();
  });
  await page.goto('./');
  await heading(page);
  await activateUnannounced(page.getByRole('link', { name: target.title }));
  await expect(await heading(page)).toHaveText(FAILED);
  await expect(page.getByRole('main')).toContainText('arrived damaged');
  await page.getByRole('button', { name: 'Retry' }).click();
  await expect(await heading(page)).toHaveText(target.title);
  expect(requests).toBe(2);
  await page.goBack();
  await heading(page);
  await page.goForward();
  await expect(await heading(page)).toHaveText(target.title);
  expect(requests, 'the page that decoded is kept').toBe(2);
});

/** Serves the pages `url` matches with `json` as the data they carry, as a file altered on the host would. */
async function servedWithPageData(page: import('@playwright/test').Page, url: string | RegExp, json: string) {
  await page.route(url, async (route) => {
    const response = await route.fetch();
    const html = (await response.text()).replace(/(<script type="application\/json" id="page-data"[^>]*>).*?(<\/script>)/s, (_, open, close) => open + json.replace(/</g, '\\u003c') + close);
    await route.fulfill({ response, body: html });
  });
}

test('a pre-rendered page whose embedded data is damaged fetches its data instead', async ({ page, request }) => {
  const target = (await indexPage(request)).releases[0];
  await servedWithPageData(page, /\/releases\/[^/]+\/$/, '{"hello": "world"}');
  const fetched: string[] = [];
  page.on('request', (r) => r.url().includes('/data/') && fetched.push(new URL(r.url()).pathname));
  await page.goto(`releases/${target.slug}/`);
  await expect(await heading(page)).toHaveText(target.title);
  await expect(page.getByRole('main')).toContainText(target.summary);
  expect(fetched).toEqual([`/data/releases/${target.slug}.json`]);
});

test('a pre-rendered page that carries another release as its data shows its own release, fetched', async ({ page, request }) => {
  const [target, other] = (await indexPage(request)).releases;
  const otherJson = await (await request.get(`data/releases/${other.slug}.json`)).text();
  await servedWithPageData(page, `**/releases/${target.slug}/`, otherJson);
  const fetched: string[] = [];
  page.on('request', (r) => r.url().includes('/data/') && fetched.push(new URL(r.url()).pathname));
  await page.goto(`releases/${target.slug}/`);
  await expect(await heading(page)).toHaveText(target.title);
  await expect(page.getByRole('main')).toContainText(target.summary);
  await expect(page.getByRole('main')).not.toContainText(other.summary);
  expect(fetched).toEqual([`/data/releases/${target.slug}.json`]);
});
