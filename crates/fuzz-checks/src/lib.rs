//! What must hold for any input to the parts of the newsroom that read untrusted text:
//! one function a fuzz target, each taking the raw bytes libFuzzer makes up (text
//! targets skip bytes that are not UTF-8, as the build's own reading does). The fuzz
//! targets in `fuzz/` are one-line wrappers around these; `tests/corpus.rs` replays
//! every checked-in corpus file and fixed crash through them on stable Rust, so a
//! crash once found stays fixed without nightly. A broken property panics, which is
//! what libFuzzer reports as a crash.
//!
//! The site the checks assume is `https://newsroom.example.org` with one image host,
//! `images.example.org`, and releases in English read at a fixed instant (2027-01-15),
//! so that a run is reproducible.

use std::path::Path;

use newsroom_content_build::error::ContentError;
use newsroom_content_build::links::{ImageSource, Link, LinkRule};
use newsroom_content_build::markdown::{self, MAX_BLOCK_DEPTH, MAX_INLINE_DEPTH};
use newsroom_content_build::{characters, image_size, links, release_source, site_source, svg};
use newsroom_model::json::{self, FromJson, MAX_NESTING};
use newsroom_model::{Block, IndexPage, Inline, Release, Route, Site};
use serde::de::DeserializeOwned;
use serde::Serialize;
use url::Url;

mod svg_scan;

pub const ORIGIN: &str = "https://newsroom.example.org";
pub const IMAGE_HOST: &str = "images.example.org";
/// The page links are written on; a bare `#part` points to it.
pub const PAGE: &str = "/releases/this/";
/// 2027-01-15T00:00:00Z, the "now" that decides embargoes.
pub const NOW: i64 = 1_800_000_000;

/// The link rule of the site the checks assume.
pub fn rule() -> LinkRule {
    LinkRule::new(ORIGIN, &[IMAGE_HOST.to_string()]).expect("the checks' own site is valid")
}

/// Any address bar: a route is either not found or reads back from its own path.
pub fn route(data: &[u8]) {
    let Ok(path) = std::str::from_utf8(data) else { return };
    let route = Route::from_path(path);
    if route != Route::NotFound {
        assert_eq!(
            Route::from_path(&route.path()),
            route,
            "{path:?} reads as {route:?}, whose path {:?} reads differently",
            route.path()
        );
    }
}

/// Any Markdown converts without panicking; when it is accepted, every link and image
/// in the blocks passes the link rule again unchanged, nothing nests deeper than the
/// caps, and the blocks serialize to JSON that reads back the same.
pub fn markdown(data: &[u8]) {
    let Ok(text) = std::str::from_utf8(data) else { return };
    let rule = rule();
    let Ok(converted) = markdown::convert(text, &rule, PAGE) else { return };
    accepted_blocks(&rule, &converted.blocks, 0);
    for link in &converted.links {
        accepted_link(&rule, &link.target);
    }
    for image in &converted.images {
        assert!(image.target.starts_with("media/"), "{image:?}");
        assert_eq!(rule.image(&image.target), Ok(ImageSource::Media(image.target.clone())));
    }
    round_trips(&converted.blocks);
}

/// The text of `data` as the build reads a file: UTF-8, then the character check, whose
/// errors must point into the text. `None` when the build would stop there.
fn checked_text(file: &Path, data: &[u8]) -> Option<String> {
    let text = std::str::from_utf8(data).ok()?;
    characters::checked(file, text).map_err(|errors| errors_point_into(&errors, text)).ok()
}

/// Any release file, front matter and body, is checked for characters and then read
/// without panicking; an accepted one has only accepted links, images and nesting,
/// and serializes to JSON that reads back the same. Every error points into the file.
pub fn release(data: &[u8]) {
    let file = Path::new("content/releases/fuzz.md");
    let Some(text) = checked_text(file, data) else { return };
    let rule = rule();
    match release_source::read(file, &text, "en", &rule, NOW) {
        Ok(source) => {
            let release = &source.release;
            accepted_blocks(&rule, &release.body, 0);
            if let Some(image) = &release.image {
                accepted_image(&rule, &image.src);
            }
            for link in &source.links {
                accepted_link(&rule, &link.target);
            }
            round_trips(release);
        }
        Err(errors) => errors_point_into(&errors, &text),
    }
}

/// Any `site.toml` is read without panicking; accepted settings have an origin a link
/// rule accepts, an `about` text with only accepted links, and serialize to JSON that
/// reads back the same. Every error points into the file.
pub fn site(data: &[u8]) {
    let file = Path::new("content/site.toml");
    let Some(text) = checked_text(file, data) else { return };
    match site_source::read(file, &text) {
        Ok(source) => {
            let rule =
                LinkRule::new(&source.origin, &source.site.image_hosts).expect("an accepted origin makes a link rule");
            let origin = Url::parse(&source.origin).expect("an accepted origin parses");
            assert!(matches!(origin.scheme(), "https" | "http") && origin.path() == "/", "{origin}");
            accepted_blocks(&rule, &source.site.about, 0);
            for link in &source.links {
                accepted_link(&rule, &link.target);
            }
            round_trips(&source.site);
        }
        Err(errors) => errors_point_into(&errors.errors, &text),
    }
}

