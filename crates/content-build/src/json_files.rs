//! The JSON the app reads: the site, paged lists (all, per tag, per year), releases.

use newsroom_model::{index_data_path, release_data_path, tag_data_path, year_data_path, IndexPage, ReleaseSummary, PAGE_SIZE, SITE_DATA_PATH};
use serde::Serialize;
use std::collections::BTreeMap;

use crate::content::Content;
use crate::output::SiteFile;

pub fn json_files(content: &Content) -> Vec<SiteFile> {
    let mut files = vec![SiteFile::new(SITE_DATA_PATH, json(&content.site))];
    let listings: Vec<&ReleaseSummary> = content.releases.iter().map(|release| &release.listing).collect();
    files.extend(index_pages(&listings, None, index_data_path));

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
    for (slug, tagged) in &by_tag {
        let name = tagged[0].tags.iter().find(|tag| tag.slug == *slug).map(|tag| tag.name.clone());
        files.extend(index_pages(tagged, name, |page| tag_data_path(slug, page)));
    }
    for (year, listed) in &by_year {
        files.extend(index_pages(listed, None, |page| year_data_path(*year, page)));
    }
    files.extend(content.releases.iter().map(|release| SiteFile::new(&release_data_path(&release.listing.slug), json(release))));
    files
}

fn index_pages(listings: &[&ReleaseSummary], tag: Option<String>, path: impl Fn(u32) -> String) -> Vec<SiteFile> {
    let pages = listings.len().div_ceil(PAGE_SIZE).max(1) as u32;
    (1..=pages)
        .map(|page| {
            let start = (page as usize - 1) * PAGE_SIZE;
            let releases = listings.iter().skip(start).take(PAGE_SIZE).map(|listing| (*listing).clone()).collect();
            SiteFile::new(&path(page), json(&IndexPage { page, pages, total: listings.len() as u32, tag: tag.clone(), releases }))
        })
        .collect()
}

fn json(value: &impl Serialize) -> Vec<u8> {
    serde_json::to_vec(value).expect("content model types always serialize")
}
