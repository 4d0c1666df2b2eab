import { test, expect, heading, indexPage, release } from './support/fixtures';

// Every kind of block and inline text the content model has, as the content build
// writes it, through the app's JSON reader to the page.
test('every kind of block and inline renders as its HTML element', async ({ page, request }) => {
  const target = (await indexPage(request)).releases[0];
  const real = await release(request, target.slug);
  const text = (value: string) => ({ text: value });
  const body = [
    { paragraph: [text('Plain, '), { emphasis: [text('emphasised')] }, text(', '), { strong: [text('strong')] }, text(', '), { code: 'code' }, 'line_break', { link: { href: 'https://example.org/report', content: [text('a link')] } }] },
    { heading: { level: 2, content: [text('Second level')] } },
    { heading: { level: 3, content: [text('Third level')] } },
    { heading: { level: 4, content: [text('Fourth level')] } },
    { quote: { content: [{ paragraph: [text('Quoted words.')] }], attribution: 'A spokesperson (sample)' } },
    { list: { ordered: true, items: [[text('first')], [text('second')]] } },
    { list: { ordered: false, items: [[text('a point')]] } },
    { image: { src: 'missing-sample-photo.jpg', alt: 'A vigil at dusk', caption: 'A sample caption', widths: [], formats: [] } },
  ];
  await page.route(`**/data/releases/${target.slug}.json`, (route) => route.fulfill({ json: { ...real, body } }));
  await page.goto('./');
  await heading(page);
  await page.getByRole('link', { name: target.title }).click();
  await expect(await heading(page)).toHaveText(target.title);
  const article = page.locator('.release__body');
  await expect(article.locator('p em')).toHaveText('emphasised');
  await expect(article.locator('p strong')).toHaveText('strong');
  await expect(article.locator('p code')).toHaveText('code');
  await expect(article.locator('p br')).toHaveCount(1);
  await expect(article.getByRole('link', { name: 'a link' })).toHaveAttribute('href', 'https://example.org/report');
  await expect(article.locator('h2')).toHaveText('Second level');
  await expect(article.locator('h3')).toHaveText('Third level');
  await expect(article.locator('h4')).toHaveText('Fourth level');
  await expect(article.locator('figure blockquote')).toHaveText('Quoted words.');
  await expect(article.locator('figure.release-body__quote figcaption')).toHaveText('— A spokesperson (sample)');
  await expect(article.locator('ol li')).toHaveText(['first', 'second']);
  await expect(article.locator('ul li')).toHaveText(['a point']);
  await expect(article.getByRole('img', { name: 'A vigil at dusk' })).toHaveCount(1);
  await expect(article.locator('figure.release-body__image figcaption')).toHaveText('A sample caption');
  await expect(page.locator('main h1')).toHaveCount(1);
});

test('a release shows its dateline, date, summary, media contact and about-us text', async ({ page, request }) => {
  const target = (await indexPage(request)).releases[0];
  await page.goto(`releases/${target.slug}/`);
  await expect(await heading(page)).toHaveText(target.title);
  await expect(page.locator('.release__meta')).toContainText(target.dateline);
  await expect(page.locator('.release__meta time')).toHaveAttribute('datetime', target.published);
  await expect(page.locator('.release__meta time')).toHaveText('November 20, 2026');
  await expect(page.locator('.release__summary')).toHaveText(target.summary);
  const contact = page.getByRole('region', { name: 'Media contact' });
  await expect(contact.getByRole('link', { name: 'press@example.org' })).toHaveAttribute('href', 'mailto:press@example.org');
  await expect(page.getByRole('region', { name: /^About / })).toContainText('sample text');
});

test('an author previewing drafts sees them marked as not published', async ({ page, request }) => {
  const target = (await indexPage(request)).releases[0];
  const real = await release(request, target.slug);
  await page.route(`**/data/releases/${target.slug}.json`, (route) => route.fulfill({ json: { ...real, listing: { ...real.listing, unpublished: true } } }));
  await page.goto('./');
  await heading(page);
  await page.getByRole('link', { name: target.title }).click();
  await expect(await heading(page)).toHaveText(target.title);
  await expect(page.getByText('Preview: draft or embargoed, not published')).toBeVisible();
  await page.goto(`releases/${real.previous!.slug}/`);
  await heading(page);
  await expect(page.getByText('Preview: draft or embargoed, not published')).toHaveCount(0);
});
