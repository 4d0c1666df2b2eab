// Lets Playwright 1.65.1 drive Firefox ESR over WebDriver BiDi. Playwright sends
// `emulation.setMediaFeaturesOverride` when a page or context starts, and Firefox ESR
// does not implement that command, so every page fails to open. Upstream declined to
// tolerate the error (microsoft/playwright#38038); this makes the two calls tolerate it,
// as Playwright's own `sendMayFail` does for other optional commands. Firefox then
// ignores `colorScheme`/`page.emulateMedia`, which the tests replace with Firefox prefs.
//
// Run by `npm ci` (package.json's postinstall) and by scripts/setup on every run, so
// node_modules installed before this patch gets it too. Idempotent; exits non-zero if
// Playwright's text is not exactly as expected (a new version: check whether it is still
// needed, then update the text or remove this script).
import { readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';

const require = createRequire(import.meta.url);
const file = join(dirname(require.resolve('playwright-core/package.json')), 'lib', 'coreBundle.js');
const calls = [
  'await this._session.send("emulation.setMediaFeaturesOverride", {',
  'await this._browser._browserSession.send("emulation.setMediaFeaturesOverride", {',
];

let text = readFileSync(file, 'utf8');
let changed = false;
for (const call of calls) {
  const patched = call.replace('.send(', '.sendMayFail(');
  const count = (needle) => text.split(needle).length - 1;
  if (count(call) === 1 && count(patched) === 0) {
    text = text.replace(call, patched);
    changed = true;
  } else if (!(count(call) === 0 && count(patched) === 1)) {
    console.error(`patch_playwright: expected exactly one of \`${call}\` in ${file}; Playwright changed, see this script`);
    process.exit(1);
  }
}
if (changed) {
  writeFileSync(file, text);
  console.error('patch_playwright: Firefox ESR tolerated: emulation.setMediaFeaturesOverride may fail');
}
