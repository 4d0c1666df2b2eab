// What the scripts loaded on demand (web/search.js, web/share.js) both need. In release
// builds scripts/post-build bundles it into each of them, so it is never a request of
// its own; under `trunk serve` each imports it.

// The invisible format characters (joiners, soft hyphen, direction marks, isolates) that
// the content build leaves out of indexed text and checked links
// (`is_invisible_format` in crates/content-build/src/characters.rs): typed text is
// read without them too.
export const INVISIBLE_FORMAT = /[\u00ad\u200b-\u200f\u202a-\u202e\u2060-\u2064\u2066-\u2069\ufeff]/g;

// An element with attributes and children, which are elements or text: everything from
// an index, a JSON file or the page goes in as text or as an attribute, never as markup.
export function element(name, attributes = {}, ...children) {
  const created = document.createElement(name);
  for (const [attribute, value] of Object.entries(attributes)) created.setAttribute(attribute, value);
  created.append(...children);
  return created;
}

// A function that fetches the site's JSON file `url` the first time it is called, then
// gives the same answer; after a failure, the next call tries again.
export function fetchedOnce(url) {
  let answer;
  return () => {
    answer ??= fetch(url).then((response) => {
      if (!response.ok) throw new Error(`${url.pathname}: ${response.status}`);
      return response.json();
    });
    answer.catch(() => {
      answer = undefined;
    });
    return answer;
  };
}
