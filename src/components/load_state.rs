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
        <section class="load-state load-state--failed" aria-labelledby="load-error-heading">
            <h1 id="load-error-heading" tabindex="-1">{ui.failed_heading}</h1>
            <p>{explanation}</p>
            <p class="load-state__actions">
                <button type="button" class="button" on:click=on_retry>{ui.retry}</button>
                <a href=href(&Route::Home)>{ui.back_to_latest}</a>
            </p>
        </section>
    }
}
