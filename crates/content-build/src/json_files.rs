//! The JSON the app reads: the site, paged lists (all, per tag, per year), releases.

use newsroom_model::{IndexPage, ReleaseSummary, Route, PAGE_SIZE, SITE_DATA_PATH};
use serde::Serialize;
use std::collections::BTreeMap;

use crate::content::Content;
use crate::site_file::SiteFile;

pub fn json_files(content: &Content) -> Vec<SiteFile> {
    let mut files = vec![SiteFile::new(SITE_DATA_PATH, json(&content.site))];
    for (route, index) in list_pages(content) {
        files.push(SiteFile::new(&route.data_path().unwrap_or_default(), json(&index)));
    }
    for release in &content.releases {
        let route = Route::Release { slug: release.listing.slug.clone() };
        files.push(SiteFile::new(&route.data_path().unwrap_or_default(), json(release)));
    }
    files
}

/// Every list page with its route: all releases, each tag, each year, newest first.
pub fn list_pages(content: &Content) -> Vec<(Route, IndexPage)> {
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
