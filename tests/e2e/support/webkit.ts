/**
 * WebKit for the same suite: WebKitGTK's MiniBrowser, driven by its W3C WebDriver
 * (`WebKitWebDriver`, under Xvfb) through selenium-webdriver, behind the part of
 * Playwright's `Page` and `Locator` API that the tests use.
 *
 * Why an adapter: Playwright drives only its own patched WebKit build, which it downloads,
 * and these machines reach only the package registries; Debian's WebKitGTK speaks W3C
 * WebDriver "classic". Keeping the tests in Playwright's API keeps one suite for three
 * engines.
 *
 * What keeps it faithful: elements are found, and `expect` matchers decided, by
 * Playwright's own injected script (its selector engine: roles, accessible names, text;
 * its `expect` logic: visibility, focus, text), evaluated in the page; Playwright's own
 * `expect` formats the results. Clicks, keys and hovers are WebDriver's, which are real
 * input events in WebKit. Matchers and actions retry, as Playwright's do.
 *
 * What WebDriver classic lacks, and what stands in for it:
 * - requests: a loopback proxy in the test's process (support/request-proxy.ts) gives
 *   `route`, request events and init scripts (put into each HTML document, with their
 *   hash in the policy);
 * - the clock: MiniBrowser runs under libfaketime, so the page's clock is the process's;
 * - reduced motion and dark: GTK's settings and MiniBrowser's dark mode, at launch (so the
 *   browser starts at the test's first command, after it set them);
 * - the console: not readable over WebDriver classic; errors, unhandled rejections and
 *   policy violations are collected by listeners installed once each page has loaded
 *   (boot_script.rs starts the app after load and first paint, which can still come
 *   before WebDriver's next command: a test that reads the console gets the listeners
 *   as an init script, from the document's start; a document in which the init scripts
 *   did not run fails the test, since the policy blocking them would hide it).
 * What has no stand-in skips the test in WebKit, naming what is missing: printing (no
 * print media emulation, no Print Page command), a clock that stands still or jumps, and a
 * window narrower than MiniBrowser allows.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { createServer } from 'node:net';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { test } from '@playwright/test';
import { Builder, Key, error as webDriverError, type WebDriver, type WebElement } from 'selenium-webdriver';
import { RequestProxy, type RouteHandler } from './request-proxy';

const MINIBROWSER = '/usr/lib/x86_64-linux-gnu/webkit2gtk-4.1/MiniBrowser';
const FAKETIME_LIBRARY = '/usr/lib/x86_64-linux-gnu/faketime/libfaketime.so.1';
/** Playwright's default viewport, which the other engines' tests get too. */
const DEFAULT_VIEWPORT = { width: 1280, height: 720 };
const ACTION_TIMEOUT = 10_000;
/** Longer than any evaluation of the tests (axe on a page: about 2 s), shorter than a test. */
const SCRIPT_TIMEOUT = 8_000;
/**
 * A page of this site loads in well under a second. WebDriver's default, 300 s, would let
 * a load that stalls hang every later command, teardown included, past the test's timeout.
 */
const PAGE_LOAD_TIMEOUT = 12_000;
/** For MiniBrowser to start, or to quit. */
const BROWSER_DEADLINE = 15_000;
/** Playwright's selector step into an iframe's document. */
const ENTER_FRAME = ' >> internal:control=enter-frame >> ';
/** Playwright's frame-side `expect`, one try, in the page: finds the elements, then asks the injected script. */
const EXPECT_IN_PAGE = `async ([selector, options]) => {
  const injected = window.__playwrightInjected;
  if (!injected) return { missingInjected: true };
  const isArray = options.expression === 'to.have.count' || options.expression.endsWith('.array');
  const parsed = injected.parseSelector(selector ?? ':root');
  let elements;
  try {
    elements = isArray ? injected.querySelectorAll(parsed, document) : [injected.querySelector(parsed, document, true)].filter(Boolean);
  } catch (e) {
    return { matches: options.isNot, errorMessage: 'Error: ' + e.message };
  }
  if (elements.length === 0 && !isArray) {
    const e = options.expression;
    if (!options.isNot && (e === 'to.be.hidden' || e === 'to.be.detached')) return { matches: true };
    if (options.isNot && (e === 'to.be.visible' || e === 'to.be.attached' || e === 'to.be.in.viewport')) return { matches: false };
    return { matches: options.isNot };
  }
  const result = await injected.expect(elements[0], options, elements, true);
  return { matches: result.matches, received: result.received && { value: result.received.value } };
}`;
const EXPECT_TIMEOUT = 5_000;

