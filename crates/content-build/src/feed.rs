//! Atom 1.0 feeds of the latest releases, with their full text: `feed.xml` for all
//! languages, `feeds/<language>.xml` for each language and `feeds/topics/<topic>.xml`
//! for each topic (in every language, as its list), so journalists can follow one.

use atom_syndication::{
    Category, Content as EntryContent, Entry, Feed, FixedDateTime, Link, Person, Text, WriteConfig,
};
use newsroom_model::{topic_feed_path, Block, Release, ReleaseSummary, Route, Site};
use std::collections::{BTreeMap, BTreeSet};

use crate::address::SiteAddress;
use crate::body_urls;
use crate::built_site::{BuiltSite, ReleasePage};
use crate::fields::is_language_tag;
use crate::site_file::SiteFile;

/// How many releases a feed carries: enough for a reader that polls daily.
const FEED_LENGTH: usize = 20;

/// `feed.xml` and a feed for each language of the releases and for the site's own
/// language, which every list page links to, even before a release is in it. `body_html`
/// draws a release's text as its page does (the renderer in `pages`, the one place that
/// draws with the app's components).
pub fn feeds(
    built: &BuiltSite,
    address: &SiteAddress,
    body_html: impl Fn(Vec<Block>, &str) -> String,
) -> Vec<SiteFile> {
    // A language names a file: only tags `content` has checked, even if a caller did not.
    let languages: BTreeSet<&str> = built
        .releases
        .iter()
        .map(|page| page.release.listing.language.as_str())
        .chain([built.site.language.as_str()])
        .filter(|language| is_language_tag(language))
        .collect();
    // Topics name files as their lists' folders do (`data/tags/<slug>/`).
    let topics: BTreeMap<&str, &str> = built
        .releases
        .iter()
        .flat_map(|page| &page.release.listing.tags)
        .map(|tag| (tag.slug.as_str(), tag.name.as_str()))
        .collect();
    let mut files = vec![SiteFile::new("feed.xml", feed(built, address, Selection::All, &body_html))];
    files.extend(languages.into_iter().map(|language| {
        SiteFile::new(&language_feed_path(language), feed(built, address, Selection::Language(language), &body_html))
    }));
    files.extend(topics.into_iter().map(|(slug, name)| {
        SiteFile::new(&topic_feed_path(slug), feed(built, address, Selection::Topic { slug, name }, &body_html))
    }));
    files
}

pub fn language_feed_path(language: &str) -> String {
    format!("feeds/{language}.xml")
}

pub fn language_feed_title(site: &Site, language: &str) -> String {
    format!("{} ({language})", site.name)
}

pub fn topic_feed_title(site: &Site, topic: &str) -> String {
    format!("{}: {topic}", site.name)
}

/// Which releases a feed carries.
#[derive(Clone, Copy)]
enum Selection<'a> {
    All,
    Language(&'a str),
    Topic { slug: &'a str, name: &'a str },
}

impl Selection<'_> {
    fn includes(self, listing: &ReleaseSummary) -> bool {
        match self {
            Selection::All => true,
            Selection::Language(language) => listing.language == language,
            Selection::Topic { slug, .. } => listing.tags.iter().any(|tag| tag.slug == slug),
        }
    }

    fn path(self) -> String {
        match self {
            Selection::All => "feed.xml".to_string(),
            Selection::Language(language) => language_feed_path(language),
            Selection::Topic { slug, .. } => topic_feed_path(slug),
        }
    }

    fn title(self, site: &Site) -> String {
        match self {
            Selection::All => site.name.clone(),
            Selection::Language(language) => language_feed_title(site, language),
            Selection::Topic { name, .. } => topic_feed_title(site, name),
        }
    }

    /// The page that lists what the feed carries.
    fn page(self) -> Route {
        match self {
            Selection::Topic { slug, .. } => Route::Tag { slug: slug.to_string(), page: 1 },
            _ => Route::Home,
        }
    }
}

fn feed(
    built: &BuiltSite,
    address: &SiteAddress,
    selection: Selection,
    body_html: &impl Fn(Vec<Block>, &str) -> String,
) -> Vec<u8> {
    let releases: Vec<&ReleasePage> =
        built.releases.iter().filter(|page| selection.includes(&page.release.listing)).take(FEED_LENGTH).collect();
    let path = selection.path();
    let updated = releases.first().map(|page| date(&page.release.listing.published)).unwrap_or_default();
    let language = match selection {
        Selection::Language(language) => language,
        _ => &built.site.language,
    };
    let feed = Feed {
        title: Text::plain(selection.title(built.site)),
        id: address.file(&path),
        updated,
        authors: vec![Person { name: built.site.name.clone(), ..Person::default() }],
        links: vec![
            link(address.file(&path), "self", "application/atom+xml"),
            link(address.page(&selection.page()), "alternate", "text/html"),
        ],
        subtitle: Some(Text::plain(built.site.tagline.clone())),
        lang: Some(language.to_string()),
        entries: releases.into_iter().map(|page| entry(page, address, body_html)).collect(),
        ..Feed::default()
    };
    // The declaration names the encoding: a host that serves .xml as text/xml without a
    // charset would otherwise make readers decode it as ASCII (RFC 7303).
    let declaration = b"<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n".to_vec();
    let config = WriteConfig { write_document_declaration: false, indent_size: None };
    feed.write_with_config(declaration, config).expect("writing to memory cannot fail")
}

fn entry(page: &ReleasePage, address: &SiteAddress, body_html: &impl Fn(Vec<Block>, &str) -> String) -> Entry {
    let listing = &page.release.listing;
    let url = address.page(&page.route);
    let published = date(&listing.published);
    Entry {
        id: url.clone(),
        title: Text::plain(listing.title.clone()),
        updated: published,
        published: Some(published),
        links: vec![Link { hreflang: Some(listing.language.clone()), ..link(url, "alternate", "text/html") }],
        summary: Some(Text::plain(format!("{}: {}", listing.dateline, listing.summary))),
        content: Some(EntryContent {
            value: Some(body_html(absolute_body(page.release, address), &page.release.listing.language)),
            content_type: Some("html".to_string()),
            lang: Some(listing.language.clone()),
            ..EntryContent::default()
        }),
        categories: listing
            .tags
            .iter()
            .map(|tag| Category { term: tag.slug.clone(), label: Some(tag.name.clone()), ..Category::default() })
            .collect(),
        ..Entry::default()
    }
}

/// The release as its page shows it: the lead image, if any, then the body.
fn absolute_body(release: &Release, address: &SiteAddress) -> Vec<Block> {
    let mut body: Vec<Block> =
        release.image.iter().cloned().map(Block::Image).chain(release.body.iter().cloned()).collect();
    body_urls::absolute(&mut body, address);
    body
}

fn link(href: String, rel: &str, mime_type: &str) -> Link {
    Link { href, rel: rel.to_string(), mime_type: Some(mime_type.to_string()), ..Link::default() }
}

/// Release dates were checked as RFC 3339 when the content was read.
fn date(rfc3339: &str) -> FixedDateTime {
    FixedDateTime::parse_from_rfc3339(rfc3339).unwrap_or_default()
}
