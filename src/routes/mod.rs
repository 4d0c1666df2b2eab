//! One module per kind of page. Each page loads its JSON file and says when it is ready,
//! so navigation can move focus, announce and restore scroll at the right moment.

mod list;
mod not_found;
mod release;
mod search;

use std::sync::Arc;

use leptos::prelude::*;
use newsroom_model::Route;

use crate::api::{self, LoadError, PageContent, Remote};
use crate::components::{LoadState, Loading};
use crate::i18n::use_ui;
use crate::navigation::use_navigation;
pub use not_found::NotFound;

/// The page's own title, its h1, as the browser sets it after a navigation, in the
/// page's language, for pages rendered outside the browser.
#[cfg(feature = "ssr")]
pub fn title(route: &Route, data: Option<&api::PageData>, language: &str) -> String {
    let ui = crate::i18n::ui(language);
    match data {
        Some(api::PageData::Release(release)) => release.listing.title.clone(),
        Some(api::PageData::List(index)) => list::heading(route, index, ui),
        None if *route == Route::Search => ui.search.to_string(),
        None => ui.not_found_heading.to_string(),
    }
}

pub fn page(route: Route) -> AnyView {
    match route {
        Route::Release { slug } => release::page(slug).into_any(),
        Route::NotFound => view! { <NotFound /> }.into_any(),
        Route::Search => view! { <search::Search /> }.into_any(),
        list => list::page(list).into_any(),
    }
}

/// A page made from one JSON file: nothing while it is quick, "Loading…" when it is
/// not, the page when it arrives, the not-found page when the file does not exist, and
/// an explanation with Retry for every other failure.
/// `describe` gives a page's title and language.
fn data_page<T: PageContent>(
    path: String,
    describe: impl Fn(&T) -> (String, String) + Send + Sync + 'static,
    content: impl Fn(Arc<T>) -> AnyView + Send + Sync + 'static,
) -> impl IntoView {
    let navigation = use_navigation();
    let ui = use_ui();
    let loaded = api::load::<T>(path);
    Effect::new(move |_| {
        let (title, language) = match loaded.state.get() {
            Remote::Waiting { .. } => return,
            Remote::Ready(value) => {
                let (title, language) = describe(&value);
                (title, Some(language))
            }
            Remote::Failed(LoadError::NotFound) => (ui.not_found_heading.to_string(), None),
            Remote::Failed(_) => (ui.failed_heading.to_string(), None),
        };
        navigation.page_ready(title, language);
    });
    move || match loaded.state.get() {
        Remote::Waiting { long: false } => ().into_any(),
        Remote::Waiting { long: true } => view! { <Loading /> }.into_any(),
        Remote::Ready(value) => content(value),
        Remote::Failed(LoadError::NotFound) => view! { <NotFound /> }.into_any(),
        Remote::Failed(error) => view! { <LoadState error retry=Callback::new(move |_| loaded.retry()) /> }.into_any(),
    }
}
