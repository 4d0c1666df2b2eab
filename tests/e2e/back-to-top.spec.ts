import { test, expect, heading, indexPage } from './support/fixtures';
import { printedText } from './support/print';

const backToTop = (page: import('@playwright/test').Page) => page.getByRole('link', { name: 'Back to top' });

test.beforeEach(async ({ page, request }) => {
  const target = (await indexPage(request)).releases[0];
  await page.setViewportSize({ width: 390, height: 700 });
  await page.goto(`releases/${target.slug}/`);
  await heading(page);
});

test('hidden near the top, shown once the reader has scrolled a screen', async ({ page }) => {
  await expect(backToTop(page)).toBeHidden();
  await page.evaluate(() => window.scrollTo(0, 300));
  await expect(backToTop(page)).toBeHidden();
  await page.evaluate(() => window.scrollTo(0, window.innerHeight + 50));
  await expect(backToTop(page)).toBeVisible();
  const box = (await backToTop(page).boundingBox())!;
  expect(box.width).toBeGreaterThanOrEqual(44);
  expect(box.height).toBeGreaterThanOrEqual(44);
  expect(box.x + box.width, 'at the inline end (right) in left-to-right pages').toBeGreaterThan(390 - 40);
});

test.describe('for a reader who prefers reduced motion', () => {
  test.use({ reducedMotion: 'reduce' });

  test('activating it scrolls to the top and the next Tab continues from the top of the content', async ({ page }) => {
    await page.evaluate(() => window.scrollTo(0, document.body.scrollHeight));
    await expect(backToTop(page)).toBeVisible();
    await backToTop(page).focus();
    await page.keyboard.press('Enter');
    await expect.poll(() => page.evaluate(() => window.scrollY)).toBe(0);
    await expect(page.locator('main')).toBeFocused();
    await page.keyboard.press('Tab');
    const firstInMain = await page.evaluate(() => {
      const focused = document.activeElement!;
      const first = document.querySelector('main a, main button, main summary')!;
      return focused === first;
    });
    expect(firstInMain).toBe(true);
  });
});

test.describe('for a reader with no preference about motion', () => {
  test.use({ reducedMotion: 'no-preference' });

  test('it scrolls smoothly unless the reader prefers reduced motion', async ({ page }) => {
    await page.evaluate(() => window.scrollTo(0, document.body.scrollHeight));
    await backToTop(page).click();
    const midway = await page.evaluate(() => new Promise<number>((resolve) => requestAnimationFrame(() => requestAnimationFrame(() => resolve(window.scrollY)))));
    expect(midway, 'still on its way up two frames later').toBeGreaterThan(0);
    await expect.poll(() => page.evaluate(() => window.scrollY)).toBe(0);
  });
});

test('it moves to the inline start side in right-to-left pages', async ({ page }) => {
  await page.evaluate(() => document.documentElement.setAttribute('dir', 'rtl'));
  await page.evaluate(() => window.scrollTo(0, window.innerHeight * 2));
  await expect(backToTop(page)).toBeVisible();
  const box = (await backToTop(page).boundingBox())!;
  expect(box.x).toBeLessThan(40);
});

test('it never covers the element that has keyboard focus', async ({ page }) => {
  await page.evaluate(() => window.scrollTo(0, window.innerHeight * 2));
  await expect(backToTop(page)).toBeVisible();
  await page.evaluate(() => window.scrollTo(0, 0));
  const overlaps: string[] = [];
  for (let i = 0; i < 40; i += 1) {
    await page.keyboard.press('Tab');
    const overlap = await page.evaluate(() => {
      const focused = document.activeElement as HTMLElement | null;
      const button = document.querySelector('.back-to-top') as HTMLElement;
      // Hidden, or transparent and letting clicks through, it covers nothing.
      if (!focused || focused === document.body || focused === button || button.hidden || getComputedStyle(button).opacity === '0') return null;
      const [a, b] = [focused.getBoundingClientRect(), button.getBoundingClientRect()];
      const covered = a.left < b.right && b.left < a.right && a.top < b.bottom && b.top < a.bottom;
      return covered ? focused.textContent : null;
    });
    if (overlap) overlaps.push(overlap);
  }
  expect(overlaps).toEqual([]);
});

test('it is not printed', async ({ page }) => {
  await page.evaluate(() => window.scrollTo(0, window.innerHeight * 2));
  await expect(backToTop(page)).toBeVisible();
  expect(await printedText(page)).not.toContain('Back to top');
});
