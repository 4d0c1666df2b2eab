use leptos::prelude::*;
use newsroom_model::{IndexPage, Route};

use crate::components::ReleaseList;
use crate::navigation::href;

pub const HEADING: &str = "Latest releases";

pub fn heading(_: &IndexPage) -> String {
    HEADING.to_string()
}

pub fn page() -> impl IntoView {
    let route = Route::Home;
    super::data_page::<IndexPage>(
        route.data_path().unwrap_or_default(),
        heading,
        |index| {
            let more = index.pages > 1;
            view! {
                <h1 tabindex="-1">{HEADING}</h1>
                <ReleaseList releases=index.releases.clone() />
                {more.then(|| view! {
                    <p class="more-link"><a href=href(&Route::Archive { page: 1 })>"All releases, in the archive"</a></p>
                })}
            }
            .into_any()
        },
    )
}
