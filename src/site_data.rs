//! The site settings (name, about-us, media contact, campaigns), embedded in every HTML
//! page by the content build, so the header, footer and banner render at once, with
//! no request, and never flash in late.

use std::sync::Arc;

use leptos::prelude::*;
use newsroom_model::Site;

/// The site for every component, from the page; a bare site if the page has none, so
/// a deployment mistake costs the header its name, not the reader the page.
#[cfg(not(feature = "ssr"))]
pub fn provide_site() -> Arc<Site> {
    provide(site_from_page())
}

/// Outside the browser: the site the content build read.
pub fn provide(site: Site) -> Arc<Site> {
    let site = Arc::new(site);
    provide_context(Arc::clone(&site));
    site
}

#[cfg(not(feature = "ssr"))]
fn site_from_page() -> Site {
    use crate::json;
    use wasm_bindgen::JsValue;

    let embedded =
        document().get_element_by_id(newsroom_model::SITE_DATA_ELEMENT).and_then(|element| element.text_content());
    embedded
        .and_then(|text| json::parse(&JsValue::from_str(&text)))
        .and_then(|json| json::read::<Site>(&json))
        .unwrap_or_else(|| {
            web_sys::console::warn_1(&JsValue::from_str(
                "newsroom: this page has no valid site data; showing pages without it",
            ));
            bare_site()
        })
}

pub fn use_site() -> Arc<Site> {
    // Not `expect_context`, whose message formats the type's name with `{:?}`: that
    // brings Rust's escaping of debug strings into the WASM.
    use_context().expect("the app's root provides the site to every component")
}

/// A site with a name and a language and nothing else: what the browser shows with when
/// a page's site data is missing or damaged (and what tests start from).
#[cfg(any(not(feature = "ssr"), test))]
pub(crate) fn bare_site() -> Site {
    use newsroom_model::Contact;

    Site {
        name: "Newsroom".to_string(),
        tagline: String::new(),
        language: "en".to_string(),
        about: Vec::new(),
        contact: Contact { name: String::new(), role: None, email: None, phone: None, card: None },
        campaigns: Vec::new(),
        donate_url: None,
        image_hosts: Vec::new(),
        archive_years: Vec::new(),
    }
}

/// The day a page is rendered for outside the browser, `YYYY-MM-DD`: which donation
/// campaign a pre-rendered page shows.
#[derive(Clone)]
pub struct Today(pub String);
