import { execFileSync } from 'node:child_process';
import { readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import ogs from 'open-graph-scraper';
import { test, expect, allPublished, heading, indexPage, release, site } from './support/fixtures';

const ORIGIN = 'https://newsroom.example.org';
const SITE_NAME = 'Sample Rights Campaign Newsroom';

function htmlFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? htmlFiles(path) : name.endsWith('.html') ? [path] : [];
  });
}

test('a link-preview parser reads every release from its raw HTML, without running script', { tag: '@no-browser' }, async ({ request }) => {
  for (const summary of await allPublished(request)) {
    const html = await (await request.get(`/releases/${summary.slug}/`)).text();
    const { result } = await ogs({ html });
    const url = `${ORIGIN}/releases/${summary.slug}/`;
    expect(result.ogTitle).toBe(`${summary.title} – ${SITE_NAME}`);
    expect(result.ogDescription).toBe(summary.summary);
    expect(result.ogUrl).toBe(url);
    expect(result.ogType).toBe('article');
    expect(result.twitterCard).toMatch(/^summary/);
    const full = await release(request, summary.slug);
    const image = (full as unknown as { image: { src: string; alt: string } | null }).image;
    if (image) {
      // The 1200×630 card the content build made from it (images.spec.ts checks its size).
      expect(result.ogImage?.[0]?.url).toMatch(new RegExp(`^${ORIGIN}/images/[a-z0-9-]+-card\\.jpg$`));
      expect(result.twitterCard).toBe('summary_large_image');
    }
    expect(html).toContain(`<link rel="canonical" href="${url}">`);
    expect(html).toContain(`<html lang="${summary.language}" dir="${summary.language === 'ug' ? 'rtl' : 'ltr'}">`);

    const ld = JSON.parse(html.match(/<script type="application\/ld\+json">(.*?)<\/script>/)![1]);
    expect(ld['@type']).toBe('NewsArticle');
    expect(ld.headline).toBe(summary.title);
    expect(ld.datePublished).toBe(summary.published);
    expect(ld.inLanguage).toBe(summary.language);
    expect(ld.publisher.name).toBe(SITE_NAME);
    expect(ld.mainEntityOfPage).toBe(url);
    if (image) expect(ld.image).toEqual([result.ogImage?.[0]?.url]);
  }
});

test('at least one sample release has an image, so previews with images are checked', { tag: '@no-browser' }, async ({ request }) => {
  const withImage = [];
  for (const summary of await allPublished(request)) {
    if ((await release(request, summary.slug) as unknown as { image: unknown }).image) withImage.push(summary.slug);
  }
  expect(withImage.length).toBeGreaterThan(0);
});