/** Playwright's injected script, as Playwright itself evaluates it in every page it drives. */
function injectedSource(): string {
  const bundle = readFileSync(join(dirname(createRequire(__filename).resolve('playwright-core/package.json')), 'lib', 'coreBundle.js'), 'utf8');
  const start = bundle.indexOf("    source5 = '");
  const end = bundle.indexOf("';\n", start);
  if (start < 0 || end < 0 || !bundle.slice(Math.max(0, start - 200), start).includes('injectedScriptSource')) {
    throw new Error('Playwright\'s injected script was not found in playwright-core: the WebKit adapter knows @playwright/test 1.65.1');
  }
  return (0, eval)(bundle.slice(start + '    source5 = '.length, end + 1)) as string;
}
const injectedOptions = { isUnderTest: false, sdkLanguage: 'javascript', frameSeq: 0, testIdAttributeName: 'data-testid', stableRafCount: 1, browserName: 'webkit', shouldPrependErrorPrefix: true, isUtilityWorld: false, customEngines: [] };
let installInjectedScript: string | undefined;
function installInjected() {
  installInjectedScript ??= `if (!window.__playwrightInjected) { const module = {}; ${injectedSource()}\n window.__playwrightInjected = new (module.exports.InjectedScript())(globalThis, ${JSON.stringify(injectedOptions)}); }`;
  return installInjectedScript;
}

/**
 * Listeners for what the tests' `pageErrors` checks, and a record of console messages for
 * `page.on('console')`, installed in each loaded document.
 */
const installErrorListeners = `if (!window.__testErrors) {
  window.__testErrors = [];
  window.__testConsole = [];
  for (const [method, type] of [['log', 'log'], ['info', 'info'], ['warn', 'warning'], ['error', 'error'], ['debug', 'debug']]) {
    const original = console[method].bind(console);
    console[method] = (...args) => { window.__testConsole.push({ type, text: args.join(' ') }); original(...args); };
  }
  window.addEventListener('error', (event) => window.__testErrors.push('uncaught: ' + (event.error && event.error.message || event.message)));
  window.addEventListener('unhandledrejection', (event) => window.__testErrors.push('uncaught: ' + (event.reason && event.reason.message || event.reason)));
  document.addEventListener('securitypolicyviolation', (event) => window.__testErrors.push('console: Content-Security-Policy violation: ' + event.violatedDirective + ' blocked ' + (event.blockedURI || 'inline') + ' ' + event.sample));
  const consoleError = console.error;
  console.error = (...args) => { window.__testErrors.push('console: ' + args.join(' ')); consoleError(...args); };
}`;

function unsupportedInWebKit(capability: string): never {
  test.skip(true, `WebKitGTK's WebDriver (classic) has no ${capability}`);
  throw new Error('unreachable: test.skip throws');
}

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
    server.on('error', reject);
  });
}

/** One WebKitWebDriver under its own Xvfb per worker; each test gets a new browser. */
export class WebKitDriverServer {
  private constructor(
    readonly url: string,
    private readonly process: ChildProcess,
  ) {}

  static async start(): Promise<WebKitDriverServer> {
    const port = await freePort();
    // The screen is the default viewport: MiniBrowser runs full screen, without its toolbar.
    const child = spawn('xvfb-run', ['-a', '-s', `-screen 0 ${DEFAULT_VIEWPORT.width}x${DEFAULT_VIEWPORT.height}x24`, 'WebKitWebDriver', `--port=${port}`], { stdio: 'ignore', detached: true });
    const url = `http://127.0.0.1:${port}`;
    for (let waited = 0; ; waited += 100) {
      const ready = await fetch(`${url}/status`).then((r) => r.ok, () => false);
      if (ready) return new WebKitDriverServer(url, child);
      if (waited > 15_000) throw new Error('WebKitWebDriver did not start (is webkit2gtk-driver installed? scripts/setup installs it)');
      await new Promise((r) => setTimeout(r, 100));
    }
  }

  stop() {
    if (this.process.pid) process.kill(-this.process.pid, 'SIGTERM');
  }
}

type Options = { baseURL: string; javaScriptEnabled: boolean; colorScheme: 'light' | 'dark' | null; reducedMotion: boolean; viewport: { width: number; height: number } | null; tabsToLinks: boolean };

type ExpectOptions = { expression: string; isNot: boolean; timeout?: number; expectedText?: unknown; expectedNumber?: number; expressionArg?: unknown; expectedValue?: unknown; useInnerText?: boolean };
type ExpectResult = { matches: boolean; received?: { value: unknown }; log?: string[]; timedOut?: boolean; errorMessage?: string };


export class WebKitPage {
  readonly _apiName = 'Page';
  private currentUrl = 'about:blank';
  private dialogHandlers: ((dialog: { dismiss(): Promise<void>; accept(): Promise<void>; message(): string }) => unknown)[] = [];
  private waitsForApp = false;
  private readonly errors: string[] = [];
  private readonly consoleListeners: ((message: { type(): string; text(): string }) => unknown)[] = [];
  private session?: Promise<WebDriver>;
  /** The fake clock's file, once a test set the time: see `clock` below. */
  private clockFile?: string;
  /** Where this test's browser launcher, clock and GTK settings live. */
  private readonly folder = mkdtempSync(join(tmpdir(), 'webkit-page-'));

  private constructor(
    private readonly server: WebKitDriverServer,
    private readonly options: Options,
    private readonly proxy: RequestProxy,
  ) {}

  static async open(server: WebKitDriverServer, options: Options): Promise<WebKitPage> {
    return new WebKitPage(server, options, await RequestProxy.start());
  }

