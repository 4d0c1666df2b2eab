//! Accessibility: a labelled navigation; the position is said in words, and the links
//! name their direction in time ("Newer", "Older"), which does not flip in right to left.

use leptos::prelude::*;
use newsroom_model::{IndexPage, Route};

use crate::i18n::{fill, use_ui};
use crate::navigation::href;

/// Links to the neighbouring pages of the list `route` shows.
#[component]
pub fn Pager(index: std::rc::Rc<IndexPage>, route: Route) -> impl IntoView {
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
