//! Accessibility: a labelled navigation of plain links, one per year that has releases.

use leptos::prelude::*;
use newsroom_model::Route;

use crate::i18n::use_ui;
use crate::navigation::href;
use crate::site_data::use_site;

#[component]
pub fn ArchiveYears() -> impl IntoView {
    let years = use_site().archive_years.clone();
    (years.len() > 1).then(|| {
        view! {
            <nav class="archive-years" aria-label=use_ui().releases_by_year>
                <ul>
                    {years.into_iter().map(|year| view! {
                        <li><a href=href(&Route::Year { year, page: 1 })>{year}</a></li>
                    }).collect_view()}
                </ul>
            </nav>
        }
    })
}
