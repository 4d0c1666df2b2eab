//! Accessibility: the first focusable element of every page; visible when focused; moves
//! focus (not only the view) to `<main>`, so the next Tab is inside the content.

use leptos::prelude::*;
use web_sys::MouseEvent;

use crate::element_ids;
use crate::focus::{self, Scroll};
use crate::i18n::use_ui;
use crate::navigation::fragment_href;

#[component]
pub fn SkipLink() -> impl IntoView {
    let skip = |event: MouseEvent| {
        // Instead of the browser's jump, which moves the view but leaves focus behind.
        event.prevent_default();
        focus::move_to_id(element_ids::MAIN, Scroll::IntoView);
    };
    view! { <a class="skip-link" href=fragment_href(element_ids::MAIN) on:click=skip>{use_ui().skip_link}</a> }
}

#[cfg(all(test, feature = "ssr"))]
mod tests {
    use std::sync::Arc;

    use newsroom_model::Route;

    use super::*;
    use crate::api::PageData;
    use crate::components::examples::{english_release, index_page, render, render_page};
    use crate::components::markup::Markup;

    fn release_route() -> Route {
        Route::Release { slug: "statement-on-forced-returns".to_string() }
    }

    fn release_page() -> Markup {
        let release = PageData::Release(Arc::new(english_release()));
        Markup::of(&render_page(release_route(), Some(release), "en"))
    }

    #[test]
    fn the_skip_link_is_the_first_tab_stop_of_every_kind_of_page() {
        let list = PageData::List(Arc::new(index_page(1, 2)));
        for page in [render_page(Route::Home, Some(list), "en"), render_page(Route::NotFound, None, "en")] {
            let page = Markup::of(&page);
            assert_eq!(page.focusable()[0].name, "Skip to main content", "{}", page.html());
        }
        let page = release_page();
        assert_eq!(page.focusable()[0].name, "Skip to main content", "{}", page.html());
        // The release itself is there, with its many links after the skip link.
        page.one("heading", "No one should be forced back to danger");
    }

    #[test]
    fn it_leads_to_main_written_out_in_full_under_the_sub_path_and_main_can_take_focus() {
        let page = release_page();
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
