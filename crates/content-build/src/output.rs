//! Reads all content, then writes every JSON file the app reads.

use newsroom_model::{index_data_path, release_data_path, tag_data_path, IndexPage, Release, ReleaseLink, ReleaseSummary, PAGE_SIZE, SITE_DATA_PATH};
use serde::Serialize;
use std::collections::BTreeMap;
use std::fs;
use std::path::{Path, PathBuf};

use crate::error::{ContentError, Position};
use crate::release_source::{self, ReleaseSource};
use crate::site_source;

pub fn build(content_dir: &Path, site_dir: &Path) -> Result<String, Vec<ContentError>> {
    let site_file = content_dir.join("site.toml");
    let site = site_source::read(&site_file, &read_text(&site_file).map_err(|error| vec![error])?)?;

    let mut errors = Vec::new();
    let mut sources = Vec::new();
    for file in release_files(&content_dir.join("releases")).map_err(|error| vec![error])? {
        match read_text(&file).map_err(|error| vec![error]).and_then(|text| release_source::read(&file, &text, &site.language)) {
            Ok(source) => sources.push(source),
            Err(problems) => errors.extend(problems),
        }
    }
    if !errors.is_empty() {
        return Err(errors);
    }
    let releases = in_reading_order(sources);

    let mut files: Vec<(String, String)> = vec![(SITE_DATA_PATH.to_string(), json(&site))];
    let listings: Vec<&ReleaseSummary> = releases.iter().map(|release| &release.listing).collect();
    files.extend(index_pages(&listings, None, index_data_path));
    let mut by_tag: BTreeMap<&str, Vec<&ReleaseSummary>> = BTreeMap::new();
    for listing in &listings {
        for tag in &listing.tags {
            by_tag.entry(&tag.slug).or_default().push(listing);
        }
    }
    for (slug, tagged) in &by_tag {
        let name = tagged[0].tags.iter().find(|tag| tag.slug == *slug).map(|tag| tag.name.clone());
        files.extend(index_pages(tagged, name, |page| tag_data_path(slug, page)));
    }
    files.extend(releases.iter().map(|release| (release_data_path(&release.listing.slug), json(release))));

    write_all(site_dir, &files).map_err(|error| vec![error])?;
    Ok(format!("{} releases, {} tags, {} files written to {}", releases.len(), by_tag.len(), files.len(), site_dir.join("data").display()))
}

fn read_text(file: &Path) -> Result<String, ContentError> {
    fs::read_to_string(file)
        .map(|text| text.replace("\r\n", "\n"))
        .map_err(|error| ContentError::new(file, Position::START, format!("cannot read this file: {error}")))
}

fn release_files(dir: &Path) -> Result<Vec<PathBuf>, ContentError> {
    let entries = fs::read_dir(dir).map_err(|error| ContentError::new(dir, Position::START, format!("cannot read the releases folder: {error}")))?;
    let mut files: Vec<PathBuf> = entries.filter_map(Result::ok).map(|entry| entry.path()).filter(|path| path.extension().is_some_and(|ext| ext == "md")).collect();
    files.sort();
    Ok(files)
}

/// Newest first, each linked to its neighbours in time.
fn in_reading_order(mut sources: Vec<ReleaseSource>) -> Vec<Release> {
    sources.sort_by(|a, b| b.utc_seconds.cmp(&a.utc_seconds).then_with(|| a.release.listing.slug.cmp(&b.release.listing.slug)));
    let links: Vec<ReleaseLink> = sources.iter().map(|source| ReleaseLink { slug: source.release.listing.slug.clone(), title: source.release.listing.title.clone() }).collect();
    sources
        .into_iter()
        .enumerate()
        .map(|(index, source)| Release {
            next: index.checked_sub(1).map(|newer| links[newer].clone()),
            previous: links.get(index + 1).cloned(),
            ..source.release
        })
        .collect()
}

fn index_pages(listings: &[&ReleaseSummary], tag: Option<String>, path: impl Fn(u32) -> String) -> Vec<(String, String)> {
    let pages = listings.len().div_ceil(PAGE_SIZE).max(1) as u32;
    (1..=pages)
        .map(|page| {
            let start = (page as usize - 1) * PAGE_SIZE;
            let releases = listings.iter().skip(start).take(PAGE_SIZE).map(|listing| (*listing).clone()).collect();
            (path(page), json(&IndexPage { page, pages, total: listings.len() as u32, tag: tag.clone(), releases }))
        })
        .collect()
}

fn json(value: &impl Serialize) -> String {
    serde_json::to_string(value).expect("content model types always serialize")
}

