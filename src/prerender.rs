//! The app's components rendered to HTML outside the browser, for the content build:
//! one component tree for the browser, pre-rendered pages and feeds.

use leptos::prelude::*;
use newsroom_model::{document_title, Block, Route, Site};

pub use crate::api::{DataMismatch, PageData};
use crate::components::Blocks;
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
        let owner = Owner::new();
        let html = owner.with(|| {
            crate::api::seed(self.route, self.data)?;
            crate::site_data::provide(self.site.clone());
            provide_context(Today(self.today.to_string()));
            crate::navigation::for_page(self.route.clone(), self.base_path, self.language);
            // Without the `<!>` markers Leptos leaves for hydration: the app replaces the
            // page instead, and validators count them as bogus comments.
            Ok(view! { <crate::Shell /> }.to_html().replace("<!>", ""))
        });
        owner.cleanup();
        html
    }
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
    /// The feed in the page's language: URL and title.
    pub language_feed: Option<(String, String)>,
}

/// `<title>`, description, canonical URL, OpenGraph, Twitter card and alternates.
pub fn head_html(meta: PageMeta) -> String {
    let PageMeta {
        title,
        description,
        canonical_url,
        kind,
        site_name,
        language,
        image,
        published,
        alternates,
        language_feed,
    } = meta;
    let card = if image.is_some() { "summary_large_image" } else { "summary" };
    let own_language = (!alternates.is_empty())
        .then(|| view! { <link rel="alternate" hreflang=language.clone() href=canonical_url.clone() /> });
    view! {
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
        {language_feed.map(|(url, title)| view! { <link rel="alternate" type="application/atom+xml" href=url title=title /> })}
    }
    .to_html()
    .replace("<!>", "")
}

/// `<meta property=…>`: OpenGraph's attribute, which HTML itself does not define.
fn og(property: &'static str, content: impl Into<String>) -> impl IntoView {
    leptos::html::meta().attr("property", property).attr("content", content.into())
}

/// A release body as HTML, e.g. for the full content of feed entries. Without the
/// `<!>` markers Leptos leaves for hydration, which a feed reader never does.
pub fn release_body_html(blocks: Vec<Block>) -> String {
    view! { <Blocks blocks /> }.to_html().replace("<!>", "")
}
