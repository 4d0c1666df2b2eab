//! "Share this release": a disclosure whose panel `web/share.js` draws. The panel holds
//! plain links for e-mail, Bluesky, X, Facebook, LinkedIn, WhatsApp and Telegram, the
//! release's address with "Copy link", a field for the reader's own Mastodon server,
//! and, where the browser has the Web Share API, the device's share menu. None of it loads or asks anything of
//! another host until the reader follows a link: no network's script, image or font.
//!
//! Why a script of its own: only readers who share need the panel, and the 100 KB
//! budget is for what every reader needs. The app draws the disclosure and, when one is
//! first opened, adds `share.js` (4.3 KB, 1.7 KB brotli, minified by
//! `scripts/post-build`) and its words (`share/text.json`, from the app's i18n, 0.8 KB
//! brotli), once per visit: the disclosure and its loader cost the first load 921 B
//! brotli. Without script, the pre-rendered panel says what sharing needs and where the
//! release's address is.
//!
//! Accessibility: `<details>` and `<summary>`, so the control is a button with its
//! expanded state for every reader, opens with Enter or Space, and needs no script. The
//! panel speaks the release's language and direction (it is inside its article). Links
//! that open a new tab say so in their name; the confirmation of "Copy link" is shown
//! beside the button and read out (a status message). Hidden in print.

use leptos::prelude::*;

use crate::element_ids;
use crate::i18n::use_ui;

#[component]
pub fn Share() -> impl IntoView {
    let ui = use_ui();
    view! {
        <details class="share" on:toggle=|_| add_share_script()>
            <summary>{ui.share}</summary>
            <div class="share__panel" id=element_ids::SHARE_PANEL>{for_readers_without_script()}</div>
        </details>
    }
}

/// What sharing needs, in a pre-rendered page: a `<noscript>`, so a reader whose page
/// is still starting the app is not told script is off. The app draws the panel empty
/// until share.js fills it, and the browser build does not carry the text.
#[cfg(feature = "ssr")]
fn for_readers_without_script() -> impl IntoView {
    let language = crate::navigation::use_navigation().language.get_untracked();
    view! { <noscript><p>{crate::i18n::share_text(&language).needs_script}</p></noscript> }
}

#[cfg(not(feature = "ssr"))]
fn for_readers_without_script() {}

/// Adds `share.js` once: it then watches every disclosure itself, on this page and the
/// next. Made here, not in a view: Leptos makes a view's static parts by parsing a
/// `<template>`, and a script that came from the parser never runs once cloned.
#[cfg(not(feature = "ssr"))]
fn add_share_script() {
    use std::sync::atomic::{AtomicBool, Ordering};
    static ADDED: AtomicBool = AtomicBool::new(false);
    if ADDED.swap(true, Ordering::Relaxed) {
        return;
    }
    let document = document();
    // In the head, with the page's own scripts: the body holds none.
    if let (Ok(script), Some(head)) = (document.create_element("script"), document.head()) {
        let _ = script.set_attribute("type", "module");
        let _ = script.set_attribute("src", &crate::navigation::file_href("share.js"));
        let _ = head.append_child(&script);
    }
}

#[cfg(feature = "ssr")]
fn add_share_script() {}

#[cfg(all(test, feature = "ssr"))]
mod tests {
    use std::sync::Arc;

    use newsroom_model::Route;

    use crate::api::PageData;
    use crate::components::examples::{english_release, render_page, uyghur_release};
    use crate::components::markup::Markup;

    fn release_page(release: newsroom_model::Release) -> Markup {
        let route = Route::Release { slug: release.listing.slug.clone() };
        let language = release.listing.language.clone();
        Markup::of(&render_page(route, Some(PageData::Release(Arc::new(release))), &language))
    }

    #[test]
    fn a_release_has_a_closed_share_disclosure_in_its_article_that_without_script_says_what_sharing_needs() {
        let page = release_page(english_release());
        let [details] = page.tags("details")[..] else { panic!("one disclosure in {}", page.html()) };
        assert_eq!(details.attribute("open"), None);
        assert!(page.only("article").contains(details));
        let inside = page.within(details);
        assert_eq!(inside.tags("summary")[0].text, "Share this release");
        let panel = page.within(page.by_id("share-panel"));
        let [without_script] = panel.tags("noscript")[..] else { panic!("one noscript in {}", page.html()) };
        assert!(without_script.text.contains("Sharing needs JavaScript, which is off here."), "{}", page.html());
    }

    #[test]
    fn on_a_uyghur_release_the_disclosure_speaks_uyghur() {
        let page = release_page(uyghur_release());
        let summary = page.tags("summary")[0];
        assert_eq!(summary.text, "بۇ باياناتنى ھەمبەھرلەش");
        assert!(page.by_id("share-panel").text.contains("JavaScript"));
    }
}
