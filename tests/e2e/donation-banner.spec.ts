import { test, expect, heading, site } from './support/fixtures';
import type { Page } from '@playwright/test';

const DURING_WINTER_APPEAL = new Date('2026-12-01T12:00:00');
const BETWEEN_APPEALS = new Date('2027-02-15T12:00:00');
const DURING_SPRING_APPEAL = new Date('2027-03-15T12:00:00');
const KEY = 'newsroom.donation-banner.winter-appeal-2026';
const stored = (page: Page) => page.evaluate(() => Object.fromEntries(Object.entries(localStorage).filter(([key]) => key.startsWith('newsroom.donation-banner.'))));
const banner = (page: Page) => page.getByRole('region', { name: 'Stand with families searching for their relatives' });

async function open(page: Page, at: Date) {
  await page.clock.setFixedTime(at);
  await page.goto('./');
  await heading(page);
}

test('the campaign running today is shown as a labelled region, with its tax note and call to action', async ({ page, request }) => {
  const winter = (await site(request)).campaigns.find((c) => c.id === 'winter-appeal-2026')!;
  await open(page, DURING_WINTER_APPEAL);
  await expect(banner(page)).toBeVisible();
  await expect(banner(page).getByRole('heading', { level: 2 })).toHaveText(winter.headline);
  await expect(banner(page)).toContainText(winter.tax_note!);
  await expect(banner(page).getByRole('link', { name: 'Donate to the winter appeal' })).toHaveAttribute('href', 'https://example.org/donate');
  await expect(page.getByRole('heading', { level: 1 })).toHaveCount(1);
});

test('closing the appeal leaves a quiet donate link in the footer, on every page and between appeals', async ({ page }) => {
  await open(page, DURING_WINTER_APPEAL);
  const footer = page.getByRole('contentinfo');
  await expect(footer.getByRole('link', { name: 'Donate', exact: true })).toHaveAttribute('href', 'https://example.org/donate');
  await banner(page).getByRole('button', { name: 'Close the donation appeal' }).click();
  await expect(banner(page)).toHaveCount(0);
  await expect(footer.getByRole('link', { name: 'Donate', exact: true })).toBeVisible();
  await page.getByRole('link', { name: 'Archive', exact: true }).click();
  await expect(await heading(page)).toHaveText(/Archive/);
  await expect(footer.getByRole('link', { name: 'Donate', exact: true })).toBeVisible();

  await open(page, BETWEEN_APPEALS);
  await expect(page.locator('.donation-banner')).toHaveCount(0);
  await expect(footer.getByRole('link', { name: 'Donate', exact: true })).toBeVisible();
});

test('an appeal capped at three page views a visit shows on the first three pages of a tab, and again in a new tab', async ({ page, context, browserName }) => {
  // The sample's spring appeal has `views_per_visit = 3`.
  const spring = (p: Page) => p.getByRole('region', { name: 'Help us keep the record' });
  await page.clock.setFixedTime(DURING_SPRING_APPEAL);
  await page.goto('releases/statement-on-forced-returns/');
  await heading(page);
  await expect(spring(page), 'page 1').toBeVisible();
  // Each move to the other language draws the interface again, around one new page: one view each.
  await page.getByRole('link', { name: 'ئۇيغۇرچە' }).click();
  await expect(page.locator('html')).toHaveAttribute('lang', 'ug');
  await heading(page);
  await expect(page.locator('.donation-banner'), 'page 2, the Uyghur release').toHaveCount(1);
  await page.getByRole('link', { name: 'English' }).click();
  await expect(page.locator('html')).toHaveAttribute('lang', 'en');
  await heading(page);
  await expect(spring(page), 'page 3, the English release again').toBeVisible();
  await page.getByRole('link', { name: 'Archive', exact: true }).click();
  await expect(await heading(page)).toHaveText(/Archive/);
  await expect(page.locator('.donation-banner'), 'page 4').toHaveCount(0);
  await page.goBack();
  await heading(page);
  await expect(page.locator('.donation-banner'), 'page 5, back').toHaveCount(0);
  await page.reload();
  await heading(page);
  await expect(page.locator('.donation-banner'), 'page 6, reloaded').toHaveCount(0);

  // The WebDriver adapter (support/webkit.ts) drives one tab.
  if (browserName === 'webkit') return;
  const another = await context.newPage();
  await another.clock.setFixedTime(DURING_SPRING_APPEAL);
  await another.goto('archive/');
  await heading(another);
  await expect(spring(another), 'a new visit').toBeVisible();
  await another.close();
});

test('a tampered or unreadable count of page views is not trusted: the visit is counted afresh', async ({ page }) => {
  const spring = page.getByRole('region', { name: 'Help us keep the record' });
  await page.clock.setFixedTime(DURING_SPRING_APPEAL);
  await page.goto('./');
  await heading(page);
  for (const stored of ['<b>9</b>', '-5', '99999999999', '']) {
    await page.evaluate((value) => sessionStorage.setItem('newsroom.donation-banner-views.spring-appeal-2027', value), stored);
    await page.reload();
    await heading(page);
    await expect(spring, JSON.stringify(stored)).toBeVisible();
  }
  await page.evaluate(() => sessionStorage.setItem('newsroom.donation-banner-views.spring-appeal-2027', '3'));
  await page.reload();
  await heading(page);
  await expect(page.locator('.donation-banner'), 'a readable count goes on').toHaveCount(0);
});

