use leptos::prelude::*;
use newsroom_model::{IndexPage, Route};

use crate::components::{Pager, ReleaseList};

pub fn page(slug: String, page: u32) -> impl IntoView {
    let data_path = Route::Tag { slug: slug.clone(), page }.data_path().unwrap_or_default();
    super::data_page::<IndexPage>(data_path, heading, move |index| {
        let slug = slug.clone();
        view! {
            <h1 tabindex="-1">{heading(&index)}</h1>
            <p class="list-count">{format!("{} releases, newest first.", index.total)}</p>
            <ReleaseList releases=index.releases.clone() />
            <Pager index=index.clone() route_of_page=move |page| Route::Tag { slug: slug.clone(), page } />
        }
        .into_any()
    })
}

pub fn heading(index: &IndexPage) -> String {
    let tag = index.tag.as_deref().unwrap_or_default();
    if index.pages > 1 {
        format!("Releases tagged “{tag}”, page {} of {}", index.page, index.pages)
    } else {
        format!("Releases tagged “{tag}”")
    }
}
