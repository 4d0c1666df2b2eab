import { test, expect, heading, indexPage, release, markDocument, isSameDocument, focusedElement } from './support/fixtures';

const SITE_NAME = 'Sample Rights Campaign Newsroom';

test('home lists the newest releases, newest first, with their dates and datelines', async ({ page, request }) => {
  const index = await indexPage(request);
  await page.goto('./');
  await expect(await heading(page)).toHaveText('Latest releases');
  const titles = page.locator('.release-list__title');
  await expect(titles).toHaveText(index.releases.map((r) => r.title));
  const first = page.locator('.release-list__item').first();
  await expect(first.locator('time')).toHaveAttribute('datetime', index.releases[0].published);
  await expect(first).toContainText(index.releases[0].dateline);
  await expect(page).toHaveTitle(`Latest releases – ${SITE_NAME}`);
});

test('moving between the list, releases and their neighbours never reloads the page', async ({ page, request }) => {
  const index = await indexPage(request);
  const newest = index.releases[0];
  await page.goto('./');
  await heading(page);
  await markDocument(page);

  await page.getByRole('link', { name: newest.title }).click();
  await expect(page).toHaveURL(new RegExp(`/releases/${newest.slug}/$`));
  await expect(await heading(page)).toHaveText(newest.title);

  const older = (await release(request, newest.slug)).previous!;
  await page.getByRole('navigation', { name: 'More releases' }).getByRole('link', { name: /Older release/ }).click();
  await expect(page).toHaveURL(new RegExp(`/releases/${older.slug}/$`));
  await expect(await heading(page)).toHaveText(older.title);

  await page.getByRole('navigation', { name: 'More releases' }).getByRole('link', { name: /Newer release/ }).click();
  await expect(await heading(page)).toHaveText(newest.title);

  await page.getByRole('navigation', { name: 'Newsroom' }).getByRole('link', { name: 'Latest' }).click();
  await expect(await heading(page)).toHaveText('Latest releases');
  expect(await isSameDocument(page)).toBe(true);
});

test('each navigation sets the title, moves focus to the new h1 and announces the page', async ({ page, request }) => {
  const newest = (await indexPage(request)).releases[0];
  await page.goto('./');
  await heading(page);
  await page.getByRole('link', { name: newest.title }).click();
  await expect(page).toHaveTitle(`${newest.title} – ${SITE_NAME}`);
  await expect(page.locator('main h1')).toBeFocused();
  await expect(page.getByRole('status').filter({ hasText: newest.title })).toHaveCount(1);
  await expect(page.locator('#announcer')).toHaveText(newest.title);

  await page.goBack();
  await expect(page).toHaveTitle(`Latest releases – ${SITE_NAME}`);
  await expect(page.locator('main h1')).toBeFocused();
  await expect(page.locator('#announcer')).toHaveText('Latest releases');
});

test('back and forward restore where the reader was on each page', async ({ page, request }) => {
  const index = await indexPage(request);
  await page.setViewportSize({ width: 800, height: 600 });
  await page.goto('./');
  await heading(page);
  const target = index.releases[6];
  const link = page.getByRole('link', { name: target.title });
  // Centred: Playwright's click in Firefox centres the link it clicks, even one in view,
  // so the reader's position at the click is this one in every engine.
  await link.evaluate((element) => element.scrollIntoView({ block: 'center' }));
  const listScroll = await page.evaluate(() => window.scrollY);
  expect(listScroll).toBeGreaterThan(300);

  await link.click();
  await expect(await heading(page)).toHaveText(target.title);
  expect(await page.evaluate(() => window.scrollY)).toBe(0);
  await page.evaluate(() => window.scrollTo(0, 450));
  // The app keeps the position in the history entry a moment after scrolling stops.
  await expect.poll(() => page.evaluate(() => (history.state as { scrollY?: number } | null)?.scrollY)).toBe(450);

  await page.goBack();
  await expect(await heading(page)).toHaveText('Latest releases');
  await expect.poll(() => page.evaluate(() => window.scrollY)).toBe(listScroll);

  await page.goForward();
  await expect(await heading(page)).toHaveText(target.title);
  await expect.poll(() => page.evaluate(() => window.scrollY)).toBe(450);
});

