//! Shown only in an author's local preview (`NEWSROOM_DRAFTS=1`): published builds
//! contain no draft or embargoed release at all. Text, not colour alone.

use leptos::prelude::*;

#[component]
pub fn UnpublishedMark() -> impl IntoView {
    view! { <p class="unpublished-mark">"Preview: draft or embargoed, not published"</p> }
}
