//! Accessibility: a real link with visible text, at least 44×44 px, shown only once the
//! reader has scrolled a screen's height. It scrolls to the top (smoothly unless the
//! reader prefers reduced motion) and moves focus to the start of the content, so the
//! next Tab continues from there. Placed at the inline end, so it flips in right to
//! left; while keyboard focus is on anything else it turns transparent and lets clicks
//! through (style/back-to-top.css), so it never covers what has focus; hidden in print.

use leptos::ev;
use leptos::prelude::*;
use web_sys::{MouseEvent, ScrollBehavior, ScrollToOptions};

use crate::element_ids;
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
        focus::move_to_id(element_ids::MAIN, Scroll::Keep);
    };
    view! {
        <a class="button back-to-top" href=fragment_href(element_ids::TOP) hidden=move || !scrolled_down.get() on:click=to_top>
            <span aria-hidden="true">"↑"</span>
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

#[cfg(all(test, feature = "ssr"))]
mod tests {
    use std::sync::Arc;

    use newsroom_model::Route;

    use super::*;
    use crate::api::PageData;
    use crate::components::examples::{english_release, render, render_page};
    use crate::components::markup::Markup;

    fn release_route() -> Route {
        Route::Release { slug: "statement-on-forced-returns".to_string() }
    }

    #[test]
    fn without_script_it_is_a_plain_link_to_the_top_of_the_same_page_and_never_hidden() {
        let page = Markup::of(&render(release_route(), "en", || view! { <BackToTop /> }));
        let link = page.one("link", "Back to top");
        assert_eq!(link.attribute("href"), Some("/newsroom/releases/statement-on-forced-returns/#top"));
        assert_eq!(link.attribute("hidden"), None);
    }

    #[test]
    fn its_arrow_is_shown_but_not_read_so_its_name_is_its_words() {
        let page = Markup::of(&render(release_route(), "en", || view! { <BackToTop /> }));
        let link = page.one("link", "Back to top");
        let inside = page.within(link);
        let arrow = inside.tags("span").into_iter().find(|span| span.text == "↑").expect("an arrow");
        assert_eq!(arrow.attribute("aria-hidden"), Some("true"));
    }

    #[test]
    fn its_target_is_the_banner_that_starts_the_page_and_focus_goes_to_main_which_can_take_it() {
        let release = PageData::Release(Arc::new(english_release()));
        let page = Markup::of(&render_page(release_route(), Some(release), "en"));
        let top = page.by_id("top");
        assert_eq!(top.role.as_deref(), Some("banner"));
        assert!(page.focusable().iter().all(|focusable| top.contains(focusable) || top.precedes(focusable)));
        let main = page.by_id("main");
        assert_eq!(main.role.as_deref(), Some("main"));
        assert_eq!(main.attribute("tabindex"), Some("-1"));
    }

    #[test]
    fn on_a_uyghur_page_it_says_back_to_top_in_uyghur() {
        let page = Markup::of(&render(release_route(), "ug", || view! { <BackToTop /> }));
        page.one("link", "بېشىغا قايتىش");
    }
}
