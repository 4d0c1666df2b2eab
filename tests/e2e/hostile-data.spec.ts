import { test, expect, heading, indexPage, release, type Release } from './support/fixtures';
import type { Page, APIRequestContext } from '@playwright/test';

// Data files tampered with on the host, or written by a compromised account: what a
// reader sees must be inert text, no request may leave for a refused address, and
// damaged data must explain itself with Retry. The fixture fails every test on an
// uncaught error, so none of these may crash the app either.

const FAILED = 'This page could not be loaded';
type Json = Record<string, unknown>;

/** Opens the newest release through the app, with its JSON replaced by `reply`. */
async function openTampered(page: Page, request: APIRequestContext, reply: (real: Release & Json) => string | Json) {
  const target = (await indexPage(request)).releases[0];
  const real = (await release(request, target.slug)) as Release & Json;
  const body = reply(real);
  await page.route(`**/data/releases/${target.slug}.json`, (route) =>
    route.fulfill({ status: 200, contentType: 'application/json', body: typeof body === 'string' ? body : JSON.stringify(body) }),
  );
  await page.goto('./');
  await heading(page);
  await page.getByRole('link', { name: target.title }).click();
  return { target, real };
}

const text = (value: string) => ({ text: value });
const link = (href: string, label: string) => ({ link: { href, content: [text(label)] } });
const MARKUP = '<img src=x onerror="window.pwned=1"><script>window.pwned=2</script>';
const CONTROLS = '\u0000\u0007\u001b[31m\u200f\u202e';

test('markup and control characters in every text field are shown as text and never run', async ({ page, request }) => {
  const hostile = (field: string) => `${field} ${MARKUP}${CONTROLS}`;
  let dialogs = 0;
  page.on('dialog', (dialog) => ((dialogs += 1), dialog.dismiss()));
  await openTampered(page, request, (real) => ({
    ...real,
    listing: { ...(real.listing as Json), title: hostile('Title'), dateline: hostile('Dateline'), summary: hostile('Summary'), tags: [{ name: hostile('Tag'), slug: 'forced-labour' }] },
    body: [
      { paragraph: [text(hostile('Text')), { code: hostile('Code') }, { emphasis: [text(hostile('Emphasis'))] }] },
      { heading: { level: 2, content: [text(hostile('Heading'))] } },
      { quote: { content: [{ paragraph: [text(hostile('Quote'))] }], attribution: hostile('Attribution') } },
      { list: { ordered: false, items: [[text(hostile('Item'))]] } },
      { image: { src: 'images/none-0123456789-800.png', alt: hostile('Alt'), caption: hostile('Caption'), size: null, credit: hostile('Credit'), widths: [480, 800], formats: [hostile('avif'), 'png'], original: { href: 'media/none.png', details: hostile('Details') } } },
    ],
    translations: [{ slug: 'x', title: hostile('Translation'), language: 'tr' }],
    contact: { name: hostile('Contact'), role: hostile('Role'), email: null, phone: null },
    previous: { slug: 'older', title: hostile('Previous') },
    next: null,
  }));
  await expect(await heading(page)).toContainText('Title <img src=x onerror="window.pwned=1">');
  expect(await page.locator('main h1').evaluate((h1) => h1.textContent)).toBe(hostile('Title'));
  for (const field of ['Dateline', 'Summary', 'Tag', 'Text', 'Code', 'Emphasis', 'Heading', 'Quote', 'Attribution', 'Item', 'Caption', 'Credit', 'Details', 'Contact', 'Role', 'Previous']) {
    await expect(page.getByText(`${field} <img src=x onerror=`).first(), field).toBeVisible();
  }
  await expect(page.locator('img[src="x"], main script, [onerror]')).toHaveCount(0);
  expect(await page.evaluate(() => (window as unknown as { pwned?: number }).pwned)).toBeUndefined();
  expect(dialogs).toBe(0);
});

