import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { test, expect } from './support/fixtures';

type Report = { categories: Record<string, { score: number; auditRefs: { id: string; weight: number }[] }>; audits: Record<string, { score: number | null; title: string }> };

async function lighthouse(url: string): Promise<Report> {
  const output = join(mkdtempSync(join(tmpdir(), 'lighthouse-')), 'report.json');
  await promisify(execFile)(
    'node_modules/.bin/lighthouse',
    [url, '--quiet', '--only-categories=accessibility,seo', '--output=json', `--output-path=${output}`, '--chrome-flags=--headless=new --no-sandbox --disable-gpu --disable-background-networking --disable-component-update --disable-sync'],
    { env: { ...process.env, CHROME_PATH: '/usr/bin/chromium' } },
  );
  return JSON.parse(readFileSync(output, 'utf8'));
}

for (const [name, path] of [
  ['home', ''],
  ['archive', 'archive/'],
  ['a release', 'releases/forced-labour-import-rules-review/'],
  ['a right-to-left release', 'releases/statement-on-forced-returns-ug/'],
]) {
  test(`Lighthouse scores 100 for accessibility and SEO on ${name}`, async ({ baseURL, browserName }) => {
    test.skip(browserName !== 'chromium', 'Lighthouse drives a Chromium of its own whatever the project: the chromium project runs it');
    test.setTimeout(120_000);
    const report = await lighthouse(`${baseURL}${path}`);
    for (const category of ['accessibility', 'seo']) {
      const failing = report.categories[category].auditRefs
        .filter((ref) => ref.weight > 0 && report.audits[ref.id].score !== null && report.audits[ref.id].score! < 1)
        .map((ref) => report.audits[ref.id].title);
      expect(failing, category).toEqual([]);
      expect(report.categories[category].score, category).toBe(1);
    }
  });
}
