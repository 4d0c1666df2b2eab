//! The newsroom app: the shell every page shares, and the page for the current route.

mod api;
mod components;
mod json;
mod navigation;
mod routes;

use leptos::prelude::*;
use newsroom_model::{Site, SITE_DATA_PATH};

use api::Loaded;
use components::{Announcer, BackToTop, DonationBanner, SiteFooter, SiteHeader, SkipLink};

#[component]
pub fn App() -> impl IntoView {
    let site: Loaded<Site> = api::load(SITE_DATA_PATH.to_string());
    provide_context(site);
    let navigation = navigation::start();

    // The page names itself first, the site second, so tabs and history stay readable.
    Effect::new(move |_| {
        let page = navigation.page_title.get();
        let title = match site.ready() {
            Some(site) if page.is_empty() => site.name.clone(),
            Some(site) => format!("{page} – {}", site.name),
            None => page,
        };
        if !title.is_empty() {
            document().set_title(&title);
        }
    });

    view! {
        <SkipLink />
        <SiteHeader />
        <main id="main" tabindex="-1">
            {move || routes::page(navigation.route.get())}
        </main>
        <DonationBanner />
        <SiteFooter />
        <BackToTop />
        <Announcer />
    }
}
