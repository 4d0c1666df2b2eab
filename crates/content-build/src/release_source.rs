//! One release as its author wrote it: `content/releases/<slug>.md`.

use chrono::DateTime;
use newsroom_model::{is_slug, Contact, Image, Release, ReleaseSummary, Tag};
use serde::Deserialize;
use std::path::{Path, PathBuf};
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
    image: Option<ImageField>,
    translation_of: Option<String>,
    #[serde(default)]
    draft: bool,
    publish_at: Option<Datetime>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct ImageField {
    src: String,
    alt: Option<String>,
    caption: Option<String>,
}

/// Whether a release may be published now.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Publication {
    Published,
    Draft,
    /// Not before this instant (seconds since 1970, UTC).
    Embargoed { until: i64 },
}

/// Something in the release that names another file, and where it stands.
pub struct Reference {
    pub target: String,
    pub position: Position,
}

/// A release read and checked on its own; `content` checks it against the others.
pub struct ReleaseSource {
    pub file: PathBuf,
    pub release: Release,
    /// The instant used to order releases, seconds since 1970 (UTC).
    pub published_at: i64,
    pub publication: Publication,
    pub translation_of: Option<Reference>,
    pub links: Vec<Reference>,
    pub images: Vec<Reference>,
}

pub fn read(file: &Path, text: &str, site_language: &str, now: i64) -> Result<ReleaseSource, Vec<ContentError>> {
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
    let published_at = utc_seconds(&fields.date).unwrap_or_else(|| {
        errors.push(ContentError::new(file, at_field("date"), "`date` needs a day, a time and a time zone, as in `date = 2026-11-20T10:00:00-05:00`"));
        0
    });
    let embargo = fields.publish_at.as_ref().and_then(|publish_at| {
        let until = utc_seconds(publish_at);
        if until.is_none() {
            errors.push(ContentError::new(file, at_field("publish_at"), "`publish_at` needs a day, a time and a time zone, as in `publish_at = 2026-11-20T06:00:00-05:00`"));
        }
        until
    });
    let publication = match (fields.draft, embargo) {
        (true, _) => Publication::Draft,
        (false, Some(until)) if until > now => Publication::Embargoed { until },
        _ => Publication::Published,
    };
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
    let mut images = Vec::new();
    let image = fields.image.and_then(|image| {
        let position = field_position(text, "src");
        match image.alt.filter(|alt| !alt.trim().is_empty()) {
            Some(alt) => {
                images.push(Reference { target: image.src.clone(), position });
                Some(Image { src: image.src, alt, caption: image.caption, size: None })
            }
            None => {
                errors.push(ContentError::new(file, position, "the image has no `alt` text: describe what it shows, for readers who cannot see it"));
                None
            }
        }
    });
    let at_offset = |offset| Position::of_offset(source.body, offset, source.body_line);
    let mut links = Vec::new();
    let body = match markdown::convert(source.body) {
        Ok(converted) => {
            links.extend(converted.links.into_iter().map(|link| Reference { target: link.target, position: at_offset(link.offset) }));
            images.extend(converted.images.into_iter().map(|image| Reference { target: image.target, position: at_offset(image.offset) }));
            converted.blocks
        }
        Err(problems) => {
            errors.extend(problems.into_iter().map(|problem| ContentError::new(file, at_offset(problem.offset), problem.message)));
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
        unpublished: publication != Publication::Published,
    };
    let translation_of = fields.translation_of.map(|target| Reference { target, position: at_field("translation_of") });
    Ok(ReleaseSource {
        file: file.to_path_buf(),
        release: Release { listing, image, body, translations: Vec::new(), contact: fields.contact, previous: None, next: None },
        published_at,
        publication,
        translation_of,
        links,
        images,
    })
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
pub fn utc_seconds(datetime: &Datetime) -> Option<i64> {
    datetime.offset?;
    DateTime::parse_from_rfc3339(&datetime.to_string()).ok().map(|instant| instant.timestamp())
}

#[cfg(test)]
mod tests {
    use super::*;
    use newsroom_model::Block;

    const GOOD: &str = "+++\ntitle = \"A title\"\ndate = 2026-11-20T10:00:00-05:00\ndateline = \"Washington, DC\"\nsummary = \"What happened.\"\ntags = [\"Forced labour\", \"UN\"]\n+++\n\nThe text.\n";

    const NOW: i64 = 1_795_000_000;

    fn read_text(text: &str) -> Result<ReleaseSource, Vec<ContentError>> {
        read(Path::new("content/releases/a-release.md"), text, "en", NOW)
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
        assert_eq!(source.published_at, 1_795_186_800);
        assert_eq!(source.publication, Publication::Published);
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
        let errors = read(Path::new("content/releases/Bad Name.md"), &GOOD.replace("The text.\n", ""), "en", NOW).err().unwrap();
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
    fn drafts_and_future_embargoes_are_not_published() {
        let draft = read_text(&GOOD.replace("+++\n\nThe", "draft = true\n+++\n\nThe")).unwrap();
        assert_eq!(draft.publication, Publication::Draft);
        assert!(draft.release.listing.unpublished);
        let embargoed = read_text(&GOOD.replace("+++\n\nThe", "publish_at = 2030-01-01T00:00:00Z\n+++\n\nThe")).unwrap();
        assert_eq!(embargoed.publication, Publication::Embargoed { until: 1_893_456_000 });
        let lifted = read_text(&GOOD.replace("+++\n\nThe", "publish_at = 2020-01-01T00:00:00Z\n+++\n\nThe")).unwrap();
        assert_eq!(lifted.publication, Publication::Published);
    }

    #[test]
    fn an_image_needs_alt_text() {
        let errors = read_text(&GOOD.replace("+++\n\nThe", "[image]\nsrc = \"media/a.jpg\"\n+++\n\nThe")).err().unwrap();
        assert_eq!(errors[0].line, 8, "{}", errors[0]);
        assert!(errors[0].message.contains("alt"), "{}", errors[0]);
    }

    #[test]
    fn tag_slugs() {
        assert_eq!(tag_slug("Forced labour"), "forced-labour");
        assert_eq!(tag_slug("  U.N. / Geneva "), "u-n-geneva");
        assert_eq!(tag_slug("ئۇيغۇر"), "");
    }
}
