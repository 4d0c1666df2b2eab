import type { Page } from '@playwright/test';
import { test, expect, heading, indexPage, release } from './support/fixtures';

/** Tabs (or Shift+Tabs) until the focused element matches, and checks on the way that
 * nothing fixed covers what has focus (WCAG 2.4.11). Never passes the end of the page:
 * there focus leaves for the browser's own controls, and how a headless browser hands it
 * back is a race that says nothing about the page. */
async function tabTo(page: Page, matches: (element: { text: string; tag: string }) => boolean, key = 'Tab', limit = 80) {
  let previous = '(start)';
  for (let i = 0; i < limit; i += 1) {
    await page.keyboard.press(key);
    const focused = await page.evaluate(() => {
      const element = document.activeElement as HTMLElement;
      const box = element.getBoundingClientRect();
      const covered = [...document.querySelectorAll<HTMLElement>('.back-to-top')].some((fixed) => {
        // Hidden, or transparent and letting clicks through, it covers nothing.
        if (fixed === element || fixed.hidden || getComputedStyle(fixed).opacity === '0') return false;
        const other = fixed.getBoundingClientRect();
        return box.left < other.right && other.left < box.right && box.top < other.bottom && other.top < box.bottom;
      });
      const text = (element.getAttribute('aria-label') ?? element.textContent ?? '').trim();
      return { text, tag: element.tagName.toLowerCase(), covered, inView: box.bottom > 0 && box.top < window.innerHeight };
    });
    expect(focused.tag, `focus left the page after "${previous}"`).not.toBe('body');
    previous = focused.text;
    expect(focused.covered, `"${focused.text}" is hidden behind the back-to-top link`).toBe(false);
    expect(focused.inView, `"${focused.text}" is focused off screen`).toBe(true);
    if (matches(focused)) return;
  }
  throw new Error('never reached the element by keyboard');
}

/** The first Tab reaches the skip link, and Enter on it puts focus at the start of the content. */
async function skipToMain(page: Page) {
  await page.keyboard.press('Tab');
  await expect(page.getByRole('link', { name: 'Skip to main content' })).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(page.locator('main')).toBeFocused();
}

test.use({ reducedMotion: 'reduce' });

test('a keyboard reader goes from the skip link to a release, its neighbours, back to top, the banner and back', async ({ page, request }) => {
  await page.clock.setFixedTime(new Date('2026-12-01T12:00:00'));
  await page.setViewportSize({ width: 1000, height: 700 });
  const newest = (await indexPage(request)).releases[0];
  const older = (await release(request, newest.slug)).previous!;
  await page.goto('./');
  await heading(page);

  await skipToMain(page);

  await tabTo(page, (e) => e.text === newest.title);
  await page.keyboard.press('Enter');
  await expect(await heading(page)).toHaveText(newest.title);
  await expect(page.locator('main h1')).toBeFocused();

  await tabTo(page, (e) => e.text.startsWith('Older release'));
  await page.keyboard.press('Enter');
  await expect(await heading(page)).toHaveText(older.title);
  await expect(page.locator('main h1')).toBeFocused();

  await tabTo(page, (e) => e.text === 'Close the donation appeal');
  await page.keyboard.press('Enter');
  await expect(page.locator('.donation-banner')).toHaveCount(0);
  await expect(page.getByRole('contentinfo')).toBeFocused();

  await tabTo(page, (e) => e.text.includes('Back to top'));
  await page.keyboard.press('Enter');
  await expect(page.locator('main')).toBeFocused();
  await expect.poll(() => page.evaluate(() => window.scrollY)).toBe(0);

  await tabTo(page, (e) => e.text === 'Latest', 'Shift+Tab');
  await page.keyboard.press('Enter');
  await expect(await heading(page)).toHaveText('Latest releases');
  await expect(page.locator('main h1')).toBeFocused();
});

