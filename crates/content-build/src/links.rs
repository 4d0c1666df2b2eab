//! The link rule: which link and image addresses an author may write, parsed as a
//! browser parses them (WHATWG URL, the `url` crate) so that what is checked is what
//! a reader's browser will follow. A check on the text alone misses what the parser
//! does: it drops tabs and newlines anywhere (`java\tscript:`), reads `\` as `/` (so
//! `/\evil.example/` is another host) and treats `//host/` as another site.
//!
//! Allowed: `http(s)://` pages of other sites, `mailto:` one plain address, and pages
//! of this site written from the root (`/releases/x/`, `#part`). Images: files in
//! `content/media/` (`media/photo.jpg`) or `https://` files on a host the site lists in
//! `image_hosts`, so a reader's browser asks no other host for anything unasked.

use url::{Host, Url};

use crate::characters::is_invisible_format;
use crate::error::shown;
use crate::fields::{is_email, URL_MAX};

/// Where an accepted link leads, in the form written to the JSON.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Link {
    /// A page of this site, root-relative and normalized: `/releases/x/#part`.
    Site(String),
    /// An http(s) page elsewhere, as the parser serializes it.
    Web(String),
    /// `mailto:` and one address.
    Mail(String),
}

impl Link {
    pub fn href(&self) -> &str {
        match self {
            Link::Site(href) | Link::Web(href) | Link::Mail(href) => href,
        }
    }
}

/// Where an accepted image comes from.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ImageSource {
    /// `media/` and a path of safe segments, relative to `content/media/`'s parent.
    Media(String),
    /// An https address on a listed image host.
    Remote(String),
}

impl ImageSource {
    pub fn src(&self) -> &str {
        match self {
            ImageSource::Media(src) | ImageSource::Remote(src) => src,
        }
    }
}

/// The file types a page shows as images.
pub const IMAGE_EXTENSIONS: &[&str] = &["jpg", "jpeg", "png", "gif", "webp", "avif", "svg"];

/// Links and images are checked against the site's own address and image hosts.
#[derive(Debug, Clone)]
pub struct LinkRule {
    /// The site's origin with the path `/`.
    site: Url,
    image_hosts: Vec<String>,
}

impl LinkRule {
    /// `origin` is scheme and host, as checked by `site_source`.
    pub fn new(origin: &str, image_hosts: &[String]) -> Result<LinkRule, String> {
        let site = Url::parse(origin).map_err(|error| format!("`{}` is not a web address: {error}", shown(origin)))?;
        if site.cannot_be_a_base() || site.host().is_none() {
            return Err(format!("`{}` is not the address of a site", shown(origin)));
        }
        Ok(LinkRule { site, image_hosts: image_hosts.to_vec() })
    }

    /// The link `href`, written on the page at root-relative `page` (`/releases/x/`,
    /// which a bare `#part` is made to point to: pages have a `<base>`, so `#part` alone
    /// would lead to the home page).
    pub fn link(&self, href: &str, page: &str) -> Result<Link, String> {
        let link = self.read_link(href, page)?;
        within_url_max(link.href()).map_err(|problem| format!("the link target `{}` {problem}", shown(href)))?;
        Ok(link)
    }

