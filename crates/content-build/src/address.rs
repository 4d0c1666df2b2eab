use newsroom_model::Route;

/// The media library (`newsroom::prerender::media_page_body`), a page of the site the
/// app does not route. Its address names a file, which the app leaves to the browser
/// to load (`navigation::link_in_app`), and it is not in `media/`, whose files are
/// served sandboxed.
pub const MEDIA_PAGE: &str = "media-library.html";

/// Where the built site is served: origin plus the public path it is deployed under.
pub struct SiteAddress {
    origin: String,
    /// `/` or `/some/path/`.
    public_path: String,
}

impl SiteAddress {
    pub fn new(origin: &str, public_path: &str) -> SiteAddress {
        let trimmed = public_path.trim_matches('/');
        let public_path = if trimmed.is_empty() { "/".to_string() } else { format!("/{trimmed}/") };
        SiteAddress { origin: origin.trim_end_matches('/').to_string(), public_path }
    }

    pub fn public_path(&self) -> &str {
        &self.public_path
    }

    /// The absolute URL of a file of the site, e.g. `feed.xml`.
    pub fn file(&self, path: &str) -> String {
        format!("{}{}{path}", self.origin, self.public_path)
    }

    /// The absolute URL of a path that already includes the public path.
    pub fn on_host(&self, path: &str) -> String {
        format!("{}{path}", self.origin)
    }

    pub fn page(&self, route: &Route) -> String {
        self.file(&route.path())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn urls_respect_the_public_path() {
        let root = SiteAddress::new("https://example.org/", "/");
        assert_eq!(root.page(&Route::Home), "https://example.org/");
        let sub = SiteAddress::new("https://example.org", "newsroom");
        assert_eq!(sub.page(&Route::Release { slug: "a".into() }), "https://example.org/newsroom/releases/a/");
        assert_eq!(sub.file("feed.xml"), "https://example.org/newsroom/feed.xml");
    }
}
