import { test, expect, heading } from '../e2e/support/fixtures';

// A release in English and in Uyghur (right to left), as each engine paints it after the
// app has taken the page over, with a campaign running so the appeal is in view too.
for (const [name, slug, direction] of [
  ['ltr', 'statement-on-forced-returns', 'ltr'],
  ['rtl', 'statement-on-forced-returns-ug', 'rtl'],
] as const) {
  test(`a ${direction} release, for docs/screenshots`, async ({ page, browserName, pageErrors }) => {
    await page.clock.setFixedTime(new Date('2026-12-01T12:00:00'));
    await page.goto(`releases/${slug}/`);
    await heading(page);
    await expect(page.locator('html')).toHaveAttribute('dir', direction);
    const before = pageErrors.length;
    await page.screenshot({ path: `docs/screenshots/${browserName}-${name}.png` });
    // In Firefox, Playwright's screenshot adds an inline style to the page, which the
    // site's policy refuses: the tool's doing, not the page's.
    await page.waitForTimeout(200);
    pageErrors.splice(before, pageErrors.length - before, ...pageErrors.slice(before).filter((error) => !/style-src-elem|inline style/.test(error)));
  });
}
