// A release's ways to share it (src/components/share.rs says why they are drawn here,
// not by the app). The app adds this module the first time a reader opens a release's
// "Share this release"; from then on it draws each share panel when its disclosure
// opens, on this page and the next.
//
// Nothing here asks another host for anything. The networks' links are plain links,
// made from the release's address and title; the reader's browser goes to a network
// only when they follow one. The Mastodon server a reader types is parsed as the
// browser parses an address and must be a host name, and is kept in this browser only
// (localStorage) for their next share. Everything from the page or from
// `share/text.json` goes in with `textContent` or as an attribute, never as markup.
//
// The panel's id is the app's (src/element_ids.rs).

import { INVISIBLE_FORMAT, element, fetchedOnce } from './page-parts.js';

const PANEL_ID = 'share-panel';
const SERVER_KEY = 'newsroom.mastodon-server';
// A server's name with a user name before it is a few dozen characters; more is cut.
const TYPED_LIMIT = 512;

const base = new URL('.', import.meta.url);

const loadTexts = fetchedOnce(new URL('share/text.json', base));

// The words for the panel's language, as the app picks its own: `ug`, `UG`, `ug-CN`
// are Uyghur; a language without words of its own gets English.
function wordsFor(all, language) {
  const primary = language.toLowerCase().split(/[-_]/)[0];
  return Object.hasOwn(all, primary) ? all[primary] : all.en;
}

const enc = encodeURIComponent;

// The networks and their share addresses, in the order the panel lists them.
function networkLinks(title, url) {
  const titled = `${title} ${url}`;
  return [
    ['Bluesky', `https://bsky.app/intent/compose?text=${enc(titled)}`],
    ['X', `https://x.com/intent/post?text=${enc(title)}&url=${enc(url)}`],
    ['Facebook', `https://www.facebook.com/sharer/sharer.php?u=${enc(url)}`],
    ['LinkedIn', `https://www.linkedin.com/sharing/share-offsite/?url=${enc(url)}`],
    ['WhatsApp', `https://wa.me/?text=${enc(titled)}`],
    ['Telegram', `https://t.me/share/url?url=${enc(url)}&text=${enc(title)}`],
  ];
}

// The host of the Mastodon server a reader typed: `mastodon.social`,
// `https://mastodon.social/@name`, `@name@mastodon.social` or `name@mastodon.social`.
// `null` unless it is a host name over https with no user name or port.
function mastodonServer(typed) {
  let text = typed.normalize('NFKC').replace(INVISIBLE_FORMAT, '').trim();
  if (!text || text.length > TYPED_LIMIT) return null;
  // A server's address may go on to a profile; a name or a handle is the server alone.
  const typedAddress = /^[a-z][a-z0-9+.-]*:\/\//i.test(text);
  if (!typedAddress) text = `https://${text.slice(text.lastIndexOf('@') + 1)}`;
  let url;
  try {
    url = new URL(text);
  } catch {
    return null;
  }
  const hostName = /^(?=.{1,253}$)[a-z0-9](?:[a-z0-9-]*[a-z0-9])?(?:\.[a-z0-9](?:[a-z0-9-]*[a-z0-9])?)+$/;
  if (url.protocol !== 'https:' || url.username || url.password || url.port || !hostName.test(url.hostname)) return null;
  if (!typedAddress && (url.pathname !== '/' || url.search || url.hash)) return null;
  return url.hostname;
}

function remembered() {
  try {
    return localStorage.getItem(SERVER_KEY) ?? '';
  } catch {
    return '';
  }
}

function remember(server) {
  try {
    localStorage.setItem(SERVER_KEY, server);
  } catch {
    // Storage off: the reader types it again next time.
  }
}

