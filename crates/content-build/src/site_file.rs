//! A file the build writes, relative to the site folder: what every writer of the site
//! (JSON, pages, feeds, sitemap, headers, stylesheets) hands to `output`, which writes
//! them all or none. A leaf, so that the writers and the module driving them do not
//! import each other.

pub struct SiteFile {
    pub path: String,
    pub contents: Vec<u8>,
}

impl SiteFile {
    pub fn new(path: &str, contents: Vec<u8>) -> SiteFile {
        SiteFile { path: path.to_string(), contents }
    }
}
