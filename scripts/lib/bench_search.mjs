// The search figures of scripts/bench --search, for one built site folder: what the
// first search fetches from pagefind/ (bytes as stored, before any transfer encoding), how long it takes to show results, and how long
// a query takes once Pagefind is loaded; beside it, what an index of our own would be
// if shipped as one file (its lower bound: each word once, with the numbers of the
// releases it is in, and their titles, dates and addresses).
// Two queries: a rare word (in 3 releases) and the most common one (in every release).
// Usage: node scripts/lib/bench_search.mjs SITE_DIR RECORDS_JSON
// Serves SITE_DIR itself on a free port, in Debian's Chromium, as bench_browser.mjs does.
import { createServer } from 'node:http';
import { readFileSync, statSync } from 'node:fs';
import { join, normalize } from 'node:path';
import { brotliCompressSync, constants } from 'node:zlib';
import { chromium } from '@playwright/test';

const [site, recordsFile] = process.argv.slice(2);

const records = JSON.parse(readFileSync(recordsFile, 'utf8'));
const postings = new Map();
records.forEach((record, number) => {
  for (const word of new Set(record.content.toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? [])) {
    if (!postings.has(word)) postings.set(word, []);
    postings.get(word).push(number);
  }
});
const byUse = [...postings].filter(([word]) => /^\p{L}{6,}$/u.test(word)).sort((a, b) => b[1].length - a[1].length);
const common = byUse[0][0];
const rare = byUse.find(([, releases]) => releases.length === 3)[0];
const TYPES = { '.html': 'text/html; charset=utf-8', '.js': 'text/javascript', '.json': 'application/json' };

const server = createServer((request, response) => {
  let path = normalize(decodeURIComponent(new URL(request.url, 'http://x').pathname));
  if (path.endsWith('/')) path += 'index.html';
  const file = join(site, path);
  try {
    if (!file.startsWith(site) || !statSync(file).isFile()) throw new Error('not a file');
    response.writeHead(200, { 'content-type': TYPES[path.slice(path.lastIndexOf('.'))] ?? 'application/octet-stream' });
    response.end(readFileSync(file));
  } catch {
    response.writeHead(404).end();
  }
});
await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
const origin = `http://127.0.0.1:${server.address().port}`;

const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--no-sandbox', '--disable-gpu'] });
const median = (values) => values.sort((a, b) => a - b)[Math.floor(values.length / 2)];
const figures = {};
for (const [name, word] of [['rare', rare], ['common', common]]) {
  // A new page each time: nothing cached, as a reader's first search.
  const page = await browser.newPage();
  const start = Date.now();
  await page.goto(`${origin}/search/?q=${encodeURIComponent(word)}`);
  await page.locator('.search__status').filter({ hasText: /match/ }).waitFor();
  const firstSearchMs = Date.now() - start;
  const results = await page.locator('.search__status').textContent();
  // Bytes as stored: this server sends no transfer encoding.
  const indexBytes = await page.evaluate(() =>
    performance.getEntriesByType('resource').filter((entry) => entry.name.includes('/pagefind/')).reduce((sum, entry) => sum + entry.encodedBodySize, 0),
  );
  const queryMs = [];
  for (let run = 0; run < 5; run += 1) {
    queryMs.push(
      await page.evaluate(async (word) => {
        const pagefind = await import('/pagefind/pagefind.js');
        const start = performance.now();
        const search = await pagefind.search(word);
        await Promise.all(search.results.slice(0, 10).map((result) => result.data()));
        return performance.now() - start;
      }, word),
    );
  }
  figures[name] = { word, results, firstSearchMs, indexKB: Math.round(indexBytes / 1024), queryMs: Math.round(median(queryMs)) };
  await page.close();
}
await browser.close();
server.close();

const ownIndex = JSON.stringify({
  releases: records.map(({ path, title, date }) => [path, title, date]),
  words: Object.fromEntries(postings),
});
const ownBrotli = brotliCompressSync(ownIndex, { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } }).length;
console.log(JSON.stringify({ ...figures, ownIndexKB: Math.round(ownBrotli / 1024), words: postings.size }));
