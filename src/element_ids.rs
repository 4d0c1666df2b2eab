//! The ids of the shell's landmarks that links lead to and focus moves to, written once:
//! a skip link whose target was renamed in one place only would fail silently, for the
//! readers who need it most.

/// The site header, where "Back to top" leads (`#top`, also without script).
pub const TOP: &str = "top";
/// `<main>`, where the skip link leads and focus goes after "Back to top".
pub const MAIN: &str = "main";
/// The footer, where focus goes when the donation banner above it is closed.
pub const SITE_FOOTER: &str = "site-footer";
/// The header's search box, which `web/search.js` fills with the query it shows.
pub const SEARCH_QUERY: &str = "site-search-query";
/// Where `web/search.js` draws the search page's results.
pub const SEARCH_RESULTS: &str = "search-results";
/// Where `web/share.js` draws a release's ways to share it.
pub const SHARE_PANEL: &str = "share-panel";