  /**
   * MiniBrowser through a launcher that sets its environment: GTK's settings (WebKitGTK
   * answers prefers-reduced-motion from gtk-enable-animations) and, for a fake clock,
   * libfaketime (UTC, the time in `clockFile`, read at most once a second).
   */
  private launcher() {
    mkdirSync(join(this.folder, 'gtk-3.0'), { recursive: true });
    writeFileSync(join(this.folder, 'gtk-3.0', 'settings.ini'), `[Settings]\ngtk-enable-animations=${this.options.reducedMotion ? 'false' : 'true'}\n`);
    const clock = this.clockFile ? `LD_PRELOAD=${FAKETIME_LIBRARY} FAKETIME_TIMESTAMP_FILE=${this.clockFile} FAKETIME_CACHE_DURATION=1 FAKETIME_DONT_FAKE_MONOTONIC=1 TZ=UTC` : '';
    const launcher = join(this.folder, 'MiniBrowser');
    writeFileSync(launcher, `#!/bin/sh\necho $$ > ${this.folder}/pid\nexport XDG_CONFIG_HOME=${this.folder} ${clock}\nexec ${MINIBROWSER} "$@"\n`, { mode: 0o755 });
    return launcher;
  }

  /** The browser starts at the test's first command, so a clock set before it applies from the start. */
  driver(): Promise<WebDriver> {
    this.session ??= this.startBrowser();
    return this.session;
  }

  /**
   * A browser that hangs while starting is killed and started again, once: what is under
   * test has not begun.
   */
  private async startBrowser(): Promise<WebDriver> {
    for (let attempt = 1; ; attempt += 1) {
      try {
        return await this.startBrowserOnce();
      } catch (e) {
        if (!(e instanceof BrowserHung) || attempt > 1) throw e;
        process.stderr.write(`webkit: ${e.message}; starting it again\n`);
      }
    }
  }

  /** Ends MiniBrowser, whose launcher wrote its process id; WebKitWebDriver then ends its session. */
  private killBrowser() {
    const pid = Number(readFileSync(join(this.folder, 'pid'), { encoding: 'utf8', flag: 'a+' }).trim());
    if (pid > 0) {
      try {
        process.kill(pid, 'SIGKILL');
      } catch {
        // It ended on its own.
      }
    }
  }

  private async startBrowserOnce() {
    const args = ['--automation', '--full-screen'];
    if (!this.options.javaScriptEnabled) args.push('--enable-javascript=false');
    if (this.options.colorScheme === 'dark') args.push('--dark-mode');
    if (!this.options.tabsToLinks) args.push('--enable-tabs-to-links=false');
    const starting = new Builder()
      .usingServer(this.server.url)
      .withCapabilities({
        browserName: 'MiniBrowser',
        unhandledPromptBehavior: 'ignore',
        proxy: { proxyType: 'manual', httpProxy: this.proxy.address, noProxy: [] },
        'webkitgtk:browserOptions': { binary: this.launcher(), args },
      })
      .build();
    const driver = await withDeadline(starting, BROWSER_DEADLINE, () => {
      this.killBrowser();
      return new BrowserHung(`MiniBrowser did not start in ${BROWSER_DEADLINE} ms`);
    });
    // WebKitWebDriver runs one session at a time: one that fails here must still end.
    try {
      await driver.manage().setTimeouts({ script: SCRIPT_TIMEOUT, pageLoad: PAGE_LOAD_TIMEOUT });
      if (this.options.viewport) await this.resizeWindow(driver, this.options.viewport);
    } catch (e) {
      await driver.quit();
      this.session = undefined;
      throw e;
    }
    return driver;
  }

  /** Makes goto and reload wait for the app, as fixtures.ts does in the other engines. */
  waitForAppAfterLoads() {
    this.waitsForApp = true;
  }

  async close() {
    const driver = await this.session?.catch(() => undefined);
    if (driver) await withDeadline(driver.quit(), BROWSER_DEADLINE, () => new BrowserHung('MiniBrowser did not quit')).catch(() => this.killBrowser());
    rmSync(this.folder, { recursive: true, force: true });
    this.proxy.stop();
  }

  /** The errors the listeners collected, in this document and in those the test left. */
  async collectedErrors(): Promise<string[]> {
    await this.harvestErrors();
    return this.errors;
  }

  private async harvestErrors() {
    if (!this.options.javaScriptEnabled) return;
    const errors = await this.run<string[] | null>('const errors = window.__testErrors; window.__testErrors = errors && []; return errors', []).catch(() => null);
    this.errors.push(...(errors ?? []));
  }

  async refreshUrl() {
    this.currentUrl = await (await this.driver()).getCurrentUrl();
  }

  context() {
    return {
      _options: { baseURL: this.options.baseURL },
      // No Playwright browser stands behind this page.
      browser: () => null,
      cookies: async () => (await (await this.driver()).manage().getCookies()).map((c) => ({ name: c.name, value: c.value, domain: c.domain, path: c.path })),
    };
  }

  /** A frame for each iframe of the document, in order. */
  private async iframesOfDocument() {
    const count = await this.run<number>('return document.querySelectorAll("iframe").length', []);
    return Array.from({ length: count }, (_, i) => ({ locator: (selector: string) => this.locator(`iframe >> nth=${i}${ENTER_FRAME}${selector}`) }));
  }

