import { test, expect, appStarted, indexPage } from './support/fixtures';

// The pre-rendered page is all a reader needs to read; the app is fetched once it has
// loaded and painted, and takes over without the reader losing their place
// (crates/content-build/src/boot_script.rs, start_in_browser in src/lib.rs).

test('nothing of the app is fetched before the page has loaded: no preload, and its files start after the load event', async ({ page, request }) => {
  const newest = (await indexPage(request)).releases[0];
  const html = await (await request.get(`releases/${newest.slug}/`)).text();
  expect(html).not.toMatch(/<link rel="(module)?preload"/);
  await page.goto(`releases/${newest.slug}/`);
  const timing = await page.evaluate(() => {
    const [navigation] = performance.getEntriesByType('navigation') as PerformanceNavigationTiming[];
    const app = performance.getEntriesByType('resource').filter((entry) => /\/newsroom-[0-9a-f]+(_bg\.wasm|\.js)$/.test(entry.name));
    return { load: navigation.loadEventStart, appStarts: app.map((entry) => entry.startTime) };
  });
  expect(timing.appStarts, 'the glue and the WebAssembly were fetched').toHaveLength(2);
  // From the load event's start: the boot script may start the glue from its own `load`
  // listener, and Firefox then stamps the fetch before the event's end (Chromium after it).
  for (const start of timing.appStarts) expect(start).toBeGreaterThanOrEqual(timing.load);
});

test.describe('a reader who moved before the app arrived', () => {
  test.use({ appStarts: false, viewport: { width: 800, height: 500 } });

  test('keeps their scroll position and the link they tabbed to when the app takes over', async ({ page, request }) => {
    const newest = (await indexPage(request)).releases[0];
    // The WebAssembly is held back until the reader has scrolled and tabbed, as on a slow network.
    let release!: () => void;
    const held = new Promise<void>((resolve) => (release = resolve));
    await page.route(/_bg\.wasm$/, async (route) => {
      await held;
      await route.continue();
    });
    await page.goto(`releases/${newest.slug}/`);
    // Tabbing to a link far down the page scrolls it into view.
    const link = page.getByRole('navigation', { name: 'More releases' }).getByRole('link').first();
    await link.focus();
    const linkText = (await link.textContent())!.trim();
    const scrollY = await page.evaluate(() => window.scrollY);
    expect(scrollY, 'the page scrolled down to the link').toBeGreaterThan(0);
    await page.evaluate(() => document.querySelector('main')!.setAttribute('data-test-prerendered', ''));

    release();
    await appStarted(page);
    await expect(page.locator('main[data-test-prerendered]'), 'the app drew the page again').toHaveCount(0);
    await expect(page.locator('main h1')).toHaveText(newest.title);
    expect(await page.evaluate(() => window.scrollY), 'the scroll position').toBe(scrollY);
    const focused = await page.evaluate(() => ({ tag: document.activeElement?.tagName, text: document.activeElement?.textContent?.trim() }));
    expect(focused, 'the focused link, drawn again by the app').toEqual({ tag: 'A', text: linkText });
  });
});
