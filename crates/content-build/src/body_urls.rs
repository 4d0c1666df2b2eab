//! Authors write addresses for a site at the root of its host: `/releases/x/` for a
//! page, `media/photo.jpg` for an image. Where the site is served somewhere else (under
//! a sub-path, or read from a feed on another site) those addresses must say so.

use newsroom_model::{Block, Inline};

use crate::address::SiteAddress;

/// Site links gain the public path: `/releases/x/` becomes `/newsroom/releases/x/`.
/// Images stay relative: the pages' `<base>` already points at the public path.
pub fn serve_under(blocks: &mut [Block], address: &SiteAddress) {
    rewrite(blocks, &|url| site_link(url).map(|path| format!("{}{path}", address.public_path())));
}

/// Every address made absolute, for a feed reader, which shows the text away from the
/// site and may not resolve relative addresses (or resolves them against the feed's).
/// Call after `serve_under`.
pub fn absolute(blocks: &mut [Block], address: &SiteAddress) {
    rewrite(blocks, &|url| match site_link(url) {
        Some(_) => Some(address.on_host(url)),
        None if url.starts_with("media/") || url.starts_with("images/") => Some(address.file(url)),
        None => None,
    });
}

/// The path after the leading `/` of a link within the site; `//host/` is another site.
fn site_link(url: &str) -> Option<&str> {
    url.strip_prefix('/').filter(|path| !path.starts_with('/'))
}

fn rewrite(blocks: &mut [Block], change: &impl Fn(&str) -> Option<String>) {
    for block in blocks {
        match block {
            Block::Paragraph(content) | Block::Heading { content, .. } => rewrite_inlines(content, change),
            Block::Quote { content, .. } => rewrite(content, change),
            Block::List { items, .. } => items.iter_mut().for_each(|item| rewrite_inlines(item, change)),
            Block::Image(image) => {
                replace(&mut image.src, change);
                if let Some(original) = &mut image.original {
                    replace(&mut original.href, change);
                }
            }
        }
    }
}

fn rewrite_inlines(inlines: &mut [Inline], change: &impl Fn(&str) -> Option<String>) {
    for inline in inlines {
        match inline {
            Inline::Emphasis(content) | Inline::Strong(content) => rewrite_inlines(content, change),
            Inline::Link { href, content } => {
                replace(href, change);
                rewrite_inlines(content, change);
            }
            Inline::Text(_) | Inline::Code(_) | Inline::LineBreak => {}
        }
    }
}

fn replace(url: &mut String, change: &impl Fn(&str) -> Option<String>) {
    if let Some(changed) = change(url) {
        *url = changed;
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use newsroom_model::Image;

    fn body() -> Vec<Block> {
        let link = |href: &str| Inline::Link { href: href.into(), content: vec![Inline::Text("x".into())] };
        vec![
            Block::Paragraph(vec![
                link("/releases/a/"),
                Inline::Strong(vec![link("https://example.org/")]),
                link("//elsewhere.example/"),
            ]),
            Block::Quote {
                content: vec![Block::List {
                    ordered: false,
                    items: vec![vec![link("/archive/"), link("mailto:press@example.org")]],
                }],
                attribution: None,
            },
            Block::Image(Image { src: "media/photo.png".into(), alt: "A photo".into(), ..Image::default() }),
        ]
    }

    fn urls(blocks: &[Block]) -> String {
        serde_json::to_string(blocks).unwrap()
    }

    #[test]
    fn site_links_gain_the_public_path_and_nothing_else_changes() {
        let mut blocks = body();
        serve_under(&mut blocks, &SiteAddress::new("https://example.org", "/newsroom/"));
        let json = urls(&blocks);
        for expected in [
            "\"/newsroom/releases/a/\"",
            "\"/newsroom/archive/\"",
            "\"https://example.org/\"",
            "\"//elsewhere.example/\"",
            "\"mailto:press@example.org\"",
            "\"media/photo.png\"",
        ] {
            assert!(json.contains(expected), "{expected} missing in {json}");
        }
    }

    #[test]
    fn at_the_root_of_a_host_site_links_stay_as_written() {
        let mut blocks = body();
        serve_under(&mut blocks, &SiteAddress::new("https://example.org", "/"));
        assert_eq!(blocks, body());
    }

    #[test]
    fn for_feeds_site_links_and_images_become_absolute() {
        let address = SiteAddress::new("https://news.example.org", "/newsroom/");
        let mut blocks = body();
        serve_under(&mut blocks, &address);
        absolute(&mut blocks, &address);
        let json = urls(&blocks);
        for expected in [
            "\"https://news.example.org/newsroom/releases/a/\"",
            "\"https://news.example.org/newsroom/media/photo.png\"",
            "\"//elsewhere.example/\"",
        ] {
            assert!(json.contains(expected), "{expected} missing in {json}");
        }
    }
}
