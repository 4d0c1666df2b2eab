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
    view! {
        <section class="not-found" aria-labelledby="not-found-heading">
            <h1 id="not-found-heading" tabindex="-1">{ui.not_found_heading}</h1>
            <p>{ui.not_found_text}</p>
            <ul>
                <li><a href=href(&Route::Home)>{ui.latest_releases}</a></li>
                <li><a href=href(&Route::Archive { page: 1 })>{ui.all_releases}</a></li>
            </ul>
        </section>
    }
}
