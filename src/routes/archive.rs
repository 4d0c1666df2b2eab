use leptos::prelude::*;
use newsroom_model::{IndexPage, Route};

use crate::components::{ArchiveYears, Pager, ReleaseList};

pub fn page(page: u32) -> impl IntoView {
    super::data_page::<IndexPage>(Route::Archive { page }.data_path().unwrap_or_default(), heading, |index| {
        view! {
            <h1 tabindex="-1">{heading(&index)}</h1>
            <p class="list-count">{format!("{} releases, newest first.", index.total)}</p>
            <ArchiveYears />
            <ReleaseList releases=index.releases.clone() />
            <Pager index=index.clone() route_of_page=|page| Route::Archive { page } />
        }
        .into_any()
    })
}

pub fn heading(index: &IndexPage) -> String {
    if index.pages > 1 {
        format!("Archive, page {} of {}", index.page, index.pages)
    } else {
        "Archive".to_string()
    }
}
