//! Which addresses from data may become a link (`href`) or an image (`src`). Each is
//! parsed as the browser will parse it (WHATWG URL): in the browser by the browser's
//! own parser against `document.baseURI`, in pre-rendering by the `url` crate, which
//! implements the same standard (and is not in the WASM). Checking the text instead is
//! how `/\evil.example/`, `/\t/evil.example/` or ` JaVaScRiPt:` get through.
//!
//! Links: http, https or mailto after parsing; an address written without a scheme of
//! its own must stay on this site's origin. Images: from this site, or over https from
//! a host in the site setting `image_hosts`, so a reader's browser asks no one else
//! for anything. A refused link is shown as its text, a refused image as its alt text.
//!
//! Feeds (`prerender::release_body_html`) are rendered without a site: their addresses
//! were made absolute by the content build, so there images are accepted when absolute
//! over http(s), and relative ones (which a feed reader resolves somewhere unknown) not.

use newsroom_model::Site;

/// An address as parsed against the page: what the rules look at.
struct Parsed {
    /// With its colon, as `URL.protocol` gives it: `https:`.
    scheme: String,
    /// Host and, when not the scheme's default, port.
    host: String,
    same_origin: bool,
    /// Written without a scheme of its own, so the page's address completes it.
    written_relative: bool,
}

/// Whether `href` may be a link's target.
pub fn is_allowed_link(href: &str) -> bool {
    parse(href).is_some_and(|url| {
        matches!(url.scheme.as_str(), "http:" | "https:" | "mailto:") && (url.same_origin || !url.written_relative)
    })
}

/// Whether `src` may be loaded as an image. `site` is `None` when rendering a feed.
pub fn is_allowed_image(src: &str, site: Option<&Site>) -> bool {
    let Some(url) = parse(src).filter(|url| matches!(url.scheme.as_str(), "http:" | "https:")) else { return false };
    match site {
        Some(site) => {
            url.same_origin
                || (url.scheme == "https:" && site.image_hosts.iter().any(|host| host.eq_ignore_ascii_case(&url.host)))
        }
        None => !url.written_relative,
    }
}

#[cfg(not(feature = "ssr"))]
fn parse(text: &str) -> Option<Parsed> {
    use leptos::prelude::{document, window};
    use web_sys::Url;

    // `<base href>` names a path of this site: the base has the page's own origin.
    let url = Url::new_with_base(text, &document().base_uri().ok().flatten()?).ok()?;
    let same_origin = window().location().origin().is_ok_and(|origin| origin == url.origin());
    Some(Parsed { scheme: url.protocol(), host: url.host(), same_origin, written_relative: Url::new(text).is_err() })
}

/// Where a pre-rendered page will be served is not known here, and need not be: only
/// whether an address leaves the page's origin matters, which no origin changes.
#[cfg(feature = "ssr")]
fn parse(text: &str) -> Option<Parsed> {
    use url::Url;

    let site = Url::parse("https://site.invalid/").ok()?;
    let url = site.join(text).ok()?;
    let host = match (url.host_str(), url.port()) {
        (Some(host), Some(port)) => format!("{host}:{port}"),
        (host, None) => host.unwrap_or_default().to_string(),
        (None, Some(_)) => String::new(),
    };
    Some(Parsed {
        scheme: format!("{}:", url.scheme()),
        host,
        same_origin: url.origin() == site.origin(),
        written_relative: Url::parse(text).is_err(),
    })
}

#[cfg(all(test, feature = "ssr"))]
mod tests {
    use super::*;

    fn site(image_hosts: &[&str]) -> Site {
        let mut site = crate::site_data::bare_site();
        site.image_hosts = image_hosts.iter().map(|host| host.to_string()).collect();
        site
    }

    #[test]
    fn web_mail_and_site_links_are_allowed() {
        for href in [
            "https://example.org/a",
            "HTTP://example.org",
            "mailto:press@example.org",
            "/releases/x/",
            "#contact",
            "releases/x/",
            "?q=1",
            "https:example.org",
            " https://example.org/ ",
        ] {
            assert!(is_allowed_link(href), "{href} should be allowed");
        }
    }

    #[test]
    fn scripts_other_schemes_and_relative_addresses_to_other_hosts_are_refused() {
        for href in [
            "javascript:alert(1)",
            " JavaScript:alert(1)",
            "java\tscript:alert(1)",
            "java\nscript:alert(1)",
            "\u{0}javascript:alert(1)",
            "data:text/html,x",
            "vbscript:x",
            "file:///etc/passwd",
            "tel:+1",
            "//evil.example/",
            "/\\evil.example/",
            "\\\\evil.example/",
            "/\t/evil.example/",
            "\\/evil.example/",
            " //evil.example/",
            "/\n/evil.example",
            "http://[::1",
        ] {
            assert!(!is_allowed_link(href), "{href:?} should be refused");
        }
    }

    #[test]
    fn images_come_from_this_site_or_over_https_from_a_listed_host() {
        let site = site(&["images.example.org"]);
        for src in
            ["media/a.png", "/media/a.png", "https://images.example.org/a.png", "https://IMAGES.example.org/a.png"]
        {
            assert!(is_allowed_image(src, Some(&site)), "{src} should be allowed");
        }
        for src in [
            "http://images.example.org/a.png",
            "https://images.example.org:8443/a.png",
            "https://evil.example/a.png",
            "//evil.example/a.png",
            "/\\evil.example/a.png",
            "data:image/svg+xml,<svg/>",
            "javascript:alert(1)",
            "https://images.example.org.evil.example/a.png",
        ] {
            assert!(!is_allowed_image(src, Some(&site)), "{src} should be refused");
        }
        assert!(!is_allowed_image("https://evil.example/a.png", Some(&crate::site_data::bare_site())));
    }

    #[test]
    fn feeds_take_the_absolute_images_the_content_build_wrote() {
        assert!(is_allowed_image("https://news.example.org/media/a.png", None));
        assert!(!is_allowed_image("media/a.png", None));
        assert!(!is_allowed_image("data:image/png;base64,AAAA", None));
    }
}

/// What pre-rendered pages and feeds contain, through the components themselves.
#[cfg(all(test, feature = "ssr"))]
mod rendering_tests {
    use newsroom_model::{Block, Image, Inline};

    use crate::prerender::release_body_html;

    fn link(href: &str, text: &str) -> Inline {
        Inline::Link { href: href.into(), content: vec![Inline::Text(text.into())] }
    }

    #[test]
    fn a_refused_link_is_its_text_in_an_a_without_href() {
        let html = release_body_html(
            vec![Block::Paragraph(vec![link("/\\evil.example/", "away"), link("https://example.org/", "report")])],
            "en",
        );
        assert!(html.contains("<a>away</a>"), "{html}");
        assert!(html.contains(r#"<a href="https://example.org/">report</a>"#), "{html}");
        assert!(!html.contains("evil.example"), "{html}");
    }

    #[test]
    fn a_refused_image_is_its_alt_text_and_no_img() {
        let image = |src: &str, alt: &str| Block::Image(Image { src: src.into(), alt: alt.into(), ..Image::default() });
        let html = release_body_html(
            vec![
                image("data:image/svg+xml,<svg/>", "An inline SVG"),
                image("https://news.example.org/media/a.png", "A photo"),
            ],
            "en",
        );
        assert!(html.contains("An inline SVG") && !html.contains("data:"), "{html}");
        assert!(
            html.contains(r#"<img alt="A photo" loading="lazy" src="https://news.example.org/media/a.png">"#),
            "{html}"
        );
    }
}