/// Any link and image address: an accepted link, re-parsed by a WHATWG parser against
/// the site, stays http(s), one plain mailto: address, or this site; an accepted image
/// is a file in `media/` or https on a listed host. `media_path` lets out no path that
/// leaves the folder.
pub fn link_rule(data: &[u8]) {
    let Ok(text) = std::str::from_utf8(data) else { return };
    let rule = rule();
    if let Ok(link) = rule.link(text, PAGE) {
        accepted_link(&rule, link.href());
        assert_eq!(
            rule.link(link.href(), PAGE).as_ref(),
            Ok(&link),
            "{text:?} is accepted as {link:?}, which reads differently"
        );
    }
    if let Ok(image) = rule.image(text) {
        accepted_image(&rule, image.src());
    }
    if links::media_path(text).is_ok() {
        let (site, url) = resolved("/media/", text, "an accepted media path");
        assert!(
            url.origin() == site.origin() && url.path().starts_with("/media/") && !text.contains(['\\', '%']),
            "{text:?} leaves media/ as {url}"
        );
    }
}

/// Any SVG: the allow-list never panics, and what it accepts has, by a second scan
/// written independently of it, no script, no event handler, no DOCTYPE or entity and
/// no reference outside the file.
pub fn svg(data: &[u8]) {
    let Ok(text) = std::str::from_utf8(data) else { return };
    if svg::check(text).is_ok() {
        if let Err(problem) = svg_scan::scan(text) {
            panic!("the SVG allow-list accepted {text:?}, which has {problem}");
        }
    }
}

/// Any bytes, named as any image type (the first byte picks the type): reading the
/// size never panics, and a size it finds is at least 1 by 1 (the page writes it into
/// `width` and `height`, and 0 hides the image).
pub fn image_size(data: &[u8]) {
    let Some((&selector, contents)) = data.split_first() else { return };
    let extensions = links::IMAGE_EXTENSIONS;
    let name = format!("fuzz.{}", extensions[usize::from(selector) % extensions.len()]);
    if let Some((width, height)) = image_size::of(&name, contents) {
        assert!(width > 0 && height > 0, "{name}: a size of {width} by {height}");
    }
}

/// Any JSON, read by the browser's reader as each file the app fetches: no panic; what
/// it reads, serde writes back into JSON it reads the same; and what serde's own
/// derived reader takes, it takes the same, unless blocks and inlines nest deeper than
/// `MAX_NESTING`.
pub fn json(data: &[u8]) {
    let Ok(value) = serde_json::from_slice::<serde_json::Value>(data) else { return };
    json_reads::<Site>(&value, |site| nesting(&site.about));
    json_reads::<IndexPage>(&value, |_| 0);
    json_reads::<Release>(&value, |release| nesting(&release.body));
}

fn json_reads<T: FromJson + Serialize + DeserializeOwned + PartialEq + std::fmt::Debug>(
    value: &serde_json::Value,
    nesting: impl Fn(&T) -> u32,
) {
    let read = json::read_serde_json::<T>(value);
    if let Some(read) = &read {
        let written = serde_json::to_value(read).expect("what the reader read serializes");
        assert_eq!(
            json::read_serde_json::<T>(&written).as_ref(),
            Some(read),
            "{value} reads as {read:?}, written as {written}, which reads differently"
        );
    }
    if let Ok(derived) = serde_json::from_value::<T>(value.clone()) {
        let expected = (nesting(&derived) <= MAX_NESTING).then_some(derived);
        assert_eq!(read, expected, "the reader and serde disagree on {value}");
    }
}

/// How deeply blocks and inlines nest, together, as the JSON reader counts them.
fn nesting(blocks: &[Block]) -> u32 {
    fn inlines(content: &[Inline]) -> u32 {
        content
            .iter()
            .map(|inline| match inline {
                Inline::LineBreak => 0,
                Inline::Text(_) | Inline::Code(_) => 1,
                Inline::Emphasis(inner) | Inline::Strong(inner) | Inline::Link { content: inner, .. } => {
                    1 + inlines(inner)
                }
            })
            .max()
            .unwrap_or(0)
    }
    blocks
        .iter()
        .map(|block| {
            1 + match block {
                Block::Paragraph(content) | Block::Heading { content, .. } => inlines(content),
                Block::Quote { content, .. } => nesting(content),
                Block::List { items, .. } => items.iter().map(|item| inlines(item)).max().unwrap_or(0),
                Block::Image(_) => 0,
            }
        })
        .max()
        .unwrap_or(0)
}