/// Writes beside the old data, then swaps, so a reader never sees half a build.
fn write_all(site_dir: &Path, files: &[(String, String)]) -> Result<(), ContentError> {
    let failed = |path: &Path, error: std::io::Error| ContentError::new(path, Position::START, format!("cannot write: {error}"));
    let staging = site_dir.join(".data-being-written");
    let _ = fs::remove_dir_all(&staging);
    for (relative, contents) in files {
        let relative = relative.strip_prefix("data/").unwrap_or(relative);
        let path = staging.join(relative);
        if let Some(parent) = path.parent() {
            fs::create_dir_all(parent).map_err(|error| failed(parent, error))?;
        }
        fs::write(&path, contents).map_err(|error| failed(&path, error))?;
    }
    let data = site_dir.join("data");
    if data.exists() {
        fs::remove_dir_all(&data).map_err(|error| failed(&data, error))?;
    }
    fs::rename(&staging, &data).map_err(|error| failed(&data, error))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn scratch(name: &str) -> PathBuf {
        let dir = std::env::temp_dir().join(format!("content-build-test-{name}-{}", std::process::id()));
        let _ = fs::remove_dir_all(&dir);
        fs::create_dir_all(dir.join("content/releases")).unwrap();
        fs::write(dir.join("content/site.toml"), "name = \"N\"\ntagline = \"T\"\nlanguage = \"en\"\nabout = \"About.\"\n[contact]\nname = \"Press\"\n").unwrap();
        dir
    }

    fn write_release(dir: &Path, slug: &str, date: &str, tags: &str) {
        let text = format!("+++\ntitle = \"Title {slug}\"\ndate = {date}\ndateline = \"Geneva\"\nsummary = \"S\"\ntags = [{tags}]\n+++\nBody of {slug}.\n");
        fs::write(dir.join(format!("content/releases/{slug}.md")), text).unwrap();
    }

    fn read_json<T: serde::de::DeserializeOwned>(path: PathBuf) -> T {
        serde_json::from_str(&fs::read_to_string(path).unwrap()).unwrap()
    }

    #[test]
    fn releases_are_paged_newest_first_and_linked_to_their_neighbours() {
        let dir = scratch("paging");
        for day in 1..=12 {
            write_release(&dir, &format!("r{day:02}"), &format!("2026-10-{day:02}T09:00:00Z"), if day % 2 == 0 { "\"Even days\"" } else { "" });
        }
        build(&dir.join("content"), &dir.join("site")).unwrap();
        let first: IndexPage = read_json(dir.join("site/data/index/1.json"));
        assert_eq!((first.page, first.pages, first.total, first.releases.len()), (1, 2, 12, PAGE_SIZE));
        assert_eq!(first.releases[0].slug, "r12");
        let second: IndexPage = read_json(dir.join("site/data/index/2.json"));
        assert_eq!(second.releases.iter().map(|r| r.slug.as_str()).collect::<Vec<_>>(), ["r02", "r01"]);
        let middle: Release = read_json(dir.join("site/data/releases/r05.json"));
        assert_eq!(middle.previous.unwrap().slug, "r04");
        assert_eq!(middle.next.unwrap().slug, "r06");
        let newest: Release = read_json(dir.join("site/data/releases/r12.json"));
        assert!(newest.next.is_none());
        let tagged: IndexPage = read_json(dir.join("site/data/tags/even-days/1.json"));
        assert_eq!((tagged.total, tagged.tag.as_deref()), (6, Some("Even days")));
    }

    #[test]
    fn all_errors_are_reported_and_nothing_is_written() {
        let dir = scratch("errors");
        write_release(&dir, "good", "2026-10-01T09:00:00Z", "");
        fs::write(dir.join("content/releases/bad-one.md"), "+++\ntitle = \"\"\ndate = 2026-10-01\ndateline = \"X\"\nsummary = \"S\"\n+++\nText\n").unwrap();
        fs::write(dir.join("content/releases/bad-two.md"), "no front matter").unwrap();
        let errors = build(&dir.join("content"), &dir.join("site")).unwrap_err();
        let files: Vec<String> = errors.iter().map(|error| error.file.file_name().unwrap().to_string_lossy().into_owned()).collect();
        assert_eq!(files, ["bad-one.md", "bad-one.md", "bad-two.md"], "{errors:?}");
        assert!(!dir.join("site/data").exists());
    }

    #[test]
    fn a_rebuild_replaces_the_old_data_whole() {
        let dir = scratch("rebuild");
        write_release(&dir, "first", "2026-10-01T09:00:00Z", "");
        build(&dir.join("content"), &dir.join("site")).unwrap();
        fs::remove_file(dir.join("content/releases/first.md")).unwrap();
        write_release(&dir, "second", "2026-10-02T09:00:00Z", "");
        build(&dir.join("content"), &dir.join("site")).unwrap();
        assert!(!dir.join("site/data/releases/first.json").exists());
        assert!(dir.join("site/data/releases/second.json").exists());
        assert!(!dir.join("site/.data-being-written").exists());
    }
}