test('deep links and reloads open the right page on a static host', async ({ page, request }) => {
  const target = (await indexPage(request)).releases[3];
  const response = await page.goto(`releases/${target.slug}/`);
  expect(response?.status(), 'every release has its own pre-rendered file').toBe(200);
  await expect(await heading(page)).toHaveText(target.title);
  await page.reload();
  await expect(await heading(page)).toHaveText(target.title);
  await page.goto('archive/page/2/');
  await expect(await heading(page)).toHaveText('Archive, page 2 of 2');
});

test('the archive is paged, newest first', async ({ page, request }) => {
  const [first, second] = [await indexPage(request, 1), await indexPage(request, 2)];
  await page.goto('./');
  await page.getByRole('navigation', { name: 'Newsroom' }).getByRole('link', { name: 'Archive' }).click();
  await expect(await heading(page)).toHaveText('Archive, page 1 of 2');
  await expect(page.locator('.release-list__title')).toHaveText(first.releases.map((r) => r.title));
  await page.getByRole('navigation', { name: 'Pages' }).getByRole('link', { name: 'Older releases' }).click();
  await expect(page).toHaveURL(/\/archive\/page\/2\/$/);
  await expect(await heading(page)).toHaveText('Archive, page 2 of 2');
  await expect(page.locator('.release-list__title')).toHaveText(second.releases.map((r) => r.title));
  await expect(page.getByRole('navigation', { name: 'Newsroom' }).getByRole('link', { name: 'Archive' })).toHaveAttribute('aria-current', 'page');
});

test('a release links to its topics, and a topic lists its releases', async ({ page, request }) => {
  const newest = (await indexPage(request)).releases[0];
  const tag = newest.tags[0];
  const tagged = (await (await request.get(`/data/tags/${tag.slug}/1.json`)).json()) as { releases: { title: string }[] };
  await page.goto(`releases/${newest.slug}/`);
  await page.getByRole('region', { name: 'Topics' }).getByRole('link', { name: tag.name }).click();
  await expect(page).toHaveURL(new RegExp(`/tags/${tag.slug}/$`));
  await expect(await heading(page)).toHaveText(`Releases tagged “${tag.name}”`);
  await expect(page.locator('.release-list__title')).toHaveText(tagged.releases.map((r) => r.title));
});

test('pointing at a link fetches its page ahead: the click, back and forward then need no request', async ({ page, request }) => {
  const newest = (await indexPage(request)).releases[0];
  const fetched: string[] = [];
  page.on('request', (r) => r.url().includes('/data/') && fetched.push(new URL(r.url()).pathname));
  await page.goto('./');
  await heading(page);
  const link = page.getByRole('link', { name: newest.title });
  const arrived = page.waitForResponse((r) => r.url().endsWith(`/data/releases/${newest.slug}.json`));
  await link.hover();
  await (await arrived).finished();
  expect(fetched, 'the home page carries its own data; pointing fetched the release').toEqual([`/data/releases/${newest.slug}.json`]);
  await link.click();
  await expect(await heading(page)).toHaveText(newest.title);
  await page.goBack();
  await expect(await heading(page)).toHaveText('Latest releases');
  await page.goForward();
  await expect(await heading(page)).toHaveText(newest.title);
  expect(fetched, 'nothing was fetched again').toEqual([`/data/releases/${newest.slug}.json`]);
});

