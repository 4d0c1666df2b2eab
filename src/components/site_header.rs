//! Accessibility: a `banner` landmark that starts with the skip link (so no content
//! stands outside a landmark), then the site name and a labelled navigation; the link
//! to the page being shown carries `aria-current="page"`.

use leptos::prelude::*;
use newsroom_model::Route;

use crate::components::SkipLink;
use crate::i18n::use_ui;
use crate::navigation::{href, use_navigation};
use crate::site_data::use_site;

#[component]
pub fn SiteHeader() -> impl IntoView {
    let site = use_site();
    let ui = use_ui();
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
            <SkipLink />
            <a class="site-header__name" href=href(&Route::Home)>
                {site.name.clone()}
            </a>
            <nav class="site-header__nav" aria-label=ui.site_navigation>
                <a href=href(&Route::Home) aria-current=move || current(Route::Home)>{ui.latest}</a>
                <a href=href(&Route::Archive { page: 1 }) aria-current=move || current(Route::Archive { page: 1 })>{ui.archive}</a>
            </nav>
        </header>
    }
}
