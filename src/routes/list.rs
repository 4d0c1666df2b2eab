//! Every list of releases: the latest (home), the archive, a topic, a year. One view
//! for all four, so the browser build carries the list code once. Lists speak the
//! site's language.

use leptos::either::Either;
use leptos::prelude::*;
use newsroom_model::{IndexPage, Route};

use crate::components::{ArchiveYears, Pager, ReleaseList};
use crate::i18n::{fill, ui, Ui};
use crate::navigation::{file_href, href};
use crate::site_data::use_site;

pub fn page(route: Route) -> impl IntoView {
    let data_path = route.data_path().unwrap_or_default();
    let language = use_site().language.clone();
    let ui = ui(&language);
    let for_title = route.clone();
    let describe = move |index: &IndexPage| (heading(&for_title, index, ui), language.clone());
    super::data_page::<IndexPage>(data_path, describe, move |index| {
        let is_home = route == Route::Home;
        view! {
            <h1 tabindex="-1">{heading(&route, &index, ui)}</h1>
            {(!is_home).then(|| view! { <p class="list__count">{fill(ui.count_newest_first, &[("count", &index.total.to_string())])}</p> })}
            {matches!(route, Route::Archive { .. }).then(|| view! { <ArchiveYears /> })}
            <ReleaseList releases=index.releases.clone() />
            <p class="list__feed">
                <a href=file_href(&route.feed_path()) type="application/atom+xml">{ui.list_feed}</a>
            </p>
            {if is_home {
                Either::Left((index.pages > 1).then(|| view! {
                    <p class="list__more"><a href=href(&Route::Archive { page: 1 })>{ui.all_releases}</a></p>
                }))
            } else {
                Either::Right(view! { <Pager index=index.clone() route=route.clone() /> })
            }}
        }
        .into_any()
    })
}

/// The list's h1, which is also its title.
pub fn heading(route: &Route, index: &IndexPage, ui: &Ui) -> String {
    let name = match route {
        Route::Home => return ui.latest_releases.to_string(),
        Route::Tag { .. } => fill(ui.tagged, &[("tag", index.tag.as_deref().unwrap_or_default())]),
        Route::Year { year, .. } => fill(ui.from_year, &[("year", &year.to_string())]),
        _ => ui.archive.to_string(),
    };
    match index.pages {
        1 => name,
        pages => fill(ui.page_of, &[("name", &name), ("page", &index.page.to_string()), ("pages", &pages.to_string())]),
    }
}
