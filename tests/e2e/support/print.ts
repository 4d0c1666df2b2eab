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
  const file = join(mkdtempSync(join(tmpdir(), 'print-')), 'page.pdf');
  writeFileSync(file, await page.pdf({ format: 'A4' }));
  return execFileSync('pdftotext', ['-layout', file, '-'], { encoding: 'utf8' }).normalize('NFKC').replace(/\s+/g, ' ');
}