test('no banner when no campaign is running', async ({ page }) => {
  await open(page, BETWEEN_APPEALS);
  await expect(page.locator('.donation-banner')).toHaveCount(0);
});

test('closing it hides it for 14 days, across reloads, and focus moves on', async ({ page }) => {
  await open(page, DURING_WINTER_APPEAL);
  await banner(page).getByRole('button', { name: 'Close the donation appeal' }).click();
  await expect(banner(page)).toHaveCount(0);
  await expect(page.getByRole('contentinfo')).toBeFocused();
  await expect(page.locator('#announcer')).toHaveText('Donation appeal closed.');
  expect(await stored(page), 'only the last day it stays hidden').toEqual({ [KEY]: '2026-12-14' });
  await page.reload();
  await heading(page);
  await expect(banner(page)).toHaveCount(0);

  await page.clock.setFixedTime(new Date('2026-12-14T12:00:00'));
  await page.reload();
  await heading(page);
  await expect(banner(page), 'still hidden on day 13').toHaveCount(0);

  await page.clock.setFixedTime(new Date('2026-12-16T12:00:00'));
  await page.reload();
  await heading(page);
  await expect(banner(page), 'back after 14 days').toBeVisible();
  expect(await stored(page), 'and the entry is gone').toEqual({});
});

test('"I already gave" hides it until the campaign ends, and is forgotten then', async ({ page }) => {
  await open(page, DURING_WINTER_APPEAL);
  await banner(page).getByRole('button', { name: 'I already gave' }).click();
  await expect(banner(page)).toHaveCount(0);
  expect(await stored(page), 'the same kind of value as a close: a day, the campaign\'s last').toEqual({ [KEY]: '2027-01-31' });
  await page.clock.setFixedTime(new Date('2027-01-31T12:00:00'));
  await page.reload();
  await heading(page);
  await expect(banner(page)).toHaveCount(0);
  await page.clock.setFixedTime(BETWEEN_APPEALS);
  await page.reload();
  await heading(page);
  expect(await stored(page), 'nothing says, after the campaign, that the reader gave').toEqual({});
});

test('closing in the last days of a campaign stores the same day as "I already gave"', async ({ page }) => {
  await open(page, new Date('2027-01-25T12:00:00'));
  await banner(page).getByRole('button', { name: 'Close the donation appeal' }).click();
  expect(await stored(page)).toEqual({ [KEY]: '2027-01-31' });
});

test('unreadable, old-style and far-future entries, and those of campaigns no longer run, are removed when read', async ({ page }) => {
  await page.clock.setFixedTime(DURING_WINTER_APPEAL);
  await page.addInitScript((key) => {
    // Firefox runs init scripts in a new page's first, empty document too, which has no
    // origin and so no storage.
    if (window.origin === 'null' || sessionStorage.getItem('seeded')) return;
    sessionStorage.setItem('seeded', '1');
    localStorage.setItem(key, 'gave');
    localStorage.setItem('newsroom.donation-banner.summer-appeal-2025', '2025-08-31');
    localStorage.setItem('newsroom.donation-banner.spring-appeal-2027', '9999-12-31');
    localStorage.setItem('newsroom.donation-banner.gone-campaign', '2027-01-01');
    localStorage.setItem('unrelated', 'kept');
  }, KEY);
  await page.goto('./');
  await heading(page);
  await expect(banner(page), 'an old "gave" is not trusted').toBeVisible();
  expect(await stored(page)).toEqual({});
  expect(await page.evaluate(() => localStorage.getItem('unrelated'))).toBe('kept');
});

test('where storage is blocked it still closes, for this visit, in every language', async ({ page }) => {
  await page.addInitScript(() => {
    Object.defineProperty(window, 'localStorage', {
      get() {
        throw new DOMException('The operation is insecure.', 'SecurityError');
      },
    });
  });
  await page.clock.setFixedTime(DURING_WINTER_APPEAL);
  await page.goto('releases/statement-on-forced-returns/');
  await heading(page);
  await expect(banner(page)).toBeVisible();
  await banner(page).getByRole('button', { name: 'Close the donation appeal' }).click();
  await expect(banner(page)).toHaveCount(0);
  // The interface is drawn again in the page's language; the choice must survive that.
  await page.getByRole('link', { name: 'ئۇيغۇرچە' }).click();
  await expect(page.locator('html')).toHaveAttribute('lang', 'ug');
  await heading(page);
  await expect(page.locator('.donation-banner')).toHaveCount(0);
});

test('it sets no cookies and sends nothing to other sites', async ({ page, context, baseURL }) => {
  const hosts = new Set<string>();
  page.on('request', (r) => hosts.add(new URL(r.url()).host));
  await open(page, DURING_WINTER_APPEAL);
  await banner(page).getByRole('button', { name: 'Close the donation appeal' }).click();
  expect(await context.cookies()).toEqual([]);
  expect([...hosts]).toEqual([new URL(baseURL!).host]);
});

test('it is never a modal and never traps focus', async ({ page }) => {
  await open(page, DURING_WINTER_APPEAL);
  await expect(page.locator('[aria-modal="true"], dialog[open]')).toHaveCount(0);
  await banner(page).getByRole('button', { name: 'I already gave' }).focus();
  await page.keyboard.press('Tab');
  expect(await page.evaluate(() => document.querySelector('.donation-banner')!.contains(document.activeElement))).toBe(false);
});
