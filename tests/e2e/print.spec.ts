import { test, expect, heading, release, site } from './support/fixtures';
import { printedText } from './support/print';

/** An address as printed: Firefox breaks a long one over lines (after a `/` or `-`), Chromium need not. */
function printedAddress(address: string) {
  return new RegExp(address.replace(/[.*+?^${}()|[\]\\]/g, '\\$&').replace(/[/-]/g, '$& ?'));
}

test('a release prints as the release, with its address and link targets, without the page furniture', async ({ page, request }) => {
  await page.clock.setFixedTime(new Date('2026-12-01T12:00:00'));
  const slug = 'supply-chain-audit-guide';
  const printed = await release(request, slug);
  await page.goto(`releases/${slug}/`);
  await heading(page);
  const text = await printedText(page);
  expect(text).toContain('New guide shows companies how to trace cotton');
  expect(text).toContain(printed.listing.dateline.toUpperCase());
  expect(text).toContain('March 14, 2023');
  expect(text).toContain('Social audits, in which inspectors visit a factory');
  expect(text).toMatch(printedAddress('its page about forced labour (https://www.ilo.org/topics/forced-labour)'));
  expect(text).toContain('Media contact');
  expect(text).toContain('press@example.org');
  expect(text).toContain('is an invented organization used to demonstrate');
  expect(text).toMatch(printedAddress(`/releases/${slug}/`));
  for (const furniture of ['Skip to main content', 'Back to top', 'I already gave', (await site(request)).campaigns[0].headline, 'Older release']) {
    expect(text).not.toContain(furniture);
  }
});

test('a right-to-left release prints right to left', async ({ page, request, browserName }) => {
  const slug = 'statement-on-forced-returns-ug';
  const printed = await release(request, slug);
  await page.goto(`releases/${slug}/`);
  await heading(page);
  // Firefox over WebDriver BiDi ignores `emulateMedia`: there the printed text alone is checked.
  if (browserName === 'chromium') {
    await page.emulateMedia({ media: 'print' });
    expect(await page.evaluate(() => getComputedStyle(document.querySelector('main h1')!).direction)).toBe('rtl');
  }
  const text = await printedText(page);
  expect(text).toContain(printed.listing.dateline);
});
