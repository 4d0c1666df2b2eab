//! Accessibility: the first focusable element of every page; visible when focused; moves
//! focus (not only the view) to `<main>`, so the next Tab is inside the content.

use leptos::prelude::*;
use wasm_bindgen::JsCast;
use web_sys::{HtmlElement, MouseEvent};

use crate::i18n::use_ui;
use crate::navigation::fragment_href;

#[component]
pub fn SkipLink() -> impl IntoView {
    let skip = |event: MouseEvent| {
        event.prevent_default();
        if let Some(main) = document().get_element_by_id("main").and_then(|main| main.dyn_into::<HtmlElement>().ok()) {
            let _ = main.focus();
        }
    };
    view! { <a class="skip-link" href=fragment_href("main") on:click=skip>{use_ui().skip_link}</a> }
}
