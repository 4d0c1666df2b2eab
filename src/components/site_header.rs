//! Accessibility: a `banner` landmark that starts with the skip link (so no content
//! stands outside a landmark), then the site name and a labelled navigation; the link
//! to the page being shown carries `aria-current="page"`. The search box is a plain form
//! in a `search` landmark, so it works without script too (it leads to the search page,
//! which says what it needs); its label is visually hidden, as the button beside it
//! says "Search", and the label is what a screen reader announces for the box.

use leptos::prelude::*;
use newsroom_model::Route;

use crate::components::SkipLink;
use crate::element_ids;
use crate::i18n::use_ui;
use crate::navigation::{href, use_navigation};
use crate::site_data::use_site;

#[component]
pub fn SiteHeader() -> impl IntoView {
    let site = use_site();
    let ui = use_ui();
    let navigation = use_navigation();
    let current = move |section: Route| {
        let is_current = matches!(
            (navigation.route.get(), section),
            (Route::Home, Route::Home) | (Route::Archive { .. } | Route::Year { .. }, Route::Archive { .. })
        );
        is_current.then_some("page")
    };
    view! {
        <header class="site-header" id=element_ids::TOP>
            <SkipLink />
            <a class="site-header__name" href=href(&Route::Home)>
                {site.name.clone()}
            </a>
            <nav class="site-header__nav" aria-label=ui.site_navigation>
                <a href=href(&Route::Home) aria-current=move || current(Route::Home)>{ui.latest}</a>
                <a href=href(&Route::Archive { page: 1 }) aria-current=move || current(Route::Archive { page: 1 })>{ui.archive}</a>
            </nav>
            <form class="site-search" role="search" action=href(&Route::Search) method="get">
                <label class="visually-hidden" for=element_ids::SEARCH_QUERY>{ui.search_label}</label>
                <input id=element_ids::SEARCH_QUERY type="search" name="q" />
                <button>{ui.search}</button>
            </form>
        </header>
    }
}

#[cfg(all(test, feature = "ssr"))]
mod tests {
    use super::*;
    use crate::components::examples::render;
    use crate::components::markup::Markup;

    fn header(route: Route, language: &str) -> Markup {
        Markup::of(&render(route, language, || view! { <SiteHeader /> }))
    }

    #[test]
    fn the_header_is_the_banner_landmark_that_back_to_top_leads_to_and_starts_with_the_skip_link() {
        let page = header(Route::Home, "en");
        let banner = page.only("banner");
        assert_eq!(banner.attribute("id"), Some("top"));
        assert_eq!(page.within(banner).focusable()[0].name, "Skip to main content");
    }

    #[test]
    fn the_site_name_and_the_named_site_navigation_link_to_the_site_under_its_sub_path() {
        let page = header(Route::Home, "en");
        assert_eq!(page.one("link", "Sample Rights Campaign").attribute("href"), Some("/newsroom/"));
        let navigation = page.within(page.one("navigation", "Newsroom"));
        assert_eq!(navigation.one("link", "Latest").attribute("href"), Some("/newsroom/"));
        assert_eq!(navigation.one("link", "Archive").attribute("href"), Some("/newsroom/archive/"));
    }

    #[test]
    fn the_link_to_the_section_being_shown_is_marked_as_the_current_page() {
        let current = |route: Route| -> Vec<String> {
            let page = header(route, "en");
            let navigation = page.within(page.one("navigation", "Newsroom"));
            let links = navigation.all("link");
            links
                .iter()
                .filter(|link| link.attribute("aria-current") == Some("page"))
                .map(|link| link.name.clone())
                .collect()
        };
        assert_eq!(current(Route::Home), ["Latest"]);
        assert_eq!(current(Route::Archive { page: 2 }), ["Archive"]);
        assert_eq!(current(Route::Year { year: 2025, page: 1 }), ["Archive"]);
        assert!(current(Route::Release { slug: "statement-on-forced-returns".to_string() }).is_empty());
        assert!(current(Route::Tag { slug: "advocacy".to_string(), page: 1 }).is_empty());
    }

    #[test]
    fn the_search_box_is_a_labelled_form_that_leads_to_the_search_page_in_the_page_language() {
        let page = header(Route::Home, "en");
        let form = page.only("search");
        assert_eq!((form.attribute("action"), form.attribute("method")), (Some("/newsroom/search/"), Some("get")));
        let search = page.within(form);
        assert_eq!(search.one("searchbox", "Search the press releases").attribute("name"), Some("q"));
        search.one("button", "Search");
        let page = header(Route::Home, "ug");
        page.within(page.only("search")).one("searchbox", "باياناتلاردىن ئىزدەش");
    }

    #[test]
    fn on_a_uyghur_page_the_navigation_and_its_links_speak_uyghur() {
        let page = header(Route::Home, "ug");
        let navigation = page.within(page.one("navigation", "ئاخبارات بۆلۈمى"));
        navigation.one("link", "ئەڭ يېڭى");
        navigation.one("link", "ئارخىپ");
    }
}