  private childFrames: { locator(selector: string): WebKitLocator }[] = [];

  /** Playwright's `frames()` is synchronous: the list is read when the document changes (setContent). */
  frames() {
    return [this.mainFrame(), ...this.childFrames];
  }

  private main?: ReturnType<WebKitPage['makeMainFrame']>;

  mainFrame() {
    this.main ??= this.makeMainFrame();
    return this.main;
  }

  private makeMainFrame() {
    return {
      locator: (selector: string) => this.locator(selector),
      evaluate: <R, A>(fn: ((arg: A) => R) | string, arg?: A) => this.evaluate(fn, arg),
      _expect: (expression: string, options: ExpectOptions) => this.expectOn(null, { ...options, expression }),
      waitForURL: (predicate: (url: URL) => boolean, options: { timeout?: number } = {}) =>
        this.poll(async () => predicate(new URL(await (await this.driver()).getCurrentUrl())), options.timeout ?? EXPECT_TIMEOUT, 'waiting for the address'),
    };
  }

  url() {
    return this.currentUrl;
  }

  async title() {
    return (await this.driver()).getTitle();
  }

  private resolve(url: string) {
    return new URL(url, this.options.baseURL).href;
  }

  private async afterNavigation() {
    if (this.options.javaScriptEnabled) {
      const initScriptsRan = await (await this.driver()).executeScript<boolean>(`${installErrorListeners}; return document.contentType !== 'text/html' || !!window.__testInitScriptsRan`);
      if (this.proxy.initScripts.length > 0 && !initScriptsRan) throw new Error('test proxy: the init scripts did not run in this document (did the policy block them?)');
      if (this.waitsForApp) {
        await this.waitForFunction(() => !document.querySelector('script[type="importmap"]') || 'wasmBindings' in window);
      }
    }
    await this.refreshUrl();
  }

  /** WebDriver does not expose the response; the same request from here answers with its status. */
  async goto(url: string) {
    const address = this.resolve(url);
    await this.harvestErrors();
    await this.navigate((driver) => driver.get(address));
    await this.afterNavigation();
    const response = await fetch(address, { redirect: 'manual' });
    return { status: () => response.status, ok: () => response.ok, headers: () => Object.fromEntries(response.headers), url: () => address };
  }

  async reload() {
    await this.harvestErrors();
    await this.navigate((driver) => driver.navigate().refresh());
    await this.afterNavigation();
  }

  /**
   * A load that does not finish in PAGE_LOAD_TIMEOUT is tried again once, naming the
   * requests still open: this site's pages need only files from the static server, so one
   * stall is the machine's, and two are the page's.
   */
  private async navigate(command: (driver: WebDriver) => Promise<void>) {
    for (let attempt = 1; ; attempt += 1) {
      try {
        return await this.guard(async () => command(await this.driver()));
      } catch (e) {
        if (!(e instanceof webDriverError.TimeoutError)) throw e;
        const open = [...this.proxy.openRequests].join(', ') || 'none';
        if (attempt > 1) throw new Error(`the page did not load in ${PAGE_LOAD_TIMEOUT} ms, twice; requests still open: ${open}`);
        process.stderr.write(`webkit: the page did not load in ${PAGE_LOAD_TIMEOUT} ms (requests still open: ${open}); loading it again\n`);
      }
    }
  }

  /**
   * Back and Forward as `history.back()` and `history.forward()`: WebDriver's own are the
   * browser's buttons, which in WebKit skip entries that no user gesture made, and the
   * tests' synthetic clicks (`activateUnannounced`) and `goto` make such entries.
   */
  async goBack() {
    await this.traverse('history.back()');
  }

  async goForward() {
    await this.traverse('history.forward()');
  }

  private async traverse(script: string) {
    await this.harvestErrors();
    const before = await (await this.driver()).getCurrentUrl();
    await this.run(script, []);
    await this.poll(async () => (await (await this.driver()).getCurrentUrl()) !== before, ACTION_TIMEOUT, `waiting for ${script}`);
    await this.poll(async () => (await this.run<string>('return document.readyState', [])) === 'complete', ACTION_TIMEOUT, 'waiting for the page to load');
    await this.afterNavigation();
  }

  /** Before the browser starts this sets the size it starts with. */
  async setViewportSize(size: { width: number; height: number }) {
    if (!this.session) {
      this.options.viewport = size;
      return;
    }
    await this.resizeWindow(await this.session, size);
  }

  /**
   * Full screen, MiniBrowser's window is its viewport, but no narrower than it allows.
   * Xvfb has no window manager: the window under the pointer has the keyboard focus (and
   * `document.hasFocus()`), and the pointer rests at the screen's centre, so the window
   * is centred on it.
   */
  private async resizeWindow(driver: WebDriver, size: { width: number; height: number }) {
    const x = Math.max(0, Math.round((DEFAULT_VIEWPORT.width - size.width) / 2));
    const y = Math.max(0, Math.round((DEFAULT_VIEWPORT.height - size.height) / 2));
    await driver.manage().window().setRect({ x, y, width: size.width, height: size.height });
    const [width] = await driver.executeScript<[number, number]>('return [window.innerWidth, window.innerHeight]');
    if (width !== size.width) unsupportedInWebKit(`window ${size.width} CSS pixels wide: MiniBrowser's narrowest is ${width}`);
  }

