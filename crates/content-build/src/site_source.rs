//! The site settings as the authors write them: `content/site.toml`.

use newsroom_model::{Campaign, Contact, Site};
use serde::Deserialize;
use std::path::Path;
use toml::value::Datetime;

use crate::error::{ContentError, Position};
use crate::front_matter::parse_toml;
use crate::markdown;

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct SiteSettings {
    name: String,
    /// Scheme and host the site is served from, for feeds, the sitemap and link previews.
    origin: String,
    tagline: String,
    language: String,
    /// Markdown.
    about: String,
    contact: Contact,
    #[serde(default)]
    campaigns: Vec<CampaignSettings>,
    /// Hosts besides the site's own that images may come from; none unless listed.
    #[serde(default)]
    image_hosts: Vec<String>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct CampaignSettings {
    id: String,
    headline: String,
    text: String,
    action_label: String,
    action_url: String,
    tax_note: Option<String>,
    starts: Datetime,
    ends: Datetime,
}

/// The site, and the origin it is served from.
pub fn read(file: &Path, text: &str) -> Result<(Site, String), Vec<ContentError>> {
    let settings: SiteSettings = parse_toml(file, text, 1).map_err(|error| vec![error])?;
    let mut errors = Vec::new();
    let origin = settings.origin.trim_end_matches('/').to_string();
    let host = origin.strip_prefix("https://").or_else(|| origin.strip_prefix("http://"));
    if host.is_none_or(|host| host.is_empty() || host.contains('/')) {
        let line = text.lines().position(|line| line.starts_with("origin")).map_or(1, |index| index + 1);
        errors.push(ContentError::new(file, Position { line, column: 1 }, "`origin` is the scheme and host the site is served from, without a path, as in `origin = \"https://newsroom.example.org\"`"));
    }
    let about_line = text.lines().position(|line| line.starts_with("about")).map_or(1, |index| index + 1);
    let about = markdown::to_blocks(&settings.about).unwrap_or_else(|problems| {
        errors.extend(problems.into_iter().map(|problem| ContentError::new(file, Position { line: about_line, column: 1 }, problem.message)));
        Vec::new()
    });
    let mut campaigns = Vec::new();
    for campaign in settings.campaigns {
        let position = text
            .lines()
            .position(|line| line.contains(&format!("\"{}\"", campaign.id)))
            .map_or(Position::START, |index| Position { line: index + 1, column: 1 });
        let day = |datetime: &Datetime| datetime.date.filter(|_| datetime.time.is_none()).map(|date| date.to_string());
        let (Some(starts), Some(ends)) = (day(&campaign.starts), day(&campaign.ends)) else {
            errors.push(ContentError::new(file, position, "a campaign's `starts` and `ends` are days, as in `starts = 2026-11-01`"));
            continue;
        };
        if !(campaign.action_url.starts_with("https://") || campaign.action_url.starts_with("http://")) {
            errors.push(ContentError::new(file, position, "a campaign's `action_url` is a web address starting with https://"));
        }
        if starts > ends {
            errors.push(ContentError::new(file, position, format!("campaign `{}` ends before it starts", campaign.id)));
        }
        campaigns.push(Campaign {
            id: campaign.id,
            headline: campaign.headline,
            text: campaign.text,
            action_label: campaign.action_label,
            action_url: campaign.action_url,
            tax_note: campaign.tax_note,
            starts,
            ends,
        });
    }
    if !errors.is_empty() {
        return Err(errors);
    }
    let site = Site { name: settings.name, tagline: settings.tagline, language: settings.language, about, contact: settings.contact, campaigns, image_hosts: settings.image_hosts, archive_years: Vec::new() };
    Ok((site, origin))
}

#[cfg(test)]
mod tests {
    use super::*;

    const SETTINGS: &str = r#"name = "Newsroom"
origin = "https://newsroom.example.org"
tagline = "Sample"
language = "en"
about = "We *campaign*."

[contact]
name = "Press office"
email = "press@example.org"

[[campaigns]]
id = "winter"
headline = "Give"
text = "Please."
action_label = "Donate"
action_url = "https://example.org/donate"
starts = 2026-11-01
ends = 2027-01-31
"#;

    #[test]
    fn settings_become_the_site_file() {
        let (site, origin) = read(Path::new("site.toml"), SETTINGS).unwrap();
        assert_eq!(origin, "https://newsroom.example.org");
        assert_eq!(site.campaigns[0].starts, "2026-11-01");
        assert_eq!(site.campaigns[0].ends, "2027-01-31");
        assert_eq!(site.contact.email.as_deref(), Some("press@example.org"));
        assert_eq!(site.about.len(), 1);
    }

    #[test]
    fn the_origin_has_no_path() {
        let errors = read(Path::new("site.toml"), &SETTINGS.replace("https://newsroom.example.org", "newsroom.example.org/news")).unwrap_err();
        assert_eq!(errors[0].line, 2, "{errors:?}");
    }

    #[test]
    fn campaign_mistakes_are_reported_at_the_campaign() {
        let errors = read(Path::new("site.toml"), &SETTINGS.replace("https://example.org/donate", "javascript:x").replace("ends = 2027", "ends = 2025")).unwrap_err();
        assert_eq!(errors.len(), 2);
        assert!(errors.iter().all(|error| error.line == 12), "{errors:?}");
    }
}
