//! One release as its author wrote it: `content/releases/<slug>.md`.

use chrono::DateTime;
use newsroom_model::{is_slug, Image, Release, ReleaseSummary, Route, Tag};
use serde::Deserialize;
use std::path::{Path, PathBuf};
use toml::value::Datetime;
use toml::Spanned;

use crate::error::{shown, ContentError, Position};
use crate::fields::{self, Checks, ContactFields};
use crate::front_matter;
use crate::links::{ImageSource, LinkRule};
use crate::markdown;

/// The front matter fields; any other key is an error, so a typo is never ignored.
#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct FrontMatter {
    title: Spanned<String>,
    date: Spanned<Datetime>,
    dateline: Spanned<String>,
    summary: Spanned<String>,
    tags: Option<Spanned<Vec<Spanned<String>>>>,
    language: Option<Spanned<String>>,
    contact: Option<ContactFields>,
    image: Option<Spanned<ImageField>>,
    translation_of: Option<Spanned<String>>,
    #[serde(default)]
    draft: bool,
    publish_at: Option<Spanned<Datetime>>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct ImageField {
    src: Spanned<String>,
    alt: Option<Spanned<String>>,
    caption: Option<Spanned<String>>,
    credit: Option<Spanned<String>>,
    licence: Option<Spanned<String>>,
}

/// An image's credit and licence in one line, as the image shows them.
fn credit_line(credit: Option<Spanned<String>>, licence: Option<Spanned<String>>) -> Option<String> {
    let parts: Vec<String> = [credit, licence].into_iter().flatten().map(Spanned::into_inner).collect();
    (!parts.is_empty()).then(|| parts.join(" · "))
}

/// Whether a release may be published now.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Publication {
    Published,
    Draft,
    /// Not before this instant (seconds since 1970, UTC).
    Embargoed {
        until: i64,
    },
}

/// Something in the release that names another file, and where it stands.
#[derive(Clone, Debug)]
pub struct Reference {
    pub target: String,
    pub position: Position,
}

/// A release read and checked on its own; `content` checks it against the others.
#[derive(Clone, Debug)]
pub struct ReleaseSource {
    pub file: PathBuf,
    pub release: Release,
    /// The instant used to order releases, seconds since 1970 (UTC).
    pub published_at: i64,
    pub publication: Publication,
    pub translation_of: Option<Reference>,
    /// Every link, as written to the JSON: site links root-relative (`/releases/x/`).
    pub links: Vec<Reference>,
    /// Images in `content/media/`, as `media/…`.
    pub images: Vec<Reference>,
}

