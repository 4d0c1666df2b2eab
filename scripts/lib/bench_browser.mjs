// Browser-side figures for `scripts/bench` (issue 10, "Benchmark"): what a reader's
// browser pays for the app, measured against the same pre-rendered pages with every
// script removed, and how fast moves between pages are.
//
// Why it exists: bundle sizes and build times say nothing about when a reader sees a
// page. The app replaces the pre-rendered body, which may paint the content a second
// time (after the WASM runs), so its LCP is only honest beside the same HTML without
// script, in the same run, on the same server. Moves are timed from the click to the
// frame painted after the new page's h1 is in the DOM, at 4x CPU slowdown, because a
// fast desktop hides what a mid-range phone feels.
//
// Usage: node scripts/lib/bench_browser.mjs [--dist DIR] [--part all|lighthouse|moves]
//          [--runs N] [--sessions N]
// Needs /usr/bin/chromium, nginx and node_modules (scripts/setup installs them). Serves
// the app at 127.0.0.1:4175 and the script-free copy at 127.0.0.2:4175 (one nginx, two
// server blocks: two origins, so neither shares a cache or a connection with the other),
// with gzip and the response headers of dist/_headers, as the figures were taken.
// Prints tables on stdout, progress on stderr.

import { execFile, execFileSync, spawn } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, readFileSync, readdirSync, rmSync, statSync, writeFileSync, mkdirSync } from 'node:fs';
import { cpus, loadavg, tmpdir, userInfo } from 'node:os';
import { join, resolve } from 'node:path';
import { promisify } from 'node:util';

const root = resolve(import.meta.dirname, '../..');
const CHROMIUM = '/usr/bin/chromium';
const PORT = 4175;
const APP_HOST = '127.0.0.1';
const FREE_HOST = '127.0.0.2';
// The same flags as the browser tests (playwright.config.ts, lighthouse.spec.ts): no
// background traffic from Chromium itself to disturb the timings.
const CHROME_FLAGS = ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync'];
const PAGES = [
  ['home', '/'],
  ['archive', '/archive/'],
  ['release (en)', '/releases/forced-labour-import-rules-review/'],
  ['release (ug, rtl)', '/releases/statement-on-forced-returns-ug/'],
];
const CPU_SLOWDOWN = 4;
// A real mouse rests on a link for a moment before pressing it; hover prefetching (to
// come) can use that moment, so the bench gives it a realistic one.
const HOVER_MS = 100;

// ---------------------------------------------------------------- arguments, checks

const options = { dist: join(root, 'dist'), part: 'all', runs: 3, sessions: 5 };
for (let i = 2; i < process.argv.length; i++) {
  const [name, inline] = process.argv[i].split('=', 2);
  const value = () => inline ?? process.argv[++i];
  if (name === '--dist') options.dist = resolve(value());
  else if (name === '--part') options.part = value();
  else if (name === '--runs') options.runs = Number(value());
  else if (name === '--sessions') options.sessions = Number(value());
  else fail(`unknown argument ${process.argv[i]} (see the header of scripts/lib/bench_browser.mjs)`);
}
if (!['all', 'lighthouse', 'moves'].includes(options.part)) fail(`--part is all, lighthouse or moves, not ${options.part}`);
if (!(options.runs >= 1 && options.sessions >= 1)) fail('--runs and --sessions take a positive number');

function fail(message) {
  console.error(`bench_browser: ${message}`);
  process.exit(1);
}

function which(command) {
  for (const dir of (process.env.PATH ?? '').split(':').concat('/usr/sbin', '/sbin')) {
    if (dir && existsSync(join(dir, command))) return join(dir, command);
  }
  return null;
}

