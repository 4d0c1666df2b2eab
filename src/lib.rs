//! The newsroom app: the shell every page shares, and the page for the current route.
//! The same components run in the browser and, for pre-rendered pages, in the content
//! build (feature `ssr`, see `prerender`).

mod addresses;
mod api;
mod components;
mod element_ids;
mod focus;
mod i18n;
#[cfg(not(feature = "ssr"))]
mod json;
mod navigation;
#[cfg(feature = "ssr")]
pub mod prerender;
mod routes;
mod site_data;

use leptos::prelude::*;
#[cfg(not(feature = "ssr"))]
use newsroom_model::{document_title, text_direction};

use components::{Announcer, DonationBanner, SiteFooter, SiteHeader};

/// Starts the app in the browser, once the pre-rendered page has loaded and painted
/// (see the content build's `boot_script`). The page is replaced by the app's own
/// rendering of the same page, from the data the page carries: in one task, before the
/// browser paints again, so nothing flashes or moves. The reader may have scrolled or
/// tabbed into the page by then: both stay where they were.
#[cfg(not(feature = "ssr"))]
pub fn start_in_browser() {
    let scroll_y = window().scroll_y().unwrap_or(0.0);
    let focused = focus::place_of_focus();
    if let Some(body) = document().body() {
        body.replace_children_with_node_0();
    }
    leptos::mount::mount_to_body(App);
    if window().scroll_y().unwrap_or(0.0) != scroll_y {
        window().scroll_to_with_x_and_y(0.0, scroll_y);
    }
    if let Some(place) = focused {
        focus::return_to(place);
    }
}

#[cfg(not(feature = "ssr"))]
#[component]
fn App() -> impl IntoView {
    let site = site_data::provide_site();
    let navigation = navigation::start();
    let route = navigation.route.get_untracked();
    // Data that is not this route's is not used: the page fetches its own.
    let _ = api::seed(&route, api::embedded_page_data(&route));

    Effect::new(move |_| {
        let page_title = navigation.page_title.get();
        if !page_title.is_empty() {
            document().set_title(&document_title(&page_title, &site.name));
        }
    });
    // Screen readers pick their voice, and the layout its direction, from <html>.
    Effect::new(move |_| {
        let language = navigation.language.get();
        if let Some(html) = document().document_element() {
            let _ = html.set_attribute("lang", &language);
            let _ = html.set_attribute("dir", text_direction(&language).as_html());
        }
    });
    view! { <Shell /> }
}

/// Everything on every page, around the current route's page. The interface speaks the
/// page's language, so it is drawn again when that changes; the live region stays, so
/// what it announces is not lost with it.
#[component]
pub(crate) fn Shell() -> impl IntoView {
    let navigation = navigation::use_navigation();
    view! {
        {move || {
            navigation.language.track();
            view! {
                <SiteHeader />
                <main id=element_ids::MAIN tabindex="-1">
                    {move || routes::page(navigation.route.get())}
                </main>
                <DonationBanner />
                <SiteFooter />
            }
        }}
        <Announcer />
    }
}
