//! Accessibility: a `banner` landmark with the site name and a labelled navigation; the
//! link to the page being shown carries `aria-current="page"`.

use leptos::prelude::*;
use newsroom_model::{Route, Site};

use crate::api::Loaded;
use crate::navigation::{href, use_navigation};

#[component]
pub fn SiteHeader() -> impl IntoView {
    let site = expect_context::<Loaded<Site>>();
    let navigation = use_navigation();
    let current = move |section: Route| {
        let is_current = match (navigation.route.get(), section) {
            (Route::Home, Route::Home) => true,
            (Route::Archive { .. }, Route::Archive { .. }) => true,
            _ => false,
        };
        is_current.then_some("page")
    };
    view! {
        <header class="site-header" id="top">
            <a class="site-header__name" href=href(&Route::Home)>
                {move || site.ready().map_or_else(|| "Newsroom".to_string(), |site| site.name.clone())}
            </a>
            <nav class="site-header__nav" aria-label="Newsroom">
                <a href=href(&Route::Home) aria-current=move || current(Route::Home)>"Latest"</a>
                <a href=href(&Route::Archive { page: 1 }) aria-current=move || current(Route::Archive { page: 1 })>"Archive"</a>
            </nav>
        </header>
    }
}
