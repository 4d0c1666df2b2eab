// Times what an author waits for under scripts/serve: from saving a release to its new
// title in the open tab of a real Chromium. Used by `scripts/bench --live-reload`.
//
// Usage: node scripts/lib/edit_to_visible.mjs BASE_URL RELEASE_FILE [ROUNDS]
// Opens BASE_URL's page of RELEASE_FILE (releases/<name>/), then ROUNDS times writes
// a new title into the file and waits until the page's <h1> shows it (the pre-rendered
// page after the reload, before the app starts). The time of each save is when the
// reloaded page first painted (its first-contentful-paint, on the same clock as the
// save: browser and server are this machine), not when Playwright noticed the text:
// the debug build's WASM starting on the main thread delays Playwright's check by up to
// a second after the text is on screen. Prints one line of JSON with the times in
// milliseconds ("noticed": Playwright's, for comparison). The file is put back as it
// was at the end.
import { readFileSync, writeFileSync } from 'node:fs';
import { basename } from 'node:path';
import { chromium } from 'playwright';

const [base, file, rounds = '5'] = process.argv.slice(2);
const slug = basename(file, '.md');
const original = readFileSync(file, 'utf8');
const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--no-sandbox', '--disable-gpu'] });
const times = [];
const noticed = [];
try {
  const page = await browser.newPage();
  // `trunk serve` listens once its first build is done: try for up to five minutes.
  for (let tries = 0; ; tries++) {
    try {
      await page.goto(new URL(`releases/${slug}/`, base).href);
      break;
    } catch (error) {
      if (tries >= 300) throw error;
      await new Promise((later) => setTimeout(later, 1000));
    }
  }
  // The watcher has built once and the reload client has seen its number.
  await page.waitForFunction(
    async () => (await (await fetch('.well-known/newsroom/content-build', { cache: 'no-store' })).text()).startsWith('content-build '),
    null,
    { timeout: 120_000, polling: 200 },
  );
  // An author saves a while after the page has loaded: let the app (a debug build under
  // `trunk serve`, seconds of main-thread work at first) start before the first save.
  // (Not "network idle": the reload client asks for its file every 100 ms.)
  const settle = () => page.waitForTimeout(2000);
  await settle();
  for (let round = 1; round <= Number(rounds); round++) {
    const title = `Edited title ${round} ${Date.now()}`;
    const edited = original.replace(/^title = ".*"$/m, `title = "${title}"`);
    const saved = Date.now();
    writeFileSync(file, edited);
    await page.locator('h1', { hasText: title }).waitFor({ timeout: 60_000 });
    noticed.push(Date.now() - saved);
    // The text can be in the page before its first paint (the stylesheet holds it back).
    const painted = await page.evaluate(
      () =>
        new Promise((done) => {
          const paintedAt = (paint) => done(performance.timeOrigin + paint.startTime);
          const [paint] = performance.getEntriesByName('first-contentful-paint');
          if (paint) return paintedAt(paint);
          new PerformanceObserver((list, observer) => {
            const [first] = list.getEntriesByName('first-contentful-paint');
            if (first) { observer.disconnect(); paintedAt(first); }
          }).observe({ type: 'paint' });
        }),
    );
    times.push(Math.round(painted - saved));
    await settle();
  }
} finally {
  writeFileSync(file, original);
  await browser.close();
}
const sorted = [...times].sort((a, b) => a - b);
console.log(JSON.stringify({ times, median: sorted[Math.floor(sorted.length / 2)], min: sorted[0], max: sorted.at(-1), noticed }));