const NGINX = which('nginx');
const LIGHTHOUSE = join(root, 'node_modules/.bin/lighthouse');
if (!existsSync(CHROMIUM)) fail(`no ${CHROMIUM}: run scripts/setup (it installs Debian's chromium)`);
if (!NGINX) fail('no nginx on PATH: run scripts/setup (it installs Debian\'s nginx)');
if (!existsSync(LIGHTHOUSE) || !existsSync(join(root, 'node_modules/@playwright/test'))) fail('no Lighthouse or Playwright in node_modules: run scripts/setup');
if (!existsSync(join(options.dist, 'index.html')) || !existsSync(join(options.dist, '_headers'))) fail(`no built site in ${options.dist}: run scripts/build first`);
const { chromium } = await import('@playwright/test');

// ---------------------------------------------------------------- small helpers

const log = (message) => console.error(`  ${message}`);
const sleep = (ms) => new Promise((done) => setTimeout(done, ms));

function median(values) {
  if (values.length === 0) return NaN;
  const sorted = [...values].sort((a, b) => a - b);
  const middle = sorted.length >> 1;
  return sorted.length % 2 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
}

const ms = (value) => (Number.isFinite(value) ? Math.round(value).toLocaleString('en-US') : '—');
function table(header, rows) {
  const widths = header.map((_, column) => Math.max(...[header, ...rows].map((row) => String(row[column]).length)));
  const line = (row) => row.map((cell, column) => (column === 0 ? String(cell).padEnd(widths[column]) : String(cell).padStart(widths[column]))).join('  ');
  console.log(line(header));
  for (const row of rows) console.log(line(row));
}

function htmlFiles(dir) {
  return readdirSync(dir, { recursive: true })
    .filter((name) => name.endsWith('.html'))
    .map((name) => join(dir, name));
}

// The text of an element as the DOM's textContent gives it: tags dropped, the few
// entities the content build writes decoded, whitespace collapsed.
function textOf(html) {
  return html
    .replace(/<[^>]*>/g, '')
    .replace(/&(#x[0-9a-f]+|#[0-9]+|amp|lt|gt|quot|apos|nbsp);/gi, (_, entity) => {
      const named = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: '\u00a0' }[entity.toLowerCase()];
      if (named) return named;
      return String.fromCodePoint(entity[1].toLowerCase() === 'x' ? parseInt(entity.slice(2), 16) : parseInt(entity.slice(1), 10));
    })
    .replace(/\s+/g, ' ')
    .trim();
}

// ---------------------------------------------------------------- the script-free copy