test('a keyboard reader searches from the header box and opens a result', async ({ page }) => {
  await page.goto('releases/statement-on-forced-returns/');
  await heading(page);
  await skipToMain(page);
  // Back from the content: the search box is the header's last stop but its button.
  await tabTo(page, (e) => e.tag === 'input', 'Shift+Tab');
  const box = page.getByRole('searchbox', { name: 'Search the press releases' });
  await expect(box).toBeFocused();
  await box.fill('interviewees');
  await page.keyboard.press('Enter');
  await expect(page.locator('.search__status')).toHaveText('1 release matches “interviewees”.');
  const title = (await page.locator('.search__results h2').textContent())!;
  await page.keyboard.press('Tab');
  await expect(page.getByRole('link', { name: 'Skip to main content' })).toBeFocused();
  await page.keyboard.press('Enter');
  await tabTo(page, (e) => e.text === title);
  await page.keyboard.press('Enter');
  await expect(await heading(page)).toHaveText(title);
  await expect(page.locator('main h1')).toBeFocused();
});

test('a keyboard reader opens "Share this release", reaches each way to share in order, and copies the link', async ({ page, browserName }) => {
  if (browserName === 'chromium') await page.context().grantPermissions(['clipboard-write']);
  await page.goto('releases/statement-on-forced-returns/');
  await heading(page);
  await skipToMain(page);
  await tabTo(page, (e) => e.tag === 'summary');
  await page.keyboard.press('Enter');
  await expect(page.locator('details.share')).toHaveAttribute('open', '');
  const copy = page.getByRole('button', { name: 'Copy link' });
  await expect(copy).toBeVisible();
  const stops = ['Email', 'Bluesky (opens in a new tab)', 'X (opens in a new tab)', 'Facebook (opens in a new tab)', 'LinkedIn (opens in a new tab)', 'WhatsApp (opens in a new tab)', 'Telegram (opens in a new tab)'];
  for (const stop of stops) {
    await tabTo(page, () => true);
    await expect(page.getByRole('link', { name: stop })).toBeFocused();
  }
  await tabTo(page, () => true);
  await expect(page.getByRole('textbox', { name: 'Link to this release' })).toBeFocused();
  await tabTo(page, () => true);
  await expect(copy).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(page.locator('#share-panel').getByRole('status')).toHaveText('Link copied.');
  await tabTo(page, () => true);
  await expect(page.getByRole('textbox', { name: 'Your Mastodon server' })).toBeFocused();
  await tabTo(page, () => true);
  await expect(page.getByRole('button', { name: 'Share on Mastodon (opens in a new tab)' })).toBeFocused();
});

// Safari's default: Tab moves between form controls and buttons only, links need
// Option+Tab (or the setting "Press Tab to highlight each item", which WebKitGTK has on,
// as the rest of the suite runs). So with it off, Tab must still reach every button of the
// page (a disclosure's summary is one), each in view, and closing the appeal must leave
// focus in the page.
// Chromium has no such setting; Firefox has it only on macOS.
test.describe('with Safari\'s default, where Tab skips links', () => {
  test.use({ tabsToLinks: false });

  test('Tab reaches the search box, its button, "Share this release" and the appeal\'s two buttons, in view, and closing it leaves focus in the page', async ({ page, browserName }) => {
    test.skip(browserName !== 'webkit', 'only WebKit has a Tab that skips links on Linux');
    await page.clock.setFixedTime(new Date('2026-12-01T12:00:00'));
    await page.goto('releases/statement-on-forced-returns/');
    await heading(page);
    const close = page.getByRole('button', { name: 'Close the donation appeal' });
    const gave = page.getByRole('button', { name: 'I already gave' });
    await page.keyboard.press('Tab');
    await expect(page.getByRole('searchbox', { name: 'Search the press releases' })).toBeFocused();
    await page.keyboard.press('Tab');
    await expect(page.getByRole('search').getByRole('button', { name: 'Search' })).toBeFocused();
    await page.keyboard.press('Tab');
    await expect(page.locator('details.share > summary')).toBeFocused();
    await page.keyboard.press('Tab');
    await expect(close).toBeFocused();
    await expect(close).toBeInViewport();
    await page.keyboard.press('Tab');
    await expect(gave).toBeFocused();
    await expect(gave).toBeInViewport();
    await page.keyboard.press('Shift+Tab');
    await expect(close).toBeFocused();
    await page.keyboard.press('Enter');
    await expect(page.locator('.donation-banner')).toHaveCount(0);
    await expect(page.getByRole('contentinfo')).toBeFocused();
  });
});
