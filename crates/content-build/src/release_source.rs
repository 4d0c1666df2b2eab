//! One release as its author wrote it: `content/releases/<slug>.md`.

use newsroom_model::{is_slug, Contact, Release, ReleaseSummary, Tag};
use serde::Deserialize;
use std::path::Path;
use toml::value::Datetime;

use crate::error::{ContentError, Position};
use crate::front_matter;
use crate::markdown;

/// The front matter fields; any other key is an error, so a typo is never ignored.
#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct FrontMatter {
    title: String,
    date: Datetime,
    dateline: String,
    summary: String,
    #[serde(default)]
    tags: Vec<String>,
    language: Option<String>,
    contact: Option<Contact>,
}

/// A release read and checked, with the instant used to order releases.
pub struct ReleaseSource {
    pub release: Release,
    pub utc_seconds: i64,
}

pub fn read(file: &Path, text: &str, site_language: &str) -> Result<ReleaseSource, Vec<ContentError>> {
    let source = front_matter::split(file, text).map_err(|error| vec![error])?;
    let fields: FrontMatter = source.fields(file).map_err(|error| vec![error])?;
    let mut errors = Vec::new();
    let at_field = |key: &str| field_position(text, key);

    let slug = file.file_stem().and_then(|stem| stem.to_str()).unwrap_or_default().to_string();
    if !is_slug(&slug) {
        errors.push(ContentError::new(file, Position::START, format!("the file name `{slug}` becomes the release's web address: use only lowercase letters, digits and hyphens, as in `un-report-on-forced-labour.md`")));
    }
    for (key, value) in [("title", &fields.title), ("dateline", &fields.dateline), ("summary", &fields.summary)] {
        if value.trim().is_empty() {
            errors.push(ContentError::new(file, at_field(key), format!("`{key}` is empty: every release needs one")));
        }
    }
    let utc_seconds = utc_seconds(&fields.date).unwrap_or_else(|| {
        errors.push(ContentError::new(file, at_field("date"), "`date` needs a day, a time and a time zone, as in `date = 2026-11-20T10:00:00-05:00`"));
        0
    });
    let mut tags = Vec::new();
    for name in &fields.tags {
        let slug = tag_slug(name);
        if slug.is_empty() {
            errors.push(ContentError::new(file, at_field("tags"), format!("the tag `{name}` needs Latin letters or digits for its web address")));
        } else {
            tags.push(Tag { name: name.clone(), slug });
        }
    }
    if let Some(language) = fields.language.as_deref().filter(|language| !is_language_tag(language)) {
        errors.push(ContentError::new(file, at_field("language"), format!("`{language}` is not a language tag: use one such as `en`, `ug` or `tr`")));
    }
    let body = match markdown::to_blocks(source.body) {
        Ok(body) => body,
        Err(problems) => {
            errors.extend(problems.into_iter().map(|problem| {
                ContentError::new(file, Position::of_offset(source.body, problem.offset, source.body_line), problem.message)
            }));
            Vec::new()
        }
    };
    if errors.is_empty() && body.is_empty() {
        errors.push(ContentError::new(file, Position { line: source.body_line, column: 1 }, "the release has no text: write it below the closing `+++`"));
    }
    if !errors.is_empty() {
        return Err(errors);
    }
    let listing = ReleaseSummary {
        slug,
        title: fields.title,
        published: fields.date.to_string(),
        dateline: fields.dateline,
        summary: fields.summary,
        tags,
        language: fields.language.unwrap_or_else(|| site_language.to_string()),
    };
    Ok(ReleaseSource { release: Release { listing, body, contact: fields.contact, previous: None, next: None }, utc_seconds })
}

/// Where `key = …` stands in the file, for errors about a field's value.
fn field_position(text: &str, key: &str) -> Position {
    text.lines()
        .position(|line| line.trim_start().strip_prefix(key).is_some_and(|rest| rest.trim_start().starts_with('=')))
        .map_or(Position::START, |index| Position { line: index + 1, column: 1 })
}

/// A BCP 47 tag in the shape browsers accept, such as `en`, `ug-CN` or `zh-Hant`.
fn is_language_tag(tag: &str) -> bool {
    let mut subtags = tag.split('-');
    let primary = subtags.next().unwrap_or_default();
    (2..=3).contains(&primary.len())
        && primary.chars().all(|c| c.is_ascii_alphabetic())
        && subtags.all(|subtag| (1..=8).contains(&subtag.len()) && subtag.chars().all(|c| c.is_ascii_alphanumeric()))
}

/// `Forced labour` → `forced-labour`.
pub fn tag_slug(name: &str) -> String {
    let mut slug = String::new();
    for c in name.chars().flat_map(char::to_lowercase) {
        if c.is_ascii_alphanumeric() {
            slug.push(c);
        } else if !slug.is_empty() && !slug.ends_with('-') {
            slug.push('-');
        }
    }
    slug.trim_end_matches('-').to_string()
}

