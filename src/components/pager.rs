//! Accessibility: a labelled navigation; the position is said in words, and the links
//! name their direction in time ("Newer", "Older"), which does not flip in right to left.

use leptos::prelude::*;
use newsroom_model::{IndexPage, Route};

use crate::i18n::{fill, use_ui};
use crate::navigation::href;

/// Links to the neighbouring pages of the list `route` shows.
#[component]
pub fn Pager(index: std::sync::Arc<IndexPage>, route: Route) -> impl IntoView {
    let ui = use_ui();
    let (page, pages) = (index.page, index.pages);
    let newer = (page > 1).then(|| href(&route.with_page(page - 1)));
    let older = (page < pages).then(|| href(&route.with_page(page + 1)));
    (pages > 1).then(|| view! {
        <nav class="pager" aria-label=ui.pages_navigation>
            {newer.map(|link| view! { <a rel="prev" href=link>{ui.newer_releases}</a> })}
            <span class="pager__position">{fill(ui.page_of, &[("name", ui.pages_navigation), ("page", &page.to_string()), ("pages", &pages.to_string())])}</span>
            {older.map(|link| view! { <a rel="next" href=link>{ui.older_releases}</a> })}
        </nav>
    })
}

#[cfg(all(test, feature = "ssr"))]
mod tests {
    use std::sync::Arc;

    use super::*;
    use crate::components::examples::{index_page, render};
    use crate::components::markup::Markup;

    /// The pager of archive page `page` of `pages`.
    fn pager(page: u32, pages: u32, language: &str) -> Markup {
        let route = Route::Archive { page };
        let index = Arc::new(index_page(page, pages));
        Markup::of(&render(route.clone(), language, move || view! { <Pager index route /> }))
    }

    #[test]
    fn the_pager_is_a_navigation_named_pages_that_says_the_position_in_words() {
        let page = pager(2, 3, "en");
        assert!(page.one("navigation", "Pages").text.contains("Pages, page 2 of 3"), "{}", page.html());
    }

    #[test]
    fn its_links_name_their_direction_in_time_and_lead_to_the_neighbouring_pages_under_the_sub_path() {
        let page = pager(2, 3, "en");
        let newer = page.one("link", "Newer releases");
        assert_eq!((newer.attribute("href"), newer.attribute("rel")), (Some("/newsroom/archive/"), Some("prev")));
        let older = page.one("link", "Older releases");
        assert_eq!(
            (older.attribute("href"), older.attribute("rel")),
            (Some("/newsroom/archive/page/3/"), Some("next"))
        );
    }

    #[test]
    fn the_first_page_has_no_newer_link_and_the_last_no_older_one() {
        let first = pager(1, 3, "en");
        assert!(!first.has("link", "Newer releases") && first.has("link", "Older releases"));
        let last = pager(3, 3, "en");
        assert!(last.has("link", "Newer releases") && !last.has("link", "Older releases"));
    }

    #[test]
    fn a_list_of_one_page_has_no_pager() {
        assert!(pager(1, 1, "en").all("navigation").is_empty());
    }

    #[test]
    fn on_a_uyghur_page_the_pager_speaks_uyghur() {
        let page = pager(2, 3, "ug");
        assert!(page.one("navigation", "بەتلەر").text.contains("بەتلەر، 2-بەت (جەمئىي 3)"), "{}", page.html());
        page.one("link", "يېڭىراق باياناتلار");
        page.one("link", "كونىراق باياناتلار");
    }
}
