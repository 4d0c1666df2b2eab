//! Accessibility: a `banner` landmark with the site name and a labelled navigation; the
//! link to the page being shown carries `aria-current="page"`.

use leptos::prelude::*;
use newsroom_model::Route;

use crate::navigation::{href, use_navigation};
use crate::site_data::use_site;

#[component]
pub fn SiteHeader() -> impl IntoView {
    let site = use_site();
    let navigation = use_navigation();
    let current = move |section: Route| {
        let is_current = matches!(
            (navigation.route.get(), section),
            (Route::Home, Route::Home) | (Route::Archive { .. } | Route::Year { .. }, Route::Archive { .. })
        );
        is_current.then_some("page")
    };
    view! {
        <header class="site-header" id="top">
            <a class="site-header__name" href=href(&Route::Home)>
                {site.name.clone()}
            </a>
            <nav class="site-header__nav" aria-label="Newsroom">
                <a href=href(&Route::Home) aria-current=move || current(Route::Home)>"Latest"</a>
                <a href=href(&Route::Archive { page: 1 }) aria-current=move || current(Route::Archive { page: 1 })>"Archive"</a>
            </nav>
        </header>
    }
}
