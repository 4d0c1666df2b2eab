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

#[cfg(all(test, feature = "ssr"))]
mod tests {
    use newsroom_model::Site;

    use super::*;
    use crate::components::examples::{render, render_with, site, WINTER_APPEAL_DAY};
    use crate::components::markup::Markup;

    #[test]
    fn the_years_are_a_named_navigation_with_a_link_to_each_year_under_the_sub_path() {
        let page = Markup::of(&render(Route::Archive { page: 1 }, "en", || view! { <ArchiveYears /> }));
        let years = page.within(page.one("navigation", "Releases by year"));
        let links: Vec<(&str, Option<&str>)> =
            years.all("link").into_iter().map(|link| (link.name.as_str(), link.attribute("href"))).collect();
        assert_eq!(links, [("2026", Some("/newsroom/archive/2026/")), ("2025", Some("/newsroom/archive/2025/"))]);
    }

    #[test]
    fn on_a_uyghur_page_the_navigation_is_named_in_uyghur() {
        let page = Markup::of(&render(Route::Archive { page: 1 }, "ug", || view! { <ArchiveYears /> }));
        page.one("navigation", "يىللار بويىچە باياناتلار");
    }

    #[test]
    fn a_site_with_releases_from_one_year_only_has_no_year_navigation() {
        let site = Site { archive_years: vec![2026], ..site() };
        let html =
            render_with(site, WINTER_APPEAL_DAY, Route::Archive { page: 1 }, "en", || view! { <ArchiveYears /> });
        assert!(Markup::of(&html).all("navigation").is_empty(), "{html}");
    }
}
