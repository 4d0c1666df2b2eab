//! Accessibility: nothing appears for the first 200 ms, so fast answers do not flash a
//! message; after that a polite status says the page is loading. A failure is a page of
//! its own, with an h1 that takes focus, what went wrong in plain words, a Retry button
//! and a way back to the list.

use leptos::prelude::*;
use newsroom_model::Route;

use crate::api::LoadError;
use crate::i18n::{fill, use_ui};
use crate::navigation::{href, use_navigation};

#[component]
pub fn Loading() -> impl IntoView {
    view! { <p class="load-state load-state--loading" role="status">{use_ui().loading}</p> }
}

#[component]
pub fn LoadState(error: LoadError, retry: Callback<()>) -> impl IntoView {
    let navigation = use_navigation();
    let ui = use_ui();
    let explanation = match error {
        LoadError::Network => ui.network_failure.to_string(),
        LoadError::Server(status) => fill(ui.server_failure, &[("status", &status.to_string())]),
        LoadError::Malformed => ui.damaged_data.to_string(),
        LoadError::NotFound => ui.missing_data.to_string(),
    };
    let on_retry = move |_| {
        navigation.expect_retry();
        retry.run(());
    };
    view! {
        <section class="load-state" aria-labelledby="load-error-heading">
            <h1 id="load-error-heading" tabindex="-1">{ui.failed_heading}</h1>
            <p>{explanation}</p>
            <p class="load-state__actions">
                <button type="button" class="button" on:click=on_retry>{ui.retry}</button>
                <a href=href(&Route::Home)>{ui.back_to_latest}</a>
            </p>
        </section>
    }
}

#[cfg(all(test, feature = "ssr"))]
mod tests {
    use super::*;
    use crate::components::examples::render;
    use crate::components::markup::Markup;

    fn failure(error: LoadError, language: &str) -> Markup {
        Markup::of(&render(Route::Home, language, move || view! { <LoadState error retry=Callback::new(|_| ()) /> }))
    }

    #[test]
    fn loading_is_said_by_a_status_in_the_page_language() {
        let page = Markup::of(&render(Route::Home, "en", || view! { <Loading /> }));
        assert_eq!(page.only("status").text, "Loading…");
        let page = Markup::of(&render(Route::Home, "ug", || view! { <Loading /> }));
        assert_eq!(page.only("status").text, "يۈكلىنىۋاتىدۇ…");
    }

    #[test]
    fn a_failure_is_a_region_named_by_its_h1_which_can_take_focus() {
        let page = failure(LoadError::Network, "en");
        page.one("region", "This page could not be loaded");
        let heading = page.one("heading", "This page could not be loaded");
        assert_eq!(heading.tag, "h1");
        assert_eq!(heading.attribute("tabindex"), Some("-1"));
    }

    #[test]
    fn it_says_what_went_wrong_in_plain_words_and_offers_retry_and_the_way_back() {
        let page = failure(LoadError::Server(503), "en");
        let region = page.only("region");
        assert!(region.text.contains("The server had a problem (error 503)."), "{}", page.html());
        assert_eq!(page.one("button", "Retry").attribute("type"), Some("button"));
        assert_eq!(page.one("link", "Back to the latest releases").attribute("href"), Some("/newsroom/"));
    }

    #[test]
    fn on_a_uyghur_page_the_failure_is_explained_in_uyghur() {
        let page = failure(LoadError::Network, "ug");
        page.one("heading", "بۇ بەتنى يۈكلىگىلى بولمىدى");
        page.one("button", "قايتا سىناش");
        assert!(page.only("region").text.contains("ئاخبارات بۆلۈمىگە ئۇلانغىلى بولمىدى."));
    }
}
