//! Accessibility: a real link with visible text, at least 44×44 px, shown only once the
//! reader has scrolled a screen's height. It scrolls to the top (smoothly unless the
//! reader prefers reduced motion) and moves focus to the start of the content, so the
//! next Tab continues from there. Placed at the inline end, so it flips in right to
//! left; `scroll-padding` keeps it from covering a focused element; hidden in print.

use leptos::ev;
use leptos::prelude::*;
use web_sys::{MouseEvent, ScrollBehavior, ScrollToOptions};

use crate::focus::{self, Scroll};
use crate::i18n::use_ui;
use crate::navigation::fragment_href;

#[component]
pub fn BackToTop() -> impl IntoView {
    // Without script (a pre-rendered page) it is always there, as a plain link.
    let (scrolled_down, set_scrolled_down) = signal(cfg!(feature = "ssr") || scrolled_a_screen());
    if !cfg!(feature = "ssr") {
        let listener = window_event_listener(ev::scroll, move |_| {
            let now = scrolled_a_screen();
            if now != scrolled_down.get_untracked() {
                set_scrolled_down.set(now);
            }
        });
        on_cleanup(move || listener.remove());
    }

    let to_top = |event: MouseEvent| {
        event.prevent_default();
        let options = ScrollToOptions::new();
        options.set_top(0.0);
        options.set_behavior(if prefers_reduced_motion() { ScrollBehavior::Instant } else { ScrollBehavior::Smooth });
        window().scroll_to_with_scroll_to_options(&options);
        // Focusing would jump to `<main>` and cut the smooth scroll short.
        focus::move_to("#main", Scroll::Keep);
    };
    view! {
        <a class="back-to-top" href=fragment_href("top") hidden=move || !scrolled_down.get() on:click=to_top>
            <span class="back-to-top__arrow" aria-hidden="true">"↑"</span>
            {use_ui().back_to_top}
        </a>
    }
}

fn scrolled_a_screen() -> bool {
    let window = window();
    let height = window.inner_height().ok().and_then(|height| height.as_f64()).unwrap_or(0.0);
    window.scroll_y().unwrap_or(0.0) > height
}

fn prefers_reduced_motion() -> bool {
    window().match_media("(prefers-reduced-motion: reduce)").ok().flatten().is_some_and(|query| query.matches())
}
