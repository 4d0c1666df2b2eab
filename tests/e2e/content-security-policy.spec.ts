import { createHash } from 'node:crypto';
import type { Page, Route } from '@playwright/test';
import { test, expect, heading, indexPage, isSameDocument, markDocument } from './support/fixtures';

// The policy itself is enforced in every test (the fixture fails on any violation);
// these check that it is the policy meant, and that the integrity it relies on holds.

const MEDIA_POLICY = "default-src 'none'; style-src 'unsafe-inline'; sandbox";

function sha(algorithm: 'sha256' | 'sha384', contents: string | Buffer) {
  return `${algorithm}-${createHash(algorithm).update(contents).digest('base64')}`;
}

/** The text of every inline script a browser would run: all but JSON data blocks. */
function executableInlineScripts(html: string) {
  return [...html.matchAll(/<script([^>]*)>([\s\S]*?)<\/script>/g)]
    .filter(([, attributes]) => !/\ssrc=/.test(attributes) && !/type="application\/(ld\+)?json"/.test(attributes))
    .map(([, , text]) => text);
}

function scriptSources(policy: string) {
  const directive = policy.split(/;\s*/).find((d) => d.startsWith('script-src '));
  return directive!.split(' ').slice(1);
}

function metaPolicy(html: string) {
  return html.match(/<meta http-equiv="Content-Security-Policy" content="([^"]*)">/)![1].replaceAll('&amp;', '&');
}

/** The errors a test provoked on purpose, taken out of the fixture's list once seen. */
function takeExpected(pageErrors: string[], pattern: RegExp) {
  const expected = pageErrors.filter((error) => pattern.test(error));
  pageErrors.splice(0, pageErrors.length, ...pageErrors.filter((error) => !pattern.test(error)));
  return expected;
}

/**
 * Serves every file whose address matches with `addition` at its end, as an attacker on
 * the host would: still a file that works (a comment, an extra WebAssembly section), so
 * only its integrity can stop it.
 */
async function serveAltered(page: Page, pattern: RegExp, addition: Buffer) {
  const altered: string[] = [];
  await page.route(pattern, async (route: Route) => {
    const response = await route.fetch();
    altered.push(route.request().url());
    await route.fulfill({ response, body: Buffer.concat([await response.body(), addition]) });
  });
  return altered;
}

const COMMENT = Buffer.from('\n/* altered */\n');
/** A custom section named `altered`, which any WebAssembly engine skips. */
const WASM_SECTION = Buffer.from([0, 8, 7, ...Buffer.from('altered')]);
/** What Chromium says when it refuses a file for its integrity (a link's, or a fetch's). */
const CHROMIUM_INTEGRITY_FAILURE = /Failed to find a valid digest in the 'integrity' attribute|SRI's integrity checks failed/;
/** What Firefox says for the same, as an uncaught error, for the file at `file`. */
const firefoxIntegrityFailure = (file: string) =>
  new RegExp(`^uncaught: None of the “sha384” hashes in the integrity attribute match the content of the subresource at “${file}”\\. The computed hash is “[A-Za-z0-9+/]+=*”\\.$`);
const INTEGRITY_FAILURE = new RegExp(`${CHROMIUM_INTEGRITY_FAILURE.source}|${firefoxIntegrityFailure('\\S+').source}`);

type Engine = 'chromium' | 'firefox' | 'webkit';
/**
 * What an engine says in its console, by engine. WebKit says these things only in its
 * own console, which its WebDriver cannot read (support/webkit.ts): there a test checks
 * what follows from them, which it checks in every engine too.
 */
function said<T>(by: Record<Engine, T | null>): T | null {
  return by[test.info().project.use.browserName as Engine];
}

for (const base of ['/', '/newsroom/']) {
  test(`at ${base} the policy allows exactly the inline scripts each page has, in its meta tag and in its header`, async ({ page, request }) => {
    const newest = (await indexPage(request, 1, base)).releases[0];
    for (const path of [base, `${base}releases/${newest.slug}/`, `${base}no/such/page`]) {
      const response = await request.get(path);
      const html = await response.text();
      const header = response.headers()['content-security-policy'];
      const meta = metaPolicy(html);
      const scripts = executableInlineScripts(html);
      expect(scripts.some((script) => script.includes('await import(')), `${path} has the boot script`).toBe(true);
      expect(scripts.some((script) => script.includes('"integrity"')), `${path} has the import map`).toBe(true);
      const hashes = scripts.map((script) => `'${sha('sha256', script)}'`);
      for (const policy of [meta, header]) {
        const sources = scriptSources(policy);
        expect(sources.filter((source) => source.startsWith("'sha256-")).sort(), `the hashes in the policy of ${path}`).toEqual([...new Set(hashes)].sort());
        expect(sources).toEqual(expect.arrayContaining(["'self'", "'wasm-unsafe-eval'"]));
        expect(sources).not.toContain("'unsafe-inline'");
        expect(sources).not.toContain("'unsafe-eval'");
        expect(policy).toMatch(/^default-src 'none'; /);
      }
      expect(header, 'the header adds what a meta tag cannot carry').toBe(`${meta}; frame-ancestors 'none'`);
      expect(html.indexOf('http-equiv="Content-Security-Policy"'), 'the policy comes before the first script and the base element').toBeLessThan(Math.min(html.indexOf('<script'), html.indexOf('<base')));
    }

    // And the browser agrees: the app starts, and the fixture saw no violation.
    await page.goto(`${base}releases/${newest.slug}/`);
    await expect.poll(() => page.evaluate(() => 'wasmBindings' in window), 'the app started').toBe(true);
    await markDocument(page);
    await page.getByRole('navigation', { name: 'Newsroom' }).getByRole('link', { name: 'Archive' }).click();
    await expect(await heading(page)).toHaveText('Archive, page 1 of 2');
    expect(await isSameDocument(page), 'the app, not the browser, loaded the archive').toBe(true);
  });
}

