use serde::{Deserialize, Serialize};

use crate::{Block, Contact, Image};

/// What a list of releases shows of one release; also the head of the release itself.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct ReleaseSummary {
    pub slug: String,
    pub title: String,
    /// RFC 3339 with the author's time zone, e.g. `2026-11-20T10:00:00-05:00`.
    pub published: String,
    pub dateline: String,
    pub summary: String,
    pub tags: Vec<Tag>,
    /// BCP 47 language tag of the release text.
    pub language: String,
    /// Set only in a local preview of drafts and embargoed releases, never when published.
    pub unpublished: bool,
}

impl ReleaseSummary {
    /// The calendar day in the author's time zone, which is the day the release gives.
    pub fn published_day(&self) -> &str {
        self.published.get(..10).unwrap_or(&self.published)
    }
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Tag {
    pub name: String,
    pub slug: String,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct ReleaseLink {
    pub slug: String,
    pub title: String,
}

/// Another language version of the same release.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Translation {
    pub slug: String,
    pub title: String,
    pub language: String,
}

/// One release file: `data/releases/<slug>.json`.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Release {
    pub listing: ReleaseSummary,
    /// Shown above the body, and in link previews.
    pub image: Option<Image>,
    pub body: Vec<Block>,
    /// The other language versions, in the order of the original first.
    pub translations: Vec<Translation>,
    /// A media contact for this release only; the site's contact applies otherwise.
    pub contact: Option<Contact>,
    /// The next older release.
    pub previous: Option<ReleaseLink>,
    /// The next newer release.
    pub next: Option<ReleaseLink>,
    /// Up to three releases in the same language that share most topics with this
    /// one, newest first among equals.
    pub related: Vec<ReleaseSummary>,
}
