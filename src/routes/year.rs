use leptos::prelude::*;
use newsroom_model::{IndexPage, Route};

use crate::components::{Pager, ReleaseList};

pub fn heading(year: u32, index: &IndexPage) -> String {
    match index.pages {
        1 => format!("Releases from {year}"),
        pages => format!("Releases from {year}, page {} of {pages}", index.page),
    }
}

pub fn page(year: u32, page: u32) -> impl IntoView {
    let heading = move |index: &IndexPage| heading(year, index);
    super::data_page::<IndexPage>(Route::Year { year, page }.data_path().unwrap_or_default(), heading, move |index| {
        view! {
            <h1 tabindex="-1">{heading(&index)}</h1>
            <p class="list-count">{format!("{} releases, newest first.", index.total)}</p>
            <ReleaseList releases=index.releases.clone() />
            <Pager index=index.clone() route_of_page=move |page| Route::Year { year, page } />
        }
        .into_any()
    })
}
