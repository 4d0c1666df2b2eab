import { test, expect, heading, release, site } from './support/fixtures';
import { printedText, printedWords } from './support/print';

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
  expect(text).toContain('its page about forced labour (https://www.ilo.org/topics/forced-labour)');
  expect(text).toContain('Media contact');
  expect(text).toContain('press@example.org');
  expect(text).toContain('is an invented organization used to demonstrate');
  expect(text).toContain(`/releases/${slug}/`);
  for (const furniture of ['Skip to main content', 'Back to top', 'Share this release', 'I already gave', (await site(request)).campaigns[0].headline, 'Older release']) {
    expect(text).not.toContain(furniture);
  }
});

test('a right-to-left release prints right to left', async ({ page, request }) => {
  const slug = 'statement-on-forced-returns-ug';
  const printed = await release(request, slug);
  await page.goto(`releases/${slug}/`);
  await heading(page);
  const text = await printedText(page);
  expect(text).toContain(printed.listing.dateline);
  // The site's name heads the page on a line of its own, shorter than half of it: printed
  // right to left, it sits at the right. (Its words are Latin: PDF text tools read Arabic
  // words in visual order, or glyph by glyph, so those are not found by their text.)
  const { width, words } = await printedWords(page);
  const siteName = words.find((word) => word.text === 'Sample');
  expect(siteName, 'the site name is printed on the first page').toBeDefined();
  expect(siteName!.xMin, 'the site name starts on the right half of the page').toBeGreaterThan(width / 2);
});
