//! The newsroom app: the shell every page shares, and the page for the current route.

mod api;
mod components;
mod json;
mod navigation;
#[cfg(feature = "ssr")]
pub mod prerender;
mod routes;
mod site_data;

use leptos::prelude::*;
use components::{Announcer, BackToTop, DonationBanner, SiteFooter, SiteHeader, SkipLink};

#[component]
pub fn App() -> impl IntoView {
    let site = site_data::provide_site();
    let navigation = navigation::start();

    // The page names itself first, the site second, so tabs and history stay readable.
    Effect::new(move |_| document().set_title(&format!("{} – {}", navigation.page_title.get(), site.name)));

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