    fn read_link(&self, href: &str, page: &str) -> Result<Link, String> {
        let written = shown(href);
        check_characters(href).map_err(|problem| format!("the link target `{written}` {problem}"))?;
        let Some(scheme) = scheme(href) else {
            if href.starts_with("//") {
                return Err(format!("the link target `{written}` starts with `//`, which browsers read as the address of another site: write `https://…` for another site, or one `/` for a page of this one"));
            }
            let base = if href.starts_with('#') {
                self.site.join(page).map_err(|_| format!("`{page}` is not a page of this site"))?
            } else {
                self.site.clone()
            };
            let url =
                base.join(href).map_err(|error| format!("the link target `{written}` is not an address: {error}"))?;
            return self
                .site_link(&url)
                .map(Link::Site)
                .map_err(|problem| format!("the link target `{written}` {problem}"));
        };
        match scheme.to_ascii_lowercase().as_str() {
            "http" | "https" => {
                let url = Url::parse(href).map_err(|error| format!("the link target `{written}` is not a web address: {error}"))?;
                if !url.username().is_empty() || url.password().is_some() {
                    return Err(format!("the link target `{written}` has a user name before its host, which hides where it leads: remove the part before `@`"));
                }
                if url.origin() == self.site.origin() {
                    return Err(format!("the link target `{written}` is this site's own address: write its path from the root, as `{}`, so it follows the site wherever it is served", self.site_link(&url).unwrap_or_else(|_| "/releases/…/".into())));
                }
                Ok(Link::Web(url.into()))
            }
            "mailto" => {
                let url = Url::parse(href).map_err(|error| format!("the link target `{written}` is not an address: {error}"))?;
                let address = url.path();
                // Only an opaque path (`mailto:` then the address, no `/`): in
                // `mailto://host/a@b.org` the host is not in `url.path()`, and
                // `mailto:/.//a@b.org` has the path `//a@b.org`, which reads as a host once
                // written after `mailto:`. Either way the JSON would hold another address.
                if !url.cannot_be_a_base() || url.query().is_some() || url.fragment().is_some() || !is_email(address) {
                    return Err(format!("the link target `{written}` is not one plain e-mail address: a `mailto:` link carries only the address, as in `mailto:press@example.org` (anything after `?` could copy the mail to someone else)"));
                }
                Ok(Link::Mail(format!("mailto:{address}")))
            }
            other => Err(format!("the link target `{written}` is not allowed: `{}:` links are not web pages. Link to http(s) pages, mailto: addresses or pages of this site", shown(other))),
        }
    }

    /// A root-relative site path for `url`, which must be on the site's origin.
    fn site_link(&self, url: &Url) -> Result<String, String> {
        if url.origin() != self.site.origin() {
            return Err("leads off this site once a browser reads it: write `https://…` for another site, or a path from the root, as `/releases/x/`, for a page of this one".to_string());
        }
        let path = url.path();
        if path.contains("//") {
            return Err(
                "has an empty part (`//`) in its path, which browsers may read as another site's address".to_string()
            );
        }
        let mut link = path.to_string();
        if let Some(query) = url.query() {
            link.push('?');
            link.push_str(query);
        }
        if let Some(fragment) = url.fragment() {
            link.push('#');
            link.push_str(fragment);
        }
        Ok(link)
    }

    /// The image `src`.
    pub fn image(&self, src: &str) -> Result<ImageSource, String> {
        let written = shown(src);
        check_characters(src).map_err(|problem| format!("the image `{written}` {problem}"))?;
        if let Some(path) = src.strip_prefix("media/") {
            return media_path(path)
                .map(|()| ImageSource::Media(src.to_string()))
                .map_err(|problem| format!("the image `{written}` {problem}"));
        }
        let remote = scheme(src).is_some_and(|scheme| scheme.eq_ignore_ascii_case("https"));
        let url = Url::parse(src).ok().filter(|_| remote).ok_or_else(|| {
            format!("the image `{written}` must be a file in content/media/, written `media/name.jpg`, or an https:// address on a host listed in `image_hosts` in site.toml")
        })?;
        if !url.username().is_empty() || url.password().is_some() {
            return Err(format!(
                "the image `{written}` has a user name before its host, which hides where it comes from"
            ));
        }
        match url.host() {
            Some(Host::Domain(host)) if self.image_hosts.iter().any(|listed| listed == host) => {
                within_url_max(url.as_str()).map_err(|problem| format!("the image `{written}` {problem}"))?;
                Ok(ImageSource::Remote(url.into()))
            }
            _ => Err(format!(
                "the image `{written}` is on a host not listed in `image_hosts` in site.toml: a reader's browser would send their address to it. Copy the image into content/media/, or list its host"
            )),
        }
    }
}