const GLUE_REFUSED = /Failed to find a valid digest in the 'integrity' attribute for resource '\S+\/newsroom-[0-9a-f]+\.js'/;
const STAYS_READABLE = 'does not run: the page stays readable and its links load pages';
// Each engine's words for the refusal, and for the boot script's failure that follows it.
test.describe('files altered on the host', () => {
  test.use({ appStarts: false });
  for (const [title, pattern, addition, refusals, consequences] of [
    [
      `a WebAssembly file altered on the host ${STAYS_READABLE}`,
      /_bg\.wasm$/,
      WASM_SECTION,
      { chromium: /Fetch API cannot load \S+_bg\.wasm\. SRI's integrity checks failed/, firefox: firefoxIntegrityFailure('\\S+_bg\\.wasm'), webkit: null },
      { chromium: /^uncaught: Failed to fetch$/, firefox: /^uncaught: NetworkError when attempting to fetch resource\.$/, webkit: null },
    ],
    // Nothing preloads the glue: the import map's integrity alone refuses it.
    [
      `a JS glue file altered on the host ${STAYS_READABLE}`,
      /\/newsroom-[0-9a-f]+\.js$/,
      COMMENT,
      { chromium: GLUE_REFUSED, firefox: firefoxIntegrityFailure('\\S+/newsroom-[0-9a-f]+\\.js'), webkit: null },
      {
        chromium: /^uncaught: Failed to fetch dynamically imported module: \S+\/newsroom-[0-9a-f]+\.js$/,
        firefox: /^uncaught: error loading dynamically imported module: \S+\/newsroom-[0-9a-f]+\.js$/,
        webkit: null,
      },
    ],
  ] as const) {
    test(title, async ({ page, pageErrors, request }) => {
      const refusal = said(refusals);
      const consequence = said(consequences);
      const newest = (await indexPage(request)).releases[0];
      const altered = await serveAltered(page, pattern, addition);
      await page.goto(`releases/${newest.slug}/`);
      await expect(page.locator('main h1')).toHaveText(newest.title);
      if (refusal) {
        await expect.poll(() => pageErrors.some((error) => refusal.test(error)), 'the browser refused the file for its integrity').toBe(true);
        takeExpected(pageErrors, INTEGRITY_FAILURE);
      }
      if (consequence) await expect.poll(() => takeExpected(pageErrors, consequence).length, 'and said why the app did not start').toBeGreaterThan(0);
      expect(altered.length, 'the altered file was served').toBeGreaterThan(0);
      // Unaltered, it would run (a comment, a section engines skip): not starting is the refusal.
      await page.waitForTimeout(1_000);
      expect(await page.evaluate(() => 'wasmBindings' in window), 'the app did not start').toBe(false);
      await expect(page.locator('.release__body')).toContainText('spokesperson');

      await markDocument(page);
      await page.getByRole('navigation', { name: 'Newsroom' }).getByRole('link', { name: 'Archive' }).click();
      await expect(page.locator('main h1')).toHaveText('Archive, page 1 of 2');
      expect(await isSameDocument(page), 'the browser loaded the archive as a page').toBe(false);
      if (refusal) {
        await expect.poll(() => pageErrors.some((error) => refusal.test(error)), 'refused again on the next page').toBe(true);
        takeExpected(pageErrors, INTEGRITY_FAILURE);
      }
      if (consequence) await expect.poll(() => takeExpected(pageErrors, consequence).length).toBeGreaterThan(0);
      await page.waitForTimeout(1_000);
      expect(await page.evaluate(() => 'wasmBindings' in window)).toBe(false);
    });
  }
});

test('the joined stylesheet carries the integrity of its contents, and an altered one is not applied', async ({ page, pageErrors, request }) => {
  for (const base of ['/', '/newsroom/']) {
    const html = await (await request.get(base)).text();
    const [, href, integrity] = html.match(/<link rel="stylesheet" href="([^"]*)" integrity="([^"]*)">/)!;
    const css = await (await request.get(href)).body();
    expect(integrity, `the stylesheet of ${base}`).toBe(sha('sha384', css));
  }

  const skipLink = page.getByRole('link', { name: 'Skip to main content' });
  await page.goto('./');
  await heading(page);
  expect((await skipLink.boundingBox())!.y, 'styled: the skip link waits above the page').toBeLessThan(0);

  const altered = await serveAltered(page, /\/styles\/site-[0-9a-f]+\.css$/, COMMENT);
  await page.reload();
  await heading(page);
  const refusal = said({ chromium: INTEGRITY_FAILURE, firefox: INTEGRITY_FAILURE, webkit: null });
  if (refusal) await expect.poll(() => takeExpected(pageErrors, refusal).length, 'the browser said it refused the stylesheet').toBeGreaterThan(0);
  expect(altered.length).toBeGreaterThan(0);
  // Refused, it has no rules: Chromium and WebKit give the link no sheet, Firefox an empty one.
  const rules = await page.evaluate(() => document.querySelector<HTMLLinkElement>('link[rel="stylesheet"]')!.sheet?.cssRules.length ?? 0);
  expect(rules, 'the browser refused the stylesheet').toBe(0);
  expect((await skipLink.boundingBox())!.y, 'unstyled: the altered stylesheet was not applied').toBeGreaterThanOrEqual(0);
});

test('files under media/ are sent sandboxed, so one opened on its own runs nothing and has no origin', async ({ page, pageErrors, request, browserName }) => {
  for (const base of ['/', '/newsroom/']) {
    const response = await request.get(`${base}media/sample-vigil-illustration.png`);
    expect(response.status()).toBe(200);
    expect(response.headers()['content-security-policy'], `the policy of a file under ${base}media/`).toBe(MEDIA_POLICY);
    expect((await request.get(base)).headers()['content-security-policy']).not.toContain('sandbox');
  }
  await page.goto('media/sample-vigil-illustration.png');
  await expect(page.locator('img')).toBeVisible();
  expect(await page.evaluate(() => window.origin), 'a sandboxed document has an opaque origin').toBe('null');
  // Not even the script the test framework adds to every page may run there. Firefox
  // and WebKit's WebDriver run the framework's scripts with their own privileges, sandbox
  // or not, so they say nothing of it. Firefox asks for /favicon.ico for an image opened
  // on its own, which the file's policy refuses (reported by the framework's script and by
  // Firefox); WebKit asks for none.
  const blocked = said({ chromium: /Blocked script execution in '.*\/media\/sample-vigil-illustration\.png' because the document's frame is sandboxed/, firefox: null, webkit: null });
  if (blocked) expect(takeExpected(pageErrors, blocked).length).toBeGreaterThan(0);
  if (browserName === 'firefox') {
    expect(takeExpected(pageErrors, /^console: Content-Security-Policy violation: img-src blocked http:\/\/[^/]+\/favicon\.ico $/)).toHaveLength(1);
    expect(
      takeExpected(pageErrors, /^uncaught: The page’s settings blocked the loading of a resource \(img-src\) at http:\/\/[^/]+\/favicon\.ico because it violates the following directive: “default-src 'none'”$/),
    ).toHaveLength(1);
  }
});

test('pages are sent with headers against framing, sniffing, referrers and unused browser features', async ({ page, pageErrors, request }) => {
  for (const path of ['/', '/newsroom/', '/no/such/page']) {
    const headers = (await request.get(path)).headers();
    expect(headers['x-frame-options'], path).toBe('DENY');
    expect(headers['x-content-type-options']).toBe('nosniff');
    expect(headers['referrer-policy']).toBe('no-referrer');
    expect(headers['cross-origin-opener-policy']).toBe('same-origin');
    expect(headers['permissions-policy']).toMatch(/(^|, )camera=\(\)(, |$)/);
    expect(headers['permissions-policy']).toMatch(/(^|, )geolocation=\(\)(, |$)/);
  }
  // Another site cannot show the newsroom in a frame, to trick a reader into a click.
  const url = new URL('/', page.url() === 'about:blank' ? test.info().project.use.baseURL : page.url()).href;
  await page.setContent(`<iframe src="${url}" title="framed"></iframe>`);
  const refused = said({ chromium: /frame-ancestors|X-Frame-Options|refused/i, firefox: /frame-ancestors|X-Frame-Options|refused/i, webkit: null });
  if (refused) await expect.poll(() => takeExpected(pageErrors, refused).length, 'the browser refused to frame it').toBeGreaterThan(0);
  const framed = page.frames().find((frame) => frame !== page.mainFrame())!;
  await expect(framed.locator('main h1')).toHaveCount(0);
});