/// The release in `file`, whose text is `text` (control characters already checked),
/// on a site in `site_language` whose links follow `rule`; `now` decides embargoes.
/// Mistakes in the front matter and in the body are all reported, together.
pub fn read(
    file: &Path,
    text: &str,
    site_language: &str,
    rule: &LinkRule,
    now: i64,
) -> Result<ReleaseSource, Vec<ContentError>> {
    let source = front_matter::split(file, text).map_err(|error| vec![error])?;
    let mut errors = Vec::new();

    let slug = file.file_stem().and_then(|stem| stem.to_str()).unwrap_or_default().to_string();
    if !is_slug(&slug) || slug.len() > fields::SLUG_MAX {
        errors.push(ContentError::new(file, Position::START, format!("the file name `{}` becomes the release's web address: use only lowercase letters, digits and single hyphens, at most {} of them, as in `un-report-on-forced-labour.md`", shown(&slug), fields::SLUG_MAX)));
    }
    let page = format!("/{}", Route::Release { slug: slug.clone() }.path());
    let at_offset = |offset| Position::of_offset(source.body, offset, source.body_line);
    let mut links = Vec::new();
    let mut images = Vec::new();
    let body = match markdown::convert(source.body, rule, &page) {
        Ok(converted) => {
            links.extend(
                converted
                    .links
                    .into_iter()
                    .map(|link| Reference { target: link.target, position: at_offset(link.offset) }),
            );
            images.extend(
                converted
                    .images
                    .into_iter()
                    .map(|image| Reference { target: image.target, position: at_offset(image.offset) }),
            );
            converted.blocks
        }
        Err(problems) => {
            errors.extend(
                problems.into_iter().map(|problem| ContentError::new(file, at_offset(problem.offset), problem.message)),
            );
            Vec::new()
        }
    };

    let fields: FrontMatter = match source.fields(file) {
        Ok(fields) => fields,
        Err(error) => {
            errors.insert(0, error);
            return Err(errors);
        }
    };
    let mut checks = Checks::new(file, source.front_matter(), 2);
    checks.line("title", &fields.title, fields::TITLE_MAX);
    checks.line("dateline", &fields.dateline, fields::DATELINE_MAX);
    checks.check("summary", &fields.summary, |summary| {
        if summary.trim().is_empty() {
            Err("is empty: every release needs one".to_string())
        } else {
            fields::within(summary, fields::SUMMARY_MAX)
        }
    });

    let published_at = utc_seconds(fields.date.get_ref()).unwrap_or_else(|| {
        checks.refuse(
            &fields.date.span(),
            "`date` needs a day, a time and a time zone, as in `date = 2026-11-20T10:00:00-05:00`",
        );
        0
    });
    let embargo = fields.publish_at.as_ref().and_then(|publish_at| {
        let until = utc_seconds(publish_at.get_ref());
        if until.is_none() {
            checks.refuse(
                &publish_at.span(),
                "`publish_at` needs a day, a time and a time zone, as in `publish_at = 2026-11-20T06:00:00-05:00`",
            );
        }
        until
    });
    let publication = match (fields.draft, embargo) {
        (true, _) => Publication::Draft,
        (false, Some(until)) if until > now => Publication::Embargoed { until },
        _ => Publication::Published,
    };
    let mut tags = Vec::new();
    if let Some(names) = &fields.tags {
        if names.get_ref().len() > fields::TAGS_MAX {
            checks.refuse(
                &names.span(),
                format!(
                    "`tags` has {} tags; at most {} are allowed: keep the ones readers follow",
                    names.get_ref().len(),
                    fields::TAGS_MAX
                ),
            );
        }
        for name in names.get_ref() {
            let slug = tag_slug(name.get_ref());
            if let Err(problem) = fields::line_of_text(name.get_ref(), fields::TAG_MAX) {
                checks.refuse(&name.span(), format!("the tag {problem}"));
            } else if slug.is_empty() {
                checks.refuse(
                    &name.span(),
                    format!("the tag `{}` needs Latin letters or digits for its web address", shown(name.get_ref())),
                );
            } else {
                tags.push(Tag { name: name.get_ref().clone(), slug });
            }
        }
    }
    if let Some(language) = &fields.language {
        checks.check("language", language, |tag| {
            if fields::is_language_tag(tag) {
                Ok(())
            } else {
                Err(format!("`{}` is not a language tag: use one such as `en`, `ug`, `tr` or `zh-Hant`", shown(tag)))
            }
        });
    }
    if let Some(original) = &fields.translation_of {
        checks.check("translation_of", original, |slug| {
            if is_slug(slug) && slug.len() <= fields::SLUG_MAX { Ok(()) } else { Err("is the file name, without `.md`, of the release this one translates: lowercase letters, digits and hyphens".to_string()) }
        });
    }
    let contact = fields.contact.map(|contact| contact.checked(&mut checks));
    let image = fields.image.and_then(|image| {
        let span = image.span();
        let ImageField { src, alt, caption, credit, licence } = image.into_inner();
        if let Some(caption) = &caption {
            checks.line("caption", caption, fields::CAPTION_MAX);
        }
        for (name, line) in [("credit", &credit), ("licence", &licence)] {
            if let Some(line) = line {
                checks.line(name, line, fields::CREDIT_MAX);
            }
        }
        let src_text = match rule.image(src.get_ref()) {
            Ok(source) => {
                if let ImageSource::Media(target) = &source {
                    images.insert(0, Reference { target: target.clone(), position: checks.position(&src.span()) });
                }
                source.src().to_string()
            }
            Err(problem) => {
                checks.refuse(&src.span(), problem);
                String::new()
            }
        };
        match alt {
            Some(alt) => {
                checks.line("alt", &alt, fields::ALT_MAX);
                Some(Image {
                    src: src_text,
                    alt: alt.into_inner(),
                    caption: caption.map(Spanned::into_inner),
                    credit: credit_line(credit, licence),
                    ..Image::default()
                })
            }
            None => {
                checks.refuse(
                    &span,
                    "the image has no `alt` text: describe what it shows, for readers who cannot see it",
                );
                None
            }
        }
    });
    let translation_of = fields
        .translation_of
        .map(|target| Reference { position: checks.position(&target.span()), target: target.into_inner() });
    let front_matter_errors = checks.errors;
    errors.splice(0..0, front_matter_errors);
    errors.sort_by_key(|error| (error.line, error.column));
    if errors.is_empty() && body.is_empty() {
        errors.push(ContentError::new(
            file,
            Position { line: source.body_line, column: 1 },
            "the release has no text: write it below the closing `+++`",
        ));
    }
    if !errors.is_empty() {
        return Err(errors);
    }
    let listing = ReleaseSummary {
        slug,
        title: fields.title.into_inner(),
        published: fields.date.get_ref().to_string(),
        dateline: fields.dateline.into_inner(),
        summary: fields.summary.into_inner(),
        tags,
        language: fields.language.map_or_else(|| site_language.to_string(), Spanned::into_inner),
        unpublished: publication != Publication::Published,
    };
    Ok(ReleaseSource {
        file: file.to_path_buf(),
        release: Release {
            listing,
            image,
            body,
            translations: Vec::new(),
            contact,
            previous: None,
            next: None,
            related: Vec::new(),
        },
        published_at,
        publication,
        translation_of,
        links,
        images,
    })
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

    fn rule() -> LinkRule {
        LinkRule::new("https://newsroom.example.org", &[]).unwrap()
    }

    fn read_text(text: &str) -> Result<ReleaseSource, Vec<ContentError>> {
        read(Path::new("content/releases/a-release.md"), text, "en", &rule(), NOW)
    }

    fn at(errors: &[ContentError]) -> Vec<(usize, usize)> {
        errors.iter().map(|error| (error.line, error.column)).collect()
    }

    #[test]
    fn a_good_release_reads_with_slug_tags_and_language() {
        let source = read_text(GOOD).unwrap();
        let listing = &source.release.listing;
        assert_eq!(listing.slug, "a-release");
        assert_eq!(listing.published, "2026-11-20T10:00:00-05:00");
        assert_eq!(
            listing.tags,
            vec![
                Tag { name: "Forced labour".into(), slug: "forced-labour".into() },
                Tag { name: "UN".into(), slug: "un".into() }
            ]
        );
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
        let errors =
            read(Path::new("content/releases/Bad Name.md"), &GOOD.replace("The text.\n", ""), "en", &rule(), NOW)
                .err()
                .unwrap();
        assert!(errors[0].message.contains("lowercase"), "{}", errors[0]);
        let errors = read_text(&GOOD.replace("The text.\n", "")).err().unwrap();
        assert!(errors[0].message.contains("no text"), "{}", errors[0]);
    }

    #[test]
    fn a_malformed_language_is_an_error() {
        let errors = read_text(&GOOD.replace("tags = [", "language = \"en_US!\"\ntags = [")).err().unwrap();
        assert!(errors[0].message.contains("language tag"), "{}", errors[0]);
    }

    #[test]
    fn every_front_matter_field_is_checked_for_its_kind_at_the_position_of_its_value() {
        // The dateline says `language =` first: a search for the key's text would point there.
        let text = r#"+++
title = "A title"
date = 2026-11-20T10:00:00-05:00
dateline = "language = here"
summary = "What happened."
language = "en\"><script>"
translation_of = "../../x"
tags = ["UN", """two
lines"""]
[contact]
name = "Press"
email = "press@x?bcc=spy@evil.example"
phone = "call us"
+++

The text.
"#;
        let errors = read_text(text).unwrap_err();
        assert_eq!(at(&errors), [(6, 12), (7, 18), (8, 15), (12, 9), (13, 9)], "{errors:#?}");
        assert!(errors.iter().all(|error| error.file == Path::new("content/releases/a-release.md")));
        let gists = [
            "`language` `en\"><script>` is not a language tag",
            "`translation_of` is the file name",
            "the tag is on more than one line",
            "`email` is not one plain e-mail address",
            "`phone` is not a telephone number",
        ];
        for (error, gist) in errors.iter().zip(gists) {
            assert!(error.message.contains(gist), "{gist}: {error}");
        }
    }

    #[test]
    fn texts_have_length_limits_and_tags_a_count() {
        let long_title = "x".repeat(fields::TITLE_MAX + 1);
        let tags = (0..=fields::TAGS_MAX).map(|n| format!("\"t{n}\"")).collect::<Vec<_>>().join(", ");
        let text = GOOD
            .replace("A title", &long_title)
            .replace("tags = [\"Forced labour\", \"UN\"]", &format!("tags = [{tags}]"));
        let errors = read_text(&text).unwrap_err();
        assert_eq!(at(&errors), [(2, 9), (6, 8)], "{errors:#?}");
        assert!(errors[0].message.contains("`title` is 201 characters long; at most 200"), "{}", errors[0]);
        assert!(errors[1].message.contains("13 tags; at most 12"), "{}", errors[1]);
    }

    #[test]
    fn toml_nested_a_hundred_thousand_deep_is_an_error_at_its_line_not_a_stack_overflow() {
        // The toml crate stops at 80 levels of arrays, inline tables and dotted keys, so
        // no text needs refusing before it is parsed.
        for (deep, column) in
            [("[".repeat(100_000), 8), ("{a = ".repeat(100_000), 8), (format!("{} = 1", "a.".repeat(100_000)), 1)]
        {
            let text = GOOD.replace("tags = [\"Forced labour\", \"UN\"]", &format!("tags = {deep}"));
            let errors = std::thread::Builder::new()
                .stack_size(2 << 20)
                .spawn(move || read_text(&text).err())
                .unwrap()
                .join()
                .expect("no stack overflow")
                .expect("refused");
            assert_eq!(at(&errors)[0].0, 6, "{}", errors[0]);
            assert!(at(&errors)[0].1 >= column, "{}", errors[0]);
        }
    }

    #[test]
    fn front_matter_mistakes_do_not_hide_mistakes_in_the_body() {
        let errors = read_text(
            &GOOD.replace("title = \"A title\"", "title = 1").replace("The text.", "The [text](javascript:x)."),
        )
        .unwrap_err();
        assert_eq!(at(&errors), [(2, 9), (9, 5)], "{errors:#?}");
        assert!(errors[0].message.contains("string"), "{}", errors[0]);
        assert!(errors[1].message.contains("javascript"), "{}", errors[1]);
        let errors = read_text(&GOOD.replace("A title", "").replace("The text.", "<b>text</b>")).unwrap_err();
        assert_eq!(at(&errors), [(2, 9), (9, 1), (9, 8)], "{errors:#?}");
    }

    #[test]
    fn site_links_are_written_root_relative_and_a_bare_fragment_names_the_release() {
        let source =
            read_text(&GOOD.replace(
                "The text.",
                "See [contact](#contact), [x](releases/x/) and [mail](MAILTO:press@example.org).",
            ))
            .unwrap();
        let targets: Vec<&str> = source.links.iter().map(|link| link.target.as_str()).collect();
        assert_eq!(targets, ["/releases/a-release/#contact", "/releases/x/", "mailto:press@example.org"]);
        let json = serde_json::to_string(&source.release.body).unwrap();
        assert!(json.contains("\"/releases/a-release/#contact\"") && json.contains("\"/releases/x/\""), "{json}");
    }

    #[test]
    fn drafts_and_future_embargoes_are_not_published() {
        let draft = read_text(&GOOD.replace("+++\n\nThe", "draft = true\n+++\n\nThe")).unwrap();
        assert_eq!(draft.publication, Publication::Draft);
        assert!(draft.release.listing.unpublished);
        let embargoed =
            read_text(&GOOD.replace("+++\n\nThe", "publish_at = 2030-01-01T00:00:00Z\n+++\n\nThe")).unwrap();
        assert_eq!(embargoed.publication, Publication::Embargoed { until: 1_893_456_000 });
        let lifted = read_text(&GOOD.replace("+++\n\nThe", "publish_at = 2020-01-01T00:00:00Z\n+++\n\nThe")).unwrap();
        assert_eq!(lifted.publication, Publication::Published);
    }

    #[test]
    fn an_image_needs_alt_text() {
        let errors =
            read_text(&GOOD.replace("+++\n\nThe", "[image]\nsrc = \"media/a.jpg\"\n+++\n\nThe")).err().unwrap();
        assert_eq!(errors[0].line, 7, "{}", errors[0]);
        assert!(errors[0].message.contains("alt"), "{}", errors[0]);
    }

    #[test]
    fn tag_slugs() {
        assert_eq!(tag_slug("Forced labour"), "forced-labour");
        assert_eq!(tag_slug("  U.N. / Geneva "), "u-n-geneva");
        assert_eq!(tag_slug("ئۇيغۇر"), "");
    }
}
