//! The JSON the app reads: the site, paged lists (all, per tag, per year), releases,
//! each at the path the app fetches it from (`Route::data_path`).

use newsroom_model::{Route, SITE_DATA_PATH};

use crate::built_site::BuiltSite;
use crate::site_file::SiteFile;

pub fn json_files(built: &BuiltSite) -> Vec<SiteFile> {
    let file = |route: &Route, json: &[u8]| SiteFile::new(&route.data_path().unwrap_or_default(), json.to_vec());
    let mut files = vec![SiteFile::new(SITE_DATA_PATH, built.site_json.clone())];
    files.extend(built.lists.iter().map(|list| file(&list.route, &list.json)));
    files.extend(built.releases.iter().map(|page| file(&page.route, &page.json)));
    files
}