test('a link reached with the keyboard is fetched ahead too, but not when the reader asks to save data', async ({ page, request }) => {
  const [newest, second] = (await indexPage(request)).releases;
  const fetched: string[] = [];
  page.on('request', (r) => r.url().includes('/data/') && fetched.push(new URL(r.url()).pathname));
  await page.goto('./');
  await heading(page);
  await page.getByRole('link', { name: newest.title }).focus();
  await expect.poll(() => fetched).toEqual([`/data/releases/${newest.slug}.json`]);

  // Chromium's data saver (and the Save-Data setting of some browsers) shows here.
  await page.addInitScript(() => Object.defineProperty(navigator, 'connection', { value: { saveData: true } }));
  await page.reload();
  await heading(page);
  fetched.length = 0;
  await page.getByRole('link', { name: second.title }).hover();
  await page.getByRole('link', { name: second.title }).focus();
  await page.getByRole('navigation', { name: 'Newsroom' }).getByRole('link', { name: 'Archive' }).hover();
  await page.getByRole('link', { name: second.title }).click();
  await expect(await heading(page)).toHaveText(second.title);
  expect(fetched, 'only the page the reader opened').toEqual([`/data/releases/${second.slug}.json`]);
});

test('a fetch still under way is aborted when the reader moves on', async ({ page, request, browserName }) => {
  const slow = (await indexPage(request)).releases[2];
  await page.route(`**/data/releases/${slow.slug}.json`, async (route) => {
    await new Promise((resolve) => setTimeout(resolve, 3_000));
    await route.continue().catch(() => undefined);
  });
  await page.goto('./');
  await heading(page);
  const aborted = page.waitForEvent('requestfailed', (r) => r.url().endsWith(`${slow.slug}.json`));
  await page.getByRole('link', { name: slow.title }).click();
  await page.getByRole('navigation', { name: 'Newsroom' }).getByRole('link', { name: 'Archive' }).click();
  // Each engine's word for a request the page cancelled; in WebKit, the test proxy's
  // (support/webkit.ts), which sees the browser close the connection.
  const cancelled = { chromium: 'net::ERR_ABORTED', firefox: 'NS_BINDING_ABORTED', webkit: 'closed by the browser before the reply' }[browserName];
  expect((await aborted).failure()?.errorText).toBe(cancelled);
  await expect(await heading(page)).toHaveText('Archive, page 1 of 2');
});

test('a slow page says it is loading after 200 ms; a quicker one never flashes the message', async ({ page, request }) => {
  const [quick, slow] = (await indexPage(request)).releases;
  await page.addInitScript(() => {
    new MutationObserver(() => {
      if (document.querySelector('.load-state--loading')) (window as unknown as { sawLoading: boolean }).sawLoading = true;
    }).observe(document, { childList: true, subtree: true });
  });
  // The page's clock stands still unless the test moves it, so "quick" does not depend
  // on how busy the machine is: only the app's own 200 ms wait decides.
  await page.clock.install({ time: new Date('2026-12-01T12:00:00') });
  await page.goto('./');
  await heading(page);
  await page.clock.pauseAt(new Date('2026-12-01T12:00:10'));
  await page.getByRole('link', { name: quick.title }).click();
  await expect(await heading(page)).toHaveText(quick.title);
  expect(await page.evaluate(() => (window as unknown as { sawLoading?: boolean }).sawLoading ?? false)).toBe(false);

  await page.route(`**/data/releases/${slow.slug}.json`, async (route) => {
    await new Promise((resolve) => setTimeout(resolve, 1_500));
    await route.continue();
  });
  await page.goBack();
  await expect(await heading(page)).toHaveText('Latest releases');
  await page.getByRole('link', { name: slow.title }).click();
  await page.clock.runFor(150);
  await expect(page.getByText('Loading…')).toHaveCount(0);
  await page.clock.runFor(100);
  await expect(page.getByRole('status').filter({ hasText: 'Loading…' })).toBeVisible();
  await expect(await heading(page)).toHaveText(slow.title);
  await expect(page.getByText('Loading…')).toHaveCount(0);
});

