import { execFileSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from '@playwright/test';

/**
 * The page as printed to an A4 PDF, read back as text, in every engine that prints
 * (`page.pdf`: Chromium's print, Firefox's `browsingContext.print`). NFKC because Firefox's
 * PDFs hold Arabic script in its presentation forms and ligatures as one glyph, where
 * Chromium's hold the letters: read back, both are the letters a reader sees.
 */
export async function printedText(page: Page) {
  return execFileSync('pdftotext', ['-layout', await printed(page), '-'], { encoding: 'utf8' }).normalize('NFKC').replace(/\s+/g, ' ');
}

/** The words of the first printed page, each with where it starts and ends across the page, in points. */
export async function printedWords(page: Page) {
  const xhtml = execFileSync('pdftotext', ['-bbox', '-f', '1', '-l', '1', await printed(page), '-'], { encoding: 'utf8' });
  const width = Number(xhtml.match(/<page width="([\d.]+)"/)![1]);
  const words = [...xhtml.matchAll(/<word xMin="([\d.]+)" yMin="[\d.]+" xMax="([\d.]+)" yMax="[\d.]+">([^<]*)<\/word>/g)].map(([, xMin, xMax, text]) => ({
    text: text.normalize('NFKC'),
    xMin: Number(xMin),
    xMax: Number(xMax),
  }));
  return { width, words };
}

/**
 * A4 in every engine. Playwright 1.65.1 hands WebDriver BiDi's `browsingContext.print` the
 * paper size in inches where BiDi means centimetres, so Firefox printed A4 as 8.3 by 11.7
 * cm: there the size is given 2.54 times over, which arrives as A4.
 */
async function printed(page: Page) {
  const file = join(mkdtempSync(join(tmpdir(), 'print-')), 'page.pdf');
  const a4 = page.context().browser()?.browserType().name() === 'firefox' ? { width: `${21 * 2.54}cm`, height: `${29.7 * 2.54}cm` } : { format: 'A4' };
  writeFileSync(file, await page.pdf(a4));
  return file;
}