  async screenshot(options: { path?: string } = {}) {
    const png = Buffer.from(await (await this.driver()).takeScreenshot(), 'base64');
    if (options.path) writeFileSync(options.path, png);
    return png;
  }

  async waitForTimeout(ms: number) {
    await new Promise((r) => setTimeout(r, ms));
  }

  /**
   * A function runs with its argument; a string runs as Playwright runs it, as an
   * expression, or else as statements. WebDriver compiles the script itself, so the page's
   * policy (no 'unsafe-eval') does not stop it, as it does not stop Playwright.
   */
  async evaluate<R, A>(fn: ((arg: A) => R) | string, arg?: A): Promise<R> {
    if (typeof fn !== 'string') return this.evaluateIn(null, fn.toString(), arg);
    try {
      return await this.run<R>(`return (${fn}\n)`, []);
    } catch (e) {
      if (!(e instanceof webDriverError.JavascriptError) || !/Unexpected|Expected/.test(e.message)) throw e;
      return this.run<R>(fn, []);
    }
  }

  async waitForFunction<A>(fn: ((arg: A) => unknown) | string, arg?: A, options: { timeout?: number } = {}) {
    await this.poll(async () => !!(await this.evaluate(fn as (arg: A) => unknown, arg)), options.timeout ?? ACTION_TIMEOUT, 'waiting for a function');
  }

  keyboard = {
    press: async (keys: string) => {
      await this.pressKeys(keys);
      await this.refreshUrl();
    },
  };

  async pressKeys(keys: string) {
    const parts = keys.split('+');
    const key = webDriverKey(parts.pop()!);
    const modifiers = parts.map(webDriverKey);
    let actions = (await this.driver()).actions();
    for (const modifier of modifiers) actions = actions.keyDown(modifier);
    actions = actions.keyDown(key).keyUp(key);
    for (const modifier of modifiers.reverse()) actions = actions.keyUp(modifier);
    await this.guard(() => actions.perform());
  }

  on(event: string, handler: (...args: never[]) => unknown) {
    if (event === 'dialog') this.dialogHandlers.push(handler as never);
    else if (event === 'console') {
      // The app may log before the listeners below are installed, after the load event: a
      // test that reads the console gets them first in the document, as an init script.
      if (this.consoleListeners.length === 0) this.proxy.initScripts.unshift(installErrorListeners);
      this.consoleListeners.push(handler as never);
    }
    else if (['request', 'response', 'requestfailed'].includes(event)) this.proxy.on(event, handler);
    else unsupportedInWebKit(`'${event}' events (the fixture reads errors through listeners in the page)`);
  }

  locator(selector: string) {
    return new WebKitLocator(this, selector);
  }

  getByRole(role: string, options: RoleOptions = {}) {
    return this.locator(roleSelector(role, options));
  }

  getByText(text: string | RegExp, options: { exact?: boolean } = {}) {
    return this.locator(`internal:text=${escapeForText(text, !!options.exact)}`);
  }

  async route(pattern: string | RegExp, handler: RouteHandler) {
    this.proxy.route(pattern, handler, this.options.baseURL);
  }

  async unroute(pattern: string | RegExp) {
    this.proxy.unroute(pattern);
  }

  waitForResponse(predicate: (response: never) => boolean, options: { timeout?: number } = {}) {
    return this.proxy.waitFor('response', predicate, options.timeout ?? 30_000);
  }

  waitForEvent(event: string, predicate: (value: never) => boolean = () => true, options: { timeout?: number } = {}) {
    if (!['request', 'response', 'requestfailed'].includes(event)) unsupportedInWebKit(`'${event}' events`);
    return this.proxy.waitFor(event, predicate, options.timeout ?? 30_000);
  }

  /** Through the proxy, which puts the script into every HTML document it passes on. */
  async addInitScript<A>(script: ((arg: A) => unknown) | string, arg?: A) {
    this.proxy.initScripts.push(typeof script === 'string' ? script : `(${script.toString()})(${JSON.stringify(arg ?? null)})`);
  }

  /** Reduced motion, through GTK's settings, before the browser starts; print has no equivalent. */
  async emulateMedia(options: { media?: string | null; reducedMotion?: 'reduce' | 'no-preference' | null; colorScheme?: string | null }) {
    if (options.media) unsupportedInWebKit('print media emulation');
    if (options.colorScheme) unsupportedInWebKit('colour scheme emulation within a test (the dark project option starts MiniBrowser dark)');
    if (options.reducedMotion) {
      const reduce = options.reducedMotion === 'reduce';
      if (this.session && reduce !== this.options.reducedMotion) unsupportedInWebKit('change of reduced motion once the browser has started');
      this.options.reducedMotion = reduce;
    }
  }

  pdf(): never {
    return unsupportedInWebKit("printing: WebKitWebDriver 2.50 answers WebDriver's Print Page with 'Unknown command'");
  }

