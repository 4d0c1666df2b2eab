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

#[cfg(all(test, feature = "ssr"))]
mod tests {
    use newsroom_model::Route;

    use super::*;
    use crate::components::examples::render;
    use crate::components::markup::Markup;

    fn release_route() -> Route {
        Route::Release { slug: "statement-on-forced-returns".to_string() }
    }

    #[test]
    fn the_skip_link_is_the_first_tab_stop_of_every_page() {
        for route in [Route::Home, release_route(), Route::NotFound] {
            let page = Markup::of(&render(route, "en", || view! { <crate::Shell /> }));
            assert_eq!(page.focusable()[0].name, "Skip to main content", "{}", page.html());
        }
    }

    #[test]
    fn it_leads_to_main_written_out_in_full_under_the_sub_path_and_main_can_take_focus() {
        let page = Markup::of(&render(release_route(), "en", || view! { <crate::Shell /> }));
        let link = page.one("link", "Skip to main content");
        assert_eq!(link.attribute("href"), Some("/newsroom/releases/statement-on-forced-returns/#main"));
        let main = page.by_id("main");
        assert_eq!(main.role.as_deref(), Some("main"));
        assert_eq!(main.attribute("tabindex"), Some("-1"));
    }

    #[test]
    fn on_a_uyghur_page_it_speaks_uyghur() {
        let page = Markup::of(&render(release_route(), "ug", || view! { <SkipLink /> }));
        page.one("link", "ئاساسىي مەزمۇنغا ئاتلاش");
    }
}
