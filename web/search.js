// The search page's results (src/routes/search.rs says why they are drawn here, not by
// the app). The pre-rendered search page loads this module; it draws into each results
// box the page shows, from the query in the address (`?q=`): the pre-rendered one, the
// one the app draws in its place when it starts, and the one it draws when Back returns
// to the search page. A search the app's start interrupts goes on into a box no longer
// shown; the next one finds Pagefind loaded.
//
// Everything from the index is text: titles, dates and excerpts go in with
// `textContent`, an excerpt's highlights become <mark> elements built here, a result's
// address must be a release's, and its language a language tag, or the result is left
// out. Pagefind's script, WebAssembly and index chunks load from `pagefind/` on the
// first search, never before.
//
// The element ids are the app's (src/element_ids.rs). The index is made without the
// invisible characters `normalized` takes out of the query (web/page-parts.js).

import { INVISIBLE_FORMAT, element, fetchedOnce } from './page-parts.js';

const RESULTS_ID = 'search-results';
const QUERY_ID = 'site-search-query';
const SHOWN_AT_ONCE = 10;
// A query is a few words; an address can carry megabytes. Longer ones are cut here.
const QUERY_LIMIT = 200;
const RELEASE_PATH = /^releases\/[a-z0-9]+(?:-[a-z0-9]+)*\/$/;
const LANGUAGE_TAG = /^[A-Za-z]{2,3}(?:-[A-Za-z0-9]{1,8})*$/;

const base = new URL('.', import.meta.url);
let engine;

function normalized(query) {
  return query.normalize('NFKC').replace(INVISIBLE_FORMAT, '').trim();
}

function fill(text, holes) {
  return text.replace(/\{(\w+)\}/g, (hole, name) => (name in holes ? holes[name] : hole));
}

const loadWords = fetchedOnce(new URL('search/text.json', base));

function loadEngine() {
  engine ??= import(new URL('pagefind/pagefind.js', base).href).then(async (pagefind) => {
    // On the page's own thread: a query takes 2-90 ms at 10,000 releases, and the site
    // then needs no worker (the policy forbids them). With Pagefind's worker, Firefox
    // under WebDriver BiDi lost the page's document in 2 of 6 test runs.
    await pagefind.options({ excerptLength: 24, noWorker: true });
    return pagefind;
  });
  return engine;
}

// Pagefind's excerpt is escaped text with <mark> around the words found: split on the
// marks, and decode the five entities an escaper writes. Pagefind marks a word with the
// punctuation around it ("interviewees."): that stays outside the highlight.
function excerptNodes(excerpt) {
  const decode = (text) =>
    text.replace(/&(amp|lt|gt|quot|#39|#x27);/g, (_, entity) => ({ amp: '&', lt: '<', gt: '>', quot: '"', '#39': "'", '#x27': "'" })[entity]);
  return excerpt.split(/(<mark>.*?<\/mark>)/).flatMap((part) => {
    const marked = part.match(/^<mark>(.*)<\/mark>$/);
    if (!marked) return [decode(part)];
    const [, before, word, after] = decode(marked[1]).match(/^(\p{P}*)(.*?)(\p{P}*)$/su);
    return word ? [before, element('mark', {}, word), after] : [before + after];
  });
}

function resultItem(data) {
  const { title, date, path, language, direction } = data.meta ?? {};
  if (typeof title !== 'string' || typeof path !== 'string' || !RELEASE_PATH.test(path)) return null;
  const attributes = { class: 'search__result' };
  if (typeof language === 'string' && LANGUAGE_TAG.test(language)) attributes.lang = language;
  if (direction === 'rtl' || direction === 'ltr') attributes.dir = direction;
  return element(
    'li',
    attributes,
    element('h2', { class: 'search__title' }, element('a', { href: new URL(path, base).pathname }, title)),
    element('p', { class: 'search__date' }, typeof date === 'string' ? date : ''),
    element('p', { class: 'search__excerpt' }, ...excerptNodes(typeof data.excerpt === 'string' ? data.excerpt : '')),
  );
}

async function show(box) {
  const asked = [...(new URLSearchParams(location.search).get('q') ?? '')].slice(0, QUERY_LIMIT).join('');
  const input = document.getElementById(QUERY_ID);
  if (input && !input.value) input.value = asked;
  const query = normalized(asked);
  const status = element('p', { class: 'search__status', role: 'status' });
  box.replaceChildren(status);
  if (!query) return;
  let text;
  try {
    text = await loadWords();
    status.textContent = text.searching;
    const pagefind = await loadEngine();
    const { results } = await pagefind.search(query);
    const quoted = { query: asked.trim(), count: String(results.length) };
    status.textContent = fill(results.length === 0 ? text.no_results : results.length === 1 ? text.one_result : text.results, quoted);
    if (results.length === 0) return;
    const list = element('ol', { class: 'search__results' });
    const more = element('button', { type: 'button', class: 'button button--secondary search__more' }, text.more_results);
    box.append(list);
    let shown = 0;
    const showMore = async () => {
      const next = await Promise.all(results.slice(shown, shown + SHOWN_AT_ONCE).map((result) => result.data()));
      const items = next.map(resultItem).filter(Boolean);
      list.append(...items);
      shown += next.length;
      if (shown >= results.length) more.remove();
      return items;
    };
    await showMore();
    if (shown < results.length) box.append(more);
    more.addEventListener('click', async () => {
      const items = await showMore();
      // Focus moves to the first new result, so the reader goes on from where they asked.
      items[0]?.querySelector('a')?.focus();
    });
  } catch (error) {
    status.textContent = text?.search_failed ?? 'Search could not be loaded.';
    console.warn('newsroom: search failed:', error);
  }
}

// Each time the app shows the search page it draws a new box: draw into it once.
function showInNewBoxes() {
  const box = document.getElementById(RESULTS_ID);
  if (box && !box.hasAttribute('data-drawn')) {
    box.setAttribute('data-drawn', '');
    show(box);
  }
}

showInNewBoxes();
new MutationObserver(showInNewBoxes).observe(document.body, { childList: true, subtree: true });