  /** A document of the test's own, as a data: address (an opaque origin, as another site's). */
  async setContent(html: string) {
    await this.harvestErrors();
    await this.guard(async () => (await this.driver()).get(`data:text/html;charset=utf-8,${encodeURIComponent(html)}`));
    await this.afterNavigation();
    this.childFrames = await this.iframesOfDocument();
  }

  /**
   * The page's clock is the browser's: MiniBrowser runs under libfaketime, reading the time
   * from a file the test rewrites. It starts at the time set and runs on (Playwright's
   * fixed time stands still; no test here depends on the difference). A clock that must
   * stand still or jump while the page runs (`install`, `pauseAt`, `runFor`) has no
   * equivalent.
   */
  clock = {
    setFixedTime: async (time: Date | string | number) => {
      const started = this.session !== undefined;
      if (started && !this.clockFile) unsupportedInWebKit('fake clock once the browser has started without one');
      this.clockFile ??= join(this.folder, 'time');
      writeFileSync(this.clockFile, `@${new Date(time).toISOString().replace('T', ' ').replace(/\..*$/, '')}\n`);
      // libfaketime reads the file at most once a second in each of WebKit's processes.
      if (started) await new Promise((r) => setTimeout(r, 2200));
    },
    install: (): never => unsupportedInWebKit('clock that stands still (page.clock.install)'),
    pauseAt: (): never => unsupportedInWebKit('clock that stands still (page.clock.pauseAt)'),
    runFor: (): never => unsupportedInWebKit('clock that jumps (page.clock.runFor)'),
  };

  /** Runs a WebDriver command; a dialog the page opened is handed to the test's handlers first. */
  async guard<T>(command: () => Promise<T>): Promise<T> {
    for (;;) {
      try {
        return await command();
      } catch (e) {
        if (!(e instanceof webDriverError.UnexpectedAlertOpenError) || this.dialogHandlers.length === 0) throw e;
        const alert = (await this.driver()).switchTo().alert();
        const message = await alert.getText();
        const dialog = { dismiss: () => alert.dismiss(), accept: () => alert.accept(), message: () => message };
        for (const handler of this.dialogHandlers) await handler(dialog as never);
      }
    }
  }

  async run<T>(script: string, args: unknown[]): Promise<T> {
    return this.guard(async () => (await this.driver()).executeScript<T>(script, ...args));
  }

  /** Calls `fn(target, arg)` in the page (target: the element `selector` finds, strictly, or none). */
  async evaluateIn<R>(selector: string | null, fn: string, arg: unknown, all = false): Promise<R> {
    if (selector?.includes(ENTER_FRAME)) return this.inFrameOf(selector, (inner) => this.evaluateIn<R>(inner, fn, arg, all));
    const script = `
      const [selector, arg, all, done] = arguments;
      const fn = (${fn});
      let target;
      if (selector !== null) {
        if (!window.__playwrightInjected) { done({ missingInjected: true }); return; }
        const injected = window.__playwrightInjected;
        const parsed = injected.parseSelector(selector);
        target = all ? injected.querySelectorAll(parsed, document) : injected.querySelector(parsed, document, true);
        if (!all && !target) { done({ missingElement: true }); return; }
      }
      const console = () => (window.__testConsole || []).splice(0);
      Promise.resolve().then(() => selector === null ? fn(arg) : fn(target, arg)).then(
        (value) => done({ value: value === undefined ? null : value, undefined: value === undefined, console: console() }),
        (e) => done({ error: String(e && e.stack || e), console: console() }));`;
    for (let interrupted = 0; ; ) {
      let result;
      try {
        result = await this.guard(async () =>
          (await this.driver()).executeAsyncScript<{ value?: R; undefined?: boolean; error?: string; missingInjected?: boolean; missingElement?: boolean; console?: { type: string; text: string }[] }>(script, selector, arg ?? null, all),
        );
      } catch (e) {
        // A document that goes away under an evaluation never answers it (WebKitWebDriver
        // waits for the script timeout, SCRIPT_TIMEOUT): asked again, the new one does, as
        // Playwright asks again when a context is destroyed.
        if (!(e instanceof webDriverError.ScriptTimeoutError) || (interrupted += 1) > 1) throw e;
        continue;
      }
      // The page's console messages come back with every evaluation, to the test's listeners.
      for (const message of result.console ?? []) for (const listener of this.consoleListeners) listener({ type: () => message.type, text: () => message.text });
      if (result.missingInjected) {
        await this.run(installInjected(), []);
        continue;
      }
      if (result.missingElement) throw new MissingElement(selector!);
      if (result.error !== undefined) throw new Error(result.error);
      return (result.undefined ? undefined : result.value) as R;
    }
  }

  async poll(check: () => Promise<boolean>, timeout: number, what: string) {
    const deadline = Date.now() + timeout;
    for (;;) {
      if (await check()) return;
      if (Date.now() > deadline) throw new Error(`Timeout ${timeout} ms exceeded ${what}`);
      await new Promise((r) => setTimeout(r, 50));
    }
  }

