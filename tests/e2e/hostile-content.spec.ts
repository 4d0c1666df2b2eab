import type { Page } from '@playwright/test';
import { test, expect, heading } from './support/fixtures';

// tests/hostile/accepted: content whose every text field carries markup, quotes and
// script, which the build accepts as text. `scripts/test` builds it with the real
// release build into target/dist-hostile/, served at /hostile/. Each page must show
// the text exactly as written and run none of it, with and without JavaScript.

const HOME = '/hostile/';
const RELEASE = '/hostile/releases/markup-in-every-field/';
const TITLE = `"><svg onload="window.pwned = 'title'"> Title with markup`;
const SUMMARY = "</script><script>window.pwned = 'summary'</script> A summary that closes a script.";
const SITE_NAME = 'Newsroom <script>window.pwned = \'site name\'</script> & "quotes"';

/** Nothing ran: no marker set, no dialog, no element with an event handler, no script element in the body. */
async function expectNothingRan(page: Page, dialogs: string[]) {
  expect(await page.evaluate(() => (window as unknown as { pwned?: unknown }).pwned)).toBeUndefined();
  expect(dialogs).toEqual([]);
  const handlers = await page.evaluate(() =>
    [...document.querySelectorAll('*')].flatMap((element) => [...element.attributes].filter((attribute) => attribute.name.startsWith('on')).map((attribute) => `${element.tagName} ${attribute.name}`)),
  );
  expect(handlers).toEqual([]);
  await expect(page.locator('body script, body svg, body style, body iframe')).toHaveCount(0);
}

function watchDialogs(page: Page) {
  const dialogs: string[] = [];
  page.on('dialog', (dialog) => {
    dialogs.push(dialog.message());
    void dialog.dismiss();
  });
  return dialogs;
}

test('markup in every field of a release is shown as text and never runs', async ({ page }) => {
  const dialogs = watchDialogs(page);
  await page.goto(RELEASE);
  await expect(await heading(page)).toHaveText(TITLE);
  const article = page.locator('article.release');
  await expect(article).toContainText(SUMMARY);
  await expect(article).toContainText('<!-- Geneva --></script>');
  await expect(article.getByRole('link', { name: '<b>Bold</b> topic' })).toBeVisible();
  await expect(article.getByRole('link', { name: `x" onmouseover="window.pwned = 'tag'` })).toBeVisible();
  await expect(article.getByRole('img', { name: `" onerror="window.pwned = 'alt'` })).toBeVisible();
  await expect(article.locator('figcaption').first()).toContainText("</figcaption><script>window.pwned = 'caption'</script>");
  await expect(article).toContainText("<script>window.pwned = 'entity'</script>");
  await expect(article.locator('.release__body code')).toHaveText("<script>window.pwned = 'code'</script>");
  await expect(article.locator('.release__about code')).toHaveText('<img src=x onerror="window.pwned = \'about\'">');
  await expect(article).toContainText('<style>body { display: none }</style> Press');
  await expect(article).toContainText(`"'><img src=x onerror="window.pwned = 'quote'">`);
  await expectNothingRan(page, dialogs);
});

test('a link whose address holds markup leads exactly where it says, percent-encoded', async ({ page }) => {
  await page.goto(RELEASE);
  await heading(page);
  await expect(page.getByRole('link', { name: 'link whose query holds markup' })).toHaveAttribute('href', 'https://example.org/search?q=%22%3E%3Cscript%3Ewindow.pwned=%27link%27%3C/script%3E');
});

test('the site settings: name, tagline, contact and appeal show their markup as text', async ({ page }) => {
  const dialogs = watchDialogs(page);
  await page.goto(HOME);
  await heading(page);
  await expect(page.getByRole('banner')).toContainText(SITE_NAME);
  await expect(page.getByRole('contentinfo')).toContainText("</script><script>window.pwned = 'tagline'</script><!--");
  const appeal = page.getByRole('region', { name: `<h1 onclick="window.pwned = 'headline'">Give</h1>` });
  await expect(appeal).toBeVisible();
  await expect(appeal).toContainText("${window.pwned = 'template'} {{constructor.constructor('window.pwned = 1')()}}");
  await expect(appeal).toContainText("</section><script>window.pwned = 'note'</script>");
  await expect(appeal.getByRole('link', { name: '<a href=javascript:alert(1)>Donate</a>' })).toHaveAttribute('href', 'https://example.org/donate?a=%22%3E%3Cscript%3Ewindow.pwned=%27url%27%3C/script%3E');
  await expectNothingRan(page, dialogs);
});