/// The address as written to the JSON is within `URL_MAX` too: international host
/// names and characters outside ASCII grow when a parser encodes them (`ü` is 6).
fn within_url_max(serialized: &str) -> Result<(), String> {
    if serialized.chars().count() > URL_MAX {
        return Err(format!("is longer than {URL_MAX} characters once encoded as browsers send it (international names and characters grow): shorten it"));
    }
    Ok(())
}

/// The scheme `text` starts with, if any, as a URL parser finds it.
fn scheme(text: &str) -> Option<&str> {
    let (scheme, _) = text.split_once(':')?;
    let mut chars = scheme.chars();
    let starts_with_letter = chars.next().is_some_and(|c| c.is_ascii_alphabetic());
    (starts_with_letter && chars.all(|c| c.is_ascii_alphanumeric() || "+-.".contains(c))).then_some(scheme)
}

/// Characters a browser drops, changes or reads differently than an author sees them.
pub fn check_characters(target: &str) -> Result<(), String> {
    if target.is_empty() {
        return Err("is empty: write the address between the parentheses".to_string());
    }
    if target.chars().count() > URL_MAX {
        return Err(format!("is longer than {URL_MAX} characters"));
    }
    for c in target.chars() {
        let problem = match c {
            '\t' => "a tab",
            '\n' | '\r' => "a line break",
            '\\' => "a backslash, which browsers read as `/`",
            _ if c.is_whitespace() => "a space: write it as `%20`",
            _ if c.is_control() => "a control character",
            _ if is_invisible_format(c) => "an invisible formatting character",
            _ => continue,
        };
        return Err(format!("contains {problem}: browsers change such addresses before following them, so it would not lead where it reads"));
    }
    Ok(())
}

