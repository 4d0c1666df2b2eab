/// Every page of the newsroom, and the URL and data file of each. The app routes with
/// it and the content build writes files at the paths it names, so a link the app makes
/// always has a file behind it on a static host.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Route {
    Home,
    Archive {
        page: u32,
    },
    Release {
        slug: String,
    },
    Tag {
        slug: String,
        page: u32,
    },
    Year {
        year: u32,
        page: u32,
    },
    /// Full-text search over every published release; what it finds comes from the
    /// search index, not from a data file of its own.
    Search,
    NotFound,
}

pub const SITE_DATA_PATH: &str = "data/site.json";

impl Route {
    /// `path` is relative to where the site is deployed, e.g. `releases/un-report/`.
    /// A page answers at its canonical path (`path()`) and at the addresses a static
    /// host also serves it from: without the trailing slash, with `index.html`, page 1
    /// written out. Numbers are written as `path()` writes them (no sign, no leading
    /// zero), so each page has one canonical form and a few harmless aliases.
    pub fn from_path(path: &str) -> Route {
        let mut segments: Vec<&str> = path.split('/').filter(|segment| !segment.is_empty()).collect();
        if segments.last() == Some(&"index.html") {
            segments.pop();
        }
        match segments.as_slice() {
            [] => Route::Home,
            ["archive"] => Route::Archive { page: 1 },
            ["search"] => Route::Search,
            ["archive", "page", page] => parse_page(page).map_or(Route::NotFound, |page| Route::Archive { page }),
            ["archive", year] => parse_year(year).map_or(Route::NotFound, |year| Route::Year { year, page: 1 }),
            ["archive", year, "page", page] => match (parse_year(year), parse_page(page)) {
                (Some(year), Some(page)) => Route::Year { year, page },
                _ => Route::NotFound,
            },
            ["releases", slug] if is_slug(slug) => Route::Release { slug: slug.to_string() },
            ["tags", slug] if is_slug(slug) => Route::Tag { slug: slug.to_string(), page: 1 },
            ["tags", slug, "page", page] if is_slug(slug) => {
                parse_page(page).map_or(Route::NotFound, |page| Route::Tag { slug: slug.to_string(), page })
            }
            _ => Route::NotFound,
        }
    }

    /// The canonical path, relative to where the site is deployed; empty for home.
    pub fn path(&self) -> String {
        match self {
            Route::Home => String::new(),
            Route::Archive { page: 1 } => "archive/".into(),
            Route::Archive { page } => format!("archive/page/{page}/"),
            Route::Release { slug } => format!("releases/{slug}/"),
            Route::Tag { slug, page: 1 } => format!("tags/{slug}/"),
            Route::Tag { slug, page } => format!("tags/{slug}/page/{page}/"),
            Route::Year { year, page: 1 } => format!("archive/{year}/"),
            Route::Year { year, page } => format!("archive/{year}/page/{page}/"),
            Route::Search => "search/".into(),
            Route::NotFound => "404.html".into(),
        }
    }

    /// The same list at another page; routes that are not lists stay as they are.
    pub fn with_page(&self, page: u32) -> Route {
        match self {
            Route::Home | Route::Archive { .. } => Route::Archive { page },
            Route::Tag { slug, .. } => Route::Tag { slug: slug.clone(), page },
            Route::Year { year, .. } => Route::Year { year: *year, page },
            other => other.clone(),
        }
    }

    /// The JSON file this page is made from, relative to where the site is deployed.
    pub fn data_path(&self) -> Option<String> {
        match self {
            Route::Home => Some(index_data_path(1)),
            Route::Archive { page } => Some(index_data_path(*page)),
            Route::Release { slug } => Some(release_data_path(slug)),
            Route::Tag { slug, page } => Some(tag_data_path(slug, *page)),
            Route::Year { year, page } => Some(year_data_path(*year, *page)),
            Route::Search | Route::NotFound => None,
        }
    }

    /// The Atom feed of what this page lists, relative to where the site is deployed: a
    /// topic's own feed, otherwise the feed of every release.
    pub fn feed_path(&self) -> String {
        match self {
            Route::Tag { slug, .. } => topic_feed_path(slug),
            _ => "feed.xml".to_string(),
        }
    }
}

pub fn topic_feed_path(slug: &str) -> String {
    format!("feeds/topics/{slug}.xml")
}

fn index_data_path(page: u32) -> String {
    format!("data/index/{page}.json")
}

fn release_data_path(slug: &str) -> String {
    format!("data/releases/{slug}.json")
}

fn tag_data_path(slug: &str, page: u32) -> String {
    format!("data/tags/{slug}/{page}.json")
}

fn year_data_path(year: u32, page: u32) -> String {
    format!("data/years/{year}/{page}.json")
}

/// Lowercase letters, digits and single hyphens: safe in a URL and a file name.
pub fn is_slug(text: &str) -> bool {
    !text.is_empty()
        && !text.starts_with('-')
        && !text.ends_with('-')
        // Not `contains("--")`: see holes.rs on multi-character patterns in the browser build.
        && !text.as_bytes().windows(2).any(|pair| pair == b"--")
        && text.chars().all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-')
}