  /** Runs `action` inside the iframe a selector enters (Playwright's enter-frame syntax), with the rest of it. */
  private async inFrameOf<T>(selector: string | null, action: (selector: string | null) => Promise<T>): Promise<T> {
    const at = selector?.indexOf(ENTER_FRAME) ?? -1;
    if (at < 0) return action(selector);
    const frame = await this.evaluateIn<WebElement>(selector!.slice(0, at), '(element) => element', null);
    const driver = await this.driver();
    await driver.switchTo().frame(frame);
    try {
      return await action(selector!.slice(at + ENTER_FRAME.length));
    } finally {
      await driver.switchTo().defaultContent();
    }
  }

  /** Playwright's frame-side `expect`: retried until it matches or times out, in the page. */
  async expectOn(selector: string | null, options: ExpectOptions): Promise<ExpectResult> {
    const { timeout = EXPECT_TIMEOUT, ...params } = options;
    const deadline = Date.now() + timeout;
    let last: ExpectResult = { matches: params.isNot };
    for (;;) {
      last = await this.inFrameOf(selector, async (inner) => {
        for (;;) {
          const result = await this.evaluateIn<ExpectResult & { missingInjected?: boolean }>(null, EXPECT_IN_PAGE, [inner, params]);
          if (!result.missingInjected) return result;
          await this.run(installInjected(), []);
        }
      });
      if (last.errorMessage || last.matches !== params.isNot) return last;
      if (Date.now() > deadline) return { ...last, timedOut: true, log: [`  ${selector ?? 'page'}: ${JSON.stringify(last.received?.value ?? null)}`] };
      await new Promise((r) => setTimeout(r, 100));
    }
  }
}

class BrowserHung extends Error {}

/** `promise`, or the error `late` makes once `ms` have passed; a late outcome is dropped. */
function withDeadline<T>(promise: Promise<T>, ms: number, late: () => Error): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const deadline = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(late()), ms);
  });
  promise.catch(() => undefined);
  return Promise.race([promise, deadline]).finally(() => clearTimeout(timer));
}

class MissingElement extends Error {
  constructor(selector: string) {
    super(`no element matches ${selector}`);
  }
}

type RoleOptions = { name?: string | RegExp; exact?: boolean; level?: number; expanded?: boolean; pressed?: boolean; checked?: boolean; selected?: boolean; disabled?: boolean; includeHidden?: boolean };