/// The blocks of accepted text, `depth` quotes and lists in.
fn accepted_blocks(rule: &LinkRule, blocks: &[Block], depth: usize) {
    for block in blocks {
        match block {
            Block::Paragraph(inlines) | Block::Heading { content: inlines, .. } => accepted_inlines(rule, inlines, 0),
            Block::Quote { content, .. } => {
                assert!(depth < MAX_BLOCK_DEPTH, "quotes and lists deeper than {MAX_BLOCK_DEPTH}: {blocks:?}");
                accepted_blocks(rule, content, depth + 1);
            }
            Block::List { items, .. } => {
                assert!(depth < MAX_BLOCK_DEPTH, "quotes and lists deeper than {MAX_BLOCK_DEPTH}: {blocks:?}");
                for item in items {
                    accepted_inlines(rule, item, 0);
                }
            }
            Block::Image(image) => accepted_image(rule, &image.src),
        }
    }
}

/// Inlines of accepted text, `depth` emphasis, strong and links in.
fn accepted_inlines(rule: &LinkRule, inlines: &[Inline], depth: usize) {
    for inline in inlines {
        match inline {
            Inline::Emphasis(inner) | Inline::Strong(inner) | Inline::Link { content: inner, .. } => {
                assert!(depth < MAX_INLINE_DEPTH, "inlines deeper than {MAX_INLINE_DEPTH}: {inlines:?}");
                if let Inline::Link { href, .. } = inline {
                    accepted_link(rule, href);
                }
                accepted_inlines(rule, inner, depth + 1);
            }
            Inline::Text(_) | Inline::Code(_) | Inline::LineBreak => {}
        }
    }
}

/// The site's address, and `address` resolved by a WHATWG parser on the site's page at
/// `page`, as a reader's browser resolves it; `what` says in a failure what it was.
fn resolved(page: &str, address: &str, what: &str) -> (Url, Url) {
    let site = Url::parse(ORIGIN).unwrap();
    let url = site
        .join(page)
        .unwrap()
        .join(address)
        .unwrap_or_else(|error| panic!("{address:?} is {what} but no address: {error}"));
    (site, url)
}

/// `href` as written to the JSON: the rule accepts it again as itself, and a WHATWG
/// parser resolving it on the site's page (as a reader's browser does) finds http(s)
/// on another site, one plain mailto: address, or a page of this site.
fn accepted_link(rule: &LinkRule, href: &str) {
    let again =
        rule.link(href, PAGE).unwrap_or_else(|problem| panic!("{href:?} was accepted, but not again: {problem}"));
    assert_eq!(again.href(), href, "{href:?} changes when read again");
    let (site, url) = resolved(PAGE, href, "accepted");
    match again {
        Link::Site(_) => {
            assert!(
                href.starts_with('/') && !href.starts_with("//"),
                "{href:?} is a site link not written from the root"
            );
            assert_eq!(url.origin(), site.origin(), "{href:?} is a site link that leads to {url}");
        }
        Link::Web(_) => {
            assert!(
                matches!(url.scheme(), "http" | "https") && url.origin() != site.origin(),
                "{href:?} is a web link that leads to {url}"
            );
            assert!(
                url.username().is_empty() && url.password().is_none(),
                "{href:?} hides its host behind a user name"
            );
        }
        Link::Mail(_) => {
            assert!(
                url.scheme() == "mailto" && url.query().is_none() && url.fragment().is_none(),
                "{href:?} is a mail link to more than one address"
            );
            assert_eq!(url.path().matches('@').count(), 1, "{href:?} is a mail link to more than one address");
        }
    }
}

/// `src` as written to the JSON: a file in `media/` on this site, or https on the
/// listed host.
fn accepted_image(rule: &LinkRule, src: &str) {
    let again = rule.image(src).unwrap_or_else(|problem| panic!("{src:?} was accepted, but not again: {problem}"));
    assert_eq!(again.src(), src, "{src:?} changes when read again");
    let (site, url) = resolved(PAGE, src, "accepted");
    match again {
        ImageSource::Media(_) => assert!(
            url.origin() == site.origin() && url.path().starts_with("/releases/this/media/"),
            "{src:?} leaves media/ as {url}"
        ),
        ImageSource::Remote(_) => assert!(
            url.scheme() == "https" && url.host_str() == Some(IMAGE_HOST) && url.username().is_empty(),
            "{src:?} is an image from {url}"
        ),
    }
}

/// `value` serializes, and its JSON reads back as the same value.
fn round_trips<T: Serialize + DeserializeOwned + PartialEq + std::fmt::Debug>(value: &T) {
    let json = serde_json::to_string(value).expect("accepted content serializes");
    let read: T = serde_json::from_str(&json).unwrap_or_else(|error| panic!("{json} does not read back: {error}"));
    assert_eq!(&read, value, "{json} reads back differently");
}

/// Every error is reported at a line and column within `text`.
fn errors_point_into(errors: &[ContentError], text: &str) {
    assert!(!errors.is_empty(), "a refusal without a reason");
    let lines = text.split('\n').count();
    for error in errors {
        let line_length = text.split('\n').nth(error.line.saturating_sub(1)).map_or(0, |line| line.chars().count());
        assert!(
            error.line >= 1 && error.line <= lines && error.column >= 1 && error.column <= line_length + 1,
            "{error} points outside the text ({lines} lines)"
        );
    }
}
