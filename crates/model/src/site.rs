use serde::{Deserialize, Serialize};

use crate::Block;

/// `data/site.json`: what every page shows around the release.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Site {
    pub name: String,
    pub tagline: String,
    pub language: String,
    /// The "about us" boilerplate printed under every release.
    pub about: Vec<Block>,
    pub contact: Contact,
    pub campaigns: Vec<Campaign>,
    /// The donation page the footer of every page links to, so that closing an appeal
    /// never hides the way to give.
    pub donate_url: Option<String>,
    /// Hosts other than the site's own that images may be loaded from (`images.example.org`):
    /// none by default, so a reader's browser asks no other host for anything.
    pub image_hosts: Vec<String>,
    /// Years that have releases, newest first, for the archive's year pages.
    pub archive_years: Vec<u32>,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Contact {
    pub name: String,
    pub role: Option<String>,
    pub email: Option<String>,
    pub phone: Option<String>,
    /// Its vCard's file name, `contacts/<card>.vcf`: a slug the content build gives
    /// each distinct contact, never written by authors.
    pub card: Option<String>,
}

/// A donation appeal, shown from `starts` to `ends` inclusive (`YYYY-MM-DD`).
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Campaign {
    /// Stable name under which a reader's dismissal is remembered.
    pub id: String,
    pub headline: String,
    pub text: String,
    pub action_label: String,
    pub action_url: String,
    pub tax_note: Option<String>,
    pub starts: String,
    pub ends: String,
    /// At most this many page views of a visit show the appeal; every one when `None`.
    pub views_per_visit: Option<u32>,
}

impl Campaign {
    /// `day` is `YYYY-MM-DD`; ISO dates compare correctly as text.
    pub fn is_active_on(&self, day: &str) -> bool {
        self.starts.as_str() <= day && day <= self.ends.as_str()
    }
}

impl Site {
    /// The campaign to show on `day`: the first active one in the authors' order.
    pub fn active_campaign(&self, day: &str) -> Option<&Campaign> {
        self.campaigns.iter().find(|campaign| campaign.is_active_on(day))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn campaign(id: &str, starts: &str, ends: &str) -> Campaign {
        Campaign {
            id: id.into(),
            headline: String::new(),
            text: String::new(),
            action_label: String::new(),
            action_url: String::new(),
            tax_note: None,
            starts: starts.into(),
            ends: ends.into(),
            views_per_visit: None,
        }
    }

    #[test]
    fn a_campaign_is_active_on_its_first_and_last_day_only() {
        let winter = campaign("winter", "2026-11-01", "2027-01-31");
        assert!(!winter.is_active_on("2026-10-31"));
        assert!(winter.is_active_on("2026-11-01"));
        assert!(winter.is_active_on("2027-01-31"));
        assert!(!winter.is_active_on("2027-02-01"));
    }

    #[test]
    fn the_first_active_campaign_wins_and_none_is_shown_between_campaigns() {
        let site = Site {
            name: String::new(),
            tagline: String::new(),
            language: "en".into(),
            about: vec![],
            contact: Contact { name: String::new(), role: None, email: None, phone: None, card: None },
            campaigns: vec![
                campaign("spring", "2027-03-01", "2027-03-31"),
                campaign("winter", "2026-11-01", "2027-01-31"),
            ],
            donate_url: None,
            image_hosts: vec![],
            archive_years: vec![],
        };
        assert_eq!(site.active_campaign("2026-12-24").map(|c| c.id.as_str()), Some("winter"));
        assert_eq!(site.active_campaign("2027-02-14"), None);
    }
}
