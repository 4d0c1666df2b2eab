//! The site settings as the authors write them: `content/site.toml`. Every value is
//! checked for its kind, at its own position: the language goes into `<html lang>` and
//! names a feed file, the origin into every feed and sitemap address, the e-mail into a
//! `mailto:` link, a campaign's address into the donation button.

use newsroom_model::{is_slug, Campaign, Site};
use serde::Deserialize;
use std::path::Path;
use toml::value::Datetime;
use toml::Spanned;
use url::Url;

use crate::error::{shown, ContentError, Position};
use crate::fields::{self, Checks, ContactFields};
use crate::front_matter::parse_toml;
use crate::links::{check_characters, LinkRule};
use crate::markdown;
use crate::release_source::Reference;

/// The largest cap on the page views of a visit that show an appeal: a visit is a few
/// pages, and a larger number is a typing mistake rather than a cap.
const VIEWS_PER_VISIT_MAX: u32 = 1000;

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct SiteSettings {
    name: Spanned<String>,
    /// Scheme and host the site is served from, for feeds, the sitemap and link previews.
    origin: Spanned<String>,
    tagline: Spanned<String>,
    language: Spanned<String>,
    /// Markdown.
    about: Spanned<String>,
    contact: ContactFields,
    #[serde(default)]
    campaigns: Vec<CampaignSettings>,
    /// The donation page every page's footer links to, appeal or not.
    donate_url: Option<Spanned<String>>,
    /// Hosts besides the site's own that images may come from; none unless listed.
    image_hosts: Option<Spanned<Vec<Spanned<String>>>>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct CampaignSettings {
    id: Spanned<String>,
    headline: Spanned<String>,
    text: Spanned<String>,
    action_label: Spanned<String>,
    action_url: Spanned<String>,
    tax_note: Option<Spanned<String>>,
    starts: Spanned<Datetime>,
    ends: Spanned<Datetime>,
    /// At most this many page views of a reader's visit show the appeal.
    views_per_visit: Option<Spanned<i64>>,
}

/// The site settings read and checked.
#[derive(Debug)]
pub struct SiteSource {
    pub site: Site,
    /// Where the site is served, without a path: `https://newsroom.example.org`.
    pub origin: String,
    /// What links and images in the site's text may lead to.
    pub rule: LinkRule,
    /// The links of the `about` text, as written to the JSON, for checks across files.
    pub links: Vec<Reference>,
}

/// What is wrong with the site settings.
#[derive(Debug)]
pub struct SiteErrors {
    pub errors: Vec<ContentError>,
    /// The link rule, when the origin could be read, so the releases are still checked
    /// and every problem of every file is reported in one run.
    pub rule: Option<Box<LinkRule>>,
}

impl From<Vec<ContentError>> for SiteErrors {
    fn from(errors: Vec<ContentError>) -> SiteErrors {
        SiteErrors { errors, rule: None }
    }
}

/// The settings in `file`, whose text is `text` (control characters already checked).
pub fn read(file: &Path, text: &str) -> Result<SiteSource, SiteErrors> {
    let settings: SiteSettings = parse_toml(file, text, 1).map_err(|error| vec![error])?;
    let mut checks = Checks::new(file, text, 1);
    checks.line("name", &settings.name, fields::NAME_MAX);
    checks.line("tagline", &settings.tagline, fields::TAGLINE_MAX);
    checks.check("language", &settings.language, |tag| {
        if fields::is_language_tag(tag) {
            Ok(())
        } else {
            Err(format!("`{}` is not a language tag: use one such as `en`, `ug`, `tr` or `zh-Hant`", shown(tag)))
        }
    });
    checks.check("about", &settings.about, |about| fields::within(about, fields::ABOUT_MAX));
    let contact = settings.contact.checked(&mut checks);

    let mut image_hosts = Vec::new();
    if let Some(hosts) = &settings.image_hosts {
        if hosts.get_ref().len() > fields::IMAGE_HOSTS_MAX {
            checks.refuse(
                &hosts.span(),
                format!(
                    "`image_hosts` lists {} hosts; at most {} are allowed",
                    hosts.get_ref().len(),
                    fields::IMAGE_HOSTS_MAX
                ),
            );
        }
        for host in hosts.get_ref() {
            checks.check("image_hosts", host, |host| {
                if fields::is_host_name(host) { Ok(()) } else { Err(format!("lists `{}`, which is not a plain host name: write only the host, in lowercase, as in `images.example.org`", shown(host))) }
            });
            image_hosts.push(host.get_ref().clone());
        }
    }

    let origin = match checked_origin(settings.origin.get_ref()) {
        Ok(origin) => Some(origin),
        Err(problem) => {
            checks.refuse(&settings.origin.span(), format!("`origin` {problem}"));
            None
        }
    };
    let rule = origin.as_deref().and_then(|origin| LinkRule::new(origin, &image_hosts).ok());
    let mut about = Vec::new();
    let mut links = Vec::new();
    if let Some(rule) = &rule {
        let (about_start, exact) = string_start(text, &settings.about);
        let at_offset =
            |offset: usize| Position::of_offset(text, if exact { about_start + offset } else { about_start }, 1);
        match markdown::convert(settings.about.get_ref(), rule, "/") {
            Ok(converted) => {
                about = converted.blocks;
                links.extend(
                    converted
                        .links
                        .into_iter()
                        .map(|link| Reference { target: link.target, position: at_offset(link.offset) }),
                );
                if let Some(image) = converted.images.first() {
                    checks.errors.push(ContentError::new(
                        file,
                        at_offset(image.offset),
                        "the about text is shown under every release: it has no images",
                    ));
                }
            }
            Err(problems) => checks.errors.extend(
                problems.into_iter().map(|problem| ContentError::new(file, at_offset(problem.offset), problem.message)),
            ),
        }
    }

    let mut campaigns = Vec::new();
    for campaign in settings.campaigns {
        checks.check("id", &campaign.id, |id| {
            if is_slug(id) && id.len() <= fields::SLUG_MAX { Ok(()) } else { Err("names the campaign in readers' browsers: use lowercase letters, digits and hyphens, as in `winter-appeal-2026`".to_string()) }
        });
        checks.line("headline", &campaign.headline, fields::HEADLINE_MAX);
        checks.check("text", &campaign.text, |text| {
            if text.trim().is_empty() {
                Err("is empty".to_string())
            } else {
                fields::within(text, fields::CAMPAIGN_TEXT_MAX)
            }
        });
        checks.line("action_label", &campaign.action_label, fields::ACTION_LABEL_MAX);
        if let Some(note) = &campaign.tax_note {
            checks.line("tax_note", note, fields::TAX_NOTE_MAX);
        }
        let action_url = match checked_action_url(campaign.action_url.get_ref()) {
            Ok(url) => url,
            Err(problem) => {
                checks.refuse(&campaign.action_url.span(), format!("`action_url` {problem}"));
                String::new()
            }
        };
        let day = |datetime: &Spanned<Datetime>| {
            datetime.get_ref().date.filter(|_| datetime.get_ref().time.is_none()).map(|date| date.to_string())
        };
        let (starts, ends) = (day(&campaign.starts), day(&campaign.ends));
        for (key, value, day) in [("starts", &campaign.starts, &starts), ("ends", &campaign.ends, &ends)] {
            if day.is_none() {
                checks.refuse(&value.span(), format!("`{key}` is a day, as in `{key} = 2026-11-01`"));
            }
        }
        let views_per_visit = campaign.views_per_visit.and_then(|views| {
            let checked = u32::try_from(*views.get_ref()).ok().filter(|views| (1..=VIEWS_PER_VISIT_MAX).contains(views));
            if checked.is_none() {
                checks.refuse(&views.span(), format!("`views_per_visit` is a number of page views from 1 to {VIEWS_PER_VISIT_MAX}, as in `views_per_visit = 3`; leave it out to show the appeal on every page"));
            }
            checked
        });
        let (Some(starts), Some(ends)) = (starts, ends) else { continue };
        if starts > ends {
            checks.refuse(
                &campaign.ends.span(),
                format!("campaign `{}` ends before it starts", shown(campaign.id.get_ref())),
            );
        }
        campaigns.push(Campaign {
            id: campaign.id.into_inner(),
            headline: campaign.headline.into_inner(),
            text: campaign.text.into_inner(),
            action_label: campaign.action_label.into_inner(),
            action_url,
            tax_note: campaign.tax_note.map(Spanned::into_inner),
            starts,
            ends,
            views_per_visit,
        });
    }
    let donate_url = settings.donate_url.and_then(|url| match checked_action_url(url.get_ref()) {
        Ok(url) => Some(url),
        Err(problem) => {
            checks.refuse(&url.span(), format!("`donate_url` {problem}"));
            None
        }
    });
    checks.errors.sort_by_key(|error| (error.line, error.column));
    match (origin, rule) {
        (Some(origin), Some(rule)) if checks.errors.is_empty() => {
            let site = Site {
                name: settings.name.into_inner(),
                tagline: settings.tagline.into_inner(),
                language: settings.language.into_inner(),
                about,
                contact,
                campaigns,
                donate_url,
                image_hosts,
                archive_years: Vec::new(),
            };
            Ok(SiteSource { site, origin, rule, links })
        }
        (_, rule) => Err(SiteErrors { errors: checks.errors, rule: rule.map(Box::new) }),
    }
}

/// Scheme and host, nothing else: https, or http for a site on this machine only.
fn checked_origin(origin: &str) -> Result<String, String> {
    const SHAPE: &str = "is the scheme and host the site is served from, without a path, as in `origin = \"https://newsroom.example.org\"`";
    check_characters(origin).map_err(|problem| format!("{problem}; it {SHAPE}"))?;
    let url = Url::parse(origin).map_err(|_| SHAPE.to_string())?;
    let local = matches!(url.host_str(), Some("localhost" | "127.0.0.1" | "[::1]"));
    if !(url.scheme() == "https" || (url.scheme() == "http" && local)) {
        return Err("starts with https:// (http:// only for a site on this machine, `localhost`): feeds and link previews of a public site must not be readable or changeable on the way".to_string());
    }
    let serialized = url.origin().ascii_serialization();
    if origin.trim_end_matches('/') != serialized {
        return Err(format!("{SHAPE}: here that is `{serialized}`"));
    }
    Ok(serialized)
}

/// A donation page: https only, so what a donor types cannot be read on the way.
fn checked_action_url(address: &str) -> Result<String, String> {
    check_characters(address)?;
    let url = Url::parse(address).map_err(|error| format!("is not a web address: {error}"))?;
    if url.scheme() != "https" {
        return Err("is the donation page, which must start with https://".to_string());
    }
    if !url.username().is_empty() || url.password().is_some() {
        return Err("has a user name before its host, which hides where it leads".to_string());
    }
    Ok(url.into())
}

/// Where the text of the TOML string `value` starts in `text`, and whether offsets in the
/// value are offsets in the file from there (no escapes or folded lines in between).
fn string_start(text: &str, value: &Spanned<String>) -> (usize, bool) {
    let span = value.span();
    let raw = text.get(span.clone()).unwrap_or_default();
    let (open, multi_line) = if raw.starts_with("\"\"\"") || raw.starts_with("'''") { (3, true) } else { (1, false) };
    let mut start = span.start + open;
    if multi_line && text[start..].starts_with('\n') {
        start += 1;
    }
    let inner = text.get(start..span.end.saturating_sub(open)).unwrap_or_default();
    (start, inner == value.get_ref())
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

    fn read_settings(text: &str) -> Result<SiteSource, Vec<ContentError>> {
        read(Path::new("content/site.toml"), text).map_err(|problems| problems.errors)
    }

    fn at(errors: &[ContentError]) -> Vec<(usize, usize)> {
        errors.iter().map(|error| (error.line, error.column)).collect()
    }

    #[test]
    fn settings_become_the_site_file() {
        let SiteSource { site, origin, .. } = read_settings(SETTINGS).unwrap();
        assert_eq!(origin, "https://newsroom.example.org");
        assert_eq!(site.campaigns[0].starts, "2026-11-01");
        assert_eq!(site.campaigns[0].ends, "2027-01-31");
        assert_eq!(site.contact.email.as_deref(), Some("press@example.org"));
        assert_eq!(site.about.len(), 1);
    }

    #[test]
    fn the_origin_is_https_scheme_and_host_only() {
        for (origin, gist) in [
            ("newsroom.example.org/news", "scheme and host"),
            ("https://newsroom.example.org/news", "without a path"),
            ("http://newsroom.example.org", "https://"),
            ("https://user@newsroom.example.org", "without a path"),
            ("javascript:alert(1)", "https://"),
            ("https://newsroom.example.org/?x", "without a path"),
        ] {
            let errors = read_settings(&SETTINGS.replace("https://newsroom.example.org", origin)).unwrap_err();
            assert_eq!(at(&errors), [(2, 10)], "{origin}: {errors:?}");
            assert!(
                errors[0].message.contains("`origin`") && errors[0].message.contains(gist),
                "{origin}: {}",
                errors[0]
            );
        }
        assert_eq!(
            read_settings(&SETTINGS.replace("https://newsroom.example.org", "http://localhost:8080")).unwrap().origin,
            "http://localhost:8080"
        );
    }

    #[test]
    fn every_site_setting_is_checked_for_its_kind_at_the_position_of_its_value() {
        let text = SETTINGS
            .replace("language = \"en\"", "language = \"../../x\"")
            .replace("press@example.org", "press@x?bcc=spy@evil.example")
            .replace("email = ", "phone = \"+1 555 0100 <b>\"\nemail = ")
            .replace("id = \"winter\"", "id = \"Winter Appeal\"")
            .replace("https://example.org/donate", "http://example.org/donate")
            .replace(
                "tagline = \"Sample\"",
                "tagline = \"Sample\"\nimage_hosts = [\"images.example.org\", \"https://cdn.example.org/\"]",
            );
        let errors = read_settings(&text).unwrap_err();
        assert_eq!(at(&errors), [(4, 38), (5, 12), (10, 9), (11, 9), (14, 6), (18, 14)], "{errors:#?}");
        let gists = [
            "`image_hosts` lists `https://cdn.example.org/`",
            "`language` `../../x` is not a language tag",
            "`phone` is not a telephone number",
            "`email` is not one plain e-mail address",
            "`id` names the campaign",
            "`action_url` is the donation page, which must start with https://",
        ];
        for (error, gist) in errors.iter().zip(gists) {
            assert!(error.message.contains(gist), "{gist}: {error}");
            assert_eq!(error.file, Path::new("content/site.toml"));
        }
    }

    #[test]
    fn the_footer_donate_link_is_checked_like_an_appeal_s() {
        for (address, gist) in [
            ("javascript:alert(1)", "must start with https://"),
            ("https://user@example.org/give", "has a user name"),
            ("https://example.org/\\u0007give", "a control character"),
            ("https://evil.example\\\\@example.org/", "a backslash"),
        ] {
            let text = SETTINGS.replace("[contact]", &format!("donate_url = \"{address}\"\n\n[contact]"));
            let errors = read_settings(&text).unwrap_err();
            assert_eq!(at(&errors), [(7, 14)], "{errors:#?}");
            assert!(errors[0].message.contains("`donate_url`") && errors[0].message.contains(gist), "{}", errors[0]);
        }
        let text = SETTINGS.replace("[contact]", "donate_url = \"https://example.org/give\"\n\n[contact]");
        assert_eq!(read_settings(&text).unwrap().site.donate_url.as_deref(), Some("https://example.org/give"));
    }

    #[test]
    fn the_about_text_follows_the_link_rule_at_the_position_of_the_link() {
        let text = SETTINGS.replace(
            "about = \"We *campaign*.\"",
            "about = \"\"\"\nWe *campaign*,\nsee [this](//evil.example/).\n\"\"\"",
        );
        let errors = read_settings(&text).unwrap_err();
        assert_eq!(at(&errors), [(7, 5)], "{errors:#?}");
        assert!(errors[0].message.contains("`//`"), "{}", errors[0]);
    }

    #[test]
    fn campaign_mistakes_are_reported_at_their_values() {
        let errors = read_settings(
            &SETTINGS.replace("https://example.org/donate", "javascript:x").replace("ends = 2027", "ends = 2025"),
        )
        .unwrap_err();
        assert_eq!(at(&errors), [(16, 14), (18, 8)], "{errors:?}");
    }

    #[test]
    fn an_appeal_s_cap_on_page_views_is_a_number_from_1_to_1000_reported_at_its_value() {
        let capped = |views: &str| read_settings(&format!("{SETTINGS}views_per_visit = {views}\n"));
        assert_eq!(capped("3").unwrap().site.campaigns[0].views_per_visit, Some(3));
        assert_eq!(read_settings(SETTINGS).unwrap().site.campaigns[0].views_per_visit, None);
        for views in ["0", "-1", "1001", "4294967299"] {
            let errors = capped(views).unwrap_err();
            assert_eq!(at(&errors), [(19, 19)], "{views}: {errors:?}");
            assert!(
                errors[0].message.contains("`views_per_visit` is a number of page views from 1 to 1000"),
                "{}",
                errors[0]
            );
        }
    }
}
