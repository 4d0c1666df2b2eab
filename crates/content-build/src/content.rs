//! All content read, checked across files, and put in reading order: what every output
//! (JSON, feeds, sitemap, pages) is written from.

use newsroom_model::{Block, Image, Release, ReleaseLink, Site, Translation};
use std::collections::{BTreeSet, HashMap};
use std::fs;
use std::path::{Path, PathBuf};

use crate::error::{ContentError, Position};
use crate::image_size;
use crate::release_source::{self, Publication, Reference, ReleaseSource};
use crate::site_source;

/// What to include.
#[derive(Clone, Copy, Debug)]
pub struct Options {
    /// Include drafts and embargoed releases, marked unpublished: for an author's preview.
    pub drafts: bool,
    /// The instant embargoes are compared with, seconds since 1970 (UTC).
    pub now: i64,
}

pub struct Content {
    pub site: Site,
    /// Where the site is served, without a path: `https://newsroom.example.org`.
    pub origin: String,
    /// Newest first, each linked to its neighbours and other language versions.
    pub releases: Vec<Release>,
    /// Files under `content/media/` that releases show, relative to it.
    pub media: Vec<PathBuf>,
}

pub fn read(content_dir: &Path, options: Options) -> Result<Content, Vec<ContentError>> {
    let site_file = content_dir.join("site.toml");
    let (mut site, origin) = site_source::read(&site_file, &read_text(&site_file).map_err(|error| vec![error])?)?;

    let mut errors = Vec::new();
    let mut sources = Vec::new();
    let release_dir = content_dir.join("releases");
    for file in markdown_files(&release_dir).map_err(|error| vec![error])? {
        match read_text(&file).map_err(|error| vec![error]).and_then(|text| release_source::read(&file, &text, &site.language, options.now)) {
            Ok(source) => sources.push(source),
            Err(problems) => errors.extend(problems),
        }
    }
    let media_dir = content_dir.join("media");
    errors.extend(check_across_files(&sources, &media_dir));
    if !errors.is_empty() {
        return Err(errors);
    }

    // Only what is published is measured and copied: a draft's images stay private too.
    sources.retain(|source| options.drafts || source.publication == Publication::Published);
    for source in &mut sources {
        measure_images(&mut source.release, &media_dir);
    }
    let media = sources.iter().flat_map(|source| &source.images).filter_map(|image| image.target.strip_prefix("media/")).map(PathBuf::from).collect::<BTreeSet<_>>();
    let releases = in_reading_order(sources);
    site.archive_years = releases.iter().filter_map(|release| release.listing.published_day().get(..4)?.parse().ok()).collect::<BTreeSet<u32>>().into_iter().rev().collect();
    Ok(Content { site, origin, releases, media: media.into_iter().collect() })
}

fn read_text(file: &Path) -> Result<String, ContentError> {
    fs::read_to_string(file)
        .map(|text| text.replace("\r\n", "\n"))
        .map_err(|error| ContentError::new(file, Position::START, format!("cannot read this file: {error}")))
}

/// Every `.md` file below `dir`, in subfolders too (authors may file releases by year).
fn markdown_files(dir: &Path) -> Result<Vec<PathBuf>, ContentError> {
    let entries = fs::read_dir(dir).map_err(|error| ContentError::new(dir, Position::START, format!("cannot read the releases folder: {error}")))?;
    let mut files = Vec::new();
    for path in entries.filter_map(Result::ok).map(|entry| entry.path()) {
        if path.is_dir() {
            files.extend(markdown_files(&path)?);
        } else if path.extension().is_some_and(|ext| ext == "md") {
            files.push(path);
        }
    }
    files.sort();
    Ok(files)
}

