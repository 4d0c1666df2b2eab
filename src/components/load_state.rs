//! Accessibility: nothing appears for the first 200 ms, so fast answers do not flash a
//! message; after that a polite status says the page is loading. A failure is a page of
//! its own, with an h1 that takes focus, what went wrong in plain words, a Retry button
//! and a way back to the list.

use leptos::prelude::*;
use newsroom_model::Route;

use crate::api::LoadError;
use crate::navigation::{href, use_navigation};

/// The h1 of the page shown when loading failed; also the page's title.
pub const FAILED_HEADING: &str = "This page could not be loaded";

#[component]
pub fn Loading() -> impl IntoView {
    view! { <p class="loading" role="status">"Loading…"</p> }
}

#[component]
pub fn LoadState(error: LoadError, retry: Callback<()>) -> impl IntoView {
    let navigation = use_navigation();
    let explanation = match error {
        LoadError::Network => "The newsroom could not be reached. Check your connection, then try again.".to_string(),
        LoadError::Server(status) => format!("The server had a problem (error {status}). Please try again in a moment."),
        LoadError::Malformed => "The page's data arrived damaged, so it cannot be shown. Please try again later.".to_string(),
        LoadError::NotFound => "The page's data is missing from the server.".to_string(),
    };
    let on_retry = move |_| {
        navigation.expect_retry();
        retry.run(());
    };
    view! {
        <section class="load-error" aria-labelledby="load-error-heading">
            <h1 id="load-error-heading" tabindex="-1">{FAILED_HEADING}</h1>
            <p>{explanation}</p>
            <p class="load-error__actions">
                <button type="button" on:click=on_retry>"Retry"</button>
                <a href=href(&Route::Home)>"Back to the latest releases"</a>
            </p>
        </section>
    }
}
