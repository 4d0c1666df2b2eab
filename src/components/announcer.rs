//! Accessibility: a polite live region, present from the start (regions added later
//! are often not read), that says which page a navigation opened.

use leptos::prelude::*;

use crate::navigation::use_navigation;

#[component]
pub fn Announcer() -> impl IntoView {
    let navigation = use_navigation();
    view! {
        <div id="announcer" class="visually-hidden" role="status" aria-live="polite" aria-atomic="true">
            {move || navigation.announcement.get()}
        </div>
    }
}
