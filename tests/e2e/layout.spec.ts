import type { Page } from '@playwright/test';
import { test, expect, heading, indexPage } from './support/fixtures';

const PAGES = ['./', 'archive/', 'releases/statement-on-forced-returns-ug/', 'search/?q=sample'];

async function overflow(page: Page) {
  return page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
}

test('pages reflow at 320 CSS pixels wide without scrolling sideways', async ({ page, request }) => {
  await page.setViewportSize({ width: 320, height: 640 });
  for (const path of [...PAGES, `releases/${(await indexPage(request)).releases[0].slug}/`]) {
    await page.goto(path);
    await heading(page);
    if (path.startsWith('search/')) await page.locator('.search__results').waitFor();
    expect(await overflow(page), path).toBeLessThanOrEqual(0);
  }
});

test('text at 200% still fits, without loss', async ({ page, request }) => {
  await page.setViewportSize({ width: 640, height: 800 });
  for (const path of [...PAGES, `releases/${(await indexPage(request)).releases[0].slug}/`]) {
    await page.goto(path);
    await heading(page);
    if (path.startsWith('search/')) await page.locator('.search__results').waitFor();
    // As a reader's text-size setting would; through the CSSOM, which the policy allows
    // (a <style> element it blocks, as it would one injected into the page).
    await page.evaluate(() => document.documentElement.style.setProperty('font-size', '200%', 'important'));
    expect(await overflow(page), path).toBeLessThanOrEqual(0);
    const clipped = await page.evaluate(() =>
      // Text for screen readers only (`.visually-hidden`, as the search box's label) is
      // clipped on purpose, at any size.
      [...document.querySelectorAll<HTMLElement>('main *, header *, footer *')]
        .filter((e) => !e.matches('.visually-hidden') && e.scrollWidth > e.clientWidth + 1 && getComputedStyle(e).overflowX === 'hidden').length,
    );
    expect(clipped, path).toBe(0);
  }
});

test('controls are at least 44 by 44 CSS pixels', async ({ page, request }) => {
  await page.clock.setFixedTime(new Date('2026-12-01T12:00:00'));
  for (const path of ['./', 'archive/', `releases/${(await indexPage(request)).releases[0].slug}/`, 'releases/statement-on-forced-returns/']) {
    await page.goto(path);
    await heading(page);
    await page.evaluate(() => window.scrollTo(0, window.innerHeight * 2));
    await expect(page.locator('.back-to-top')).toBeVisible();
    const small = await page.evaluate(() =>
      [...document.querySelectorAll<HTMLElement>('button, a')]
        // Links inside a sentence are exempt (WCAG 2.5.8): their size is the text's.
        .filter((e) => !e.closest('p, li.release-list__item, .release__body, .release__summary, .visually-hidden') && !e.matches('.skip-link'))
        .map((e) => ({ text: (e.getAttribute('aria-label') ?? e.textContent ?? '').trim(), box: e.getBoundingClientRect() }))
        .filter(({ box }) => box.width > 0 && (box.width < 44 || box.height < 44))
        .map(({ text, box }) => `${text}: ${Math.round(box.width)}x${Math.round(box.height)}`),
    );
    expect(small, path).toEqual([]);
  }
});

test.describe('for a reader who prefers reduced motion', () => {
  test.use({ reducedMotion: 'reduce' });

  test('no motion when the reader prefers reduced motion', async ({ page }) => {
    await page.goto('./');
    await heading(page);
    const animated = await page.evaluate(() =>
      [...document.querySelectorAll('*')].filter((e) => {
        const style = getComputedStyle(e);
        return parseFloat(style.transitionDuration) > 0.01 || parseFloat(style.animationDuration) > 0.01;
      }).length,
    );
    expect(animated).toBe(0);
  });
});
