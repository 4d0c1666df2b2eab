//! Every list of releases: the latest (home), the archive, a topic, a year. One view
//! for all four, so the browser build carries the list code once.

use leptos::either::Either;
use leptos::prelude::*;
use newsroom_model::{IndexPage, Route};

use crate::components::{ArchiveYears, Pager, ReleaseList};
use crate::navigation::href;

pub fn page(route: Route) -> impl IntoView {
    let data_path = route.data_path().unwrap_or_default();
    let for_title = route.clone();
    super::data_page::<IndexPage>(data_path, move |index| heading(&for_title, index), move |index| {
        let is_home = route == Route::Home;
        view! {
            <h1 tabindex="-1">{heading(&route, &index)}</h1>
            {(!is_home).then(|| view! { <p class="list-count">{format!("{} releases, newest first.", index.total)}</p> })}
            {matches!(route, Route::Archive { .. }).then(|| view! { <ArchiveYears /> })}
            <ReleaseList releases=index.releases.clone() />
            {if is_home {
                Either::Left((index.pages > 1).then(|| view! {
                    <p class="more-link"><a href=href(&Route::Archive { page: 1 })>"All releases, in the archive"</a></p>
                }))
            } else {
                Either::Right(view! { <Pager index=index.clone() route=route.clone() /> })
            }}
        }
        .into_any()
    })
}

/// The list's h1, which is also its title.
pub fn heading(route: &Route, index: &IndexPage) -> String {
    let name = match route {
        Route::Home => return "Latest releases".to_string(),
        Route::Tag { .. } => format!("Releases tagged “{}”", index.tag.as_deref().unwrap_or_default()),
        Route::Year { year, .. } => format!("Releases from {year}"),
        _ => "Archive".to_string(),
    };
    match index.pages {
        1 => name,
        pages => format!("{name}, page {} of {pages}", index.page),
    }
}
