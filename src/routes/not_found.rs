use leptos::prelude::*;
use newsroom_model::Route;

use crate::i18n::use_ui;
use crate::navigation::{href, use_navigation};

/// Shown for an address no page has, and for a release or list page that does not exist.
#[component]
pub fn NotFound() -> impl IntoView {
    let navigation = use_navigation();
    let ui = use_ui();
    // A route without data is ready at once; a missing file reports itself via data_page.
    if navigation.route.get_untracked() == Route::NotFound {
        Effect::new(move |_| navigation.page_ready(ui.not_found_heading.to_string(), None));
    }
    notice(ui.not_found_heading, "not-found-heading", ui.not_found_text, None)
}

/// A page that is a heading, a text and the ways on (the latest releases, the archive):
/// the not-found page, and the search page before its results. One view for both, so
/// the browser build carries its code once (a view of its own for search cost 1.3 KB).
/// `box_id` names what holds the text and the links, for a script that replaces them.
pub(super) fn notice(
    heading: &'static str,
    heading_id: &'static str,
    text: &'static str,
    box_id: Option<&'static str>,
) -> impl IntoView {
    let ui = use_ui();
    view! {
        <section class="notice" aria-labelledby=heading_id>
            <h1 id=heading_id tabindex="-1">{heading}</h1>
            <div id=box_id>
                <p>{text}</p>
                <ul>
                    <li><a href=href(&Route::Home)>{ui.latest_releases}</a></li>
                    <li><a href=href(&Route::Archive { page: 1 })>{ui.all_releases}</a></li>
                </ul>
            </div>
        </section>
    }
}
