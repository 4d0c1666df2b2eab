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

#[cfg(all(test, feature = "ssr"))]
mod tests {
    use newsroom_model::Route;

    use super::*;
    use crate::components::examples::render;
    use crate::components::markup::Markup;

    #[test]
    fn the_live_region_is_a_polite_atomic_status_that_is_there_before_anything_is_announced() {
        let page = Markup::of(&render(Route::Home, "en", || view! { <Announcer /> }));
        let region = page.only("status");
        assert_eq!(region.attribute("aria-live"), Some("polite"));
        assert_eq!(region.attribute("aria-atomic"), Some("true"));
        assert_eq!(region.text, "");
    }

    #[test]
    fn it_says_what_navigation_gives_it_to_announce() {
        let html = render(Route::Home, "en", || {
            use_navigation().announcement.set("Latest releases".to_string());
            view! { <Announcer /> }
        });
        assert_eq!(Markup::of(&html).only("status").text, "Latest releases");
    }
}