/// Seconds since 1970 in UTC, for a date-time with a time zone; `None` otherwise.
fn utc_seconds(datetime: &Datetime) -> Option<i64> {
    let (date, time, offset) = (datetime.date?, datetime.time?, datetime.offset?);
    let offset_minutes = match offset {
        toml::value::Offset::Z => 0,
        toml::value::Offset::Custom { minutes } => i64::from(minutes),
    };
    let days = days_from_civil(i64::from(date.year), i64::from(date.month), i64::from(date.day));
    let seconds_of_day = i64::from(time.hour) * 3600 + i64::from(time.minute) * 60 + i64::from(time.second);
    Some(days * 86_400 + seconds_of_day - offset_minutes * 60)
}

/// Days from 1970-01-01 to a proleptic Gregorian date (Howard Hinnant's algorithm).
fn days_from_civil(year: i64, month: i64, day: i64) -> i64 {
    let year = if month <= 2 { year - 1 } else { year };
    let era = year.div_euclid(400);
    let year_of_era = year - era * 400;
    let day_of_year = (153 * ((month + 9) % 12) + 2) / 5 + day - 1;
    let day_of_era = year_of_era * 365 + year_of_era / 4 - year_of_era / 100 + day_of_year;
    era * 146_097 + day_of_era - 719_468
}

#[cfg(test)]
mod tests {
    use super::*;
    use newsroom_model::Block;

    const GOOD: &str = "+++\ntitle = \"A title\"\ndate = 2026-11-20T10:00:00-05:00\ndateline = \"Washington, DC\"\nsummary = \"What happened.\"\ntags = [\"Forced labour\", \"UN\"]\n+++\n\nThe text.\n";

    fn read_text(text: &str) -> Result<ReleaseSource, Vec<ContentError>> {
        read(Path::new("content/releases/a-release.md"), text, "en")
    }

    #[test]
    fn a_good_release_reads_with_slug_tags_and_language() {
        let source = read_text(GOOD).unwrap();
        let listing = &source.release.listing;
        assert_eq!(listing.slug, "a-release");
        assert_eq!(listing.published, "2026-11-20T10:00:00-05:00");
        assert_eq!(listing.tags, vec![Tag { name: "Forced labour".into(), slug: "forced-labour".into() }, Tag { name: "UN".into(), slug: "un".into() }]);
        assert_eq!(listing.language, "en");
        assert_eq!(source.release.body, vec![Block::Paragraph(vec![newsroom_model::Inline::Text("The text.".into())])]);
        assert_eq!(source.utc_seconds, 1_795_186_800);
    }

    #[test]
    fn time_zones_order_releases_by_the_real_instant() {
        let utc = utc_seconds(&"2026-11-20T15:00:00Z".parse().unwrap()).unwrap();
        let washington = utc_seconds(&"2026-11-20T10:00:00-05:00".parse().unwrap()).unwrap();
        assert_eq!(utc, washington);
        assert_eq!(utc_seconds(&"1970-01-01T00:00:00Z".parse().unwrap()), Some(0));
    }

    #[test]
    fn a_date_without_time_zone_is_an_error_on_its_line() {
        let errors = read_text(&GOOD.replace("10:00:00-05:00", "10:00:00")).err().unwrap();
        assert_eq!(errors[0].line, 3);
        assert!(errors[0].message.contains("time zone"));
    }

    #[test]
    fn an_unknown_key_is_an_error_naming_it() {
        let errors = read_text(&GOOD.replace("+++\n\nThe", "auther = \"me\"\n+++\n\nThe")).err().unwrap();
        assert_eq!(errors[0].line, 7);
        assert!(errors[0].message.contains("auther"), "{}", errors[0]);
    }

    #[test]
    fn a_missing_title_is_an_error() {
        let errors = read_text(&GOOD.replace("title = \"A title\"\n", "")).err().unwrap();
        assert!(errors[0].message.contains("title"), "{}", errors[0]);
    }

    #[test]
    fn body_errors_carry_the_line_of_the_file() {
        let errors = read_text(&GOOD.replace("The text.", "Line one.\n\n<iframe src=x></iframe>")).err().unwrap();
        assert_eq!(errors[0].line, 11);
        assert!(errors[0].message.contains("raw HTML"));
    }

    #[test]
    fn an_empty_body_and_a_bad_file_name_are_errors() {
        let errors = read(Path::new("content/releases/Bad Name.md"), &GOOD.replace("The text.\n", ""), "en").err().unwrap();
        assert!(errors[0].message.contains("lowercase"), "{}", errors[0]);
        let errors = read_text(&GOOD.replace("The text.\n", "")).err().unwrap();
        assert!(errors[0].message.contains("no text"), "{}", errors[0]);
    }

    #[test]
    fn a_malformed_language_is_an_error() {
        let errors = read_text(&GOOD.replace("tags = [", "language = \"en_US!\"\ntags = [")).err().unwrap();
        assert!(errors[0].message.contains("language tag"), "{}", errors[0]);
        assert!(is_language_tag("ug") && is_language_tag("ug-CN") && is_language_tag("zh-Hant"));
    }

    #[test]
    fn tag_slugs() {
        assert_eq!(tag_slug("Forced labour"), "forced-labour");
        assert_eq!(tag_slug("  U.N. / Geneva "), "u-n-geneva");
        assert_eq!(tag_slug("ئۇيغۇر"), "");
    }
}
