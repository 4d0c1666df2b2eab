import { execFileSync } from 'node:child_process';
import { test, expect, allPublished, release, type ReleaseSummary } from './support/fixtures';

const ORIGIN = 'https://newsroom.example.org';
const UNPUBLISHED = ['sample-draft-hearing-testimony', 'sample-embargoed-annual-report'];

type ParsedFeed = {
  bozo: boolean;
  bozo_exception: string;
  version: string;
  title: string;
  language: string;
  self: string;
  entries: { id: string; title: string; link: string; published: string; summary: string; content: string; content_type: string; tags: string[] }[];
};

function readFeed(url: string): ParsedFeed {
  return JSON.parse(execFileSync('.venv/bin/python', ['tests/feed/read_feed.py', url], { encoding: 'utf8' }));
}

test('a feed reader reads the Atom feed: titles, links, dates and full text', { tag: '@no-browser' }, async ({ baseURL, request }) => {
  const published = await allPublished(request);
  const feed = readFeed(`${baseURL}feed.xml`);
  expect(feed.bozo, feed.bozo_exception).toBe(false);
  expect(feed.version).toBe('atom10');
  expect(feed.title).toBe('Sample Rights Campaign Newsroom');
  expect(feed.self).toBe(`${ORIGIN}/feed.xml`);
  expect(feed.entries.map((entry) => entry.title)).toEqual(published.slice(0, 20).map((r) => r.title));
  const newest = published[0];
  const entry = feed.entries[0];
  expect(entry.link).toBe(`${ORIGIN}/releases/${newest.slug}/`);
  expect(new Date(entry.published).toISOString()).toBe(new Date(newest.published).toISOString());
  expect(entry.summary).toContain(newest.summary);
  expect(entry.tags).toEqual(newest.tags.map((tag) => tag.name));
  expect(entry.content_type).toBe('text/html');
  const body = (await release(request, newest.slug)).body as { paragraph?: { text?: string }[] }[];
  const lastParagraph = body.filter((block) => block.paragraph).at(-1)!.paragraph!.map((inline) => inline.text ?? '').join('');
  expect(entry.content).toContain(lastParagraph);
  expect(entry.content).toContain('<li>');
  expect(entry.content).not.toContain('<!>');
});

test('there is a feed per language, and pages point feed readers to the feed', async ({ page, baseURL }) => {
  const english = readFeed(`${baseURL}feeds/en.xml`);
  expect(english.bozo, english.bozo_exception).toBe(false);
  expect(english.language).toBe('en');
  expect(english.entries.length).toBeGreaterThan(0);
  await page.goto('./');
  const feeds = page.locator('link[rel="alternate"][type="application/atom+xml"]');
  await expect(feeds.first()).toHaveAttribute('href', 'feed.xml');
  await expect(feeds.nth(1)).toHaveAttribute('href', 'https://newsroom.example.org/feeds/en.xml');
});

/** Every topic of the published releases, by slug, with its name. */
function topicsOf(published: ReleaseSummary[]): Map<string, string> {
  return new Map(published.flatMap((release) => release.tags.map((tag) => [tag.slug, tag.name] as const)));
}

test('a feed reader reads a feed for every topic, each with exactly that topic\'s releases', { tag: '@no-browser' }, async ({ baseURL, request }) => {
  const published = await allPublished(request);
  const topics = topicsOf(published);
  expect(topics.size, 'the sample content has several topics').toBeGreaterThan(3);
  for (const [slug, name] of topics) {
    const feed = readFeed(`${baseURL}feeds/topics/${slug}.xml`);
    expect(feed.bozo, `${slug}: ${feed.bozo_exception}`).toBe(false);
    expect(feed.version).toBe('atom10');
    expect(feed.title).toBe(`Sample Rights Campaign Newsroom: ${name}`);
    expect(feed.self).toBe(`${ORIGIN}/feeds/topics/${slug}.xml`);
    const tagged = published.filter((release) => release.tags.some((tag) => tag.slug === slug));
    expect(feed.entries.map((entry) => entry.title)).toEqual(tagged.slice(0, 20).map((release) => release.title));
  }
});

