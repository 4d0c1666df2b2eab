//! The app's components rendered to HTML outside the browser, for the content build:
//! one component tree for the browser, pre-rendered pages and feeds.

use leptos::prelude::*;
use newsroom_model::{document_title, Block, Route, Site};

pub use crate::api::{DataMismatch, PageData};
use crate::components::Blocks;
pub use crate::components::MediaEntry;
pub use crate::i18n::{media_text, search_text, share_text, MediaText, SearchText, ShareText, LANGUAGES};
use crate::site_data::Today;

/// One page to render: its route, what it is made from, and where the site is deployed.
pub struct Page<'a> {
    pub route: &'a Route,
    /// `None` for the not-found page, the one page made from no file.
    pub data: Option<PageData>,
    /// What the page shows is in this language, and so is its interface.
    pub language: &'a str,
    pub site: &'a Site,
    /// `/` or `/some/path/`.
    pub base_path: &'a str,
    /// `YYYY-MM-DD`: the donation campaign running that day is shown.
    pub today: &'a str,
}

impl Page<'_> {
    /// The page's `<title>`, as the app sets it after a navigation.
    pub fn title(&self) -> String {
        document_title(&crate::routes::title(self.route, self.data.as_ref(), self.language), &self.site.name)
    }

    /// The `<body>` content of the page, as the app renders it in the browser; an error
    /// if the data is not what the route is made from.
    pub fn body_html(self) -> Result<String, DataMismatch> {
        crate::api::seed(self.route, self.data)?;
        let Page { route, language, site, base_path, today, .. } = self;
        Ok(render_in_page(site.clone(), today, route.clone(), base_path, language, || view! { <crate::Shell /> }))
    }
}

/// `view` as HTML, with what every component finds in the context of a page: the site,
/// the day, and navigation fixed at `route`. Also what the components' tests render with.
pub(crate) fn render_in_page<V: IntoView + 'static>(
    site: Site,
    today: &str,
    route: Route,
    base_path: &str,
    language: &str,
    view: impl FnOnce() -> V,
) -> String {
    let owner = Owner::new();
    let html = owner.with(|| {
        crate::site_data::provide(site);
        provide_context(Today(today.to_string()));
        crate::navigation::for_page(route, base_path, language);
        plain_html(view())
    });
    owner.cleanup();
    html
}

/// HTML without the `<!>` markers Leptos leaves for hydration: the app replaces a
/// pre-rendered page instead of hydrating it, a feed reader runs no script, and
/// validators count the markers as bogus comments.
fn plain_html(view: impl IntoView) -> String {
    view.to_html().replace("<!>", "")
}

/// What a page says about itself to search engines and link previews.
pub struct PageMeta {
    pub title: String,
    pub description: String,
    pub canonical_url: String,
    /// `article` for a release, `website` otherwise.
    pub kind: &'static str,
    pub site_name: String,
    pub language: String,
    pub image: Option<(String, String)>,
    pub published: Option<String>,
    /// Other language versions: language and URL.
    pub alternates: Vec<(String, String)>,
    /// The feeds of what the page shows, URL and title: a topic's, then the one in the
    /// page's language.
    pub feeds: Vec<(String, String)>,
}

/// `<title>`, description, canonical URL, OpenGraph, Twitter card and alternates.
pub fn head_html(meta: PageMeta) -> String {
    let PageMeta { title, description, canonical_url, kind, site_name, language, image, published, alternates, feeds } =
        meta;
    let card = if image.is_some() { "summary_large_image" } else { "summary" };
    let own_language = (!alternates.is_empty())
        .then(|| view! { <link rel="alternate" hreflang=language.clone() href=canonical_url.clone() /> });
    plain_html(view! {
        <title>{title.clone()}</title>
        <meta name="description" content=description.clone() />
        <link rel="canonical" href=canonical_url.clone() />
        {og("og:type", kind)}
        {og("og:title", title.clone())}
        {og("og:description", description.clone())}
        {og("og:url", canonical_url)}
        {og("og:site_name", site_name)}
        {og("og:locale", language.replace('-', "_"))}
        {image.map(|(url, alt)| view! {
            {og("og:image", url.clone())}
            {og("og:image:alt", alt.clone())}
            <meta name="twitter:image" content=url />
            <meta name="twitter:image:alt" content=alt />
        })}
        {published.map(|published| view! { {og("article:published_time", published)} })}
        <meta name="twitter:card" content=card />
        <meta name="twitter:title" content=title />
        <meta name="twitter:description" content=description />
        {own_language}
        {alternates.into_iter().map(|(language, url)| view! { <link rel="alternate" hreflang=language href=url /> }).collect_view()}
        {feeds.into_iter().map(|(url, title)| view! { <link rel="alternate" type="application/atom+xml" href=url title=title /> }).collect_view()}
    })
}

