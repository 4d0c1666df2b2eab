// Builds the search index from the content build's records (crates/content-build/src/
// search.rs): Pagefind's indexing API writes `pagefind/` in the site folder, with its
// search script and WebAssembly, and the records, which the site does not need, are
// removed. Usage: node scripts/lib/search_index.mjs SITE_DIR
//
// One index for every language (`forceLanguage`): the search page searches English,
// Turkish and Uyghur releases at once, as its readers write in any of them. Pagefind
// would otherwise split the index by language and search only the page's own. The cost:
// one stemmer (English) for all, applied alike to the text and the query, so matching
// stays exact for the other languages.
import { readdirSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import * as pagefind from 'pagefind';

const site = process.argv[2];
if (!site) throw new Error('usage: search_index.mjs SITE_DIR');
const recordsFile = join(site, 'search', 'records.json');
const records = JSON.parse(readFileSync(recordsFile, 'utf8'));

const { index, errors } = await pagefind.createIndex({ forceLanguage: 'en', keepIndexUrl: false });
if (errors.length) throw new Error(`Pagefind: ${errors.join('; ')}`);
try {
  for (const { path, title, date, language, direction, content } of records) {
    const added = await index.addCustomRecord({
      url: `/${path}`,
      content,
      language: 'en',
      meta: { title, date, path, language, direction },
    });
    if (added.errors.length) throw new Error(`Pagefind, on ${path}: ${added.errors.join('; ')}`);
  }
  const written = await index.writeFiles({ outputPath: join(site, 'pagefind') });
  if (written.errors.length) throw new Error(`Pagefind: ${written.errors.join('; ')}`);
} finally {
  await pagefind.close();
}
rmSync(recordsFile);
// Pagefind also writes its ready-made interfaces, its worker, and the WebAssembly for
// pages of an unknown language; the search page uses none of them (web/search.js draws
// the results and runs Pagefind on the page's thread).
for (const unused of readdirSync(join(site, 'pagefind'))) {
  if (/^pagefind-(component-ui|modular-ui|ui|highlight|worker)\.|^wasm\.unknown\./.test(unused)) rmSync(join(site, 'pagefind', unused));
}
