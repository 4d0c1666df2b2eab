use serde::{Deserialize, Serialize};

use crate::ReleaseSummary;

/// How many releases one index file holds. Small, so the first page a reader fetches
/// stays a few kilobytes however large the archive grows.
pub const PAGE_SIZE: usize = 10;

/// One page of a list of releases, newest first: `data/index/<page>.json` for all
/// releases, `data/tags/<tag>/<page>.json` for one tag.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct IndexPage {
    /// Counted from 1.
    pub page: u32,
    pub pages: u32,
    pub total: u32,
    /// The tag's display name on tag pages.
    pub tag: Option<String>,
    pub releases: Vec<ReleaseSummary>,
}