/// Slugs are unique, translations and site links point to releases that exist, and
/// images are files in `content/media/` or https addresses.
fn check_across_files(sources: &[ReleaseSource], media_dir: &Path) -> Vec<ContentError> {
    let mut errors = Vec::new();
    let mut by_slug: HashMap<&str, &ReleaseSource> = HashMap::new();
    for source in sources {
        let slug = source.release.listing.slug.as_str();
        if let Some(first) = by_slug.get(slug) {
            errors.push(ContentError::new(&source.file, Position::START, format!("another release already has the address `{slug}`: {}. Rename one of the files", first.file.display())));
        } else {
            by_slug.insert(slug, source);
        }
    }
    for source in sources {
        if let Some(Reference { target, position }) = &source.translation_of {
            match by_slug.get(target.as_str()) {
                None => errors.push(ContentError::new(&source.file, *position, format!("`translation_of = \"{target}\"` points to no release: use the file name, without `.md`, of the original"))),
                Some(original) if original.translation_of.is_some() => {
                    errors.push(ContentError::new(&source.file, *position, format!("`{target}` is itself a translation: point to the original it translates")))
                }
                Some(original) if original.release.listing.language == source.release.listing.language => errors.push(ContentError::new(
                    &source.file,
                    *position,
                    format!("`{target}` is in the same language ({}): a translation needs its own `language`", source.release.listing.language),
                )),
                Some(_) => {}
            }
        }
        for link in &source.links {
            let linked_release = link.target.strip_prefix("/releases/").map(|rest| rest.trim_end_matches('/'));
            if let Some(slug) = linked_release.filter(|slug| !by_slug.contains_key(slug)) {
                errors.push(ContentError::new(&source.file, link.position, format!("the link to `{}` leads nowhere: there is no release `{slug}`", link.target)));
            }
        }
        for image in &source.images {
            let in_media = image.target.strip_prefix("media/").filter(|name| !name.contains("..") && !name.is_empty());
            match in_media {
                Some(name) if media_dir.join(name).is_file() => {}
                Some(name) => errors.push(ContentError::new(&source.file, image.position, format!("there is no image `{name}` in content/media/"))),
                None if image.target.starts_with("https://") => {}
                None => errors.push(ContentError::new(&source.file, image.position, format!("the image `{}` must be a file in content/media/ (written `media/name.jpg`) or an https:// address", image.target))),
            }
        }
    }
    errors
}

/// Gives images in `content/media/` their size, so pages reserve their space and
/// nothing moves when they load.
fn measure_images(release: &mut Release, media_dir: &Path) {
    let measure = |image: &mut Image| {
        if let Some(name) = image.src.strip_prefix("media/") {
            image.size = image_size::of(&media_dir.join(name));
        }
    };
    release.image.iter_mut().for_each(measure);
    for block in &mut release.body {
        if let Block::Image(image) = block {
            measure(image);
        }
    }
}

/// Newest first, each linked to its neighbours in time and to its other languages.
fn in_reading_order(mut sources: Vec<ReleaseSource>) -> Vec<Release> {
    sources.sort_by(|a, b| b.published_at.cmp(&a.published_at).then_with(|| a.release.listing.slug.cmp(&b.release.listing.slug)));
    let links: Vec<ReleaseLink> = sources.iter().map(|source| ReleaseLink { slug: source.release.listing.slug.clone(), title: source.release.listing.title.clone() }).collect();

    // A translation group is named by its original's slug.
    let group_of = |source: &ReleaseSource| source.translation_of.as_ref().map_or(source.release.listing.slug.clone(), |original| original.target.clone());
    let mut groups: HashMap<String, Vec<(bool, Translation)>> = HashMap::new();
    for source in &sources {
        let listing = &source.release.listing;
        let version = Translation { slug: listing.slug.clone(), title: listing.title.clone(), language: listing.language.clone() };
        groups.entry(group_of(source)).or_default().push((source.translation_of.is_none(), version));
    }
    for versions in groups.values_mut() {
        versions.sort_by(|a, b| b.0.cmp(&a.0).then_with(|| a.1.language.cmp(&b.1.language)));
    }

    sources
        .iter()
        .enumerate()
        .map(|(index, source)| {
            let slug = &source.release.listing.slug;
            let translations = groups[&group_of(source)].iter().filter(|(_, version)| &version.slug != slug).map(|(_, version)| version.clone()).collect::<Vec<_>>();
            Release {
                next: index.checked_sub(1).map(|newer| links[newer].clone()),
                previous: links.get(index + 1).cloned(),
                translations,
                ..source.release.clone()
            }
        })
        .collect()
}