function draw(panel, words, title, url) {
  const status = element('p', { class: 'share__status', role: 'status' });
  const say = (text) => {
    // Emptied first, so the same words said twice are read out twice.
    status.textContent = '';
    setTimeout(() => {
      status.textContent = text;
    }, 50);
  };
  const newTab = (name) => [name, element('span', { class: 'visually-hidden' }, ` ${words.new_tab}`)];

  const links = element(
    'ul',
    { class: 'share__links' },
    element('li', {}, element('a', { href: `mailto:?subject=${enc(title)}&body=${enc(`${title}\n\n${url}`)}` }, words.email)),
    ...networkLinks(title, url).map(([name, href]) =>
      element('li', {}, element('a', { href, target: '_blank', rel: 'noopener noreferrer' }, ...newTab(name))),
    ),
  );

  const server = element('input', {
    id: 'share-mastodon-server',
    class: 'share__field',
    type: 'text',
    inputmode: 'url',
    autocomplete: 'off',
    autocapitalize: 'none',
    spellcheck: 'false',
    'aria-describedby': 'share-mastodon-hint share-mastodon-error',
  });
  server.value = remembered();
  const serverError = element('p', { id: 'share-mastodon-error', class: 'share__error', hidden: '' });
  const mastodon = element(
    'form',
    { class: 'share__mastodon', novalidate: '' },
    element('label', { for: 'share-mastodon-server' }, words.mastodon_label),
    element('p', { id: 'share-mastodon-hint', class: 'share__hint' }, words.mastodon_hint),
    serverError,
    element(
      'div',
      { class: 'share__row' },
      server,
      element('button', { type: 'submit', class: 'button button--secondary' }, ...newTab(words.mastodon_share)),
    ),
  );
  mastodon.addEventListener('submit', (event) => {
    event.preventDefault();
    const host = mastodonServer(server.value);
    if (!host) {
      serverError.textContent = words.mastodon_invalid;
      serverError.hidden = false;
      server.setAttribute('aria-invalid', 'true');
      server.focus();
      return;
    }
    serverError.hidden = true;
    server.removeAttribute('aria-invalid');
    server.value = host;
    remember(host);
    window.open(`https://${host}/share?text=${enc(`${title}\n\n${url}`)}`, '_blank', 'noopener,noreferrer');
  });

  const address = element('input', { id: 'share-address', class: 'share__field', type: 'text', readonly: '' });
  address.value = url;
  const copy = element('button', { type: 'button', class: 'button' }, words.copy);
  copy.addEventListener('click', async () => {
    try {
      await navigator.clipboard.writeText(url);
      say(words.copied);
    } catch {
      // No clipboard here (an older browser, a page not served over https, a refusal):
      // the address is selected, for the keyboard or the menu.
      address.focus();
      address.select();
      say(words.copy_failed);
    }
  });
  const copying = element(
    'div',
    { class: 'share__copy' },
    element('label', { for: 'share-address' }, words.link_label),
    element('div', { class: 'share__row' }, address, copy),
  );

  const parts = [links, copying, mastodon];
  if (typeof navigator.share === 'function') {
    const device = element('button', { type: 'button', class: 'button button--secondary' }, words.device);
    device.addEventListener('click', () => {
      navigator.share({ title, url }).catch((error) => {
        if (error?.name !== 'AbortError') say(words.device_failed);
      });
    });
    parts.push(element('p', {}, device));
  }
  panel.replaceChildren(...parts, status);
}

async function drawIn(details) {
  const panel = details.querySelector(`#${PANEL_ID}`);
  if (!panel || panel.hasAttribute('data-drawn')) return;
  panel.setAttribute('data-drawn', '');
  try {
    const all = await loadTexts();
    const words = wordsFor(all, panel.closest('[lang]')?.lang ?? 'en');
    const title = (details.closest('article')?.querySelector('h1')?.textContent ?? document.title).trim();
    // The page's own address, as the app shows it: without a query or a #fragment.
    const url = new URL(location.pathname, location.origin).href;
    draw(panel, words, title, url);
  } catch (error) {
    panel.removeAttribute('data-drawn');
    console.warn('newsroom: sharing could not be loaded:', error);
  }
}

// `toggle` does not bubble, so it is caught on its way down.
document.addEventListener(
  'toggle',
  (event) => {
    if (event.target instanceof HTMLDetailsElement && event.target.open && event.target.matches('.share')) drawIn(event.target);
  },
  true,
);
for (const details of document.querySelectorAll('details.share[open]')) drawIn(details);
