/// Every page of the newsroom, and the URL and data file of each. The app routes with
/// it and the content build writes files at the paths it names, so a link the app makes
/// always has a file behind it on a static host.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Route {
    Home,
    Archive { page: u32 },
    Release { slug: String },
    Tag { slug: String, page: u32 },
    Year { year: u32, page: u32 },
    NotFound,
}

pub const SITE_DATA_PATH: &str = "data/site.json";

impl Route {
    /// `path` is relative to where the site is deployed, e.g. `releases/un-report/`.
    pub fn from_path(path: &str) -> Route {
        let segments: Vec<&str> = path.split('/').filter(|segment| !segment.is_empty()).collect();
        match segments.as_slice() {
            [] | ["index.html"] => Route::Home,
            ["archive"] => Route::Archive { page: 1 },
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
            Route::NotFound => None,
        }
    }
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
        && !text.contains("--")
        && text.chars().all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-')
}

/// Four digits, so `archive/page/` and `archive/2026/` never collide.
fn parse_year(text: &str) -> Option<u32> {
    (text.len() == 4).then(|| text.parse().ok()).flatten()
}

fn parse_page(text: &str) -> Option<u32> {
    text.parse().ok().filter(|page| *page >= 1)
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
    fn unknown_or_unsafe_paths_are_not_found() {
        for path in ["nope/", "releases/", "releases/../../etc/", "releases/Upper/", "archive/page/0/", "archive/page/x/", "archive/26/", "archive/2026/page/0/", "releases/a/b/"] {
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