/// The highest page number an address may name: a million releases, ten to a page.
pub const MAX_PAGE: u32 = 100_000;

/// Four digits, so `archive/page/` and `archive/2026/` never collide.
fn parse_year(text: &str) -> Option<u32> {
    (text.len() == 4).then(|| parse_number(text)).flatten()
}

fn parse_page(text: &str) -> Option<u32> {
    parse_number(text).filter(|page| (1..=MAX_PAGE).contains(page))
}

/// Digits only, without a leading zero, at most six of them (`u32::from_str` also
/// takes `+1`, and `01` would be a second address for page 1).
fn parse_number(text: &str) -> Option<u32> {
    let digits_only = !text.is_empty() && text.len() <= 6 && text.bytes().all(|byte| byte.is_ascii_digit());
    (digits_only && !text.starts_with('0')).then(|| text.parse().ok()).flatten()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_route_reads_back_from_its_own_path() {
        let routes = [
            Route::Home,
            Route::Archive { page: 1 },
            Route::Archive { page: 3 },
            Route::Release { slug: "un-report-2026".into() },
            Route::Tag { slug: "forced-labour".into(), page: 1 },
            Route::Tag { slug: "forced-labour".into(), page: 2 },
            Route::Year { year: 2026, page: 1 },
            Route::Year { year: 2022, page: 4 },
            Route::Search,
        ];
        for route in routes {
            assert_eq!(Route::from_path(&route.path()), route);
        }
    }

    #[test]
    fn paths_without_a_trailing_slash_still_match() {
        assert_eq!(Route::from_path("releases/a-b"), Route::Release { slug: "a-b".into() });
        assert_eq!(Route::from_path("archive"), Route::Archive { page: 1 });
        assert_eq!(Route::from_path("index.html"), Route::Home);
    }

    #[test]
    fn a_page_answers_at_its_index_html_too() {
        assert_eq!(Route::from_path("releases/a-b/index.html"), Route::Release { slug: "a-b".into() });
        assert_eq!(Route::from_path("archive/index.html"), Route::Archive { page: 1 });
        assert_eq!(Route::from_path("archive/page/2/index.html"), Route::Archive { page: 2 });
        assert_eq!(Route::from_path("archive/2025/index.html"), Route::Year { year: 2025, page: 1 });
        assert_eq!(Route::from_path("tags/t/page/3/index.html"), Route::Tag { slug: "t".into(), page: 3 });
        assert_eq!(Route::from_path("/index.html"), Route::Home);
    }

    #[test]
    fn page_one_written_out_is_the_first_page_whose_canonical_path_omits_it() {
        assert_eq!(Route::from_path("archive/page/1/"), Route::Archive { page: 1 });
        assert_eq!(Route::from_path("archive/page/1/").path(), "archive/");
        assert_eq!(Route::from_path("tags/t/page/1/").path(), "tags/t/");
        assert_eq!(Route::from_path("archive/2026/page/1/").path(), "archive/2026/");
    }

    #[test]
    fn numbers_are_digits_only_without_sign_or_leading_zero_and_bounded() {
        for path in [
            "archive/page/+1/",
            "archive/page/01/",
            "archive/page/-1/",
            "archive/page/1.0/",
            "archive/page/1e3/",
            "archive/page/ 1/",
            "archive/page/100001/",
            "archive/page/4294967296/",
            "archive/page/99999999999999999999/",
            "archive/page/\u{661}/",
            "archive/+202/",
            "archive/0202/",
            "archive/2026/page/01/",
            "tags/t/page/+2/",
            "archive/page/0x1/",
            "archive/page/index.html/x",
        ] {
            assert_eq!(Route::from_path(path), Route::NotFound, "{path}");
        }
        assert_eq!(Route::from_path("archive/page/100000/"), Route::Archive { page: MAX_PAGE });
    }

    #[test]
    fn unknown_or_unsafe_paths_are_not_found() {
        for path in [
            "nope/",
            "releases/",
            "releases/../../etc/",
            "releases/Upper/",
            "archive/page/0/",
            "archive/page/x/",
            "archive/26/",
            "archive/2026/page/0/",
            "releases/a/b/",
            "releases/a/index.htm",
            "index.html/releases/a/",
            "releases/index.html",
        ] {
            assert_eq!(Route::from_path(path), Route::NotFound, "{path}");
        }
    }

    #[test]
    fn pages_read_the_file_the_content_build_writes() {
        assert_eq!(Route::Home.data_path().as_deref(), Some("data/index/1.json"));
        assert_eq!(Route::Release { slug: "x".into() }.data_path().as_deref(), Some("data/releases/x.json"));
        assert_eq!(Route::Tag { slug: "t".into(), page: 2 }.data_path().as_deref(), Some("data/tags/t/2.json"));
    }
}