test('links to other sites are left to the browser', async ({ page }) => {
  await page.clock.setFixedTime(new Date('2026-12-01T12:00:00'));
  await page.goto('./');
  await heading(page);
  await page.evaluate(() =>
    window.addEventListener('click', (event) => {
      (window as unknown as { leftToBrowser: boolean }).leftToBrowser = !event.defaultPrevented;
      event.preventDefault(); // keep the test on this page
    }),
  );
  await page.getByRole('link', { name: 'Donate to the winter appeal' }).click();
  expect(await page.evaluate(() => (window as unknown as { leftToBrowser?: boolean }).leftToBrowser)).toBe(true);
});

test('the app works deployed under a sub-path', async ({ page, request }) => {
  const index = await indexPage(request, 1, '/newsroom/');
  const target = index.releases[1];
  await page.goto('/newsroom/');
  await expect(await heading(page)).toHaveText('Latest releases');
  await markDocument(page);
  const link = page.getByRole('link', { name: target.title });
  await expect(link).toHaveAttribute('href', `/newsroom/releases/${target.slug}/`);
  await link.click();
  await expect(page).toHaveURL(new RegExp(`/newsroom/releases/${target.slug}/$`));
  await expect(await heading(page)).toHaveText(target.title);
  expect(await isSameDocument(page)).toBe(true);
  await page.reload();
  await expect(await heading(page)).toHaveText(target.title);

  // An author's link to another release, written for the root of the host, follows the site.
  await page.goto('/newsroom/releases/statement-on-forced-returns-ug/');
  await heading(page);
  await markDocument(page);
  await page.locator('.release__body').getByRole('link').first().click();
  await expect(page).toHaveURL(/\/newsroom\/releases\/statement-on-forced-returns\/$/);
  await expect(page.locator('main h1')).toHaveText('Statement: no one should be forcibly returned to face detention');
  expect(await isSameDocument(page)).toBe(true);

  await page.goto('/newsroom/no-such-page/');
  await expect(await heading(page)).toHaveText('Page not found');
});

test('focus after a link lands on the new heading, so the next Tab continues in the content', async ({ page, request }) => {
  const newest = (await indexPage(request)).releases[0];
  await page.goto('./');
  await heading(page);
  await page.getByRole('link', { name: newest.title }).focus();
  await page.keyboard.press('Enter');
  await expect(page.locator('main h1')).toBeFocused();
  await page.keyboard.press('Tab');
  const next = await focusedElement(page);
  expect(['a', 'summary'], 'a link, or the share disclosure under the title').toContain(next?.tag);
  expect(await page.evaluate(() => document.querySelector('main')!.contains(document.activeElement))).toBe(true);
});

test('the archive links to each year, and a year lists only its releases', async ({ page, request }) => {
  const site = (await (await request.get('/data/site.json')).json()) as { archive_years: number[] };
  const year = site.archive_years[1];
  const listed = ((await (await request.get(`/data/years/${year}/1.json`)).json()) as { releases: { title: string; published: string }[] }).releases;
  await page.goto('archive/');
  await page.getByRole('navigation', { name: 'Releases by year' }).getByRole('link', { name: String(year) }).click();
  await expect(page).toHaveURL(new RegExp(`/archive/${year}/$`));
  await expect(await heading(page)).toHaveText(`Releases from ${year}`);
  await expect(page.locator('.release-list__title')).toHaveText(listed.map((r) => r.title));
  expect(listed.every((r) => r.published.startsWith(String(year)))).toBe(true);
  await expect(page.getByRole('navigation', { name: 'Newsroom' }).getByRole('link', { name: 'Archive' })).toHaveAttribute('aria-current', 'page');
});

test('an address with no file gets 404.html, which is the app: not found, and routing on from there', async ({ page }) => {
  const response = await page.goto('no/such/release/');
  expect(response?.status()).toBe(404);
  await expect(await heading(page)).toHaveText('Page not found');
  await markDocument(page);
  await page.getByRole('main').getByRole('link', { name: 'Latest releases' }).click();
  await expect(await heading(page)).toHaveText('Latest releases');
  expect(await isSameDocument(page)).toBe(true);
});
