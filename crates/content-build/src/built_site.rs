//! The site the outputs are written from, built once from the content: every list page
//! (all releases, each tag, each year; `PAGE_SIZE` = 10 to a page, newest first) and
//! every release, each with its route and its JSON. The JSON files, the pre-rendered
//! pages, the feeds and the sitemap all take this one result, so each list is paged
//! once and each list page and release serialised once, and a page embeds the very
//! bytes of its JSON file.
//!
//! A page is drawn from its JSON and what every page shares, so the watcher (`watch`)
//! draws again only the pages whose JSON changed (`Drawn`): saving one release of
//! 10,000 changes its own JSON, its neighbours' and the list pages it is on, about ten
//! pages, instead of the 14,014 pages a build draws.

use newsroom_model::{IndexPage, Release, ReleaseSummary, Route, Site, PAGE_SIZE};
use serde::Serialize;
use std::collections::{BTreeMap, HashMap};
use std::sync::Arc;

use crate::content::Content;

pub struct BuiltSite<'a> {
    pub site: &'a Site,
    /// The site settings as the app reads them, from their own file and from every page.
    pub site_json: Vec<u8>,
    /// All releases, then each tag, then each year, each list in its pages.
    pub lists: Vec<ListPage>,
    /// Newest first, as `Content` has them.
    pub releases: Vec<ReleasePage<'a>>,
    /// The social card of each lead image, by the original's address.
    pub cards: &'a HashMap<String, String>,
}

/// One page of a list of releases.
pub struct ListPage {
    pub route: Route,
    /// Shared with the pages drawn from it (the home page is drawn from the archive's first).
    pub index: Arc<IndexPage>,
    pub json: Vec<u8>,
}

/// One release, at its own route.
pub struct ReleasePage<'a> {
    pub route: Route,
    pub release: &'a Release,
    pub json: Vec<u8>,
}

impl BuiltSite<'_> {
    pub fn new(content: &Content) -> BuiltSite<'_> {
        let lists = list_pages(content)
            .into_iter()
            .map(|(route, index)| ListPage { json: json(&index), route, index: Arc::new(index) })
            .collect();
        let releases = content
            .releases
            .iter()
            .map(|release| ReleasePage {
                route: Route::Release { slug: release.listing.slug.clone() },
                release,
                json: json(release),
            })
            .collect();
        BuiltSite { site: &content.site, site_json: json(&content.site), lists, releases, cards: &content.cards }
    }
}

/// The file a route's page is written to.
pub fn page_file(route: &Route) -> String {
    match route {
        Route::NotFound => "404.html".to_string(),
        _ => format!("{}index.html", route.path()),
    }
}

/// What the pages on disk were drawn from: what every page shares (the shell, the site
/// settings, the day), then each page's JSON by its file. Filled by `BuiltSite::redrawn`.
#[derive(Default)]
pub struct Drawn {
    shared: Vec<u8>,
    pages: HashMap<String, Vec<u8>>,
}

impl Drawn {
    /// Every page file the site has, as of the last `redrawn`.
    pub fn page_files(&self) -> impl Iterator<Item = &str> {
        self.pages.keys().map(String::as_str)
    }
}

impl<'a> BuiltSite<'a> {
    /// The part of this site whose pages were not drawn from what they are made of now:
    /// every list and release when `shared` (everything else a page is drawn from) is not
    /// what `drawn` has, otherwise those whose JSON changed. `drawn` then holds this site.
    /// The not-found page is always drawn again (it is one page).
    pub fn redrawn(self, shared: Vec<u8>, drawn: &mut Drawn) -> BuiltSite<'a> {
        if drawn.shared != shared {
            *drawn = Drawn { shared, pages: HashMap::new() };
        }
        let mut pages = HashMap::with_capacity(drawn.pages.len());
        let mut changed = |route: &Route, json: &[u8]| {
            let file = page_file(route);
            let before = drawn.pages.remove(&file);
            pages.insert(file, json.to_vec());
            before.as_deref() != Some(json)
        };
        let lists: Vec<ListPage> = self
            .lists
            .into_iter()
            .filter(|list| {
                let home = list.route == (Route::Archive { page: 1 }) && changed(&Route::Home, &list.json);
                changed(&list.route, &list.json) || home
            })
            .collect();
        let releases = self.releases.into_iter().filter(|page| changed(&page.route, &page.json)).collect();
        pages.insert(page_file(&Route::NotFound), Vec::new());
        drawn.pages = pages;
        BuiltSite { site: self.site, site_json: self.site_json, lists, releases, cards: self.cards }
    }
}

/// Every list page with its route: all releases, each tag, each year, newest first.
fn list_pages(content: &Content) -> Vec<(Route, IndexPage)> {
    let listings: Vec<&ReleaseSummary> = content.releases.iter().map(|release| &release.listing).collect();
    let mut by_tag: BTreeMap<&str, Vec<&ReleaseSummary>> = BTreeMap::new();
    let mut by_year: BTreeMap<u32, Vec<&ReleaseSummary>> = BTreeMap::new();
    for listing in &listings {
        for tag in &listing.tags {
            by_tag.entry(&tag.slug).or_default().push(listing);
        }
        if let Some(year) = listing.published_day().get(..4).and_then(|year| year.parse().ok()) {
            by_year.entry(year).or_default().push(listing);
        }
    }
    let mut pages = paged(&listings, None, |page| Route::Archive { page });
    for (slug, tagged) in &by_tag {
        let name = tagged[0].tags.iter().find(|tag| tag.slug == *slug).map(|tag| tag.name.clone());
        pages.extend(paged(tagged, name, |page| Route::Tag { slug: slug.to_string(), page }));
    }
    for (year, listed) in &by_year {
        pages.extend(paged(listed, None, |page| Route::Year { year: *year, page }));
    }
    pages
}

fn paged(listings: &[&ReleaseSummary], tag: Option<String>, route: impl Fn(u32) -> Route) -> Vec<(Route, IndexPage)> {
    let pages = listings.len().div_ceil(PAGE_SIZE).max(1) as u32;
    (1..=pages)
        .map(|page| {
            let start = (page as usize - 1) * PAGE_SIZE;
            let releases = listings.iter().skip(start).take(PAGE_SIZE).map(|listing| (*listing).clone()).collect();
            (route(page), IndexPage { page, pages, total: listings.len() as u32, tag: tag.clone(), releases })
        })
        .collect()
}

pub fn json(value: &impl Serialize) -> Vec<u8> {
    serde_json::to_vec(value).expect("content model types always serialize")
}
