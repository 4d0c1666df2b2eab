import type { Browser, BrowserContext, BrowserContextOptions, LaunchOptions, PlaywrightWorkerArgs } from '@playwright/test';

/**
 * Firefox over WebDriver BiDi ignores three context options a test may set:
 * `colorScheme`, `reducedMotion` and `javaScriptEnabled: false` (Playwright sends the
 * last two to no BiDi command, and Firefox ESR refuses the command for the colour
 * scheme; scripts/lib/patch_playwright.mjs). So in Firefox:
 *
 * - `prefers-color-scheme` and `prefers-reduced-motion` follow prefs. The project's
 *   prefs give Playwright's defaults (light, no preference); a test that asks for
 *   another with `test.use` gets a Firefox of its own, started with the prefs it needs.
 *   `page.emulateMedia` has no such pref: tests set these options with `test.use`.
 * - A test without JavaScript gets every page with the scripts of its head taken out as
 *   it is served, and each `<noscript>` opened up (its tags removed, its content kept):
 *   what a reader with JavaScript off gets. Not Firefox's own switch, `javascript.enabled`: that stops timers and
 *   animation frames in Playwright's scripts too, and every step that waits then hangs.
 *   Only the head's: a script that content smuggled into the body is still there for the
 *   tests to find, and its event-handler attributes still run, so nothing is hidden.
 */
function prefsFor(options: BrowserContextOptions): Record<string, number | boolean> {
  const prefs: Record<string, number | boolean> = {};
  if (options.colorScheme === 'dark' || options.colorScheme === 'light') {
    prefs['layout.css.prefers-color-scheme.content-override'] = options.colorScheme === 'dark' ? 0 : 1;
  }
  if (options.reducedMotion === 'reduce' || options.reducedMotion === 'no-preference') {
    prefs['ui.prefersReducedMotion'] = options.reducedMotion === 'reduce' ? 1 : 0;
  }
  return prefs;
}

type Args = {
  context: BrowserContext;
  browserName: string;
  launchOptions: LaunchOptions;
  playwright: PlaywrightWorkerArgs['playwright'];
  _combinedContextOptions: BrowserContextOptions;
};

/** The executable scripts of a page's head: all but its JSON data blocks. */
const HEAD_SCRIPTS = /<script(?![^>]*type="application\/(ld\+)?json")[^>]*>[\s\S]*?<\/script>/g;

/** The `context` fixture: the usual one, or in Firefox one that does what the options above ask. */
export async function firefoxContext({ context, browserName, launchOptions, playwright, _combinedContextOptions }: Args, use: (context: BrowserContext) => Promise<void>) {
  if (browserName !== 'firefox') return use(context);
  // Only prefs that differ from the project's (which match Playwright's defaults) need a browser of their own.
  const prefs = Object.fromEntries(Object.entries(prefsFor(_combinedContextOptions)).filter(([name, value]) => launchOptions.firefoxUserPrefs?.[name] !== value));
  if (Object.keys(prefs).length === 0) return use(await withoutScriptIfAsked(context, _combinedContextOptions));
  // The project's launch options (its executable, channel and prefs) are the defaults here.
  const browser: Browser = await playwright.firefox.launch({ firefoxUserPrefs: { ...launchOptions.firefoxUserPrefs, ...prefs } });
  try {
    await use(await withoutScriptIfAsked(await browser.newContext(_combinedContextOptions), _combinedContextOptions));
  } finally {
    await browser.close();
  }
}

async function withoutScriptIfAsked(context: BrowserContext, options: BrowserContextOptions) {
  if (options.javaScriptEnabled === false) {
    await context.route('**/*', async (route) => {
      if (!route.request().isNavigationRequest()) return route.fallback();
      const response = await route.fetch();
      const html = await response.text();
      const headEnd = Math.max(html.indexOf('</head>'), 0);
      const body = html.slice(headEnd).replace(/<\/?noscript>/g, '');
      await route.fulfill({ response, body: html.slice(0, headEnd).replace(HEAD_SCRIPTS, '') + body });
    });
  }
  return context;
}