test('the W3C Nu HTML checker finds no errors in any generated page', { tag: '@no-browser' }, async () => {
  const pages = [...htmlFiles('dist'), ...htmlFiles('target/dist-subpath')];
  expect(pages.length).toBeGreaterThan(30);
  const report = execFileSync('java', ['-jar', 'node_modules/vnu-jar/build/dist/vnu.jar', '--errors-only', '--format', 'json', '--exit-zero-always', ...pages], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
  const messages = (JSON.parse(report || '{"messages":[]}').messages as { url: string; message: string; lastLine: number }[]).map((m) => `${m.url}:${m.lastLine}: ${m.message}`);
  expect(messages).toEqual([]);
});

test('under a sub-path every address in the raw HTML includes it, links written in content too', { tag: '@no-browser' }, async ({ request }) => {
  const releases = await allPublished(request, '/newsroom/');
  const paths = ['/newsroom/', '/newsroom/archive/', ...releases.map((summary) => `/newsroom/releases/${summary.slug}/`)];
  let siteLinksInBodies = 0;
  for (const path of paths) {
    const html = await (await request.get(path)).text();
    expect(html).toContain(`<link rel="canonical" href="${ORIGIN}${path}">`);
    const hrefs = [...html.matchAll(/<a [^>]*href="([^"]*)"/g)].map((match) => match[1]);
    expect(hrefs.length).toBeGreaterThan(5);
    // An image's original (`media/…`) is relative, as images are: `<base>` names the sub-path.
    for (const href of hrefs) expect(href, `a link in ${path}`).toMatch(/^(\/newsroom\/|https:\/\/|mailto:|tel:|media\/)/);
    const body = html.match(/<div class="release__body"[\s\S]*?<\/div>/)?.[0] ?? '';
    siteLinksInBodies += [...body.matchAll(/href="\/newsroom\//g)].length;
    for (const src of html.matchAll(/<img [^>]*src="([^"]*)"/g)) expect(src[1], `an image in ${path}`).toMatch(/^(media\/|images\/|https:\/\/)/);
  }
  expect(siteLinksInBodies, 'the sample content links from one release to another').toBeGreaterThan(0);
});

test.describe('without JavaScript', () => {
  test.use({ javaScriptEnabled: false });

  test('a release is readable and links lead from release to release', async ({ page, request }) => {
    const newest = (await indexPage(request)).releases[0];
    const older = (await release(request, newest.slug)).previous!;
    await page.goto(`releases/${newest.slug}/`);
    await expect(page.locator('main h1')).toHaveText(newest.title);
    await expect(page.locator('.release__body p').first()).toBeVisible();
    await expect(page.locator('.release__body')).toContainText('spokesperson');
    await page.getByRole('navigation', { name: 'More releases' }).getByRole('link', { name: /Older release/ }).click();
    await expect(page).toHaveURL(new RegExp(`/releases/${older.slug}/$`));
    await expect(page.locator('main h1')).toHaveText(older.title);
    await page.getByRole('navigation', { name: 'Newsroom' }).getByRole('link', { name: 'Archive' }).click();
    await expect(page.locator('main h1')).toHaveText('Archive, page 1 of 2');
    await page.getByRole('link', { name: 'Older releases' }).click();
    await expect(page.locator('main h1')).toHaveText('Archive, page 2 of 2');
  });

  test('skip link, back-to-top and the donation appeal work as plain links', async ({ page, request }) => {
    const newest = (await indexPage(request)).releases[0];
    await page.goto(`releases/${newest.slug}/`);
    await expect(page.getByRole('link', { name: 'Skip to main content' })).toHaveAttribute('href', `/releases/${newest.slug}/#main`);
    const backToTop = page.getByRole('link', { name: 'Back to top' });
    await expect(backToTop).toHaveAttribute('href', `/releases/${newest.slug}/#top`);
    await page.evaluate(() => window.scrollTo(0, document.body.scrollHeight));
    await backToTop.click();
    await expect(page).toHaveURL(new RegExp(`/releases/${newest.slug}/#top$`));
    await expect.poll(() => page.evaluate(() => window.scrollY)).toBe(0);

    // The page shows the appeal of the day it was built, which is today in a test run.
    const today = new Date().toISOString().slice(0, 10);
    const running = (await site(request)).campaigns.find((c) => c.starts <= today && today <= c.ends);
    const appeal = page.locator('.donation-banner__action');
    if (running) await expect(appeal).toHaveAttribute('href', /^https:\/\//);
    else await expect(appeal).toHaveCount(0);
  });
});

test('with JavaScript the app takes the page over without a visible change or layout shift', async ({ page, request }) => {
  const [newest, next] = (await indexPage(request)).releases;
  await page.addInitScript(() => {
    const record = window as unknown as {
      shift: number;
      takenOver: boolean;
      prerenderedText: string;
      prerenderedBoxes: string[];
      boxesInMain: () => string[];
      textShownWithScript: (node: Node) => string;
    };
    record.shift = 0;
    // A <noscript> is for readers without script: with script it is never shown, and the
    // app does not draw it.
    record.textShownWithScript = (node) => {
      const copy = node.cloneNode(true) as Element;
      for (const hidden of copy.querySelectorAll('noscript')) hidden.remove();
      return copy.textContent ?? '';
    };
    record.boxesInMain = () =>
      [...document.querySelectorAll('main *:not(noscript)')].map((element) => {
        const box = element.getBoundingClientRect();
        return `${element.tagName} ${box.x},${box.y} ${box.width}x${box.height}`;
      });
    // Where Chromium measures layout shift; Firefox has no such entries, so the boxes of
    // what <main> shows are compared too, as pre-rendered (at load) and as the app drew them.
    if (PerformanceObserver.supportedEntryTypes.includes('layout-shift')) {
      new PerformanceObserver((list) => {
        for (const entry of list.getEntries() as unknown as { value: number; hadRecentInput: boolean }[]) {
          if (!entry.hadRecentInput) record.shift += entry.value;
        }
      }).observe({ type: 'layout-shift', buffered: true });
    }
    addEventListener('load', () => (record.prerenderedBoxes = record.boxesInMain()));
    new MutationObserver((mutations) => {
      for (const mutation of mutations) {
        for (const node of mutation.removedNodes) {
          if (node.nodeName === 'MAIN') {
            record.takenOver = true;
            record.prerenderedText = record.textShownWithScript(node);
          }
        }
      }
    }).observe(document, { childList: true, subtree: true });
  });
  await page.goto(`releases/${newest.slug}/`);
  await expect.poll(() => page.evaluate(() => (window as unknown as { takenOver?: boolean }).takenOver)).toBe(true);
  await page.waitForTimeout(500);
  const state = await page.evaluate(() => ({
    shift: (window as unknown as { shift: number }).shift,
    prerendered: (window as unknown as { prerenderedText: string }).prerenderedText,
    now: (window as unknown as { textShownWithScript: (node: Node) => string }).textShownWithScript(document.querySelector('main')!),
    prerenderedBoxes: (window as unknown as { prerenderedBoxes: string[] }).prerenderedBoxes,
    boxes: (window as unknown as { boxesInMain: () => string[] }).boxesInMain(),
  }));
  expect(state.shift, 'cumulative layout shift').toBe(0);
  expect(state.now, 'the app renders exactly what was pre-rendered').toBe(state.prerendered);
  expect(state.prerenderedBoxes.length, 'the pre-rendered boxes were measured').toBeGreaterThan(10);
  expect(state.boxes, 'every element of <main> where it was pre-rendered').toEqual(state.prerenderedBoxes);

  await page.evaluate(() => ((window as unknown as { testMark: string }).testMark = 'same document'));
  await page.getByRole('navigation', { name: 'Newsroom' }).getByRole('link', { name: 'Latest' }).click();
  await page.getByRole('link', { name: next.title }).click();
  await expect(await heading(page)).toHaveText(next.title);
  expect(await page.evaluate(() => (window as unknown as { testMark?: string }).testMark)).toBe('same document');
});

test('a page loads one stylesheet, not one per component, and is styled by it', async ({ page }) => {
  const stylesheets: string[] = [];
  page.on('request', (request) => {
    if (request.resourceType() === 'stylesheet') stylesheets.push(request.url());
  });
  for (const path of ['/', '/newsroom/releases/winter-appeal-launch/']) {
    stylesheets.length = 0;
    await page.goto(path);
    await heading(page);
    expect(stylesheets, `stylesheets requested by ${path}`).toHaveLength(1);
    // Styled: the skip link waits above the page until it is focused.
    const skipLink = page.getByRole('link', { name: 'Skip to main content' });
    expect((await skipLink.boundingBox())!.y).toBeLessThan(0);
  }
});
