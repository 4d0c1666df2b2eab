//! What a pre-rendered page carries for the app, and how every page names itself. The
//! content build writes these and the app reads them, so both take them from here.

/// The `id` of the `<script type="application/json">` in every page that holds the site
/// settings, so the header, footer and banner render at once, with no request.
pub const SITE_DATA_ELEMENT: &str = "site-data";

/// The `id` of the `<script type="application/json" data-path="…">` in which a
/// pre-rendered page carries the JSON it was made from (`data-path` is
/// `Route::data_path`), so the app shows that page at once, without fetching it again.
pub const PAGE_DATA_ELEMENT: &str = "page-data";

/// A page's `<title>`: the page names itself first and the site second, so tabs and
/// history entries stay readable when many are open.
pub fn document_title(page_title: &str, site_name: &str) -> String {
    format!("{page_title} – {site_name}")
}
