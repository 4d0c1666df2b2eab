//! Shown only in an author's local preview (`NEWSROOM_DRAFTS=1`): published builds
//! contain no draft or embargoed release at all. Text, not colour alone.

use leptos::prelude::*;

use crate::i18n::use_ui;

#[component]
pub fn UnpublishedMark() -> impl IntoView {
    view! { <p class="unpublished-mark">{use_ui().unpublished}</p> }
}