/// `name.jpg` or `folder/name.jpg` after `media/`: segments of letters, digits, `-`, `_`
/// and `.`, none empty or hidden (so no `..` and no absolute path), an image extension.
pub fn media_path(path: &str) -> Result<(), String> {
    for segment in path.split('/') {
        if segment.is_empty() {
            return Err(
                "has an empty part in its path (`//` or a trailing `/`): write it as `media/name.jpg`".to_string()
            );
        }
        if segment.starts_with('.') {
            return Err(
                "has a part starting with `.` (hidden, or `..` out of the folder): name a file inside content/media/"
                    .to_string(),
            );
        }
        if !segment.bytes().all(|b| b.is_ascii_alphanumeric() || b"-_.".contains(&b)) {
            return Err(
                "has a name with characters other than letters, digits, `-`, `_` and `.`: rename the file".to_string()
            );
        }
    }
    let extension = path.rsplit_once('.').map(|(_, extension)| extension.to_ascii_lowercase()).unwrap_or_default();
    if !IMAGE_EXTENSIONS.contains(&extension.as_str()) {
        return Err(format!(
            "is not an image file: its name ends in one of {}",
            IMAGE_EXTENSIONS.iter().map(|ext| format!(".{ext}")).collect::<Vec<_>>().join(", ")
        ));
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn rule() -> LinkRule {
        LinkRule::new("https://newsroom.example.org", &["images.example.org".to_string()]).unwrap()
    }

    #[test]
    fn web_mail_and_site_links_are_accepted_in_one_normalized_form() {
        let rule = rule();
        let link = |href: &str| rule.link(href, "/releases/this/").unwrap();
        assert_eq!(link("https://example.org/report?a=1#b"), Link::Web("https://example.org/report?a=1#b".into()));
        assert_eq!(link("HTTPS://Example.org"), Link::Web("https://example.org/".into()));
        assert_eq!(link("mailto:press@example.org"), Link::Mail("mailto:press@example.org".into()));
        assert_eq!(link("/releases/x/"), Link::Site("/releases/x/".into()));
        assert_eq!(link("releases/x/?page=2#top"), Link::Site("/releases/x/?page=2#top".into()));
        assert_eq!(link("/archive/../releases/x/"), Link::Site("/releases/x/".into()));
        assert_eq!(
            link("#contact"),
            Link::Site("/releases/this/#contact".into()),
            "a bare fragment points to the release's own page"
        );
    }

    #[test]
    fn links_that_leave_the_site_or_run_script_in_disguise_are_refused() {
        let rule = rule();
        let refused = |href: &str| rule.link(href, "/releases/this/").expect_err(href);
        for (href, gist) in [
            ("/\\evil.example/", "backslash"),
            ("/\t/evil.example/", "a tab"),
            ("/a\nb", "line break"),
            ("//evil.example/", "`//`"),
            ("/.//evil.example/", "empty part"),
            ("javascript:alert(1)", "`javascript:` links are not web pages"),
            ("JaVaScRiPt:alert(1)", "`javascript:` links"),
            (" javascript:alert(1)", "a space"),
            ("java\tscript:alert(1)", "a tab"),
            ("java\u{200b}script:alert(1)", "invisible"),
            ("data:text/html,x", "`data:`"),
            ("vbscript:x", "`vbscript:`"),
            ("file:///etc/passwd", "`file:`"),
            ("https://user@evil.example/", "user name"),
            ("https://newsroom.example.org/releases/x/", "own address"),
            ("mailto:press@x?bcc=spy@evil.example", "one plain e-mail"),
            ("mailto:press@example.org,spy@evil.example", "one plain e-mail"),
            ("", "empty"),
        ] {
            let message = refused(href);
            assert!(message.contains(gist), "{href:?}: {message}");
        }
    }

    #[test]
    fn a_mailto_link_with_a_host_or_a_path_from_the_root_is_refused_rather_than_rewritten_to_another_address() {
        let rule = rule();
        for href in [
            "mailto://evil.example/press@example.org",
            "mailto://prHfi.o://hiss@example.org",
            "mailto://press@example.org",
            "mailto:/.//press@example.org",
            "mailto:/press@example.org",
        ] {
            let message = rule.link(href, "/releases/this/").expect_err(href);
            assert!(message.contains("not one plain e-mail address"), "{href:?}: {message}");
        }
        assert_eq!(
            rule.link("mailto:press@example.org", "/releases/this/"),
            Ok(Link::Mail("mailto:press@example.org".into()))
        );
    }

    #[test]
    fn an_address_that_grows_past_the_limit_when_encoded_is_refused_so_the_rule_accepts_its_own_output() {
        let rule = rule();
        let href = format!("https://example.org/{}", "ü".repeat(1000));
        assert!(href.chars().count() <= URL_MAX);
        let message = rule.link(&href, "/releases/this/").expect_err("2,000 characters once encoded");
        assert!(message.contains("once encoded"), "{message}");
        let src = format!("https://images.example.org/{}.png", "ü".repeat(1000));
        assert!(rule.image(&src).expect_err("2,000 characters once encoded").contains("once encoded"));
        let fits = format!("https://example.org/{}", "ü".repeat(300));
        assert!(matches!(rule.link(&fits, "/releases/this/"), Ok(Link::Web(_))));
    }

    #[test]
    fn images_come_from_media_or_a_listed_https_host() {
        let rule = rule();
        assert_eq!(rule.image("media/2026/vigil.JPG"), Ok(ImageSource::Media("media/2026/vigil.JPG".into())));
        assert_eq!(
            rule.image("https://images.example.org/a.png"),
            Ok(ImageSource::Remote("https://images.example.org/a.png".into()))
        );
        for (src, gist) in [
            ("media//etc/hostname", "empty part"),
            ("media//proc/self/environ", "empty part"),
            ("media/../site.toml", "starting with `.`"),
            ("media/.secret.png", "starting with `.`"),
            ("media/a\\b.png", "backslash"),
            ("media/notes.txt", "not an image"),
            ("media/", "empty part"),
            ("/etc/hostname", "must be a file in content/media/"),
            ("https://tracker.example/pixel.png", "not listed in `image_hosts`"),
            ("http://images.example.org/a.png", "must be a file in content/media/"),
            ("https://x@images.example.org/a.png", "user name"),
        ] {
            let message = rule.image(src).expect_err(src);
            assert!(message.contains(gist), "{src:?}: {message}");
        }
    }
}
