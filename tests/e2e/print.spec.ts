import { execFileSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from '@playwright/test';
import { test, expect, heading, release, site } from './support/fixtures';

async function printedText(page: Page) {
  const file = join(mkdtempSync(join(tmpdir(), 'print-')), 'release.pdf');
  writeFileSync(file, await page.pdf({ format: 'A4' }));
  return execFileSync('pdftotext', ['-layout', file, '-'], { encoding: 'utf8' }).replace(/\s+/g, ' ');
}

test('a release prints as the release, with its address and link targets, without the page furniture', { tag: '@chromium-tool' }, async ({ page, request }) => {
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
  for (const furniture of ['Skip to main content', 'Back to top', 'I already gave', (await site(request)).campaigns[0].headline, 'Older release']) {
    expect(text).not.toContain(furniture);
  }
});

test('a right-to-left release prints right to left', async ({ page, request }) => {
  const slug = 'statement-on-forced-returns-ug';
  const printed = await release(request, slug);
  await page.goto(`releases/${slug}/`);
  await heading(page);
  await page.emulateMedia({ media: 'print' });
  expect(await page.evaluate(() => getComputedStyle(document.querySelector('main h1')!).direction)).toBe('rtl');
  const text = await printedText(page);
  expect(text).toContain(printed.listing.dateline);
});