test('a topic\'s pages name its feed to feed readers and show it, and the link opens the feed itself', async ({ page, request }) => {
  const [slug, name] = [...topicsOf(await allPublished(request))][0];
  await page.goto(`tags/${slug}/`);
  await expect(page.locator(`head link[rel="alternate"][type="application/atom+xml"][href="${ORIGIN}/feeds/topics/${slug}.xml"]`)).toHaveAttribute('title', `Sample Rights Campaign Newsroom: ${name}`);
  const follow = page.getByRole('link', { name: 'Follow this list: Atom feed' });
  await expect(follow).toHaveAttribute('href', `/feeds/topics/${slug}.xml`);
  // The app takes links to its pages; this one is a file, left to the browser. A
  // listener after the app's sees whether the app took the click, then stops it.
  const takenByApp = await follow.evaluate((link) => {
    let taken = false;
    window.addEventListener('click', (event) => {
      taken = event.defaultPrevented;
      event.preventDefault();
    }, { once: true });
    link.click();
    return taken;
  });
  expect(takenByApp).toBe(false);
  const atom = await request.get(`/feeds/topics/${slug}.xml`);
  expect(atom.headers()['content-type']).toContain('xml');

  await page.getByRole('link', { name: 'Latest', exact: true }).click();
  await expect(page.getByRole('link', { name: 'Follow this list: Atom feed' })).toHaveAttribute('href', '/feed.xml');
});

test('the sitemap lists exactly the published releases', { tag: '@no-browser' }, async ({ request }) => {
  const published = await allPublished(request);
  const sitemap = await (await request.get('/sitemap.xml')).text();
  const releases = [...sitemap.matchAll(/<loc>([^<]*\/releases\/[^<]*)<\/loc>/g)].map((match) => match[1]);
  expect(releases.sort()).toEqual(published.map((r) => `${ORIGIN}/releases/${r.slug}/`).sort());
  const robots = await (await request.get('/robots.txt')).text();
  expect(robots).toContain(`Sitemap: ${ORIGIN}/sitemap.xml`);
});

test('drafts and embargoed releases are in no list, feed, sitemap or file', async ({ page, request, baseURL }) => {
  const published = await allPublished(request);
  const everything = [
    JSON.stringify(published),
    await (await request.get('/sitemap.xml')).text(),
    await (await request.get('/feed.xml')).text(),
    await (await request.get('/data/tags/advocacy/1.json')).text(),
  ].join('\n');
  for (const slug of UNPUBLISHED) {
    expect(everything).not.toContain(slug);
    expect((await request.get(`/data/releases/${slug}.json`)).status()).toBe(404);
    await page.goto(`${baseURL}releases/${slug}/`);
    await expect(page.locator('main h1')).toHaveText('Page not found');
  }
});

test('under a sub-path, feed and sitemap addresses include it', { tag: '@no-browser' }, async ({ baseURL, request }) => {
  const feed = readFeed(`${baseURL}newsroom/feed.xml`);
  expect(feed.bozo, feed.bozo_exception).toBe(false);
  expect(feed.entries[0].link).toMatch(new RegExp(`^${ORIGIN}/newsroom/releases/`));
  const sitemap = await (await request.get('/newsroom/sitemap.xml')).text();
  expect(sitemap).toContain(`<loc>${ORIGIN}/newsroom/</loc>`);
});

test('addresses in the full text are absolute, for readers that show it away from the site', { tag: '@no-browser' }, async ({ request }) => {
  // Read raw: feedparser would resolve relative addresses itself, which many readers do not.
  const feed = await (await request.get('/newsroom/feed.xml')).text();
  expect(feed).toContain(`href=&quot;${ORIGIN}/newsroom/releases/statement-on-forced-returns/&quot;`);
  // The image's widest fallback copy, and its original to download.
  expect(feed).toMatch(new RegExp(`src=&quot;${ORIGIN}/newsroom/images/sample-vigil-illustration-[0-9a-f]{10}-1200\\.png&quot;`));
  expect(feed).toContain(`href=&quot;${ORIGIN}/newsroom/media/sample-vigil-illustration.png&quot;`);
  expect(feed).not.toMatch(/(href|src|srcset)=&quot;(\/|media\/|images\/)/);
});
