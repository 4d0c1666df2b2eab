//! Accessibility: the first focusable element of every page; visible when focused; moves
//! focus (not only the view) to `<main>`, so the next Tab is inside the content.

use leptos::prelude::*;
use web_sys::MouseEvent;

use crate::focus::{self, Scroll};
use crate::i18n::use_ui;
use crate::navigation::fragment_href;

#[component]
pub fn SkipLink() -> impl IntoView {
    let skip = |event: MouseEvent| {
        // Instead of the browser's jump, which moves the view but leaves focus behind.
        event.prevent_default();
        focus::move_to("#main", Scroll::IntoView);
    };
    view! { <a class="skip-link" href=fragment_href("main") on:click=skip>{use_ui().skip_link}</a> }
}
