import { test as base, expect, type APIRequestContext, type Browser, type BrowserContext, type Locator, type Page } from '@playwright/test';
import { WebKitDriverServer, WebKitPage } from './webkit';
import { firefoxContext } from './firefox';

/** What the content build wrote, read over HTTP like the app reads it. */
export type ReleaseSummary = { slug: string; title: string; published: string; dateline: string; summary: string; language: string; tags: { name: string; slug: string }[] };
export type IndexPage = { page: number; pages: number; total: number; tag: string | null; releases: ReleaseSummary[] };
export type Release = { listing: ReleaseSummary; contact: { name: string } | null; previous: { slug: string; title: string } | null; next: { slug: string; title: string } | null };
export type Site = { name: string; campaigns: { id: string; headline: string; starts: string; ends: string; tax_note: string | null }[] };

export async function indexPage(request: APIRequestContext, page = 1, base = '/'): Promise<IndexPage> {
  return (await request.get(`${base}data/index/${page}.json`)).json();
}

/** Every published release, newest first, read page by page as the archive does. */
export async function allPublished(request: APIRequestContext, base = '/'): Promise<ReleaseSummary[]> {
  const first = await indexPage(request, 1, base);
  const rest = await Promise.all(Array.from({ length: first.pages - 1 }, (_, i) => indexPage(request, i + 2, base)));
  return [first, ...rest].flatMap((page) => page.releases);
}

export async function release(request: APIRequestContext, slug: string): Promise<Release> {
  return (await request.get(`/data/releases/${slug}.json`)).json();
}

export async function site(request: APIRequestContext): Promise<Site> {
  return (await request.get('/data/site.json')).json();
}

/** The page is shown once the app has put an h1 in <main>. */
export async function heading(page: Page) {
  const h1 = page.locator('main h1');
  await expect(h1).toHaveCount(1);
  return h1;
}

/**
 * Follows a link as a screen reader's virtual cursor does: a click, with no pointer over
 * the link and no focus on it before, so the app fetched nothing ahead of it.
 */
export async function activateUnannounced(link: Locator) {
  await link.dispatchEvent('click');
}

/** Marks the document, so a test can tell a client-side navigation from a reload. */
export async function markDocument(page: Page) {
  await page.evaluate(() => ((window as unknown as { testMark: string }).testMark = 'same document'));
}

export async function isSameDocument(page: Page) {
  return page.evaluate(() => (window as unknown as { testMark?: string }).testMark === 'same document');
}

export async function focusedElement(page: Page) {
  return page.evaluate(() => {
    const element = document.activeElement;
    return element ? { tag: element.tagName.toLowerCase(), id: element.id, text: (element.textContent ?? '').trim() } : null;
  });
}

/**
 * The app starts once a pre-rendered page has loaded and painted (the content build's
 * boot_script.rs), and sets `window.wasmBindings` when it has taken the page over. Until
 * then a click is a plain page load, which is what a reader gets too, but not what most
 * tests are about: so `goto` and `reload` wait for the app on pages that have it.
 * Tests of a page whose app must not start say so with `test.use({ appStarts: false })`.
 */
export async function appStarted(page: Page) {
  await page.waitForFunction(() => !document.querySelector('script[type="importmap"]') || 'wasmBindings' in window);
}

// Every test fails if the app panics or throws: bad input must never kill the page.
// Failed resource loads are expected (the tests provoke them), so only those are allowed.
// It fails too on anything the Content-Security-Policy blocks (the test server sends the
// site's own `_headers`, and every page carries the policy): what works in a test then
// works under the policy as shipped. A test that provokes an error on purpose takes it
// out of `pageErrors` after checking it.
// In WebKit the page is support/webkit.ts's WebDriver adapter: the `browser` and `context`
// fixtures below then open nothing (Playwright cannot launch Debian's WebKit), and
// `context` is created through Playwright's own factory only in the other engines.
export const test = base.extend<{ pageErrors: string[]; appStarts: boolean; tabsToLinks: boolean }, { webKitDriver: WebKitDriverServer | undefined }>({
  appStarts: [true, { option: true }],
  // Whether Tab reaches links; off is Safari's default (only WebKit can turn it off here).
  tabsToLinks: [true, { option: true }],
  webKitDriver: [
    async ({ browserName }, use) => {
      if (browserName !== 'webkit') return use(undefined);
      const server = await WebKitDriverServer.start();
      await use(server);
      server.stop();
    },
    { scope: 'worker' },
  ],
  browser: [
    async ({ playwright, browserName, _browserOptions }, use) => {
      if (browserName === 'webkit') return use(undefined as unknown as Browser);
      void _browserOptions; // sets the launch options that launch() below uses
      const browser = await playwright[browserName].launch();
      await use(browser);
      await browser.close();
    },
    { scope: 'worker', timeout: 0 },
  ],
  context: async ({ browserName, _contextFactory, launchOptions, playwright, _combinedContextOptions }, use) => {
    if (browserName === 'webkit') {
      // What tests ask of the context (its cookies), answered by the page, which comes later.
      const pages: WebKitPage[] = [];
      return use({ pages, cookies: () => pages[0].context().cookies() } as unknown as BrowserContext);
    }
    const { context, close } = await _contextFactory();
    // Firefox ignores some context options over WebDriver BiDi: support/firefox.ts.
    await firefoxContext({ context, browserName, launchOptions, playwright, _combinedContextOptions }, use);
    await close();
  },
  page: async ({ browserName, context, appStarts, javaScriptEnabled, baseURL, colorScheme, reducedMotion, viewport, tabsToLinks, webKitDriver }, use) => {
    if (browserName === 'webkit') {
      const page = await WebKitPage.open(webKitDriver!, { baseURL: baseURL!, javaScriptEnabled: javaScriptEnabled !== false, colorScheme: colorScheme ?? null, reducedMotion: reducedMotion === 'reduce', viewport, tabsToLinks });
      if (appStarts && javaScriptEnabled !== false) page.waitForAppAfterLoads();
      (context as unknown as { pages: WebKitPage[] }).pages.push(page);
      await use(page as unknown as Page);
      await page.close();
      return;
    }
    const page = await context.newPage();
    if (appStarts && javaScriptEnabled !== false) {
      const goto = page.goto.bind(page);
      const reload = page.reload.bind(page);
      page.goto = async (...args: Parameters<Page['goto']>) => {
        const response = await goto(...args);
        await appStarted(page);
        return response;
      };
      page.reload = async (...args: Parameters<Page['reload']>) => {
        const response = await reload(...args);
        await appStarted(page);
        return response;
      };
    }
    await use(page);
  },
  pageErrors: [
    async ({ page, browserName }, use) => {
      const errors: string[] = [];
      if (browserName === 'webkit') {
        await use(errors);
        errors.push(...(await (page as unknown as WebKitPage).collectedErrors()));
        expect(errors, 'errors in the browser console').toEqual([]);
        return;
      }
      await page.addInitScript(() => {
        document.addEventListener('securitypolicyviolation', (event) => {
          console.error(`Content-Security-Policy violation: ${event.violatedDirective} blocked ${event.blockedURI || 'inline'} ${event.sample}`);
        });
      });
      page.on('pageerror', (error) => errors.push(`uncaught: ${error.message}`));
      page.on('console', (message) => {
        if (message.type() === 'error' && !message.text().startsWith('Failed to load resource')) {
          errors.push(`console: ${message.text()}`);
        }
      });
      await use(errors);
      expect(errors, 'errors in the browser console').toEqual([]);
    },
    { auto: true },
  ],
});

export { expect };