/** Playwright's selector syntax (its locatorUtils), for the locators the tests build. */
function escapeRegex(re: RegExp) {
  if (re.unicode || (re as RegExp & { unicodeSets?: boolean }).unicodeSets) return String(re);
  return String(re).replace(/(^|[^\\])(\\\\)*(["'`])/g, '$1$2\\$3').replace(/>>/g, '\\>\\>');
}
function escapeForText(text: string | RegExp, exact: boolean) {
  return typeof text === 'string' ? `${JSON.stringify(text)}${exact ? 's' : 'i'}` : escapeRegex(text);
}
function escapeForAttribute(value: string | RegExp, exact: boolean) {
  return typeof value === 'string' ? `"${value.replace(/\\/g, '\\\\').replace(/["]/g, '\\"')}"${exact ? 's' : 'i'}` : escapeRegex(value);
}
function roleSelector(role: string, options: RoleOptions) {
  const props: [string, string][] = [];
  for (const flag of ['checked', 'disabled', 'selected', 'expanded'] as const) if (options[flag] !== undefined) props.push([flag, String(options[flag])]);
  if (options.includeHidden !== undefined) props.push(['include-hidden', String(options.includeHidden)]);
  if (options.level !== undefined) props.push(['level', String(options.level)]);
  if (options.name !== undefined) props.push(['name', escapeForAttribute(options.name, !!options.exact)]);
  if (options.pressed !== undefined) props.push(['pressed', String(options.pressed)]);
  return `internal:role=${role}${props.map(([n, v]) => `[${n}=${v}]`).join('')}`;
}

function webDriverKey(name: string): string {
  const keys: Record<string, string> = {
    Tab: Key.TAB, Enter: Key.ENTER, Escape: Key.ESCAPE, Space: ' ', ' ': ' ', Shift: Key.SHIFT, Alt: Key.ALT, Control: Key.CONTROL, Meta: Key.META,
    Home: Key.HOME, End: Key.END, PageDown: Key.PAGE_DOWN, PageUp: Key.PAGE_UP, ArrowDown: Key.ARROW_DOWN, ArrowUp: Key.ARROW_UP, ArrowLeft: Key.ARROW_LEFT, ArrowRight: Key.ARROW_RIGHT, Backspace: Key.BACK_SPACE,
  };
  if (keys[name] !== undefined) return keys[name];
  if (name.length === 1) return name;
  throw new Error(`the WebKit adapter does not know the key ${name}`);
}

class WebKitLocator {
  readonly _apiName = 'Locator';
  constructor(
    private readonly page: WebKitPage,
    readonly _selector: string,
  ) {}

  toString() {
    return `locator('${this._selector}') in WebKit`;
  }

  locator(selector: string) {
    return new WebKitLocator(this.page, `${this._selector} >> ${selector}`);
  }

  getByRole(role: string, options: RoleOptions = {}) {
    return this.locator(roleSelector(role, options));
  }

  getByText(text: string | RegExp, options: { exact?: boolean } = {}) {
    return this.locator(`internal:text=${escapeForText(text, !!options.exact)}`);
  }

  filter(options: { hasText?: string | RegExp; has?: WebKitLocator; hasNotText?: string | RegExp }) {
    let selector = this._selector;
    if (options.hasText !== undefined) selector += ` >> internal:has-text=${escapeForText(options.hasText, false)}`;
    if (options.hasNotText !== undefined) selector += ` >> internal:has-not-text=${escapeForText(options.hasNotText, false)}`;
    if (options.has) selector += ` >> internal:has=${JSON.stringify(options.has._selector)}`;
    return new WebKitLocator(this.page, selector);
  }

  nth(index: number) {
    return new WebKitLocator(this.page, `${this._selector} >> nth=${index}`);
  }

  first() {
    return this.nth(0);
  }

  last() {
    return this.nth(-1);
  }

  _expect(expression: string, options: ExpectOptions) {
    return this.page.expectOn(this._selector, { ...options, expression });
  }

  /** Retries `action` until the element exists (and, for input, is visible) or the timeout passes. */
  private async retry<T>(action: () => Promise<T>, what: string): Promise<T> {
    const deadline = Date.now() + ACTION_TIMEOUT;
    for (;;) {
      try {
        return await action();
      } catch (e) {
        const retriable = e instanceof MissingElement || e instanceof webDriverError.ElementNotInteractableError || e instanceof webDriverError.ElementClickInterceptedError || e instanceof webDriverError.StaleElementReferenceError;
        if (!retriable || Date.now() > deadline) throw new Error(`${what} ${this}: ${(e as Error).message}`);
        await new Promise((r) => setTimeout(r, 100));
      }
    }
  }

  private async element(): Promise<WebElement> {
    const element = await this.page.evaluateIn<WebElement>(this._selector, '(element) => element', null);
    if (!(await element.isDisplayed())) throw new webDriverError.ElementNotInteractableError('not visible');
    return element;
  }

  async click() {
    await this.retry(async () => {
      const element = await this.element();
      await this.page.guard(() => element.click());
    }, 'click');
    await this.page.refreshUrl();
  }

  async hover() {
    await this.retry(async () => {
      const element = await this.element();
      await this.page.guard(async () => (await this.page.driver()).actions().move({ origin: element }).perform());
    }, 'hover');
  }

  async focus() {
    await this.retry(() => this.page.evaluateIn(this._selector, '(element) => element.focus()', null), 'focus');
  }

  /** WebDriver's Element Clear, then its Send Keys: typed as real key input, as `fill` types. Send Keys refuses no keys, so an empty value is the clear alone. */
  async fill(value: string) {
    await this.retry(async () => {
      const element = await this.element();
      await this.page.guard(async () => {
        await element.clear();
        if (value) await element.sendKeys(value);
      });
    }, 'fill');
  }

  async press(key: string) {
    await this.focus();
    await this.page.keyboard.press(key);
  }

  async dispatchEvent(type: string) {
    await this.retry(
      () => this.page.evaluateIn(this._selector, '(element, type) => element.dispatchEvent(new MouseEvent(type, { bubbles: true, cancelable: true, composed: true, view: window }))', type),
      'dispatchEvent',
    );
  }

  async evaluate<R, A>(fn: (element: Element, arg: A) => R, arg?: A): Promise<R> {
    return this.retry(() => this.page.evaluateIn<R>(this._selector, fn.toString(), arg), 'evaluate');
  }

  async evaluateAll<R, A>(fn: (elements: Element[], arg: A) => R, arg?: A): Promise<R> {
    return this.page.evaluateIn<R>(this._selector, fn.toString(), arg, true);
  }

  async count() {
    return this.evaluateAll((elements) => elements.length);
  }

  async all() {
    return Array.from({ length: await this.count() }, (_, i) => this.nth(i));
  }

  async allTextContents() {
    return this.evaluateAll((elements) => elements.map((e) => e.textContent ?? ''));
  }

  async textContent() {
    return this.evaluate((element) => element.textContent);
  }

  async innerText() {
    return this.evaluate((element) => (element as HTMLElement).innerText);
  }

  async getAttribute(name: string) {
    return this.evaluate((element, name) => element.getAttribute(name), name);
  }

  async isVisible() {
    return (await this._expect('to.be.visible', { expression: 'to.be.visible', isNot: false, timeout: 0 })).matches;
  }

  async boundingBox() {
    return this.evaluate((element) => {
      const box = element.getBoundingClientRect();
      return { x: box.x, y: box.y, width: box.width, height: box.height };
    });
  }

  async scrollIntoViewIfNeeded() {
    await this.evaluate((element) => element.scrollIntoView({ block: 'center' }));
  }

  async waitFor(options: { state?: 'visible' | 'attached' | 'hidden' | 'detached'; timeout?: number } = {}) {
    const state = options.state ?? 'visible';
    const expression = `to.be.${state}`;
    const result = await this._expect(expression, { expression, isNot: false, timeout: options.timeout ?? ACTION_TIMEOUT });
    if (!result.matches) throw new Error(`waiting for ${this} to be ${state}: timed out`);
  }
}