const REFUSED_LINKS = {
  'a script': 'javascript:window.pwned=1',
  'a script in mixed case after a space': ' JaVaScRiPt:window.pwned=2',
  'a script with a tab inside its scheme': 'java\tscript:window.pwned=3',
  'a script with a newline inside its scheme': 'java\nscript:window.pwned=4',
  'a script after a control character': '\u0001javascript:window.pwned=5',
  'a data address': 'data:text/html,<script>alert(1)</script>',
  'a backslash to another host': '/\\evil.example/',
  'a slash, tab and slash to another host': '/\t/evil.example/',
  'two slashes to another host': '//evil.example/',
  'two backslashes to another host': '\\\\evil.example/',
  'a file': 'file:///etc/passwd',
};
const ALLOWED_LINKS = { 'a web page': 'https://example.org/report', 'a page of this site': '/archive/', 'an e-mail address': 'mailto:press@example.org' };

test('links to scripts, disguised schemes and other hosts written as relative addresses are plain text', async ({ page, request }) => {
  const requests: string[] = [];
  page.on('request', (r) => requests.push(r.url()));
  const all = { ...REFUSED_LINKS, ...ALLOWED_LINKS };
  await openTampered(page, request, (real) => ({ ...real, body: Object.entries(all).map(([label, href]) => ({ paragraph: [link(href, label)] })) }));
  await heading(page);
  const body = page.locator('.release__body');
  for (const label of Object.keys(REFUSED_LINKS)) {
    await expect(body.getByText(label, { exact: true }), label).toBeVisible();
    await expect(body.getByRole('link', { name: label }), label).toHaveCount(0);
  }
  for (const [label, href] of Object.entries(ALLOWED_LINKS)) {
    await expect(body.getByRole('link', { name: label }), label).toHaveAttribute('href', href);
  }
  await body.getByText('a script', { exact: true }).click();
  await body.getByText('a backslash to another host').click();
  expect(await page.evaluate(() => (window as unknown as { pwned?: number }).pwned)).toBeUndefined();
  expect(requests.filter((url) => url.includes('evil.example'))).toEqual([]);
});

test('a contact e-mail or phone that is more than an address or a number is text, not a link', async ({ page, request }) => {
  await openTampered(page, request, (real) => ({ ...real, contact: { name: 'Press', role: null, email: 'press@example.org?bcc=all@evil.example', phone: '+1 555 0100;ext=9' } }));
  const contact = page.getByRole('region', { name: 'Media contact' });
  await expect(contact).toContainText('press@example.org?bcc=all@evil.example');
  await expect(contact).toContainText('+1 555 0100;ext=9');
  await expect(contact.getByRole('link')).toHaveCount(0);
});

test('images from other hosts or behind disguised addresses make no request and show their alt text', async ({ page, request }) => {
  const requests: string[] = [];
  page.on('request', (r) => requests.push(r.url()));
  const image = (src: string, alt: string) => ({ image: { src, alt, caption: null, size: null, widths: [], formats: [] } });
  await openTampered(page, request, (real) => ({
    ...real,
    image: { src: 'https://evil.example/tracker.png', alt: 'A lead image elsewhere', caption: null, size: null, widths: [], formats: [] },
    body: [
      image('https://evil.example/pixel.png', 'An image on another host'),
      image('http://evil.example/pixel.png', 'An image over plain http'),
      image('//evil.example/pixel.png', 'An image two slashes away'),
      image('/\\evil.example/pixel.png', 'An image behind a backslash'),
      image('data:image/svg+xml,<svg xmlns="http://www.w3.org/2000/svg"/>', 'An inline SVG'),
      image('javascript:window.pwned=1', 'A script as image'),
      image('media/sample-vigil-illustration.png', 'An image of this site'),
    ],
  }));
  await heading(page);
  for (const alt of ['A lead image elsewhere', 'An image on another host', 'An image over plain http', 'An image two slashes away', 'An image behind a backslash', 'An inline SVG', 'A script as image']) {
    await expect(page.getByText(alt, { exact: true }), alt).toBeVisible();
    await expect(page.getByRole('img', { name: alt }), alt).toHaveCount(0);
  }
  await expect(page.getByRole('img', { name: 'An image of this site' })).toHaveCount(1);
  expect(requests.filter((url) => !url.startsWith(new URL(page.url()).origin))).toEqual([]);
});

