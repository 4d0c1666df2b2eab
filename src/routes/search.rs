//! The search page. Searching is done by Pagefind: `scripts/post-build` indexes every
//! published release (the content build's `search/records.json`), and Pagefind's script
//! and index chunks load only from this page, when there is something to search for. At
//! 10,000 releases the index is 13 MB in 10,178 files, and a first search fetches 166 to
//! 182 KB of it, Pagefind's script and WebAssembly included (docs/benchmarks.md, 1a52015).
//!
//! The results are drawn by `web/search.js`, not by the app: drawn here they cost the
//! first load of every page about 2 KB brotli, which the 100 KB budget does not have, and
//! the script loads only on this page. The app draws the page around them (the heading,
//! and what readers without script read instead), adds the script once, and never
//! touches the results box again; the script watches for the box each time this page is
//! shown.
//!
//! Accessibility: the results come with a status message (a live region) that says how
//! many releases match; each result is a level-2 heading with its link, in the release's
//! own language and direction.

use leptos::prelude::*;

use super::not_found::notice;
use crate::element_ids;
use crate::i18n::use_ui;
use crate::navigation::use_navigation;

#[component]
pub fn Search() -> impl IntoView {
    let navigation = use_navigation();
    let ui = use_ui();
    Effect::new(move |_| navigation.page_ready(ui.search.to_string(), None));
    // Without script, the page explains itself and shows the ways on; with script,
    // web/search.js replaces that at once, so the browser build does not carry the text.
    #[cfg(feature = "ssr")]
    let for_readers_without_script = crate::i18n::search_text(&navigation.language.get_untracked()).needs_script;
    #[cfg(not(feature = "ssr"))]
    let for_readers_without_script = "";
    notice(ui.search, "search-heading", for_readers_without_script, Some(element_ids::SEARCH_RESULTS))
}

#[cfg(all(test, feature = "ssr"))]
mod tests {
    use newsroom_model::Route;

    use crate::components::examples::render_page;
    use crate::components::markup::Markup;

    #[test]
    fn without_script_the_search_page_says_what_search_needs_with_the_ways_on_in_its_language() {
        let page = Markup::of(&render_page(Route::Search, None, "en"));
        let main = page.within(page.only("main"));
        main.one("heading", "Search");
        assert!(page.by_id("search-results").text.starts_with("Search runs in your browser and needs JavaScript"));
        main.one("link", "All releases, in the archive");
        let page = Markup::of(&render_page(Route::Search, None, "ug"));
        page.one("heading", "ئىزدەش");
        assert!(page.by_id("search-results").text.contains("JavaScript تەلەپ قىلىدۇ"), "{}", page.html());
    }
}