// A script element ends at the first `</script` whatever it holds (the HTML parser's
// rule, and the content build escapes `<` inside its JSON), so a lazy match is exact.
const SCRIPT = /<script\b[^>]*>[\s\S]*?<\/script\s*>/gi;
const PRELOADS = /<link\b(?=[^>]*\brel=["']?modulepreload\b)[^>]*>|<link\b(?=[^>]*\brel=["']?preload\b)(?=[^>]*\.wasm\b)[^>]*>/gi;

function scriptFreeCopy(dist, into) {
  cpSync(dist, into, { recursive: true });
  let pages = 0;
  for (const file of htmlFiles(into)) {
    const html = readFileSync(file, 'utf8');
    const stripped = html.replace(SCRIPT, '').replace(PRELOADS, '');
    // Checked, not assumed: a page that still loads the app would make the comparison a lie.
    if (/<script\b/i.test(stripped) || /modulepreload|\.wasm/i.test(stripped)) throw new Error(`${file}: script or app preload left after stripping`);
    if (stripped !== html) pages++;
    writeFileSync(file, stripped);
  }
  if (pages === 0) throw new Error(`no page in ${dist} had a script to strip`);
  return pages;
}

// ---------------------------------------------------------------- nginx

function headersInclude(site, into) {
  writeFileSync(into, execFileSync(join(root, 'scripts/nginx-headers'), [site], { encoding: 'utf8' }));
}

async function startNginx(work, appDir, freeDir) {
  mkdirSync(join(work, 'tmp'));
  headersInclude(appDir, join(work, 'app-headers.conf'));
  headersInclude(freeDir, join(work, 'free-headers.conf'));
  // As in tests/e2e/support/static-server.sh: nginx started as root serves through
  // workers running as `nobody`, who cannot read a private checkout.
  const user = process.getuid() === 0 ? `user ${userInfo().username} ${execFileSync('id', ['-gn'], { encoding: 'utf8' }).trim()};` : '';
  const server = (host, dir, include) => `
  server {
    listen ${host}:${PORT};
    root ${dir};
    error_page 404 /404.html;
    include ${include};
  }`;
  writeFileSync(
    join(work, 'nginx.conf'),
    `${user}
worker_processes 1;
daemon off;
pid ${work}/nginx.pid;
error_log stderr warn;
events { worker_connections 256; }
http {
  include /etc/nginx/mime.types;
  default_type application/octet-stream;
  access_log off;
  log_not_found off;
  charset utf-8;
  charset_types text/xml application/json text/plain;
  # The issue's figures were taken through nginx with gzip, as most hosts compress.
  gzip on;
  gzip_comp_level 6;
  gzip_min_length 256;
  gzip_types text/css application/javascript text/javascript application/json application/wasm image/svg+xml text/xml application/atom+xml;
  client_body_temp_path ${work}/tmp/body;
  proxy_temp_path ${work}/tmp/proxy;
  fastcgi_temp_path ${work}/tmp/fastcgi;
  uwsgi_temp_path ${work}/tmp/uwsgi;
  scgi_temp_path ${work}/tmp/scgi;
${server(APP_HOST, appDir, join(work, 'app-headers.conf'))}
${server(FREE_HOST, freeDir, join(work, 'free-headers.conf'))}
}
`,
  );
  const nginx = spawn(NGINX, ['-p', work, '-c', join(work, 'nginx.conf')], { stdio: ['ignore', 'ignore', 'pipe'] });
  let stderr = '';
  nginx.stderr.on('data', (chunk) => (stderr += chunk));
  const exited = new Promise((done) => nginx.on('exit', done));
  for (let attempt = 0; attempt < 50; attempt++) {
    if (nginx.exitCode !== null) break;
    try {
      const [app, free] = await Promise.all([fetch(`http://${APP_HOST}:${PORT}/`), fetch(`http://${FREE_HOST}:${PORT}/`)]);
      if (app.ok && free.ok) return { stop: () => (nginx.kill('SIGTERM'), exited) };
    } catch {
      // not listening yet
    }
    await sleep(100);
  }
  nginx.kill('SIGTERM');
  throw new Error(`nginx did not serve ${APP_HOST}:${PORT} and ${FREE_HOST}:${PORT} (is the port taken?): ${stderr.trim()}`);
}

// ---------------------------------------------------------------- Lighthouse

async function lighthouse(url, method, work) {
  const output = join(work, 'lighthouse.json');
  rmSync(output, { force: true });
  await promisify(execFile)(
    LIGHTHOUSE,
    [url, '--quiet', '--only-categories=performance', `--throttling-method=${method}`, '--output=json', `--output-path=${output}`, `--chrome-flags=--headless=new ${CHROME_FLAGS.join(' ')}`],
    { env: { ...process.env, CHROME_PATH: CHROMIUM }, maxBuffer: 64 << 20 },
  );
  const report = JSON.parse(readFileSync(output, 'utf8'));
  if (report.runtimeError) throw new Error(`Lighthouse on ${url}: ${report.runtimeError.code} ${report.runtimeError.message}`);
  const metric = (id) => {
    const value = report.audits[id]?.numericValue;
    if (typeof value !== 'number') throw new Error(`Lighthouse on ${url} (${method}) gave no ${id}: ${report.audits[id]?.errorMessage ?? 'missing'}`);
    return value;
  };
  return {
    lcp: metric('largest-contentful-paint'),
    fcp: metric('first-contentful-paint'),
    tbt: metric('total-blocking-time'),
    cls: metric('cumulative-layout-shift'),
    score: report.categories.performance.score * 100,
  };
}

// Lighthouse now and then fails to record a trace (NO_NAVSTART, NO_FCP under load):
// such a run is repeated, at most twice, and counted in the output.
let retried = 0;
async function lighthouseRetried(url, method, work) {
  for (let attempt = 1; ; attempt++) {
    try {
      return await lighthouse(url, method, work);
    } catch (error) {
      if (attempt === 3) throw error;
      retried++;
      log(`Lighthouse failed, run again: ${String(error.message).split('\n').find((line) => /error/i.test(line)) ?? error.message}`);
    }
  }
}

async function lighthouseSection(work) {
  const methods = ['simulate', 'devtools'];
  const results = {};
  for (const method of methods) {
    for (const [name, path] of PAGES) {
      const runs = { app: [], free: [] };
      for (let run = 1; run <= options.runs; run++) {
        // Alternating app and script-free runs, so a drift of the machine hits both alike.
        for (const [kind, host] of [['app', APP_HOST], ['free', FREE_HOST]]) {
          log(`Lighthouse ${method}, ${name}, ${kind}, run ${run}/${options.runs}`);
          runs[kind].push(await lighthouseRetried(`http://${host}:${PORT}${path}`, method, work));
        }
      }
      const med = (kind, key) => median(runs[kind].map((run) => run[key]));
      results[`${method} ${name}`] = { method, name, med };
    }
  }
  if (retried) console.log(`\n(${retried} Lighthouse run(s) failed to record a trace and were run again)`);
  for (const method of methods) {
    console.log(`\nLighthouse 12.2.3 performance, default mobile, --throttling-method=${method}: median of ${options.runs} runs per cell (each metric its own median)`);
    console.log('app = the site as built; no-JS = the same pages with every <script> and the app preloads removed');
    const rows = PAGES.map(([name]) => {
      const { med } = results[`${method} ${name}`];
      const pair = (key, format) => `${format(med('app', key))} / ${format(med('free', key))}`;
      return [
        name,
        ms(med('app', 'lcp')),
        ms(med('free', 'lcp')),
        (med('app', 'lcp') / med('free', 'lcp')).toFixed(2),
        pair('fcp', ms),
        pair('tbt', ms),
        pair('cls', (value) => value.toFixed(3)),
        pair('score', (value) => value.toFixed(0)),
      ];
    });
    table(['page', 'LCP app', 'LCP no-JS', 'ratio', 'FCP app / no-JS', 'TBT app / no-JS', 'CLS app / no-JS', 'score app / no-JS'], rows);
  }
}

// ---------------------------------------------------------------- moves between pages

// What each page is, read from the pre-rendered files: the h1 text that says the new
// page is in place, the JSON it is made from, and the links on it.
function siteMap(dist) {
  const pages = new Map();
  for (const file of htmlFiles(dist)) {
    const relative = file.slice(dist.length + 1);
    if (!relative.endsWith('index.html')) continue;
    const path = `/${relative.slice(0, -'index.html'.length)}`;
    const html = readFileSync(file, 'utf8').replace(SCRIPT, (script) => (/id="page-data"/.test(script) ? script.replace(/>[\s\S]*$/, '>') : ''));
    const h1 = html.match(/<h1\b[^>]*>([\s\S]*?)<\/h1>/i);
    const data = html.match(/id="page-data" data-path="([^"]+)"/);
    if (!h1 || !data) continue;
    const main = html.slice(html.indexOf('<main'), html.indexOf('</main>'));
    const releases = [...main.matchAll(/class="release-list__title"><a href="([^"]+)"/g)].map((m) => m[1]);
    const years = [...main.matchAll(/<a href="(\/archive\/\d{4}\/)"/g)].map((m) => m[1]);
    pages.set(path, { h1: textOf(h1[1]), data: `/${data[1]}`, releases, years });
  }
  return pages;
}

// One reading session: from home to a release and back, into the archive, a year, a
// release of that year, the archive's pager, and again along the same links. The first
// visit of each page fetches its JSON; coming back by a link (not history) does not.
function itinerary(site, session) {
  const home = site.get('/');
  const archive = site.get('/archive/');
  const release = home.releases[session % home.releases.length];
  const year = archive.years[session % archive.years.length];
  const yearRelease = site.get(year).releases.find((href) => href !== release);
  if (!release || !year || !yearRelease || !archive.releases.length) throw new Error('the site has too few releases or years for the itinerary');
  return [release, '/', '/archive/', year, yearRelease, '/archive/', '/archive/page/2/', '/archive/', year, yearRelease, '/', release];
}

// Installed once per page session. Stamps the click (capture phase on window: before the
// app's own listener), and watches Event Timing entries for INP.
function installProbe() {
  const bench = (window.__bench = { t0: null, hover: null, events: [] });
  addEventListener('click', (event) => bench.t0 ??= event.timeStamp, true);
  // The last time the pointer came onto a link before the click: the warning a hover gives.
  addEventListener('pointerover', (event) => {
    if (bench.t0 === null && event.target.closest?.('a')) bench.hover = event.timeStamp;
  }, true);
  // durationThreshold 16 is the least the browser allows; shorter interactions are not
  // reported, which the summary says.
  new PerformanceObserver((list) => {
    for (const entry of list.getEntries()) {
      if (entry.interactionId) bench.events.push({ name: entry.name, id: entry.interactionId, start: entry.startTime, duration: entry.duration });
    }
  }).observe({ type: 'event', durationThreshold: 16, buffered: true });
}

// Armed before each click: resolves once the expected h1 is in the DOM (a
// MutationObserver, called at the microtask after the change) and then once more after
// the next frame is painted (a task queued from requestAnimationFrame runs after that
// frame's paint).
function armProbe(expected) {
  const bench = window.__bench;
  bench.t0 = null;
  bench.hover = null;
  const normal = (text) => text.replace(/\s+/g, ' ').trim();
  bench.done = new Promise((done) => {
    const observer = new MutationObserver(() => {
      const h1 = document.querySelector('main h1');
      if (!h1 || normal(h1.textContent) !== expected) return;
      observer.disconnect();
      const dom = performance.now();
      requestAnimationFrame(() => setTimeout(() => done({ t0: bench.t0, hover: bench.hover, dom, paint: performance.now() }), 0));
    });
    observer.observe(document, { childList: true, subtree: true, characterData: true });
  });
}

async function session(browser, site, variant, number) {
  const context = await browser.newContext(); // a fresh HTTP cache: a first visit is a first visit
  const page = await context.newPage();
  const known = new Set(); // JSON this page session has fetched (or started with)
  let inFlight = 0;
  page.on('request', (request) => {
    const path = new URL(request.url()).pathname;
    if (path.startsWith('/data/')) {
      known.add(path);
      inFlight++;
    }
  });
  const settled = () => inFlight--;
  page.on('requestfinished', (request) => new URL(request.url()).pathname.startsWith('/data/') && settled());
  page.on('requestfailed', (request) => new URL(request.url()).pathname.startsWith('/data/') && settled());
  const policyErrors = [];
  page.on('console', (message) => /Content.Security.Policy/i.test(message.text()) && policyErrors.push(message.text()));

  await page.goto(`http://${APP_HOST}:${PORT}/`);
  await page.waitForFunction(() => 'wasmBindings' in window, null, { timeout: 20_000 });
  await page.waitForLoadState('networkidle');
  known.add(site.get('/').data); // seeded from the pre-rendered page: the app keeps it
  const startH1 = await page.locator('main h1').textContent();
  if (textOf(startH1) !== site.get('/').h1) throw new Error(`home's h1 in the browser (${startH1}) is not the pre-rendered one (${site.get('/').h1})`);
  await page.evaluate(installProbe);
  const cdp = await context.newCDPSession(page);
  await cdp.send('Emulation.setCPUThrottlingRate', { rate: CPU_SLOWDOWN });

  const moves = [];
  let here = '/';
  for (const target of itinerary(site, number)) {
    const { h1, data } = site.get(target);
    const kind = known.has(data) ? 'revisit' : 'first';
    // The link a reader would take: in the page's content first, else the site's menu.
    let link = page.locator(`main a[href="${target}"]`).first();
    if ((await link.count()) === 0) link = page.locator(`.site-header__nav a[href="${target}"]`).first();
    if ((await link.count()) === 0) throw new Error(`no link to ${target} on ${here}`);
    await page.evaluate(armProbe, h1);
    if (variant === 'hover') {
      // Playwright's hover scrolls the link into view and moves the pointer onto it;
      // the press is then a plain mouse down and up where the pointer rests, as a hand
      // does (locator.click would first wait for the link to be stable for two frames,
      // which at 4x CPU adds some 70 ms to the rest).
      await link.hover();
      await sleep(HOVER_MS);
      await page.mouse.down();
      await page.mouse.up();
    } else {
      // A click dispatched on the element: no pointer, focus or touch before it, so
      // nothing warns the app that it is coming (and it is no trusted input, so Event
      // Timing does not see it: INP comes from the hover variant).
      await link.evaluate((anchor) => anchor.click());
    }
    const timing = await Promise.race([page.evaluate(() => window.__bench.done), sleep(15_000).then(() => null)]);
    if (!timing) throw new Error(`moving from ${here} to ${target}: the h1 "${h1}" did not appear within 15 s`);
    if (timing.t0 === null) throw new Error(`moving from ${here} to ${target}: no click was seen`);
    moves.push({ from: here, to: target, kind, ...timing });
    here = target;
    // Let the move finish (focus, announcement, requests) before the next one.
    for (let wait = 0; inFlight > 0 && wait < 100; wait++) await sleep(50);
    await sleep(400);
  }
  const events = await page.evaluate(() => window.__bench.events);
  for (const move of moves) {
    // The interaction of this click: entries sharing an interactionId with one that
    // started at the click (or at its pointerdown, just before it).
    const ids = new Set(events.filter((entry) => entry.start >= move.t0 - 200 && entry.start <= move.t0 + 1).map((entry) => entry.id));
    const durations = events.filter((entry) => ids.has(entry.id)).map((entry) => entry.duration);
    move.inp = durations.length ? Math.max(...durations) : null; // null: under 16 ms
  }
  if (policyErrors.length) throw new Error(`Content-Security-Policy violations during the moves: ${policyErrors.join('; ')}`);
  await context.close();
  return moves;
}

async function movesSection() {
  const site = siteMap(options.dist);
  for (const path of ['/', '/archive/', '/archive/page/2/']) if (!site.has(path)) throw new Error(`no pre-rendered ${path} in ${options.dist}`);
  const browser = await chromium.launch({ executablePath: CHROMIUM, args: CHROME_FLAGS });
  const all = { hover: [], direct: [] };
  try {
    for (const variant of ['hover', 'direct']) {
      for (let number = 0; number < options.sessions; number++) {
        log(`moves, ${variant}, session ${number + 1}/${options.sessions}`);
        all[variant].push(...(await session(browser, site, variant, number)));
      }
    }
  } finally {
    await browser.close();
  }

  console.log(`\nMoves between pages, CPU slowed ${CPU_SLOWDOWN}x (Chromium, CDP Emulation.setCPUThrottlingRate), ${options.sessions} sessions per variant, each in a fresh browser context`);
  console.log('click -> next painted frame after the new h1 is in the DOM (ms); "in DOM" = click -> h1 in the DOM');
  console.log('first = the target\'s JSON not fetched before in this page session; revisit = reached again by a link, not history');
  const gaps = all.hover.map((move) => move.t0 - move.hover).filter(Number.isFinite);
  const rows = [];
  for (const [variant, label] of [['hover', `hover ${HOVER_MS} ms, click`], ['direct', 'element.click(), no hover']]) {
    for (const kind of ['first', 'revisit']) {
      const moves = all[variant].filter((move) => move.kind === kind);
      const paint = moves.map((move) => move.paint - move.t0);
      const dom = moves.map((move) => move.dom - move.t0);
      rows.push([label, kind, moves.length, ms(median(paint)), ms(Math.min(...paint)), ms(Math.max(...paint)), ms(median(dom))]);
    }
  }
  table(['variant', 'move', 'n', 'median', 'min', 'max', 'in DOM (median)'], rows);
  console.log(`hover: Playwright hover, ${HOVER_MS} ms wait, Playwright click; pointer on the link to click, median ${ms(median(gaps))} ms (min ${ms(Math.min(...gaps))}, max ${ms(Math.max(...gaps))})`);

  const byLink = new Map();
  for (const move of all.hover) {
    const kindOf = (path) => (path === '/' ? 'home' : path.startsWith('/releases/') ? 'release' : /\/\d{4}\/$/.test(path) ? 'year' : 'archive');
    const key = `${kindOf(move.from)} -> ${kindOf(move.to)}, ${move.kind}`;
    byLink.set(key, [...(byLink.get(key) ?? []), move.paint - move.t0]);
  }
  console.log('\nBy link (hover variant): median ms (n)');
  table(['link', 'median', 'n'], [...byLink].sort().map(([key, values]) => [key, ms(median(values)), values.length]));

  console.log(`\nINP, CPU slowed ${CPU_SLOWDOWN}x: Event Timing (PerformanceObserver 'event', durationThreshold 16), the longest entry of each click's interaction, hover variant (trusted clicks)`);
  console.log('an interaction lasts until the first frame painted after its handlers: for a first visit that is before the JSON arrives');
  table(
    ['move', 'clicks', '>= 16 ms', 'median', 'worst (INP of a session under 50 clicks)'],
    ['first', 'revisit'].map((kind) => {
      const moves = all.hover.filter((move) => move.kind === kind);
      // An unreported interaction took under 16 ms: counted as 16, an upper bound.
      const durations = moves.map((move) => move.inp ?? 16);
      const reported = moves.filter((move) => move.inp !== null).length;
      const med = median(durations);
      return [kind, moves.length, reported, med <= 16 && reported < moves.length / 2 ? '< 16' : ms(med), reported ? ms(Math.max(...durations)) : '< 16'];
    }),
  );
}

// ---------------------------------------------------------------- main

const work = mkdtempSync(join(tmpdir(), 'bench-browser-'));
let server;
const cleanUp = async () => {
  if (server) await server.stop();
  server = null;
  rmSync(work, { recursive: true, force: true });
};
process.on('SIGINT', () => cleanUp().finally(() => process.exit(130)));
process.on('SIGTERM', () => cleanUp().finally(() => process.exit(143)));

// Other work on the machine shows in every figure: say how busy it was.
const load = () => `load average ${loadavg().map((value) => value.toFixed(1)).join(' ')} on ${cpus().length} cores`;
const started = Date.now();
console.log(`Browser figures for ${options.dist} (${load()} at the start)`);
try {
  const freeDir = join(work, 'script-free');
  const stripped = scriptFreeCopy(options.dist, freeDir);
  log(`script-free copy: ${stripped} pages stripped`);
  server = await startNginx(work, options.dist, freeDir);
  if (options.part !== 'moves') await lighthouseSection(work);
  if (options.part !== 'lighthouse') await movesSection();
  console.log(`\n(browser bench took ${Math.round((Date.now() - started) / 1000)} s; ${load()})`);
} catch (error) {
  console.error(`bench_browser: ${error.stack ?? error}`);
  process.exitCode = 1;
} finally {
  await cleanUp();
}