/** The release with its body replaced by `body`, written as JSON text. */
const withBody = (real: Json, body: string) => JSON.stringify({ ...real, body: [] }).replace('"body":[]', `"body":${body}`);
const emphasised = (levels: number) => '[{"paragraph":[' + '{"emphasis":['.repeat(levels) + '{"text":"deep"}' + ']}'.repeat(levels) + ']}]';
const quoted = (levels: number) => '[' + '{"quote":{"attribution":null,"content":['.repeat(levels) + '{"paragraph":[]}' + ']}}'.repeat(levels) + ']';

for (const [name, reply] of [
  ['JSON nested 100,000 levels deep', (real: Json) => withBody(real, emphasised(100_000))],
  ['quotes nested beyond the limit of 32', (real: Json) => withBody(real, quoted(40))],
  ['a reply of 3 MB', (real: Json) => withBody(real, JSON.stringify([{ paragraph: [text('x'.repeat(3 * 1024 * 1024))] }]))],
  ['a title that is a number', (real: Json) => ({ ...real, listing: { ...(real.listing as Json), title: 7 } })],
  ['a body that is an object', (real: Json) => ({ ...real, body: {} })],
  ['a heading level beyond any number', (real: Json) => withBody(real, '[{"heading":{"level":1e400,"content":[]}}]')],
  ['an image size beyond its type', (real: Json) => withBody(real, '[{"image":{"src":"media/a.png","alt":"a","caption":null,"size":[4294967296,-1]}}]')],
  ['a block of an unknown kind', (real: Json) => ({ ...real, body: [{ script: 'window.pwned=1' }] })],
  ['100,000 nested arrays instead of the release', () => '['.repeat(100_000) + ']'.repeat(100_000)],
] as const) {
  test(`${name} shows the damaged-data message with Retry`, async ({ page, request }) => {
    await openTampered(page, request, reply as (real: Json) => string | Json);
    await expect(await heading(page)).toHaveText(FAILED);
    await expect(page.getByRole('main')).toContainText('arrived damaged');
    await expect(page.getByRole('button', { name: 'Retry' })).toBeVisible();
  });
}

test('page counts at the edge of their type render without crashing', async ({ page, request }) => {
  const index = await indexPage(request, 2);
  await page.route('**/data/index/1.json', (route) => route.fulfill({ json: { ...index, page: 4294967295, pages: 4294967295, total: 4294967295 } }));
  await page.goto('archive/page/2/');
  await heading(page);
  await page.getByRole('navigation', { name: 'Newsroom' }).getByRole('link', { name: 'Archive' }).click();
  await expect(await heading(page)).toHaveText('Archive, page 4294967295 of 4294967295');
  await expect(page.getByRole('navigation', { name: 'Pages' }).getByRole('link', { name: 'Newer releases' })).toHaveAttribute('href', '/archive/page/4294967294/');
  await expect(page.getByRole('link', { name: 'Older releases' })).toHaveCount(0);
});

test('a page count beyond its type is damaged data', async ({ page, request }) => {
  const index = await indexPage(request, 2);
  await page.route('**/data/index/1.json', (route) => route.fulfill({ contentType: 'application/json', body: JSON.stringify(index).replace(/"pages":\d+/, '"pages":1e20') }));
  await page.goto('archive/page/2/');
  await heading(page);
  await page.getByRole('navigation', { name: 'Newsroom' }).getByRole('link', { name: 'Archive' }).click();
  await expect(await heading(page)).toHaveText(FAILED);
  await expect(page.getByRole('main')).toContainText('arrived damaged');
});