test('moving through the hostile site in the app renders the same text from its JSON', async ({ page }) => {
  const dialogs = watchDialogs(page);
  await page.goto(HOME);
  await heading(page);
  await page.getByRole('link', { name: TITLE }).click();
  await expect(await heading(page)).toHaveText(TITLE);
  await page.getByRole('link', { name: '<b>Bold</b> topic' }).click();
  await expect(await heading(page)).toContainText('<b>Bold</b> topic');
  await page.goBack();
  await expect(await heading(page)).toHaveText(TITLE);
  await page.getByRole('link', { name: 'site link' }).click();
  await expect(page.locator('html')).toHaveAttribute('dir', 'rtl');
  await expectNothingRan(page, dialogs);
});

test('search shows a hostile title and summary as text, highlights only the word found, and runs nothing', async ({ page }) => {
  const dialogs = watchDialogs(page);
  await page.goto(`${HOME}search/?q=closes`);
  const result = page.locator('.search__results > li').first();
  await expect(result.getByRole('heading', { level: 2 })).toHaveText(TITLE);
  await expect(result.locator('.search__excerpt')).toContainText(SUMMARY.replace(' a script.', ''));
  await expect(result.locator('.search__excerpt mark')).toHaveText(['closes']);
  await result.getByRole('link').click();
  await expect(await heading(page)).toHaveText(TITLE);
  await expectNothingRan(page, dialogs);
});

test('sharing a release with a hostile title sends the title percent-encoded, as the text it is, and runs nothing', async ({ page, baseURL }) => {
  const dialogs = watchDialogs(page);
  await page.goto(RELEASE);
  await expect(await heading(page)).toHaveText(TITLE);
  await page.locator('details.share > summary').click();
  const panel = page.locator('#share-panel');
  const url = new URL(RELEASE, baseURL).href;
  const e = encodeURIComponent;
  await expect(panel.getByRole('link', { name: 'Email' })).toHaveAttribute('href', `mailto:?subject=${e(TITLE)}&body=${e(`${TITLE}\n\n${url}`)}`);
  await expect(panel.getByRole('link', { name: /^X / })).toHaveAttribute('href', `https://x.com/intent/post?text=${e(TITLE)}&url=${e(url)}`);
  await expect(panel.getByRole('textbox', { name: 'Link to this release' })).toHaveValue(url);
  await expectNothingRan(page, dialogs);
});

test('right-to-left override characters stay text in a right-to-left page', async ({ page }) => {
  await page.goto('/hostile/releases/right-to-left-overrides/');
  await expect(await heading(page)).toHaveText('Right-to-left overrides \u202e(sample)\u202c');
  await expect(page.locator('html')).toHaveAttribute('lang', 'ug');
  await expect(page.locator('html')).toHaveAttribute('dir', 'rtl');
  await expect(page.locator('article.release')).toContainText('\u202eevil.exe\u202c');
});

test.describe('without JavaScript', () => {
  test.use({ javaScriptEnabled: false });

  test('the pre-rendered pages show the same text, inert', async ({ page }) => {
    const dialogs = watchDialogs(page);
    await page.goto(RELEASE);
    await expect(page.locator('main h1')).toHaveText(TITLE);
    await expect(page.locator('article.release')).toContainText(SUMMARY);
    await expect(page).toHaveTitle(`${TITLE} – ${SITE_NAME}`);
    await expect(page.locator('meta[name="description"]')).toHaveAttribute('content', SUMMARY);
    expect(dialogs).toEqual([]);
    const handlers = await page.locator('body [onload], body [onerror], body [onclick], body [onmouseover]').count();
    expect(handlers).toBe(0);
  });
});