/// `<meta property=…>`: OpenGraph's attribute, which HTML itself does not define.
fn og(property: &'static str, content: impl Into<String>) -> impl IntoView {
    leptos::html::meta().attr("property", property).attr("content", content.into())
}

/// The `<body>` content of the media page (`components::media_library`), in the site's
/// language, with the header, banner and footer every page has. `path` is the page's
/// file below `base_path`: the media page is no route of the app, so it is drawn as the
/// not-found page is, and the links to its own parts (skip link, back to top) are then
/// pointed at it.
pub fn media_page_body(site: &Site, base_path: &str, path: &str, today: &str, entries: Vec<MediaEntry>) -> String {
    use crate::components::{DonationBanner, MediaLibrary, SiteFooter, SiteHeader};
    let language = site.language.clone();
    let html = render_in_page(site.clone(), today, Route::NotFound, base_path, &site.language, move || {
        view! {
            <SiteHeader />
            <main id=crate::element_ids::MAIN tabindex="-1">
                <MediaLibrary entries language />
            </main>
            <DonationBanner />
            <SiteFooter />
        }
    });
    let not_found = format!("\"{base_path}{}#", Route::NotFound.path());
    html.replace(&not_found, &format!("\"{base_path}{path}#"))
}

/// The format and size of an image's original, as its download link gives them in
/// `language`: `PNG, 7 KB`.
pub fn download_details(extension: &str, bytes: u32, language: &str) -> String {
    crate::i18n::file_details(extension, bytes, language)
}

/// A release body as HTML, e.g. for the full content of feed entries: without a site
/// (see `addresses`), and with the interface words (an image's download link, its
/// licence) in the release's `language`.
pub fn release_body_html(blocks: Vec<Block>, language: &str) -> String {
    let owner = Owner::new();
    let html = owner.with(|| {
        crate::navigation::for_page(Route::NotFound, "", language);
        plain_html(view! { <Blocks blocks /> })
    });
    owner.cleanup();
    html
}

#[cfg(test)]
mod tests {
    use std::sync::Arc;

    use super::*;
    use crate::components::examples::{english_release, index_page, site, BASE_PATH, WINTER_APPEAL_DAY};

    fn body(route: Route, data: Option<PageData>) -> Result<String, DataMismatch> {
        let site = site();
        Page { route: &route, data, language: "en", site: &site, base_path: BASE_PATH, today: WINTER_APPEAL_DAY }
            .body_html()
    }

    #[test]
    fn a_page_given_data_that_is_not_its_routes_is_an_error_not_a_quiet_not_found() {
        let release = || Some(PageData::Release(Arc::new(english_release())));
        let list = || Some(PageData::List(Arc::new(index_page(1, 1))));
        let other_slug = Route::Release { slug: "another-release".to_string() };
        for (route, data) in [
            (other_slug, release()),
            (Route::Home, release()),
            (Route::Release { slug: english_release().listing.slug }, list()),
            (Route::Archive { page: 1 }, None),
            (Route::NotFound, list()),
        ] {
            assert_eq!(body(route.clone(), data), Err(DataMismatch), "{route:?}");
        }
    }

    #[test]
    fn a_page_given_its_own_data_shows_it_and_not_the_not_found_page() {
        let release = english_release();
        let route = Route::Release { slug: release.listing.slug.clone() };
        let title = release.listing.title.clone();
        let html = body(route, Some(PageData::Release(Arc::new(release)))).unwrap();
        assert!(html.contains(&title) && !html.contains("Page not found"), "{html}");
        let html = body(Route::Year { year: 2026, page: 1 }, Some(PageData::List(Arc::new(index_page(1, 1))))).unwrap();
        assert!(html.contains("<h1 tabindex=\"-1\">Releases from 2026</h1>"), "{html}");
    }
}
