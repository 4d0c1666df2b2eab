use leptos::prelude::*;
use newsroom_model::Route;

use crate::navigation::{href, use_navigation};

pub const NOT_FOUND_TITLE: &str = "Page not found";

/// Shown for an address no page has, and for a release or list page that does not exist.
#[component]
pub fn NotFound() -> impl IntoView {
    let navigation = use_navigation();
    // A route without data is ready at once; a missing file reports itself via data_page.
    if navigation.route.get_untracked() == Route::NotFound {
        Effect::new(move |_| navigation.page_ready(NOT_FOUND_TITLE.to_string()));
    }
    view! {
        <section class="not-found" aria-labelledby="not-found-heading">
            <h1 id="not-found-heading" tabindex="-1">{NOT_FOUND_TITLE}</h1>
            <p>"There is no page at this address. It may have moved, or the address may have a typing mistake."</p>
            <ul>
                <li><a href=href(&Route::Home)>"Latest releases"</a></li>
                <li><a href=href(&Route::Archive { page: 1 })>"All releases, in the archive"</a></li>
            </ul>
        </section>
    }
}
