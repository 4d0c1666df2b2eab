//! On paper a page has no address bar: a printed page ends with its address. Not
//! shown on screen; empty in a pre-rendered page, where the browser's own print header
//! gives it.

use leptos::prelude::*;

use crate::navigation::use_navigation;

#[component]
pub fn PrintedAddress() -> impl IntoView {
    let navigation = use_navigation();
    let address = move || {
        navigation.route.track();
        if cfg!(feature = "ssr") {
            String::new()
        } else {
            window().location().href().unwrap_or_default()
        }
    };
    view! { <p class="printed-address">{address}</p> }
}

#[cfg(all(test, feature = "ssr"))]
mod tests {
    use newsroom_model::Route;

    use super::*;
    use crate::components::examples::render;
    use crate::components::markup::Markup;

    #[test]
    fn a_pre_rendered_page_prints_no_address_of_its_own() {
        let page = Markup::of(&render(Route::Home, "en", || view! { <PrintedAddress /> }));
        assert_eq!(page.only("paragraph").text, "");
    }
}
